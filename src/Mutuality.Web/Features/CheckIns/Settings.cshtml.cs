using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>How often we check in (one proposes, the other agrees) and my own reminder time.</summary>
[PartnerRequired]
public sealed class SettingsModel(CallerContext callers, CheckInSettingsService settings, CheckInCalendar calendar, AccountLinks links) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public CheckInSettingsService.CadenceState Cadence { get; private set; } = null!;

    public TimeOnly? Reminder { get; private set; }

    public string? Error { get; private set; }

    public bool HasFeed { get; private set; }

    /// <summary>A new calendar link, shown once right after it is made.</summary>
    public string? NewFeedLink { get; private set; }

    public string? Status => TempData["Status"] as string;

    [BindProperty]
    public string? ReminderTime { get; set; }

    [BindProperty]
    public bool EmailReminders { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostProposeAsync(Domain.CheckIns.Cadence cadence)
    {
        await LoadAsync();

        var result = await settings.ProposeAsync(Caller, cadence);
        if (!result.IsSuccess)
        {
            Error = result.Error!.Message;
            return Page();
        }

        TempData["Status"] = Cadence.Cadence == cadence ? "You kept things as they are." : $"You suggested checking in {Word(cadence)}. It starts once {Caller.PartnerName} agrees.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAgreeAsync()
    {
        await LoadAsync();

        var result = await settings.AgreeAsync(Caller);
        if (!result.IsSuccess)
        {
            Error = result.Error!.Message;
            return Page();
        }

        TempData["Status"] = "Agreed. Your new rhythm starts now.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReminderAsync()
    {
        await LoadAsync();

        TimeOnly? time = null;
        if (!string.IsNullOrWhiteSpace(ReminderTime))
        {
            if (!TimeOnly.TryParseExact(ReminderTime.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                Error = "Reminder time: use a time like 20:30.";
                return Page();
            }

            time = parsed;
        }

        await settings.SetReminderAsync(Caller, time, EmailReminders);
        TempData["Status"] = time is null ? "Reminder turned off." : $"We'll remind you at {time:HH:mm} your time{(EmailReminders ? ", here and by e-mail" : "")}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostFeedAsync()
    {
        await LoadAsync();

        if (!links.CanLink(Request))
        {
            Error = AccountLinks.NoPublicAddress;
            return Page();
        }

        var token = await calendar.NewTokenAsync(Caller);
        NewFeedLink = links.Absolute(Request, $"/CheckIns/Calendar/{token}");
        HasFeed = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync()
    {
        await LoadAsync();

        await calendar.RevokeAsync(Caller);
        TempData["Status"] = "Your calendar link is turned off; calendars using it will stop updating.";
        return RedirectToPage();
    }

    public static string Word(Domain.CheckIns.Cadence c) => c == Domain.CheckIns.Cadence.Weekly ? "weekly" : "daily";

    private async Task LoadAsync()
    {
        Caller = await callers.RequireAsync();

        Cadence = await settings.CadenceAsync(Caller);
        Reminder = await settings.ReminderAsync(Caller);
        if (HttpMethods.IsGet(Request.Method))
        {
            ReminderTime = Reminder?.ToString("HH:mm", CultureInfo.InvariantCulture);
            EmailReminders = await settings.EmailRemindersAsync(Caller);
        }

        HasFeed = await calendar.HasFeedAsync(Caller);
    }
}
