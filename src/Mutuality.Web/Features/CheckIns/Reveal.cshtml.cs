using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>The sealed reveal for one period: waiting, or side by side with the agreement, and replies.</summary>
[PartnerRequired]
public sealed class RevealModel(CallerContext callers, CheckInQueries checkIns, ReplyToCheckIn reply) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public CheckInPeriod Period { get; private set; }

    public CheckInPeriod Current { get; private set; }

    /// <summary>Issue 16: the caller has not sent their own check-in for this period, so the reveal stays closed to them.</summary>
    public bool NotYetOpen { get; private set; }

    /// <summary>Whether the caller can still check in for this period (a link to the form then).</summary>
    public bool CanStillCheckIn { get; private set; }

    public RevealView View { get; private set; } = null!;

    public AgreementResult? Agreement { get; private set; }

    /// <summary>How the partner read the caller (their guess vs the caller's own report).</summary>
    public AgreementResult? TheirAgreement { get; private set; }

    public string? Status => TempData["Status"] as string;

    [BindProperty]
    public string? ReplyText { get; set; }

    public async Task<IActionResult> OnGetAsync(string period) => await LoadAsync(period) ?? Page();

    public string PeriodName => Periods.Name(Period, Current);

    public Task<IActionResult> OnPostThankAsync(string period) => ReplyAsync(period, 1);

    public Task<IActionResult> OnPostAnswerAsync(string period) => ReplyAsync(period, 2);

    private async Task<IActionResult> ReplyAsync(string period, int kind)
    {
        if (await LoadAsync(period) is { } early)
        {
            return early;
        }

        if (NotYetOpen)
        {
            return NotFound();
        }

        var result = await reply.HandleAsync(Caller, Period, kind, ReplyText);
        if (!result.IsSuccess)
        {
            return this.Refusal(result.Errors, prefix: string.Empty) ?? Page();
        }

        TempData["Status"] = kind == 1 ? "Your thanks was sent." : "Your answer was sent.";
        return Redirect($"/CheckIns/Reveal/{Period.Label}");
    }

    private async Task<IActionResult?> LoadAsync(string? period)
    {
        Caller = await callers.RequireAsync();
        if ((Periods.Parse(Cadence.Daily, period) ?? Periods.Parse(Cadence.Weekly, period)) is not { } parsed)
        {
            return NotFound();
        }

        Period = parsed;
        Current = await checkIns.CurrentPeriodAsync(Caller);
        var view = await checkIns.RevealAsync(Caller, Period);
        if (view is null)
        {
            // The same answer whatever the partner did: only the caller's own check-in opens a reveal.
            NotYetOpen = true;
            CanStillCheckIn = Periods.CanCheckIn(Period, checkIns.Now, Domain.People.TimeZones.FindOrUtc(Caller.TimeZoneId)) is null;
            return null;
        }

        View = view;
        if (view.Partner.IsRevealed)
        {
            Agreement = Domain.CheckIns.Agreement.Compute(view.Mine.Content.Guess, view.Partner.Content!.Me);
            TheirAgreement = Domain.CheckIns.Agreement.Compute(view.Partner.Content!.Guess, view.Mine.Content.Me);
        }

        return null;
    }
}
