using System.ComponentModel.DataAnnotations;

namespace Mutuality.Web.Features.Notifications;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// Lets ntfy addresses on loopback, link-local and private networks through. Off by default, so the server
    /// cannot be pointed at its own network; a self-hoster whose ntfy runs beside it turns it on.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How often the background worker looks at the outbox.</summary>
    [Range(1, 3600, ErrorMessage = "Notifications:PollSeconds must be from 1 to 3600.")]
    public int PollSeconds { get; set; } = 5;

    /// <summary>How long a push service keeps an undelivered notice (its TTL).</summary>
    [Range(0, 28 * 24 * 60 * 60, ErrorMessage = "Notifications:TimeToLiveSeconds must be from 0 to 2419200 (four weeks).")]
    public int TimeToLiveSeconds { get; set; } = 12 * 60 * 60;

    /// <summary>Tries before a notice is given up (busy push services are retried with growing waits).</summary>
    [Range(1, 100, ErrorMessage = "Notifications:MaxAttempts must be from 1 to 100.")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Turns the background worker off (tests drain the outbox themselves).</summary>
    public bool WorkerEnabled { get; set; } = true;
}
