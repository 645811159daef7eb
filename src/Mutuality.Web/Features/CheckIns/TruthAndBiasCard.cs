using Mutuality.Domain.CheckIns;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>
/// What the M6 block shows for one guesser (Understanding page and Insights): plain sentences first, then the numbers
/// and the method behind a "how this is worked out" disclosure (issue 13).
/// </summary>
public sealed record TruthAndBiasCard(string Title, TruthAndBiasOutcome Outcome, string GuesserPossessive, string TargetPossessive, string GuesserGuesses, string NotYet)
{
    public IReadOnlyList<string> Sentences => Outcome.Result is { } r
        ? TruthAndBias.ReadingSentences(r, GuesserPossessive, TargetPossessive, GuesserGuesses)
        : [NotYet];

    /// <summary>"Your guesses about Robin" → the two cards of a couple, for the viewer.</summary>
    public static IReadOnlyList<TruthAndBiasCard> For(string partner, TruthAndBiasOutcome mine, TruthAndBiasOutcome theirs, Func<TruthAndBiasOutcome, string> notYet)
        =>
        [
            new("Your guesses about " + partner, mine, "Your", partner + "'s", "you guess", notYet(mine)),
            new(partner + "'s guesses about you", theirs, partner + "'s", "your", partner + " guesses", notYet(theirs)),
        ];

    /// <summary>A signed number of rating points or a coefficient, e.g. "+0.42" or "−0.10".</summary>
    public static string WithSign(double value) => (value < 0 ? "−" : "+") + Math.Abs(value).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static string Range(double low, double high) => $"likely between {WithSign(low)} and {WithSign(high)}";
}
