using System.Globalization;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Domain.Tests.CheckIns;

/// <summary>
/// Issue 13: simulated couples with known truth-and-bias parameters, through the public API, under realistic noise:
/// a within-reveal error shared by the three ratings (half the noise variance) and an AR(1) carry-over of 0.3 from one
/// reveal to the next. Fixed seeds, so every run gives the same figures; they are printed (and written to the
/// MUTUALITY_TEST_REPORT file when set).
/// </summary>
public sealed class HonestNumbersSimulationTests(ITestOutputHelper output)
{
    private const int Couples = 400;

    /// <summary>One simulated couple's observations for one guesser.</summary>
    public static List<PerceptionObservation> Couple(Random random, int reveals, double b0, double b1, double b2, double sigma, double carryOver = 0.3, double selfOffset = 0)
    {
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double[] centre = [5.0, 4.5, 3.5];
        var error = new double[3];
        var observations = new List<PerceptionObservation>();
        for (var t = -20; t < reveals; t++)
        {
            var shared = sigma * Math.Sqrt(0.5) * Normal();
            for (var r = 0; r < 3; r++)
            {
                error[r] = (carryOver * error[r]) + shared + (sigma * Math.Sqrt(0.5) * Normal());
            }

            if (t < 0)
            {
                continue; // burn-in, so the carry-over has reached its steady state
            }

            for (var r = 0; r < 3; r++)
            {
                var target = centre[r] + (1.2 * Normal());
                var perceiver = centre[r] + selfOffset + (0.3 * (target - centre[r])) + (1.1 * Normal());
                var guess = centre[r] + b0 + (b1 * (target - centre[r])) + (b2 * (perceiver - centre[r])) + error[r];
                observations.Add(new PerceptionObservation((RatingKind)r, guess, target, perceiver, t));
            }
        }

        return observations;
    }

    private static string P(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(20)]
    [InlineData(40)]
    public void TruthAndBias_IntervalsShown_CoverTheTrueValuesNinetyToNinetyEightPercentOfTheTime(int reveals)
    {
        const double b0 = 0.3, b1 = 0.6, b2 = 0.25, sigma = 0.7;
        var random = new Random(1300 + reveals);
        int c0 = 0, c1 = 0, c2 = 0;
        for (var i = 0; i < Couples; i++)
        {
            var r = TruthAndBias.Estimate(reveals, Couple(random, reveals, b0, b1, b2, sigma)).Result!;
            c0 += r.DirectionalBias.Low <= b0 && b0 <= r.DirectionalBias.High ? 1 : 0;
            c1 += r.TruthForce.Low <= b1 && b1 <= r.TruthForce.High ? 1 : 0;
            c2 += r.AssumedSimilarity.Low <= b2 && b2 <= r.AssumedSimilarity.High ? 1 : 0;
        }

        double k0 = (double)c0 / Couples, k1 = (double)c1 / Couples, k2 = (double)c2 / Couples;
        TestReport.Write(output, $"M6 coverage of the intervals shown, {reveals} reveals, shared error + carry-over 0.3, {Couples} couples: b0 {P(k0)}, b1 {P(k1)}, b2 {P(k2)} (target 90–98 %)");
        Assert.InRange(k0, 0.90, 0.98);
        Assert.InRange(k1, 0.90, 0.98);
        Assert.InRange(k2, 0.90, 0.98);
    }

    [Theory]
    [InlineData(8, 0.6, 0.25, 0.7)]
    [InlineData(12, 0.6, 0.25, 0.7)]
    [InlineData(20, 0.6, 0.25, 0.7)]
    [InlineData(40, 0.6, 0.25, 0.7)]
    [InlineData(12, 0.9, 0.0, 0.9)]
    [InlineData(40, 0.9, 0.0, 0.9)]
    public void UnbiasedGuesser_IsToldHigherOrLowerAboutAnyRatingInAtMostFivePercentOfCouples(int reveals, double b1, double b2, double sigma)
    {
        // No bias at all: the guess centres on the partner's mean on every rating (b0 = 0, own ratings at the same level).
        var random = new Random(2600 + reveals + (int)(b1 * 10));
        var claims = 0;
        const int couples = 1000;
        for (var i = 0; i < couples; i++)
        {
            var r = TruthAndBias.Estimate(reveals, Couple(random, reveals, 0, b1, b2, sigma)).Result!;
            var text = TruthAndBias.Reading(r, "Your", "Robin's", "you guess");
            claims += text.Contains("points higher", StringComparison.Ordinal) || text.Contains("points lower", StringComparison.Ordinal) ? 1 : 0;
        }

        var rate = (double)claims / couples;
        TestReport.Write(output, $"False 'higher/lower' claims for an unbiased guesser, {reveals} reveals, b1 {b1}, b2 {b2}, σ {sigma}: {P(rate)} of {couples} couples (limit 5 %)");
        Assert.True(rate <= 0.05, $"{P(rate)} of unbiased guessers were told they guess higher or lower.");
    }

    [Fact]
    public void GuesserWhoReadsThePartnerAsWorseOff_IsToldSoByFortyReveals()
    {
        // The audit's case: a guesser rating themself a point below the partner and projecting strongly (b0 = 0) has a real
        // raw gap of −0.5 on every rating. The b0 sentence hid it; the per-rating gap must show it.
        var random = new Random(2640);
        var told = 0;
        const int couples = 200;
        for (var i = 0; i < couples; i++)
        {
            var r = TruthAndBias.Estimate(40, Couple(random, 40, 0, 0.6, 0.5, 0.5, selfOffset: -1)).Result!;
            told += TruthAndBias.Reading(r, "Your", "Robin's", "you guess").Contains("points lower", StringComparison.Ordinal) ? 1 : 0;
        }

        var rate = (double)told / couples;
        TestReport.Write(output, $"Real gap of −0.5 on each rating, 40 reveals: told 'lower' on at least one rating in {P(rate)} of {couples} couples");
        Assert.True(rate >= 0.8, $"only {P(rate)} were told");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(20)]
    [InlineData(40)]
    public void CategoryWords_AreWrongForAtMostFivePercentOfCouples(int reveals)
    {
        // True b1 = 0.45 (somewhat, not closely) and b2 = 0.3 (a little, not a lot): any "closely", "a lot", "hardly",
        // "only a little" or "away" is a wrong word.
        var random = new Random(3900 + reveals);
        int wrong = 0, words = 0;
        for (var i = 0; i < Couples; i++)
        {
            var r = TruthAndBias.Estimate(reveals, Couple(random, reveals, 0, 0.45, 0.3, 0.7)).Result!;
            var text = TruthAndBias.Reading(r, "Your", "Robin's", "you guess");
            wrong += text.Contains("closely.", StringComparison.Ordinal) || text.Contains("a lot", StringComparison.Ordinal) || text.Contains("hardly", StringComparison.Ordinal)
                || text.Contains("only a little", StringComparison.Ordinal) || text.Contains("away from", StringComparison.Ordinal) || text.Contains("move against", StringComparison.Ordinal) ? 1 : 0;
            words += text.Contains("at least somewhat", StringComparison.Ordinal) ? 1 : 0;
        }

        double rate = (double)wrong / Couples, shown = (double)words / Couples;
        TestReport.Write(output, $"Wrong category words at {reveals} reveals (true b1 0.45, b2 0.3): {P(rate)} of {Couples} couples; the right truth word shown to {P(shown)}");
        Assert.True(rate <= 0.05, $"{P(rate)} were shown a wrong word");
    }
}
