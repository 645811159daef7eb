using Mutuality.Domain.CheckIns;

namespace Mutuality.Domain.Tests.CheckIns;

public sealed class TruthAndBiasTests
{
    [Fact]
    public void Estimate_HandComputedExample_MatchesByHand()
    {
        // One rating, 8 reveals. T = 2,4,…  => T̄ = 3, T′ = ∓1; S′ = -1,-1,1,1,… is orthogonal to 1 and T′,
        // so each coefficient is a simple ratio: b0 = ΣJ′/8 = 13/8, b1 = ΣT′J′/8 = 5/8, b2 = ΣS′J′/8 = 3/8.
        // Residuals give RSS = 1.625, s² = 1.625/5 = 0.325, SE = √(0.325/8) for each.
        double[] t = [2, 4, 2, 4, 2, 4, 2, 4];
        double[] s = [2, 2, 4, 4, 2, 2, 4, 4];
        double[] j = [4, 5, 4, 6, 3, 5, 5, 5];
        var observations = Enumerable.Range(0, 8).Select(i => new PerceptionObservation(RatingKind.Stress, j[i], t[i], s[i])).ToList();

        var result = TruthAndBias.Estimate(8, observations).Result!;

        Assert.Equal(1.625, result.DirectionalBias.Value, 10);
        Assert.Equal(0.625, result.TruthForce.Value, 10);
        Assert.Equal(0.375, result.AssumedSimilarity.Value, 10);
        var se = Math.Sqrt(0.325 / 8);
        Assert.Equal(se, result.DirectionalBias.StandardError, 10);
        Assert.Equal(se, result.TruthForce.StandardError, 10);
        Assert.Equal(se, result.AssumedSimilarity.StandardError, 10);
    }

    [Fact]
    public void Estimate_CentresEachRatingOnItsOwnTargetMean()
    {
        // Exact data J = T̄_r + 0.4 + 0.7·T′ + 0.2·S′ with very different means per rating: recovered exactly.
        var random = new Random(7);
        var obs = new List<PerceptionObservation>();
        var means = new Dictionary<RatingKind, double> { [RatingKind.Supported] = 6, [RatingKind.AbleToGive] = 4, [RatingKind.Stress] = 2 };
        foreach (var (rating, mean) in means)
        {
            var ts = Enumerable.Range(0, 10).Select(_ => mean + random.Next(-1, 2)).ToList();
            var tbar = ts.Average();
            foreach (var tv in ts)
            {
                var sv = random.Next(1, 8);
                obs.Add(new PerceptionObservation(rating, tbar + 0.4 + (0.7 * (tv - tbar)) + (0.2 * (sv - tbar)), tv, sv));
            }
        }

        var result = TruthAndBias.Estimate(10, obs).Result!;
        Assert.Equal(0.4, result.DirectionalBias.Value, 8);
        Assert.Equal(0.7, result.TruthForce.Value, 8);
        Assert.Equal(0.2, result.AssumedSimilarity.Value, 8);
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(5, 3)]
    [InlineData(7, 1)]
    public void Estimate_BelowEightReveals_SaysHowManyMoreAreNeeded(int reveals, int more)
    {
        var obs = Enumerable.Range(0, reveals * 3).Select(i => new PerceptionObservation((RatingKind)(i % 3), i % 7, (i * 3) % 7, (i * 5) % 7)).ToList();
        var outcome = TruthAndBias.Estimate(reveals, obs);
        Assert.Null(outcome.Result);
        Assert.Equal(TruthAndBiasGap.NotEnoughReveals, outcome.Gap);
        Assert.Equal(more, outcome.RevealsNeeded);
    }

    [Fact]
    public void Estimate_NoVariation_IsNotEstimableRatherThanNonsense()
    {
        var obs = Enumerable.Range(0, 24).Select(i => new PerceptionObservation((RatingKind)(i % 3), 4, 4, 4)).ToList();
        var outcome = TruthAndBias.Estimate(8, obs);
        Assert.Null(outcome.Result);
        Assert.Equal(TruthAndBiasGap.NoVariation, outcome.Gap);
    }

    private const double TrueB0 = 0.3, TrueB1 = 0.6, TrueB2 = 0.25, Sigma = 0.5;

    /// <summary>Data from the M6 model with known parameters: 40 reveals × 3 ratings, noise σ = 0.5.</summary>
    private static List<PerceptionObservation> Simulate(int seed, int reveals = 40)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var obs = new List<PerceptionObservation>();
        foreach (var rating in Enum.GetValues<RatingKind>())
        {
            var centre = 3 + (int)rating;
            var pairs = Enumerable.Range(0, reveals).Select(_ =>
            {
                var target = centre + (1.2 * Normal());
                var perceiver = centre + (0.3 * (target - centre)) + (1.1 * Normal()); // partners' states correlate a little
                return (Target: target, Perceiver: perceiver);
            }).ToList();
            var tbar = pairs.Average(p => p.Target);
            obs.AddRange(pairs.Select(p => new PerceptionObservation(
                rating,
                tbar + TrueB0 + (TrueB1 * (p.Target - tbar)) + (TrueB2 * (p.Perceiver - tbar)) + (Sigma * Normal()),
                p.Target,
                p.Perceiver)));
        }

