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
        => await TryEnqueueAsync(recipientId, kind, fromId, url, urgent, deviceId, eventId: null, dropInQuietHours: false, ct);

    /// <summary>
    /// Queues a scheduled notice (a reminder) under a stable event id made from its person, kind and period. The
    /// outbox's unique (event, device) index is the ledger claimed before anything is sent: a second run, a second
    /// node or a restarted app finds the row and queues nothing, so the same reminder never goes out twice.
    /// With <paramref name="dropInQuietHours"/> a notice that falls inside quiet hours is not queued at all (a
    /// nudge for now, not for the morning after). Returns how many device rows were queued.
    /// </summary>
    public Task<int> NotifyOnceAsync(Guid recipientId, NoticeKind kind, string url, Guid eventId, bool dropInQuietHours, CancellationToken ct = default)
        => TryEnqueueAsync(recipientId, kind, null, url, false, null, eventId, dropInQuietHours, ct);

    /// <summary>A stable event id for a scheduled notice ("reminder", person, "2026-03-02"): the same inputs, the same id.</summary>
    public static Guid StableEventId(string what, Guid personId, string periodKey)
        => new(SHA256.HashData(Encoding.UTF8.GetBytes($"{what}|{personId:N}|{periodKey}")).AsSpan(0, 16));

    private async Task<int> TryEnqueueAsync(Guid recipientId, NoticeKind kind, Guid? fromId, string url, bool urgent, Guid? deviceId, Guid? eventId, bool dropInQuietHours, CancellationToken ct)
    {
        try
        {
            return await EnqueueAsync(recipientId, kind, fromId, url, urgent, deviceId, eventId, dropInQuietHours, ct);
        }
        catch (DbUpdateException) when (eventId is not null)
        {
            // Another run or node claimed this event for the device first (the unique index decides): nothing to do.
            DetachAdded();
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What the person did is saved either way; a notice that cannot be queued must not become an error page.
            DetachAdded();
            log.LogWarning(e, "A notice could not be queued.");
            return 0;
        }
    }

    private void DetachAdded()
    {
        foreach (var entry in db.ChangeTracker.Entries<NotificationOutboxItem>().Where(x => x.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private async Task<int> EnqueueAsync(Guid recipientId, NoticeKind kind, Guid? fromId, string url, bool urgent, Guid? deviceId, Guid? stableEventId, bool dropInQuietHours, CancellationToken ct)
    {
        var devices = await db.PushDevices.AsNoTracking()
            .Where(d => d.UserId == recipientId && (deviceId == null || d.Id == deviceId))
            .Where(d => stableEventId == null || !db.NotificationOutbox.Any(o => o.EventId == stableEventId && o.DeviceId == d.Id))
            .Select(d => new { d.Id, d.Channel }).ToListAsync(ct);
        if (devices.Count == 0)
        {
            return 0;
        }

        var preference = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == recipientId, ct)
            ?? new NotificationPreference { UserId = recipientId };
        if (!preference.Wants(kind))
        {
            return 0;
        }

        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == recipientId).Select(u => new { u.TimeZoneId }).FirstOrDefaultAsync(ct);
        if (recipient is null)
        {
            return 0;
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

        if (dropInQuietHours && due > now)
        {
            return 0;
        }

        var eventId = stableEventId ?? Guid.CreateVersion7(clock.GetUtcNow());
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
        return devices.Count;
    }

    public static string Hash(string endpoint) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint.Trim())));
}
