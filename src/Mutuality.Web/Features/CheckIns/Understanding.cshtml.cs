using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Features.Insights;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>
/// Understanding over time: M5 per reveal (the latest <see cref="PageSize"/>, older ones a page at a time), M6 per
/// perceiver over every reveal, M7 weekly (the latest 20 weeks). Built only from revealed check-ins (and one's own), from
/// the numbers copied out of them (<see cref="InsightsQueries.RevealHistoryAsync"/>): nothing is decrypted, and a
/// visit reads only the months written since the last one, so the page costs the same after five years as after one.
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

        var reveals = await insights.RevealHistoryAsync(Caller);
        var newer = (PageNumber - 1) * PageSize;
        HasOlder = reveals.Count > newer + PageSize;
        Rows = [.. reveals.Take(Math.Max(0, reveals.Count - newer)).TakeLast(PageSize).Select(r => new RevealRow(r.Period.Label, r.MyAgreement, r.TheirAgreement))];
        MyReading = TruthAndBias.Estimate(reveals.Count, [.. reveals.SelectMany((r, i) => Observations(r.MyGuess, r.TheirOwn, r.MyOwn, i))]);
        TheirReading = TruthAndBias.Estimate(reveals.Count, [.. reveals.SelectMany((r, i) => Observations(r.TheirGuess, r.MyOwn, r.TheirOwn, i))]);

        MyWeeks = GivingAndSupportWeekly.Compute(await insights.RecentOwnRatingsAsync(Caller, Weeks)).TakeLast(Weeks).ToList();
        TheirWeeks = GivingAndSupportWeekly.Compute(reveals.Select(r => new GivingAndSupport(r.Period.Start, r.TheirOwn.AbleToGive, r.TheirOwn.Supported))).TakeLast(Weeks).ToList();
        return Page();
    }

    /// <summary>M6 observations for one reveal (number <paramref name="reveal"/> in time order): guess J of the target, the target's own T, and the perceiver's own S, per rating.</summary>
    public static IEnumerable<PerceptionObservation> Observations(Ratings guess, Ratings target, Ratings perceiver, int reveal)
    {
        static IEnumerable<(RatingKind, int?)> Of(Ratings r) => [(RatingKind.Supported, r.Supported), (RatingKind.AbleToGive, r.AbleToGive), (RatingKind.Stress, r.Stress)];
        var t = Of(target).ToDictionary(x => x.Item1, x => x.Item2);
        var s = Of(perceiver).ToDictionary(x => x.Item1, x => x.Item2);
        foreach (var (kind, j) in Of(guess))
        {
            if (j is not null && t[kind] is { } tv && s[kind] is { } sv)
            {
                yield return new PerceptionObservation(kind, j.Value, tv, sv, reveal);
            }
        }
    }
}
