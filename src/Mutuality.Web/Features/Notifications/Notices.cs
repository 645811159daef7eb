using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Notifications;
using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Notifications.Data;

namespace Mutuality.Web.Features.Notifications;

/// <summary>
/// Puts a content-free notice in the outbox for each of a person's devices, if they want this kind. Never sends:
/// the background worker does. The wording names at most the partner; discreet mode and ntfy (not end-to-end
/// encrypted) always get "Something new in Mutuality". Quiet hours in the person's zone move the notice to their end.
/// </summary>
public sealed class Notices(AppDbContext db, TimeProvider clock, ILogger<Notices> log)
{
    public async Task NotifyAsync(Guid recipientId, NoticeKind kind, Guid? fromId, string url, bool urgent = false, Guid? deviceId = null, CancellationToken ct = default)
    {
        try
        {
            await EnqueueAsync(recipientId, kind, fromId, url, urgent, deviceId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What the person did is saved either way; a notice that cannot be queued must not become an error page.
            foreach (var entry in db.ChangeTracker.Entries<NotificationOutboxItem>().Where(x => x.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }

            log.LogWarning(e, "A notice could not be queued.");
        }
    }

    private async Task EnqueueAsync(Guid recipientId, NoticeKind kind, Guid? fromId, string url, bool urgent, Guid? deviceId, CancellationToken ct)
    {
        var devices = await db.PushDevices.AsNoTracking().Where(d => d.UserId == recipientId && (deviceId == null || d.Id == deviceId)).Select(d => new { d.Id, d.Channel }).ToListAsync(ct);
        if (devices.Count == 0)
        {
            return;
        }

        var preference = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == recipientId, ct)
            ?? new NotificationPreference { UserId = recipientId };
        if (!preference.Wants(kind))
        {
            return;
        }

        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == recipientId).Select(u => new { u.TimeZoneId }).FirstOrDefaultAsync(ct);
        if (recipient is null)
        {
            return;
        }

        var fromName = fromId is { } f
            ? await db.Users.AsNoTracking().Where(u => u.Id == f).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? ""
            : "";
        var now = clock.GetUtcNow().UtcDateTime;
        var due = urgent && preference.UrgentThroughQuiet && kind == NoticeKind.PartnerRequest
            ? now
            : QuietHours.ReleaseAt(now, TimeZones.FindOrUtc(recipient.TimeZoneId), preference.QuietFrom, preference.QuietUntil);
        if (kind == NoticeKind.Test)
        {
            due = now;
        }

        var eventId = Guid.CreateVersion7(clock.GetUtcNow());
        foreach (var device in devices)
        {
            db.NotificationOutbox.Add(new NotificationOutboxItem
            {
                Id = Guid.NewGuid(),
                EventId = eventId,
                UserId = recipientId,
                DeviceId = device.Id,
                Kind = kind,
                Body = NoticeWording.Body(kind, fromName, discreet: preference.Discreet || device.Channel == DeviceChannel.Ntfy),
                Url = url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/",
                Urgent = urgent,
                CreatedAtUtc = now,
                DueAtUtc = due,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    public static string Hash(string endpoint) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint.Trim())));
}
