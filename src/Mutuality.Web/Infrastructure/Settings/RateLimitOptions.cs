using System.ComponentModel.DataAnnotations;

namespace Mutuality.Web.Infrastructure.Settings;

/// <summary>Settings under "RateLimits".</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Attempts to sign in, register, reset, confirm, invite or join, per client address and page, a minute.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:AuthPerMinute must be a whole number of at least 1.")]
    public int AuthPerMinute { get; set; } = 20;

    /// <summary>Exports asked for (or brought in) per person an hour.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:ExportsPerHour must be a whole number of at least 1.")]
    public int ExportsPerHour { get; set; } = 5;

    /// <summary>
    /// Count both limits in the database too, so several nodes together allow only these numbers (PostgreSQL only;
    /// on with <c>Nodes:Several</c>).
    /// </summary>
    public bool InDatabase { get; set; }
}
