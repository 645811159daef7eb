using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Features.Shared.Charts;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>Understanding over time: M5 per reveal, M6 per perceiver, M7 weekly. Built only from revealed check-ins (and one's own).</summary>
[PartnerRequired]
public sealed class UnderstandingModel(CallerContext callers, CheckInQueries checkIns) : PageModel
{
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

    public TruthAndBiasOutcome MyReading { get; private set; } = null!;

    public TruthAndBiasOutcome TheirReading { get; private set; } = null!;

    public IReadOnlyList<WeeklyMeans> MyWeeks { get; private set; } = [];

    public IReadOnlyList<WeeklyMeans> TheirWeeks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Caller = await callers.RequireAsync();

        var reveals = await checkIns.RevealsAsync(Caller);
        Rows = reveals.Select(r => new RevealRow(
            r.Mine.Period.Label,
            Agreement.Compute(r.Mine.Content.Guess, r.Theirs.Me).Overall,
            Agreement.Compute(r.Theirs.Guess, r.Mine.Content.Me).Overall)).ToList();
        MyReading = TruthAndBias.Estimate(reveals.Count, reveals.SelectMany((r, i) => Observations(r.Mine.Content.Guess, r.Theirs.Me, r.Mine.Content.Me, i)).ToList());
        TheirReading = TruthAndBias.Estimate(reveals.Count, reveals.SelectMany((r, i) => Observations(r.Theirs.Guess, r.Mine.Content.Me, r.Theirs.Me, i)).ToList());

        var own = await checkIns.OwnSubmittedAsync(Caller);
        MyWeeks = GivingAndSupportWeekly.Compute(own.Select(o => new GivingAndSupport(o.Period.Start, o.Content.Me.Ratings.AbleToGive, o.Content.Me.Ratings.Supported)));
        TheirWeeks = GivingAndSupportWeekly.Compute(reveals.Select(r => new GivingAndSupport(r.Mine.Period.Start, r.Theirs.Me.Ratings.AbleToGive, r.Theirs.Me.Ratings.Supported)));
        return Page();
    }

    /// <summary>M6 observations for one reveal (number <paramref name="reveal"/> in time order): guess J of the target, the target's own T, and the perceiver's own S, per rating.</summary>
    public static IEnumerable<PerceptionObservation> Observations(StateReport guess, StateReport target, StateReport perceiver, int reveal)
    {
        static IEnumerable<(RatingKind, int?)> Of(StateReport r) => [(RatingKind.Supported, r.Ratings.Supported), (RatingKind.AbleToGive, r.Ratings.AbleToGive), (RatingKind.Stress, r.Ratings.Stress)];
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
