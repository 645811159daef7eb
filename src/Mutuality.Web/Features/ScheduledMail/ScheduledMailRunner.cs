using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Mail;
using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Features.ScheduledMail.Data;
using Mutuality.Web.Features.Shared.Email;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.ScheduledMail;

/// <summary>One run at a time per process (the worker's tick and a direct call never overlap).</summary>
public sealed class ScheduledMailGate
{
    public SemaphoreSlim Lock { get; } = new(1, 1);
}

/// <summary>
/// Sends the scheduled e-mails that are due: the weekly digest (opt-in) and the monthly check-in reminder
/// (on unless turned off). Each is recorded in the <see cref="ScheduledMailSent"/> ledger, unique per person,
/// kind and period, and the row is inserted <em>before</em> the e-mail is sent:
/// <list type="bullet">
/// <item>a second run, a second worker or a restarted app finds the claim and sends nothing — never twice;</item>
/// <item>a send missed while the app was down is due on the next run and goes out late, once (a digest only for
/// the latest week, a reminder only on the check-in day itself);</item>
/// <item>when the sender reports a failure, nothing went out: the claim is released and a later run tries again;</item>
/// <item>when the process dies between claim and send, that one e-mail is lost. We choose at most once: a missed
/// digest is a small loss, the same digest twice is the bug people notice.</item>
/// </list>
/// </summary>
public sealed class ScheduledMailRunner(
    AppDbContext db,
    ScheduledMailText words,
    IMailSender sender,
    PublicAddress address,
    ScheduledMailGate gate,
    Infrastructure.Hosting.NodeTicks ticks,
    ILogger<ScheduledMailRunner> logger)
{
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await gate.Lock.WaitAsync(ct);
        try
        {
            // One run at a time in this process (the gate), and on one node at a time (the tick): a node that finds
            // another at work skips this run; the ledger's claims would keep it to once anyway.
            var utc = now.UtcDateTime;
            var sent = 0;
            await ticks.TryRunAsync(Infrastructure.Hosting.AdvisoryLocks.ScheduledMail, async c => sent = await DigestsAsync(utc, c) + await MonthlyRemindersAsync(utc, c), ct);
            return sent;
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    private async Task<int> DigestsAsync(DateTime now, CancellationToken ct)
    {
        var people = await (
                from p in db.MailPreferences.AsNoTracking()
                where p.WeeklyDigest
                join u in db.Users.AsNoTracking() on p.UserId equals u.Id
                join m in db.CoupleMembers.AsNoTracking() on u.Id equals m.UserId
                where m.LeftAtUtc == null
                select new { u.Id, u.Email, u.DisplayName, u.TimeZoneId, m.CoupleId, p.DigestDay, p.DigestTime, p.DigestSinceUtc })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var p in people)
        {
            var zone = TimeZones.FindOrUtc(p.TimeZoneId);
            var due = MailSchedule.LatestWeekly(now, zone, p.DigestDay, p.DigestTime);
            if (!Deliverable(p.Email) || (p.DigestSinceUtc is { } since && due.DueUtc < since)
                || await ClaimedAsync(p.Id, ScheduledMailKind.WeeklyDigest, due.PeriodKey, ct))
            {
                continue;
            }

            var to = await RecipientAsync(p.Id, p.Email!, p.DisplayName, zone, p.CoupleId, ct);
            // Compose first (reads only), so the gap between claim and send is as short as it can be.
            var mail = await words.WeeklyDigestAsync(to, MailSchedule.WeekStartUtc(due, zone, p.DigestTime), due.DueUtc, due.LocalDay, address.Absolute(null, "/Insights"), ct);
            if (await ClaimAndSendAsync(to.UserId, ScheduledMailKind.WeeklyDigest, due, mail, now, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<int> MonthlyRemindersAsync(DateTime now, CancellationToken ct)
    {
        var people = await (
                from r in db.MonthlyRhythms.AsNoTracking()
                join m in db.CoupleMembers.AsNoTracking() on r.CoupleId equals m.CoupleId
                where m.LeftAtUtc == null
                join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                join p in db.MailPreferences.AsNoTracking() on u.Id equals p.UserId into prefs
                from p in prefs.DefaultIfEmpty()
                where p == null || p.MonthlyReminder
                select new { u.Id, u.Email, u.DisplayName, u.TimeZoneId, r.CoupleId, r.DayOfMonth, r.UpdatedAtUtc })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var p in people)
        {
            var zone = TimeZones.FindOrUtc(p.TimeZoneId);
            // Only on the day itself; a day chosen after this morning's reminder time needs no e-mail.
            if (MailSchedule.MonthlyReminderDue(now, zone, p.DayOfMonth) is not { } due || p.UpdatedAtUtc > due.DueUtc || !Deliverable(p.Email)
                || await ClaimedAsync(p.Id, ScheduledMailKind.MonthlyReminder, due.PeriodKey, ct))
            {
                continue;
            }

            var month = new DateOnly(due.LocalDay.Year, due.LocalDay.Month, 1);
            if (await db.MonthlyCheckIns.AsNoTracking().AnyAsync(c => c.CoupleId == p.CoupleId && c.Month == month && c.FinishedAtUtc != null, ct))
            {
                continue; // they already had this month's check-in
            }

            var to = await RecipientAsync(p.Id, p.Email!, p.DisplayName, zone, p.CoupleId, ct);
            if (to.PartnerId is null)
            {
                continue;
            }

            var mail = ScheduledMailText.MonthlyReminder(to, address.Absolute(null, "/Monthly/Prepare"));
            if (await ClaimAndSendAsync(to.UserId, ScheduledMailKind.MonthlyReminder, due, mail, now, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Addresses under the reserved ".invalid" domain (the demo couple) can never receive mail.</summary>
    private static bool Deliverable(string? email)
        => !string.IsNullOrWhiteSpace(email) && !email.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase);

    private Task<bool> ClaimedAsync(Guid personId, ScheduledMailKind kind, string periodKey, CancellationToken ct)
        => db.ScheduledMailSent.AsNoTracking().AnyAsync(s => s.PersonId == personId && s.Kind == kind && s.PeriodKey == periodKey, ct);

    private async Task<MailRecipient> RecipientAsync(Guid userId, string email, string name, TimeZoneInfo zone, Guid coupleId, CancellationToken ct)
    {
        var partner = await (
                from m in db.CoupleMembers.AsNoTracking()
                where m.CoupleId == coupleId && m.UserId != userId && m.LeftAtUtc == null
                join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                select new { u.Id, u.DisplayName })
            .FirstOrDefaultAsync(ct);
        return new MailRecipient(userId, email, name, zone, coupleId, partner?.Id, partner?.DisplayName ?? "Your partner");
    }

    private async Task<bool> ClaimAndSendAsync(Guid personId, ScheduledMailKind kind, MailOccurrence due, OutgoingMail mail, DateTime now, CancellationToken ct)
    {
        var claim = new ScheduledMailSent { Id = Guid.CreateVersion7(), PersonId = personId, Kind = kind, PeriodKey = due.PeriodKey, DueAtUtc = due.DueUtc, ClaimedAtUtc = now };
        db.ScheduledMailSent.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else claimed this person's period first (the unique index decides).
            db.ChangeTracker.Clear();
            return false;
        }

        db.ChangeTracker.Clear();
        try
        {
            await sender.SendAsync(mail, ct);
        }
        catch (Exception e)
        {
            // The sender says it did not send: release the claim so a later run tries again.
            await db.ScheduledMailSent.Where(s => s.Id == claim.Id).ExecuteDeleteAsync(CancellationToken.None);
            if (e is OperationCanceledException)
            {
                throw;
            }

            logger.LogWarning(e, "Could not send a scheduled {Kind} e-mail; it will be tried again.", kind);
            return false;
        }

        await db.ScheduledMailSent.Where(s => s.Id == claim.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAtUtc, now), CancellationToken.None);
        return true;
    }
}

/// <summary>A run of <see cref="ScheduledMailRunner.RunDueAsync"/> at the clock's now: once at start (to catch up after
/// downtime), then a minute after each run ends.</summary>
public sealed class ScheduledMailJob(ScheduledMailRunner runner, TimeProvider clock) : Infrastructure.Hosting.IRecurringJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public Task RunAsync(CancellationToken ct) => runner.RunDueAsync(clock.GetUtcNow(), ct);
}

public static class ScheduledMailSetup
{
    public static IServiceCollection AddScheduledMail(this IServiceCollection services)
    {
        services.AddSingleton<ScheduledMailGate>();
        services.AddScoped<ScheduledMailText>();
        services.AddScoped<ScheduledMailRunner>();
        services.AddPersonalData<ScheduledMailPersonalData>();
        services.AddEmailKind<WeeklyDigestEmail>().AddEmailKind<MonthlyReminderEmail>();
        services.AddRecurringJob(new RecurringSchedule<ScheduledMailJob>
        {
            WhenItFails = "Scheduled e-mails could not be sent this time",
            Every = _ => ScheduledMailJob.Interval,
        });
        return services;
    }
}
