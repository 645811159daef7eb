using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>
/// Opt-in e-mail reminders at each person's own local reminder time, on their check-in days (every day, or the
/// last day of the week for weekly), at most once a day, only while they have not sent their check-in.
/// The e-mail says nothing about the partner.
/// </summary>
public sealed class CheckInReminderMailer(AppDbContext db, TimeProvider clock, IMailSender mail, PublicAddress address) : IRecurringJob
{
    Task IRecurringJob.RunAsync(CancellationToken ct) => SendDueAsync(ct);

    /// <summary>How late a reminder may still go out (e.g. after the server was down).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(3);

    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await (from s in db.CheckInPersonSettings.AsNoTracking()
                                where s.EmailReminders && s.ReminderTime != null
                                join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                                join m in db.CoupleMembers.AsNoTracking() on s.UserId equals m.UserId
                                where m.LeftAtUtc == null && m.CoupleId == s.CoupleId
                                select new { s.UserId, s.CoupleId, s.ReminderTime, s.LastEmailReminderDay, u.Email, u.DisplayName, u.TimeZoneId })
                               .ToListAsync(ct);
        var sent = 0;
        foreach (var c in candidates)
        {
            var zone = TimeZones.FindOrUtc(c.TimeZoneId);
            var today = TimeZones.LocalDay(now, zone);
            var due = TimeZones.ToUtc(today, c.ReminderTime!.Value, zone);
            if (now < due || now > due + Grace || c.LastEmailReminderDay == today || string.IsNullOrEmpty(c.Email))
            {
                continue;
            }

            var cadence = await db.CheckInCoupleSettings.AsNoTracking().Where(s => s.CoupleId == c.CoupleId).Select(s => (int?)s.Cadence).SingleOrDefaultAsync(ct) is 2 ? Cadence.Weekly : Cadence.Daily;
            var period = Periods.Containing(cadence, today);
            if (cadence == Cadence.Weekly && today != period.End)
            {
                continue;
            }

            var done = await db.CheckIns.AnyAsync(x => x.AuthorId == c.UserId && x.CoupleId == c.CoupleId && x.Cadence == (int)cadence && x.PeriodStart == period.Start && x.SubmittedAtUtc != null, ct);
            if (done)
            {
                continue;
            }

            // Claim the day first, so two workers never send the same reminder twice.
            var claimed = await db.CheckInPersonSettings
                .Where(s => s.UserId == c.UserId && (s.LastEmailReminderDay == null || s.LastEmailReminderDay != today))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastEmailReminderDay, today), ct);
            if (claimed == 0)
            {
                continue;
            }

            var link = address.Absolute(null, "/CheckIns/Form") ?? "Open Mutuality and choose Check-ins.";
            var text = $"Hello {c.DisplayName},\n\nIt's your check-in time: a {(cadence == Cadence.Weekly ? "few minutes" : "minute")} for how you are, and how you think your partner is.\n\n{link}\n\nMissing one is fine. You can turn these e-mails off under Check-ins → Rhythm and reminders.";
            var html = $"<p>Hello {System.Net.WebUtility.HtmlEncode(c.DisplayName)},</p><p>It's your check-in time: a {(cadence == Cadence.Weekly ? "few minutes" : "minute")} for how you are, and how you think your partner is.</p><p>{System.Net.WebUtility.HtmlEncode(link)}</p><p>Missing one is fine. You can turn these e-mails off under Check-ins → Rhythm and reminders.</p>";
            await mail.SendAsync(new OutgoingMail(c.Email, c.DisplayName, "Your check-in time", text, html), ct);
            sent++;
        }

        return sent;
    }
}
