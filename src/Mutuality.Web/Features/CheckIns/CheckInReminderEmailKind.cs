using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Shared.Email;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>The check-in reminder by e-mail: opt-in, at the reminder time chosen on <c>/CheckIns/Settings</c>, per couple space.</summary>
public sealed class CheckInReminderEmailKind(AppDbContext db) : IEmailKind
{
    public string Key => "check-in-reminder";

    public string Name => "Check-in reminder";

    public string SettingsUrl => "/CheckIns/Settings";

    public string SettingsLinkText => "Check-in reminders";

    public async Task<EmailSetting> ReadAsync(EmailPerson person, CancellationToken ct)
    {
        var reminder = await db.CheckInPersonSettings.AsNoTracking()
            .Where(s => s.UserId == person.UserId && s.CoupleId == person.CoupleId && s.EmailReminders && s.ReminderTime != null)
            .Select(s => s.ReminderTime).FirstOrDefaultAsync(ct);
        return new EmailSetting(reminder is not null, Time: reminder);
    }
}
