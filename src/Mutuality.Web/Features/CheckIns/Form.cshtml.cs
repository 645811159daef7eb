using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Common;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>The check-in form for one period: drafts save as one types; sending happens once; then it is read-only.</summary>
[PartnerRequired]
public sealed class FormModel(CallerContext callers, CheckInQueries checkIns, SaveDraft saveDraft, SendCheckIn sendCheckIn, CheckInFacts facts) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public CheckInPeriod Period { get; private set; }

    public CheckInPeriod Current { get; private set; }

    public OwnCheckIn? Own { get; private set; }

    [BindProperty]
    public CheckInForm Input { get; set; } = new();

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public string? PeriodProblem { get; private set; }

    public bool ReadOnly => Own?.Submitted == true;

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public async Task<IActionResult> OnGetAsync(string? period)
    {
        if (await LoadAsync(period) is { } early)
        {
            return early;
        }

        if (Own is not null)
        {
            Input = CheckInForm.From(Own.Content);
        }

        return Page();
    }

    /// <summary>Autosave (htmx): 200 with a short status, or 400 with the problem; nothing is stored on failure.</summary>
    public async Task<IActionResult> OnPostDraftAsync(string? period)
    {
        if (await LoadAsync(period) is { } early)
        {
            return early is PageResult ? Text(400, PeriodProblem!) : early;
        }

        var result = await saveDraft.HandleAsync(Caller, Period, Input.ToInput());
        if (!result.IsSuccess)
        {
            var code = result.Error == CheckInRules.AlreadySubmitted ? 409 : 400;
            return Text(code, result.Error!.Message);
        }

        var local = LocalTime.ToLocal(result.Value.UpdatedAtUtc, Caller.TimeZoneId);
        return Content($"Draft saved at {local:HH:mm}.", "text/plain; charset=utf-8");
    }

    public async Task<IActionResult> OnPostSubmitAsync(string? period)
    {
        if (await LoadAsync(period) is { } early)
        {
            return early;
        }

        if (ReadOnly)
        {
            Errors = [CheckInRules.AlreadySubmitted];
            Input = CheckInForm.From(Own!.Content);
            return Page();
        }

        var result = await sendCheckIn.HandleAsync(Caller, Period, Input.ToInput());
        if (!result.IsSuccess)
        {
            Errors = result.Errors;
            this.AddErrors(result.Errors); // marks the wrong fields (aria-invalid) through the app's one tag helper

            Own = await checkIns.OwnAsync(Caller, Period);
            if (ReadOnly)
            {
                Input = CheckInForm.From(Own!.Content);
            }

            return Page();
        }

        // The insights' numbers for this period (own ratings; agreement once both have sent), now rather than on
        // the next dashboard load.
        await facts.FillAsync(Caller.CoupleId!.Value, Period.Start, Period.Start.AddDays(1), HttpContext.RequestAborted);
        TempData["Status"] = "Thank you — your check-in is sent.";
        return Redirect($"/CheckIns/Reveal/{Period.Label}");
    }

    private static ContentResult Text(int status, string message) => new() { StatusCode = status, Content = message, ContentType = "text/plain; charset=utf-8" };

    /// <summary>Loads the caller and the period. Returns a result to send instead of the page, or null to go on.</summary>
    private async Task<IActionResult?> LoadAsync(string? period)
    {
        Caller = await callers.RequireAsync();
        Current = await checkIns.CurrentPeriodAsync(Caller);
        if (string.IsNullOrEmpty(period))
        {
            Period = Current;
        }
        else if (Periods.Parse(Current.Cadence, period) is { } parsed)
        {
            Period = parsed;
        }
        else
        {
            return NotFound();
        }

        Own = await checkIns.OwnAsync(Caller, Period);
        if (Own is null && Periods.CanCheckIn(Period, checkIns.Now, Domain.People.TimeZones.FindOrUtc(Caller.TimeZoneId)) is { } problem)
        {
            PeriodProblem = problem.Message;
            Errors = [problem];
            return Page();
        }

        return null;
    }
}
