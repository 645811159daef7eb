using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Support;

namespace Mutuality.Domain.Insights;

/// <summary>
/// A gentle observation about the viewer's own part, with why it appears. <see cref="Kind"/> and <see cref="PeriodKey"/>
/// identify it for "dismiss": a dismissed nudge stays away until the same rule fires for a new period.
/// </summary>
public sealed record Nudge(string Kind, string PeriodKey, string Title, string Text, string Why);

/// <summary>What the nudge rules look at, all from what the viewer may see.</summary>
/// <param name="FortnightKey">A key for the last two local weeks, e.g. "2026-W09".</param>
/// <param name="Fortnight">M1 over the last two weeks, with the viewer as partner A.</param>
/// <param name="MonthKey">A key for the current local month, e.g. "2026-03".</param>
/// <param name="AnsweredInWindow">Requests made to the viewer in the last 8 weeks that the viewer answered within their window.</param>
/// <param name="AnsweredLate">… that the viewer answered only after the window had passed.</param>
/// <param name="StressReveals">Reveals in the last 16 weeks (for the stress-projection rule).</param>
/// <param name="StressSums">The viewer's guesses of the partner's stress against both self-reports, over those reveals.</param>
public sealed record NudgeFacts(
    string FortnightKey,
    Balance Fortnight,
    string MonthKey,
    int AnsweredInWindow,
    int AnsweredLate,
    int StressReveals,
    PerceptionSums? StressSums);

/// <summary>
/// Gentle, rule-based nudges (docs/measures.md, "Nudges"). Each speaks to the viewer about their own part only, never compares the
/// partners or names a winner, and says why it appears. Pure.
/// </summary>
public static class Nudges
{
    public const string ReceivingMore = "receiving-more";
    public const string LateAnswers = "late-answers";
    public const string ProjectingStress = "projecting-stress";

    /// <summary>Receiving-more needs at least this many things given in the fortnight, and at most a quarter of them from the viewer.</summary>
    public const int ReceivingMinimum = 6;

    /// <summary>Late answers needs at least this many answered requests, half or more of them after their window.</summary>
    public const int LateMinimum = 3;

    /// <summary>Projection needs assumed similarity at least this large, and clearly above zero (more than 2 SE).</summary>
    public const double ProjectionThreshold = 0.4;

    public static IReadOnlyList<Nudge> For(NudgeFacts facts, string partnerName)
    {
        var list = new List<Nudge>();
        var f = facts.Fortnight;
        if (f.Total >= ReceivingMinimum && f.GivenA * 4 <= f.Total)
        {
            list.Add(new Nudge(
                ReceivingMore,
                facts.FortnightKey,
                "You've been receiving a lot of care lately",
                $"Over the last two weeks most of the support in your view came to you. That can be exactly right in a hard stretch. If you have a little room, a small gesture back — even a pebble — can feel good to give.",
                $"In the last two weeks you gave {f.GivenA} of the {f.Total} things given that you can see (moments, pebbles and requests done). This appears when you gave a quarter or less of at least {ReceivingMinimum}."));
        }

        var answered = facts.AnsweredInWindow + facts.AnsweredLate;
        if (answered >= LateMinimum && facts.AnsweredLate * 2 >= answered)
        {
            list.Add(new Nudge(
                LateAnswers,
                facts.MonthKey,
                "Some answers arrived after the window",
                $"Several of {partnerName}'s requests got your answer after the time they hoped for. A quick \"I saw this — can we do it at …?\" inside the window already counts as turning toward, even when you can't help straight away.",
                $"Of the {answered} requests made to you in the last 8 weeks that you answered, {facts.AnsweredLate} were answered after their window. This appears when that is half or more of at least {LateMinimum}."));
        }

        if (facts.StressSums is { } sums
            && TruthAndBias.EstimateFromSums(facts.StressReveals, [sums]).Result is { } r
            && r.AssumedSimilarity.Value >= ProjectionThreshold
            && r.AssumedSimilarity.Value > 2 * r.AssumedSimilarity.StandardError)
        {
            list.Add(new Nudge(
                ProjectingStress,
                facts.MonthKey,
                "Your guesses of their stress follow your own",
                $"When you guess how stressed {partnerName} is, your guess tends to move with your own stress. That is very human. Next check-in, you could pause on the stress guess and ask yourself: is this mine, or theirs?",
                $"Over {facts.StressReveals} reveals in the last 16 weeks, your stress guesses leaned toward your own stress by {r.AssumedSimilarity.Value:0.00} (standard error {r.AssumedSimilarity.StandardError:0.00}; truth and bias model, M6). This appears at {ProjectionThreshold:0.0} or more, when clearly above zero."));
        }

        return list;
    }
}
