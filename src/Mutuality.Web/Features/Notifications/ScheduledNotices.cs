using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Mail;
using Mutuality.Domain.Notifications;
using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Notifications.Data;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Features.Notifications;

/// <summary>
/// The two notices nobody else triggers: a person's own check-in reminder at their chosen local time (on their
/// check-in days, only while they have not sent this period's check-in), and the couple's monthly check-in day
/// (on the morning of the day, unless this month's check-in is already done). Each is queued under a stable event
/// id (person, kind, local day), so the outbox's unique index is the claim made before anything is sent: a second
/// run, another node or a restart queues nothing again. Content-free wording, the person's preferences and quiet
/// hours as for every notice; a check-in reminder that falls inside quiet hours is not sent at all (it is a nudge
/// for now, not for the morning after), the monthly day's notice waits for the quiet hours to end.
/// </summary>
public sealed class ScheduledNotices(AppDbContext db, Notices notices, TimeProvider clock) : IRecurringJob
{
    Task IRecurringJob.RunAsync(CancellationToken ct) => RunDueAsync(ct);

    /// <summary>How late a reminder may still go out (e.g. after the server was down).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(3);

    public async Task<int> RunDueAsync(CancellationToken ct = default)
        => await CheckInRemindersAsync(ct) + await MonthlyDaysAsync(ct);

    private async Task<int> CheckInRemindersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var people = await (from s in db.CheckInPersonSettings.AsNoTracking()
                            where s.ReminderTime != null
                            join m in db.CoupleMembers.AsNoTracking() on s.UserId equals m.UserId
                            where m.LeftAtUtc == null && m.CoupleId == s.CoupleId
                            join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                            where db.PushDevices.Any(d => d.UserId == s.UserId)
                            select new { s.UserId, s.CoupleId, s.ReminderTime, u.TimeZoneId })
                           .ToListAsync(ct);
        var queued = 0;
        foreach (var p in people)
        {
            var zone = TimeZones.FindOrUtc(p.TimeZoneId);
            var today = TimeZones.LocalDay(now, zone);
            var due = TimeZones.ToUtc(today, p.ReminderTime!.Value, zone);
            if (now < due || now > due + Grace || !await HasPartnerAsync(p.CoupleId, p.UserId, ct))
            {
                continue;
            }

            var cadence = await CadenceAsync(p.CoupleId, ct);
            if (cadence == Cadence.Weekly && today != Periods.Containing(cadence, today).End)
            {
                continue;
            }

            if (await CheckInSentAsync(p.UserId, p.CoupleId, today, ct, cadence))
            {
                continue;
            }

            var eventId = Notices.StableEventId("checkin-reminder", p.UserId, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            queued += await notices.NotifyOnceAsync(p.UserId, NoticeKind.MyCheckInReminder, "/CheckIns/Form", eventId, dropInQuietHours: true, ct);
        }

        return queued;
    }

    private async Task<int> MonthlyDaysAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var people = await (from r in db.MonthlyRhythms.AsNoTracking()
                            join m in db.CoupleMembers.AsNoTracking() on r.CoupleId equals m.CoupleId
                            where m.LeftAtUtc == null
                            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                            where db.PushDevices.Any(d => d.UserId == u.Id)
                            select new { u.Id, u.TimeZoneId, r.CoupleId, r.DayOfMonth, r.UpdatedAtUtc })
                           .ToListAsync(ct);
        var queued = 0;
        foreach (var p in people)
        {
            var zone = TimeZones.FindOrUtc(p.TimeZoneId);
            // Only on the day itself; a day chosen after this morning's time needs no notice.
            if (MailSchedule.MonthlyReminderDue(now, zone, p.DayOfMonth) is not { } due || p.UpdatedAtUtc > due.DueUtc || now > due.DueUtc + Grace
                || !await HasPartnerAsync(p.CoupleId, p.Id, ct))
            {
                continue;
            }

            if (await MonthDoneAsync(p.CoupleId, due.LocalDay, ct))
            {
                continue; // this month's check-in is already done
            }

            var eventId = Notices.StableEventId("monthly-day", p.Id, due.PeriodKey);
            queued += await notices.NotifyOnceAsync(p.Id, NoticeKind.MonthlyDay, "/Monthly/Prepare", eventId, dropInQuietHours: false, ct);
        }

        return queued;
    }

    /// <summary>
    /// Asked again just before a reminder or monthly notice is sent (it may have waited for quiet hours to end, or for
    /// a retry): not when the person has since left the couple, sent that check-in, or the couple finished that month.
    /// Other kinds are about something that happened, and stay wanted.
    /// </summary>
    public async Task<bool> StillWantedAsync(NotificationOutboxItem item, CancellationToken ct = default)
    {
        if (item.Kind is not (NoticeKind.MonthlyDay or NoticeKind.MyCheckInReminder))
        {
            return true;
        }

        var member = await (from m in db.CoupleMembers.AsNoTracking()
                            where m.UserId == item.UserId && m.LeftAtUtc == null
                            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                            select new { m.CoupleId, u.TimeZoneId }).FirstOrDefaultAsync(ct);
        if (member is null || !await HasPartnerAsync(member.CoupleId, item.UserId, ct))
        {
            return false;
        }

        var day = TimeZones.LocalDay(item.CreatedAtUtc, TimeZones.FindOrUtc(member.TimeZoneId));
        return item.Kind == NoticeKind.MonthlyDay
            ? !await MonthDoneAsync(member.CoupleId, day, ct)
            : !await CheckInSentAsync(item.UserId, member.CoupleId, day, ct);
    }

    private async Task<Cadence> CadenceAsync(Guid coupleId, CancellationToken ct)
        => await db.CheckInCoupleSettings.AsNoTracking().Where(s => s.CoupleId == coupleId).Select(s => (int?)s.Cadence).SingleOrDefaultAsync(ct) is 2 ? Cadence.Weekly : Cadence.Daily;

    /// <summary>Whether the person has sent the check-in of the period holding their local <paramref name="day"/>.</summary>
    private async Task<bool> CheckInSentAsync(Guid userId, Guid coupleId, DateOnly day, CancellationToken ct, Cadence? known = null)
    {
        var cadence = known ?? await CadenceAsync(coupleId, ct);
        var period = Periods.Containing(cadence, day);
        return await db.CheckIns.AnyAsync(x => x.AuthorId == userId && x.CoupleId == coupleId && x.Cadence == (int)cadence && x.PeriodStart == period.Start && x.SubmittedAtUtc != null, ct);
    }

    /// <summary>Whether the couple finished the monthly check-in of the month holding <paramref name="day"/>.</summary>
    private Task<bool> MonthDoneAsync(Guid coupleId, DateOnly day, CancellationToken ct)
    {
        var month = TimeZones.MonthOf(day);
        return db.MonthlyCheckIns.AsNoTracking().AnyAsync(c => c.CoupleId == coupleId && c.Month == month && c.FinishedAtUtc != null, ct);
    }

    private Task<bool> HasPartnerAsync(Guid coupleId, Guid userId, CancellationToken ct)
        => db.CoupleMembers.AsNoTracking().AnyAsync(m => m.CoupleId == coupleId && m.UserId != userId && m.LeftAtUtc == null, ct);
}
