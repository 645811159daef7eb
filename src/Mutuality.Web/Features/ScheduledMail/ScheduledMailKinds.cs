using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Mail;
using Mutuality.Web.Data;
using Mutuality.Web.Features.ScheduledMail.Data;
using Mutuality.Web.Features.Shared.Email;

namespace Mutuality.Web.Features.ScheduledMail;

/// <summary>The weekly digest: opt-in, on a weekday and hour of the person's own zone (kept in <see cref="MailPreference"/>).</summary>
public sealed class WeeklyDigestEmail(AppDbContext db) : IEmailKind
{
    public const string KindKey = "weekly-digest";

    public string Key => KindKey;

    public string Name => "Weekly digest";

    public string SettingsUrl => EmailPreferences.SettingsPage;

    public string SettingsLinkText => "Weekly digest";

    public async Task<EmailSetting> ReadAsync(EmailPerson person, CancellationToken ct)
    {
        var p = await db.MailPreferences.AsNoTracking().SingleOrDefaultAsync(x => x.UserId == person.UserId, ct) ?? new MailPreference();
        return new EmailSetting(p.WeeklyDigest, p.DigestDay, p.DigestTime);
    }

    public async Task SetAsync(EmailPerson person, EmailSetting setting, DateTime now, CancellationToken ct)
    {
        var p = await MailPreferenceRow.FindOrAddAsync(db, person.UserId, ct);
        var (day, time) = (setting.Day ?? p.DigestDay, setting.Time ?? p.DigestTime);

        // Switching the digest on, or moving it, starts from now: no "late" digest for a time already past.
        if (setting.On && (!p.WeeklyDigest || p.DigestDay != day || p.DigestTime != time))
        {
            p.DigestSinceUtc = now;
        }

        (p.WeeklyDigest, p.DigestDay, p.DigestTime, p.UpdatedAtUtc) = (setting.On, day, time, now);
    }
}

/// <summary>The monthly check-in reminder: on unless turned off, once the couple has chosen a day (kept in <see cref="MailPreference"/>).</summary>
public sealed class MonthlyReminderEmail(AppDbContext db) : IEmailKind
{
    public const string KindKey = "monthly-reminder";

    public string Key => KindKey;

    public string Name => "Monthly check-in reminder";

    public string SettingsUrl => EmailPreferences.SettingsPage;

    public string SettingsLinkText => "Monthly check-in reminder";

    public async Task<EmailSetting> ReadAsync(EmailPerson person, CancellationToken ct)
        => new(await db.MailPreferences.AsNoTracking().Where(x => x.UserId == person.UserId).Select(x => (bool?)x.MonthlyReminder).SingleOrDefaultAsync(ct)
            ?? new MailPreference().MonthlyReminder);

    public async Task SetAsync(EmailPerson person, EmailSetting setting, DateTime now, CancellationToken ct)
    {
        var p = await MailPreferenceRow.FindOrAddAsync(db, person.UserId, ct);
        (p.MonthlyReminder, p.UpdatedAtUtc) = (setting.On, now);
    }
}

internal static class MailPreferenceRow
{
    /// <summary>The person's row, tracked (the one added a moment ago by another kind included), or a new one with the defaults.</summary>
    public static async Task<MailPreference> FindOrAddAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        if (await db.MailPreferences.FindAsync([userId], ct) is { } found)
        {
            return found;
        }

        var added = new MailPreference { UserId = userId, DigestDay = MailSchedule.DefaultDigestDay, DigestTime = MailSchedule.DefaultDigestTime };
        db.MailPreferences.Add(added);
        return added;
    }
}