        return obs;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Estimate_SimulatedFromKnownParameters_RecoversThemWithinTheirStandardErrors(int seed)
    {
        var result = TruthAndBias.Estimate(40, Simulate(seed)).Result!;

        // Each estimate is (approximately) normal around the truth with the reported SE (checked by the next test).
        // 5 seeds × 3 coefficients = 15 checks; a Bonferroni-corrected two-sided 1% family-wise level gives
        // z = 3.4, so we allow 3.5 SE (one check at 3 SE would fail by chance 0.27% of the time, 15 of them ≈ 4%).
        // The SEs must also be small enough for the check to mean something.
        const double z = 3.5;
        Assert.InRange(result.DirectionalBias.Value, TrueB0 - (z * result.DirectionalBias.StandardError), TrueB0 + (z * result.DirectionalBias.StandardError));
        Assert.InRange(result.TruthForce.Value, TrueB1 - (z * result.TruthForce.StandardError), TrueB1 + (z * result.TruthForce.StandardError));
        Assert.InRange(result.AssumedSimilarity.Value, TrueB2 - (z * result.AssumedSimilarity.StandardError), TrueB2 + (z * result.AssumedSimilarity.StandardError));
        Assert.InRange(result.TruthForce.StandardError, 0.01, 0.1);
        Assert.InRange(result.ResidualSd, Sigma * 0.8, Sigma * 1.2);
    }

    [Fact]
    public void Estimate_ReportedStandardErrors_MatchTheSpreadOfEstimatesAcrossRepeatedSamples()
    {
        // Justifies the "within 3 SE" tolerance: over 400 simulated couples, the actual spread of b̂1 and b̂2
        // around the truth equals the average reported SE (within 15%), and the estimates are unbiased.
        var results = Enumerable.Range(100, 400).Select(seed => TruthAndBias.Estimate(40, Simulate(seed)).Result!).ToList();
        foreach (var (pick, truth) in new (Func<TruthAndBiasResult, Estimate>, double)[] { (r => r.TruthForce, TrueB1), (r => r.AssumedSimilarity, TrueB2), (r => r.DirectionalBias, TrueB0) })
        {
            var values = results.Select(r => pick(r).Value).ToList();
            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
            var meanSe = results.Average(r => pick(r).StandardError);
            Assert.InRange(sd / meanSe, 0.85, 1.15);
            Assert.InRange(mean, truth - (4 * sd / Math.Sqrt(values.Count)), truth + (4 * sd / Math.Sqrt(values.Count)));
        }
    }

    [Fact]
    public void Reading_DescribesStrongTruthAndSomeProjection_InPlainWords()
    {
        var r = new TruthAndBiasResult(20, 60, new Estimate(0.05, 0.1), new Estimate(0.7, 0.08), new Estimate(0.25, 0.08), 0.5);
        var text = TruthAndBias.Reading(r, "Your", "Robin's", "you guess");
        Assert.Contains("Your guesses follow Robin's real state closely", text);
        Assert.Contains("lean a little toward your own state", text);
        Assert.Contains("On average you guess neither too high nor too low", text);
    }

    [Fact]
    public void Reading_UncertainEstimates_AreNotOverclaimed()
    {
        var r = new TruthAndBiasResult(8, 24, new Estimate(0.6, 0.4), new Estimate(0.3, 0.3), new Estimate(0.3, 0.3), 1.2);
        var text = TruthAndBias.Reading(r, "Sam's", "your", "Sam guesses");
        Assert.Contains("Sam's guesses don't yet clearly follow your real state", text);
        Assert.Contains("don't clearly lean toward Sam's own state", text);
        Assert.Contains("On average Sam guesses neither too high nor too low", text);
    }

    [Fact]
    public void Reading_ClearBias_SaysWhichWayInRatingPoints()
    {
        var r = new TruthAndBiasResult(20, 60, new Estimate(-0.6, 0.1), new Estimate(0.7, 0.08), new Estimate(0.5, 0.08), 0.5);
        var text = TruthAndBias.Reading(r, "Your", "Robin's", "you guess");
        Assert.Contains("lean a lot toward your own state", text);
        Assert.Contains("about 0.6 points lower than Robin's own answers", text);
    }

    [Fact]
    public void WeeklyMeans_GroupsByIsoWeekOfTheLocalDay()
    {
        var weeks = GivingAndSupportWeekly.Compute([
            new(new DateOnly(2026, 3, 2), 4, 5), // Monday W10
            new(new DateOnly(2026, 3, 8), 6, null), // Sunday W10
            new(new DateOnly(2026, 3, 9), 2, 3), // Monday W11
        ]);
        Assert.Equal(2, weeks.Count);
        Assert.Equal("2026-W10", weeks[0].WeekLabel);
        Assert.Equal(5.0, weeks[0].AbleToGive);
        Assert.Equal(5.0, weeks[0].FeltSupported);
        Assert.Equal(2, weeks[0].CheckIns);
        Assert.Equal(2.0, weeks[1].AbleToGive);
    }
}
