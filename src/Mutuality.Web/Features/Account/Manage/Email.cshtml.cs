using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Mail;
using Mutuality.Web.Features.ScheduledMail;
using Mutuality.Web.Features.Shared.Email;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Account.Manage;

/// <summary>
/// The e-mails a person can choose: the weekly digest (opt-in; weekday and hour in their own zone) and the
/// monthly check-in reminder (on unless turned off), read and saved through <see cref="EmailPreferences"/>, the one
/// place that knows every kind of e-mail. Kinds with more to choose (request e-mails, check-in reminders) keep their
/// own settings pages, linked from here.
/// </summary>
public sealed class EmailModel(CallerContext callers, EmailPreferences preferences, TimeProvider clock) : PageModel
{
    [BindProperty]
    public bool WeeklyDigest { get; set; }

    // No defaults on the bound properties: a missing or unreadable value must not pass as the default.
    [BindProperty]
    public int? DigestDay { get; set; }

    [BindProperty]
    public int? DigestHour { get; set; }

    [BindProperty]
    public bool MonthlyReminder { get; set; }

    public Caller Caller { get; private set; } = null!;

    /// <summary>The kinds of e-mail chosen on their own pages (linked under "Other e-mails").</summary>
    public IReadOnlyList<EmailChoice> Elsewhere { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public static readonly DayOfWeek[] Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task OnGetAsync()
    {
        Caller = await callers.RequireAsync();
        var choices = await ReadAsync();
        var digest = choices.Single(c => c.Key == WeeklyDigestEmail.KindKey).Setting;
        (WeeklyDigest, DigestDay, DigestHour) = (digest.On, (int)digest.Day!.Value, digest.Time!.Value.Hour);
        MonthlyReminder = choices.Single(c => c.Key == MonthlyReminderEmail.KindKey).Setting.On;
    }

    private async Task<IReadOnlyList<EmailChoice>> ReadAsync()
    {
        var choices = await preferences.ReadAsync(Person);
        Elsewhere = [.. choices.Where(c => c.SettingsUrl != EmailPreferences.SettingsPage).DistinctBy(c => c.SettingsUrl)];
        return choices;
    }

    private EmailPerson Person => new(Caller.UserId, Caller.CoupleId);

    public async Task<IActionResult> OnPostAsync()
    {
        Caller = await callers.RequireAsync();
        ModelState.Clear();
        var schedule = MailSchedule.ValidateDigest(DigestDay, DigestHour);
        if (!schedule.IsSuccess)
        {
            ModelState.AddModelError(schedule.Error!.Field!, schedule.Error.Message);
            await ReadAsync();
            return Page();
        }

        var (day, time) = schedule.Value;
        try
        {
            await preferences.SaveAsync(Person, new Dictionary<string, EmailSetting>
            {
                [WeeklyDigestEmail.KindKey] = new(WeeklyDigest, day, time),
                [MonthlyReminderEmail.KindKey] = new(MonthlyReminder),
            }, clock.GetUtcNow().UtcDateTime);
        }
        catch (DbUpdateException)
        {
            // A second tab saved first; the person can simply save again.
            Status = "Those settings changed in another window just now. Please check them and save again.";
            return RedirectToPage();
        }

        Status = (WeeklyDigest ? $"Saved. Your weekly digest comes on {day}s at {time:HH\\:mm}, your time." : "Saved. No weekly digest.")
            + (MonthlyReminder ? " We'll remind you on the morning of your monthly check-in." : " No monthly check-in reminder.");
        return RedirectToPage();
    }
}
