using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Notifications;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Notifications.Data;
using Mutuality.Web.Features.Shared.PersonalData;

namespace Mutuality.Web.Features.Notifications;

/// <summary>
/// Notifications in a person's data (issue 15): their devices, pending notices, choices and "your turn" consent go
/// with their account; the export holds their choices and devices (never the push endpoints, keys or tokens).
/// Nothing of it is imported: devices and choices belong to this server.
/// </summary>
public sealed class NotificationsPersonalData(AppDbContext db) : IPersonalData
{
    public IReadOnlyCollection<Type> Entities { get; } = [typeof(NotificationOutboxItem), typeof(PushDevice), typeof(NotificationPreference), typeof(YourTurnConsent)];

    public async Task DeleteAsync(PersonLeaving person, CancellationToken ct)
    {
        var userId = person.UserId;
        await db.NotificationOutbox.Where(o => o.UserId == userId).ExecuteDeleteAsync(ct);
        await db.PushDevices.Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);
        await db.NotificationPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        await db.YourTurnConsents.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
    }

    public async Task<ExportDocument> ExportAsync(PersonExporting person, ExportDocument doc, CancellationToken ct)
    {
        var userId = person.UserId;
        var preference = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct)
            ?? new NotificationPreference { UserId = userId };
        var devices = await db.PushDevices.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.CreatedAtUtc)
            .Select(d => new { d.Name, d.Channel, d.CreatedAtUtc, d.LastDeliveredAtUtc }).ToListAsync(ct);
        return doc with
        {
            Notifications = new ExportNotifications(
                preference.AllOff,
                preference.Discreet,
                [.. NoticeWording.Choosable.Where(k => new NotificationPreference
                {
                    PartnerRequest = preference.PartnerRequest, AnswerToMyRequest = preference.AnswerToMyRequest, Pebble = preference.Pebble,
                    ResponseToMyMoment = preference.ResponseToMyMoment, ConflictSideShared = preference.ConflictSideShared,
                    RevealReady = preference.RevealReady, MyCheckInReminder = preference.MyCheckInReminder, MonthlyDay = preference.MonthlyDay,
                }.Wants(k)).Select(k => k.ToString())],
                preference.QuietFrom,
                preference.QuietUntil,
                preference.UrgentThroughQuiet,
                [.. devices.Select(d => new ExportDevice(d.Name, d.Channel.ToString(), d.CreatedAtUtc, d.LastDeliveredAtUtc))],
                await db.YourTurnConsents.AsNoTracking().AnyAsync(c => c.UserId == userId, ct)),
        };
    }

    public void WriteCsv(ExportDocument doc, ExportCsv csv) => csv.Add("notification-devices.csv", doc.Notifications?.Devices ?? []);
}
