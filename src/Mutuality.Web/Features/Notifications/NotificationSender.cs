using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mutuality.Domain.Notifications;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Notifications.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Notifications;

/// <summary>
/// Drains the outbox: claims each due row with a short lease (so two nodes never send the same row at once),
/// sends it by Web Push (encrypted, aes128gcm, VAPID, TTL, the event id as Topic) or ntfy (discreet wording),
/// marks it sent, and handles the answers: 404/410 removes the device, 429/5xx and network trouble are retried
/// with growing waits, other refusals are given up with a plain note on the device.
/// At least once per event; a resend after a crash carries the same Topic, so it replaces rather than repeats.
/// </summary>
public sealed class NotificationSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory http,
    VapidKeys vapid,
    IOptions<NotificationOptions> options,
    IOptions<MailOptions> mail,
    TimeProvider clock,
    ILogger<NotificationSender> log) : IRecurringJob
{
    public const string PushClient = "webpush";

    public const string NtfyClient = "ntfy";

    private enum Outcome
    {
        Delivered,
        Gone,
        Retry,
        GiveUp,
    }

    /// <summary>Sends what is due now; returns how many notices were delivered.</summary>
    Task IRecurringJob.RunAsync(CancellationToken ct) => DrainOnceAsync(ct);

    public async Task<int> DrainOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var due = await db.NotificationOutbox.AsNoTracking()
            .Where(o => o.SentAtUtc == null && o.AbandonedAtUtc == null && o.DueAtUtc <= now && (o.LeasedUntilUtc == null || o.LeasedUntilUtc < now))
            .OrderBy(o => o.DueAtUtc).Select(o => o.Id).Take(100).ToListAsync(ct);
        var delivered = 0;
        foreach (var id in due)
        {
            var lease = now.AddMinutes(2);
            var claimed = await db.NotificationOutbox
                .Where(o => o.Id == id && o.SentAtUtc == null && o.AbandonedAtUtc == null && (o.LeasedUntilUtc == null || o.LeasedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeasedUntilUtc, lease), ct);
            if (claimed == 0)
            {
                continue; // another node has it
            }

            var item = await db.NotificationOutbox.FirstAsync(o => o.Id == id, ct);
            var device = await db.PushDevices.FirstOrDefaultAsync(d => d.Id == item.DeviceId, ct);
            if (device is null)
            {
                item.AbandonedAtUtc = now;
                await db.SaveChangesAsync(ct);
                continue;
            }

            // A notice queued for later (held by quiet hours, or retried) is asked again whether it is still wanted.
            if (!await scope.ServiceProvider.GetRequiredService<ScheduledNotices>().StillWantedAsync(item, ct))
            {
                item.AbandonedAtUtc = now;
                item.LeasedUntilUtc = null;
                await db.SaveChangesAsync(ct);
                continue;
            }

            // The app icon's badge (where the Badging API exists) follows the feed's unread count, as on the pages.
            int? unread = device.Channel == DeviceChannel.WebPush ? await UnreadAsync(scope.ServiceProvider, db, item.UserId, ct) : null;
            var (outcome, problem, retryAfter) = await SendAsync(device, item, unread, ct);
            item.Attempts++;
            item.LeasedUntilUtc = null;
            switch (outcome)
            {
                case Outcome.Delivered:
                    item.SentAtUtc = now;
                    device.LastDeliveredAtUtc = now;
                    device.LastProblem = null;
                    delivered++;
                    break;
                case Outcome.Gone:
                    // The browser or topic is gone for good: forget the device and what waited for it.
                    db.PushDevices.Remove(device);
                    log.LogInformation("A push subscription was gone (404/410) and is removed.");
                    break;
                case Outcome.Retry when item.Attempts < options.Value.MaxAttempts:
                    item.DueAtUtc = now + (retryAfter ?? Backoff(item.Attempts));
                    device.LastProblem = problem;
                    break;
                default:
                    item.AbandonedAtUtc = now;
                    device.LastProblem = problem;
                    break;
            }

            await db.SaveChangesAsync(ct);
        }

        return delivered;
    }

    /// <summary>30 s, 1 min, 2 min … up to an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>
    /// The JSON the browser's worker receives (encrypted end to end): no content, only wording, a page and — when
    /// known — the person's unread count for the app icon's badge (the same seal-respecting count as the pages' badge).
    /// </summary>
    /// <remarks>
    /// Padded with trailing JSON whitespace to <see cref="PayloadBytes"/>, so a push service sees the same size for every
    /// notice whatever its kind, page or count (docs/privacy.md).
    /// </remarks>
    public static string Payload(NotificationOutboxItem item, int? unread = null)
    {
        var json = unread is { } count
            ? JsonSerializer.Serialize(new { title = NoticeWording.Title, body = item.Body, url = item.Url, tag = item.EventId.ToString("N"), unread = count })
            : JsonSerializer.Serialize(new { title = NoticeWording.Title, body = item.Body, url = item.Url, tag = item.EventId.ToString("N") });
        var length = System.Text.Encoding.UTF8.GetByteCount(json);
        return length < PayloadBytes ? json + new string(' ', PayloadBytes - length) : json;
    }

    /// <summary>Every Web Push payload is this many bytes before encryption.</summary>
    public const int PayloadBytes = 512;

    private static async Task<int?> UnreadAsync(IServiceProvider services, AppDbContext db, Guid userId, CancellationToken ct)
    {
        if (await services.GetRequiredService<Infrastructure.Couples.CallerQuery>().RunAsync(db, userId, ct) is not { } row)
        {
            return null;
        }

        var caller = new Infrastructure.Couples.Caller(userId, row.DisplayName, row.TimeZoneId, row.CoupleId, row.PartnerId, row.PartnerName, row.PartnerTimeZoneId);
        return await services.GetRequiredService<Feed.FeedQueries>().UnreadAsync(caller, ct);
    }

    private async Task<(Outcome Outcome, string? Problem, TimeSpan? RetryAfter)> SendAsync(PushDevice device, NotificationOutboxItem item, int? unread, CancellationToken ct)
    {
        var allowPrivate = options.Value.AllowPrivateNetworks;
        if (NetworkGuard.AddressProblem(device.Endpoint, allowPrivate) is { } refused)
        {
            return (Outcome.GiveUp, refused, null);
        }

        try
        {
            return device.Channel == DeviceChannel.Ntfy ? await SendNtfyAsync(device, ct) : await SendWebPushAsync(device, item, unread, ct);
        }
        catch (PushServiceClientException e)
        {
            return Classify(e.StatusCode, RetryAfterOf(e.Headers?.RetryAfter));
        }
        catch (HttpRequestException e) when (e.Message.Contains("private or local network", StringComparison.Ordinal))
        {
            return (Outcome.GiveUp, "That address is on a private or local network, which this server does not send to.", null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (Outcome.Retry, "The push service could not be reached; Mutuality will try again.", null);
        }
    }

    private async Task<(Outcome, string?, TimeSpan?)> SendWebPushAsync(PushDevice device, NotificationOutboxItem item, int? unread, CancellationToken ct)
    {
        if (VapidKeys.IsApple(device.Endpoint) && vapid.AppleUnavailableReason is { } apple)
        {
            return (Outcome.GiveUp, apple, null);
        }

        var (publicKey, privateKey) = await vapid.GetAsync(ct);
        var client = new PushServiceClient(http.CreateClient(PushClient))
        {
            DefaultAuthentication = new VapidAuthentication(publicKey, privateKey) { Subject = vapid.Subject },
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            AutoRetryAfter = false, // the outbox retries later; the worker never waits on one service
        };
        var subscription = new PushSubscription
        {
            Endpoint = device.Endpoint,
            Keys = new Dictionary<string, string> { ["p256dh"] = device.P256dh ?? "", ["auth"] = device.Auth ?? "" },
        };
        var message = new PushMessage(Payload(item, unread))
        {
            Topic = item.EventId.ToString("N"),
            TimeToLive = options.Value.TimeToLiveSeconds,
            Urgency = item.Urgent ? PushMessageUrgency.High : PushMessageUrgency.Normal,
        };
        await client.RequestPushMessageDeliveryAsync(subscription, message, ct);
        return (Outcome.Delivered, null, null);
    }

    private async Task<(Outcome, string?, TimeSpan?)> SendNtfyAsync(PushDevice device, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, device.Endpoint)
        {
            // ntfy is not end-to-end encrypted: always the discreet wording, whatever the kind.
            Content = new StringContent(NoticeWording.Discreet),
        };
        request.Headers.Add("Title", NoticeWording.Title);
        if (Uri.TryCreate(mail.Value.PublicBaseUrl, UriKind.Absolute, out var site))
        {
            request.Headers.Add("Click", new Uri(site, "/").ToString());
        }

        if (!string.IsNullOrEmpty(device.Token))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", device.Token);
        }

        using var response = await http.CreateClient(NtfyClient).SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            return (Outcome.Delivered, null, null);
        }

        return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? (Outcome.GiveUp, "The ntfy server refused the token.", null)
            : Classify(response.StatusCode, RetryAfterOf(response.Headers.RetryAfter));
    }

    private (Outcome, string?, TimeSpan?) Classify(HttpStatusCode status, TimeSpan? retryAfter) => status switch
    {
        HttpStatusCode.NotFound or HttpStatusCode.Gone => (Outcome.Gone, null, null),
        HttpStatusCode.TooManyRequests => (Outcome.Retry, "The push service was busy; Mutuality will try again.", retryAfter),
        >= HttpStatusCode.InternalServerError => (Outcome.Retry, "The push service had a problem; Mutuality will try again.", retryAfter),
        _ => (Outcome.GiveUp, $"The push service refused the notice ({(int)status}).", null),
    };

    private TimeSpan? RetryAfterOf(System.Net.Http.Headers.RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - clock.GetUtcNow() : null;
    }
}
