using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.Common;
using Mutuality.Domain.Insights;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Features.Insights;

/// <summary>Shared by the dashboard and the printable report: reads the period choice and loads what the viewer may see.</summary>
public abstract class InsightsPageModel(CallerContext callers, InsightsQueries queries, ReadRouting reads) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public InsightsView View { get; private set; } = null!;

    public IReadOnlyList<DomainError> PeriodErrors { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodKey { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>Issue 16: the period the form was showing, so dates typed in choose themselves (see <see cref="InsightPeriods.Choice"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "shown")]
    public string? Shown { get; set; }

    /// <summary>The summary of what could not be used: one line per problem, each linking to its field.</summary>
    public Infrastructure.Forms.ErrorSummary PeriodSummary
        => Infrastructure.Forms.ErrorSummary.Of(PeriodErrors.Select(e => (e.Message, e.Field is null ? null : (string?)e.Field.ToLowerInvariant())));

    /// <summary>The chosen key after reading typed dates as a choice.</summary>
    public string? ChosenKey => Shown is null ? PeriodKey : InsightPeriods.Choice(PeriodKey, From, To, Shown);

    public InsightPeriod Period => View.Data.Period;

    /// <summary>The viewer's local day.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The query string for this period, to link between the dashboard and the report.</summary>
    public string Query => Period.Kind == InsightPeriodKind.Custom
        ? $"?period=custom&from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}"
        : $"?period={Period.Key}";

    public string? ErrorFor(string field) => PeriodErrors.FirstOrDefault(e => e.Field == field)?.Message;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Caller = await callers.RequireAsync(ct);
        if (!Caller.HasCouple)
        {
            return RedirectToPage("/Couple/Index");
        }

        // The caller was read on the primary; the heavy read may go to a standby that has the couple's latest write (ADR 0007).
        await using (await reads.ForCoupleAsync(Caller.CoupleId, ct))
        {
            var firstDay = string.Equals(ChosenKey?.Trim(), "all", StringComparison.OrdinalIgnoreCase) ? await queries.FirstDayAsync(Caller, ct) : null;
            Today = queries.Today(Caller);
            var (period, errors) = InsightPeriods.Parse(PeriodKey, From, To, Today, firstDay, Shown);
            PeriodErrors = errors;
            View = new InsightsView(await queries.LoadAsync(Caller, period, ct), Caller);
        }

        return Page();
    }
}

/// <summary>The insights dashboard (C9): M1–M9 for a chosen period, each with a reading, a note and a table; and gentle nudges.</summary>
public sealed class IndexModel(CallerContext callers, InsightsQueries queries, ReadRouting reads) : InsightsPageModel(callers, queries, reads)
{
    private static readonly HashSet<string> Kinds = [Nudges.ReceivingMore, Nudges.LateAnswers, Nudges.ProjectingStress];

    private readonly CallerContext _callers = callers;
    private readonly InsightsQueries _queries = queries;

    /// <summary>Dismisses a nudge for the viewer only, for its period; it stays dismissed.</summary>
    public async Task<IActionResult> OnPostDismissAsync(string? kind, string? periodKey, CancellationToken ct)
    {
        var caller = await _callers.RequireAsync(ct);
        if (!caller.HasCouple)
        {
            return RedirectToPage("/Couple/Index");
        }

        if (kind is null || !Kinds.Contains(kind) || string.IsNullOrWhiteSpace(periodKey) || periodKey.Length > 20)
        {
            return BadRequest();
        }

        await _queries.DismissAsync(caller, kind, periodKey, ct);
        TempData["Status"] = "Done — you won't see that one again for now.";
        var (period, _) = InsightPeriods.Parse(PeriodKey, From, To, _queries.Today(caller), null);
        return Redirect(period.Kind == InsightPeriodKind.Custom
            ? $"/Insights?period=custom&from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}"
            : $"/Insights?period={period.Key}");
    }

    public string? Status => TempData["Status"] as string;
}
