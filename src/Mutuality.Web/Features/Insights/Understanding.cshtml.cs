using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Features.Shared.Charts;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Insights;

/// <summary>
/// Understanding over time: M5 per reveal (the latest <see cref="PageSize"/>, older ones a page at a time), M6 per
/// perceiver over every reveal, M7 weekly (the latest 20 weeks). Built only from revealed check-ins (and one's own), from
/// the numbers copied out of them (<see cref="InsightsQueries.UnderstandingAsync"/>): nothing is decrypted, and while
/// nothing of the couple's has been written since the last visit a visit reads only the change counters, so the page
/// costs the same after five years as after one month.
/// </summary>
[PartnerRequired]
public sealed class UnderstandingModel(CallerContext callers, InsightsQueries insights) : PageModel
{
    /// <summary>Reveals in the M5 chart and table on one page.</summary>
    public const int PageSize = 60;

    /// <summary>Weeks in the M7 tables.</summary>
    public const int Weeks = 20;

    public sealed record RevealRow(string Label, double? Mine, double? Theirs);

    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<RevealRow> Rows { get; private set; } = [];

    /// <summary>Agreement at each reveal, both ways, in percent (one schema, drawn by wwwroot/js/charts.js).</summary>
    public ChartData Chart => new(
        ChartType.Line,
        [.. Rows.Select(r => r.Label)],
        [
            new($"How well you read {Caller.PartnerName}", [.. Rows.Select(r => Pct(r.Mine))]),
            new($"How well {Caller.PartnerName} read you", [.. Rows.Select(r => Pct(r.Theirs))], Dashed: true),
        ])
    { Min = 0, Max = 100, Unit = "%" };

    private static double? Pct(double? v) => v is null ? null : Math.Round(v.Value * 100, 1);

    /// <summary>The page of reveals shown (1 = the newest), <c>?p=</c> (not "page": Razor Pages keeps that route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool HasOlder { get; private set; }

    public string NewerHref => PageNumber == 2 ? "/CheckIns/Understanding" : $"/CheckIns/Understanding?p={PageNumber - 1}";

    public string OlderHref => $"/CheckIns/Understanding?p={PageNumber + 1}";

    public TruthAndBiasOutcome MyReading { get; private set; } = null!;

    public TruthAndBiasOutcome TheirReading { get; private set; } = null!;

    public IReadOnlyList<WeeklyMeans> MyWeeks { get; private set; } = [];

    public IReadOnlyList<WeeklyMeans> TheirWeeks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Caller = await callers.RequireAsync();
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);

        var numbers = await insights.UnderstandingAsync(Caller, Weeks);
        var reveals = numbers.Reveals;
        var end = Math.Max(0, reveals.Count - ((PageNumber - 1) * PageSize));
        var start = Math.Max(0, end - PageSize);
        HasOlder = start > 0;
        Rows = [.. Enumerable.Range(start, end - start).Select(i => new RevealRow(reveals[i].Period.Label, reveals[i].MyAgreement, reveals[i].TheirAgreement))];
        MyReading = numbers.MyReading;
        TheirReading = numbers.TheirReading;
        MyWeeks = numbers.MyWeeks;
        TheirWeeks = numbers.TheirWeeks;
        return Page();
    }

    /// <summary>M6 observations for one reveal (number <paramref name="reveal"/> in time order): guess J of the target, the target's own T, and the perceiver's own S, per rating.</summary>
    public static IEnumerable<PerceptionObservation> Observations(Ratings guess, Ratings target, Ratings perceiver, int reveal)
        => RevealNumbers.Observations(guess, target, perceiver, reveal);
}
