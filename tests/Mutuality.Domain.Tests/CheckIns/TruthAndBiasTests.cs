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

        // Cluster-robust (CR1) by reveal: one row per reveal here, so (XᵀX)⁻¹ = I/8 and the meat is Σ e²·x xᵀ; residuals
        // are e = J′ − (b0 + b1·T′ + b2·S′) worked out row by row, and the small-sample factor is 8/7 · 7/5.
        double[] e = [.. Enumerable.Range(0, 8).Select(i => (j[i] - 3) - (1.625 + (0.625 * (t[i] - 3)) + (0.375 * (s[i] - 3))))];
        var sumE2 = e.Sum(v => v * v);
        Assert.Equal(1.625, sumE2, 10);
        var cr1 = Math.Sqrt(sumE2 / 64 * (8.0 / 7) * (7.0 / 5)); // x₀ = 1, and T′², S′² = 1 on every row
        Assert.Equal(cr1, result.DirectionalBias.StandardError, 10);
        Assert.Equal(cr1, result.TruthForce.StandardError, 10);
        Assert.Equal(cr1, result.AssumedSimilarity.StandardError, 10);

        // The slopes' intervals: t(7) 97.5 % = 2.3646, widened by √(1 + 1/8) for few reveals.
        Assert.Equal(0.625 + (2.364624 * cr1 * Math.Sqrt(1.125)), result.TruthForce.High, 4);
    }

    [Theory]
    [InlineData(0.975, 7, 2.364624)]
    [InlineData(0.975, 39, 2.022691)]
    [InlineData(0.5, 3, 0)]
    public void StudentTQuantile_MatchesPublishedTables(double p, int df, double expected)
        => Assert.Equal(expected, Intervals.StudentTQuantile(p, df), 3);

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

        // Each estimate is (approximately) t-distributed around the truth with the reported (cluster-robust) SE, checked
        // by the coverage simulation in HonestNumbersSimulationTests. Here: the truth lies within the 99.9 % version of
        // the interval shown (its half-width × t(39) 99.95 % / t(39) 97.5 % ≈ 1.76); 15 checks ⇒ about 1.5 % chance of a
        // spurious failure, and the seeds are fixed.
        const double z = 1.76;
        foreach (var (estimate, truth) in new[] { (result.DirectionalBias, TrueB0), (result.TruthForce, TrueB1), (result.AssumedSimilarity, TrueB2) })
        {
            Assert.InRange(truth, estimate.Value - (z * estimate.HalfWidth), estimate.Value + (z * estimate.HalfWidth));
        }

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

    private static TruthAndBiasResult Result(int reveals, Estimate b0, Estimate b1, Estimate b2, params RatingGap[] gaps)
        => new(reveals, reveals * 3, b0, b1, b2, 0.5, gaps);

    [Fact]
    public void Reading_ClearIntervals_UseTheCategoryWords()
    {
        var r = Result(40, new(0.05, 0.1, -0.15, 0.25), new(0.7, 0.08, 0.55, 0.85), new(0.25, 0.05, 0.15, 0.35),
            new RatingGap(RatingKind.Supported, 40, -0.8, -1.2, -0.4),
            new RatingGap(RatingKind.AbleToGive, 40, 0.02, -0.2, 0.24),
            new RatingGap(RatingKind.Stress, 40, 0.05, -0.1, 0.2));
        var text = TruthAndBias.Reading(r, "Your", "Robin's", "you guess");
        Assert.Contains("Your guesses follow Robin's real state closely.", text);
        Assert.Contains("They lean toward your own state, at least a little.", text);
        Assert.Contains("On feeling supported, you guess about 0.8 points lower than Robin's own answers.", text);
        Assert.Contains("On feeling able to give and stress, your guesses are about right on average.", text);
        Assert.DoesNotContain("too early", text);
    }

    [Fact]
    public void Reading_IntervalsAcrossACategoryLine_SayTooEarlyAndHowManyMore()
    {
        // b1 = 0.3 but the interval reaches below zero; b2's interval spans 0.1; the stress gap's interval spans 0.
        var r = Result(8, new(0.6, 0.4, -0.3, 1.5), new(0.3, 0.15, -0.1, 0.7), new(0.3, 0.2, -0.2, 0.8),
            new RatingGap(RatingKind.Stress, 8, 0.6, -0.1, 1.3));
        var text = TruthAndBias.Reading(r, "Sam's", "your", "Sam guesses");
        Assert.Contains("How closely Sam's guesses follow your real state is too early to tell (about 7 more check-ins together should show it).", text);
        Assert.Contains("Whether they lean toward Sam's own state is too early to tell", text);
        Assert.Contains("Whether Sam guesses high or low on stress is too early to tell (about 3 more check-ins", text);
        Assert.DoesNotContain("closely.", text);
        Assert.DoesNotContain("higher", text);
    }

    [Fact]
    public void Reading_NeverBuildsHigherOrLowerFromBiasBeyondProjection()
    {
        // b0 clearly negative, but the raw gaps are about zero: the couple must not be told "lower".
        var r = Result(40, new(-0.6, 0.1, -0.8, -0.4), new(0.7, 0.08, 0.55, 0.85), new(0.5, 0.05, 0.42, 0.6),
            new RatingGap(RatingKind.Supported, 40, 0.0, -0.2, 0.2));
        var text = TruthAndBias.Reading(r, "Your", "Robin's", "you guess");
        Assert.Contains("They lean a lot toward your own state.", text);
        Assert.DoesNotContain("lower", text);
        Assert.DoesNotContain("higher", text);
    }

    [Fact]
    public void Gaps_AreTheRawMeanGapPerRating_NotPooled()
    {
        // Supported guessed 1 lower every time, stress 1 higher: pooled they would cancel; per rating they do not.
        var obs = Enumerable.Range(0, 10).SelectMany(i => new[]
        {
            new PerceptionObservation(RatingKind.Supported, 3 + (i % 3), 4 + (i % 3), 4, i),
            new PerceptionObservation(RatingKind.Stress, 5 - (i % 2), 4 - (i % 2), 4, i),
        }).ToList();
        var gaps = TruthAndBias.Gaps(obs);
        Assert.Equal(-1, gaps.Single(g => g.Rating == RatingKind.Supported).Mean, 10);
        Assert.Equal(1, gaps.Single(g => g.Rating == RatingKind.Stress).Mean, 10);
    }

    [Fact]
    public void Gaps_ThatAreTheSameEveryTime_StillHaveARange_FromTheRoundingOfWholePointRatings()
    {
        // Guessed exactly one point low at all 40 reveals: the average is "about −1", not "between −1.00 and −1.00".
        var obs = Enumerable.Range(0, 40).Select(i => new PerceptionObservation(RatingKind.Supported, 3 + (i % 3), 4 + (i % 3), 4, i)).ToList();
        var gap = TruthAndBias.Gaps(obs).Single();
        Assert.Equal(-1, gap.Mean, 10);
        Assert.True(gap.High - gap.Low > 0.2, $"The range {gap.Low:0.00} to {gap.High:0.00} claims more than whole-point ratings can show.");
        Assert.True(gap.High < 0, "Forty reveals all a point low is still clearly 'lower'.");
    }

    [Fact]
    public void FromCheckIns_SaysWhenTheReadingSettles()
    {
        Assert.Equal("(from 12 check-ins together; this settles after about 20)", TruthAndBias.FromCheckIns(12));
        Assert.Equal("(from 40 check-ins together)", TruthAndBias.FromCheckIns(40));
    }

    [Fact]
    public void Estimate_RejectsNonFiniteNumbers()
        => Assert.Throws<ArgumentException>(() => TruthAndBias.Estimate(8, [.. Enumerable.Range(0, 24).Select(i => new PerceptionObservation((RatingKind)(i % 3), double.NaN, 4, 4))]));

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
