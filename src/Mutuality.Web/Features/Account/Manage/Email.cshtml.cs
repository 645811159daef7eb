using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Mail;
using Mutuality.Web.Data;
using Mutuality.Web.Features.ScheduledMail.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Account.Manage;

/// <summary>
/// The e-mails a person can choose: the weekly digest (opt-in; weekday and hour in their own zone) and the
/// monthly check-in reminder (on unless turned off). Request e-mails and check-in reminders keep their own
/// settings pages, linked from here.
/// </summary>
public sealed class EmailModel(CallerContext callers, AppDbContext db, TimeProvider clock) : PageModel
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

    [TempData]
    public string? Status { get; set; }

    public static readonly DayOfWeek[] Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task OnGetAsync()
    {
        Caller = await callers.RequireAsync();
        var p = await db.MailPreferences.AsNoTracking().SingleOrDefaultAsync(x => x.UserId == Caller.UserId) ?? new MailPreference();
        (WeeklyDigest, DigestDay, DigestHour, MonthlyReminder) = (p.WeeklyDigest, (int)p.DigestDay, p.DigestTime.Hour, p.MonthlyReminder);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Caller = await callers.RequireAsync();
        ModelState.Clear();
        var schedule = MailSchedule.ValidateDigest(DigestDay, DigestHour);
        if (!schedule.IsSuccess)
        {
            ModelState.AddModelError(schedule.Error!.Field!, schedule.Error.Message);
            return Page();
        }

        var (day, time) = schedule.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.MailPreferences.SingleOrDefaultAsync(x => x.UserId == Caller.UserId);
        if (existing is null)
        {
            existing = new MailPreference { UserId = Caller.UserId };
            db.MailPreferences.Add(existing);
        }

        // Switching the digest on, or moving it, starts from now: no "late" digest for a time already past.
        if (WeeklyDigest && (!existing.WeeklyDigest || existing.DigestDay != day || existing.DigestTime != time))
        {
            existing.DigestSinceUtc = now;
        }

        existing.WeeklyDigest = WeeklyDigest;
        existing.DigestDay = day;
        existing.DigestTime = time;
        existing.MonthlyReminder = MonthlyReminder;
        existing.UpdatedAtUtc = now;
        try
        {
            await db.SaveChangesAsync();
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
