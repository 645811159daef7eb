namespace Mutuality.Domain.CheckIns;

/// <summary>Which rating an observation is about. Each is centred on its own target mean.</summary>
public enum RatingKind
{
    Supported,
    AbleToGive,
    Stress,
}

/// <summary>
/// One observation for M6: at one reveal, on one rating, the perceiver's guess J of the target, the target's own
/// self-report T, and the perceiver's own self-report S.
/// </summary>
public sealed record PerceptionObservation(RatingKind Rating, double Guess, double TargetSelf, double PerceiverSelf);

/// <summary>
/// Sums over the reveals of one rating (J = guess, T = target's self-report, S = perceiver's self-report): enough to fit
/// M6 without the rows. Built by the database (or by <see cref="Of"/>).
/// </summary>
public sealed record PerceptionSums(RatingKind Rating, long N, double J, double T, double S, double JJ, double TT, double SS, double JT, double JS, double TS)
{
    public static PerceptionSums Of(RatingKind rating, IEnumerable<PerceptionObservation> observations)
    {
        var list = observations.Where(o => o.Rating == rating).ToList();
        return new PerceptionSums(
            rating,
            list.Count,
            list.Sum(o => o.Guess),
            list.Sum(o => o.TargetSelf),
            list.Sum(o => o.PerceiverSelf),
            list.Sum(o => o.Guess * o.Guess),
            list.Sum(o => o.TargetSelf * o.TargetSelf),
            list.Sum(o => o.PerceiverSelf * o.PerceiverSelf),
            list.Sum(o => o.Guess * o.TargetSelf),
            list.Sum(o => o.Guess * o.PerceiverSelf),
            list.Sum(o => o.TargetSelf * o.PerceiverSelf));
    }
}

/// <summary>An estimate and its standard error.</summary>
public sealed record Estimate(double Value, double StandardError);

/// <summary>M6 results: directional bias b0, truth force b1, assumed similarity b2, from n reveals (3 observations each).</summary>
public sealed record TruthAndBiasResult(int Reveals, int Observations, Estimate DirectionalBias, Estimate TruthForce, Estimate AssumedSimilarity, double ResidualSd);

/// <summary>Why M6 could not be estimated.</summary>
public enum TruthAndBiasGap
{
    NotEnoughReveals,
    NoVariation,
}

/// <summary>M6, or why not yet.</summary>
public sealed record TruthAndBiasOutcome(TruthAndBiasResult? Result, TruthAndBiasGap? Gap, int RevealsNeeded);

/// <summary>
/// M6 truth and bias (West &amp; Kenny, 2011, Psychological Review). For each rating r, centre on the target's mean
/// self-report T̄_r: J′ = J − T̄_r, T′ = T − T̄_r, S′ = S − T̄_r. Pooling the three ratings, fit
/// J′ = b0 + b1·T′ + b2·S′ by ordinary least squares (3×3 normal equations solved here by hand).
/// Standard errors: s²·(XᵀX)⁻¹ with s² = RSS / (N − 3).
/// </summary>
public static class TruthAndBias
{
    public const int MinimumReveals = 8;

    /// <summary>Estimates M6 from the observations of <paramref name="reveals"/> reveals.</summary>
    public static TruthAndBiasOutcome Estimate(int reveals, IReadOnlyList<PerceptionObservation> observations)
    {
        if (reveals < MinimumReveals)
        {
            return new TruthAndBiasOutcome(null, TruthAndBiasGap.NotEnoughReveals, MinimumReveals - reveals);
        }

        var means = observations.GroupBy(o => o.Rating).ToDictionary(g => g.Key, g => g.Average(o => o.TargetSelf));
        var rows = observations
            .Select(o => (J: o.Guess - means[o.Rating], T: o.TargetSelf - means[o.Rating], S: o.PerceiverSelf - means[o.Rating]))
            .ToList();
        var n = rows.Count;
        if (n <= 3)
        {
            return new TruthAndBiasOutcome(null, TruthAndBiasGap.NoVariation, 0);
        }

        // XᵀX and Xᵀy with X = [1, T′, S′].
        var xtx = new double[3, 3];
        var xty = new double[3];
        foreach (var (j, t, s) in rows)
        {
            double[] x = [1, t, s];
            for (var r = 0; r < 3; r++)
            {
                xty[r] += x[r] * j;
                for (var c = 0; c < 3; c++)
                {
                    xtx[r, c] += x[r] * x[c];
                }
            }
        }

        var inverse = Invert3(xtx);
        if (inverse is null)
        {
            return new TruthAndBiasOutcome(null, TruthAndBiasGap.NoVariation, 0);
        }

        var b = new double[3];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                b[r] += inverse[r, c] * xty[c];
            }
        }

        var rss = rows.Sum(row => Math.Pow(row.J - (b[0] + (b[1] * row.T) + (b[2] * row.S)), 2));
        var s2 = rss / (n - 3);
        Estimate At(int i) => new(b[i], Math.Sqrt(Math.Max(0, s2 * inverse[i, i])));
        return new TruthAndBiasOutcome(new TruthAndBiasResult(reveals, n, At(0), At(1), At(2), Math.Sqrt(s2)), null, 0);
    }

    /// <summary>
    /// M6 from per-rating sums instead of rows (the database can add these up; see docs/adr/0004-insights-aggregation.md).
    /// Same model and same answer as <see cref="Estimate(int, IReadOnlyList{PerceptionObservation})"/>: each rating is centred
    /// on its own T̄ = ΣT / N, and the centred cross-products follow from the raw sums.
    /// </summary>
    public static TruthAndBiasOutcome EstimateFromSums(int reveals, IReadOnlyList<PerceptionSums> sums)
    {
        if (reveals < MinimumReveals)
        {
            return new TruthAndBiasOutcome(null, TruthAndBiasGap.NotEnoughReveals, MinimumReveals - reveals);
        }

        var xtx = new double[3, 3];
        var xty = new double[3];
        double yty = 0;
        long n = 0;
        foreach (var s in sums.Where(s => s.N > 0))
        {
            var c = s.T / s.N;
            var nc2 = s.N * c * c;
            var sumJ = s.J - (s.N * c);
            var sumS = s.S - (s.N * c);
            var tt = s.TT - (2 * c * s.T) + nc2;
            var ss = s.SS - (2 * c * s.S) + nc2;
            var ts = s.TS - (c * s.T) - (c * s.S) + nc2;
            var jt = s.JT - (c * s.J) - (c * s.T) + nc2;
            var js = s.JS - (c * s.J) - (c * s.S) + nc2;
            var jj = s.JJ - (2 * c * s.J) + nc2;
            n += s.N;
            xtx[0, 0] += s.N;
            xtx[0, 2] += sumS;
            xtx[2, 0] += sumS;
            xtx[1, 1] += tt;
            xtx[1, 2] += ts;
            xtx[2, 1] += ts;
            xtx[2, 2] += ss;
            xty[0] += sumJ;
            xty[1] += jt;
            xty[2] += js;
            yty += jj;
        }

        if (n <= 3)
        {
            return new TruthAndBiasOutcome(null, TruthAndBiasGap.NoVariation, 0);
        }

        var inverse = Invert3(xtx);
        if (inverse is null)
        {
            return new TruthAndBiasOutcome(null, TruthAndBiasGap.NoVariation, 0);
        }

        var b = new double[3];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                b[r] += inverse[r, c] * xty[c];
            }
        }

        // RSS = yᵀy − 2·bᵀXᵀy + bᵀ(XᵀX)b.
        double bxty = 0, bxtxb = 0;
        for (var r = 0; r < 3; r++)
        {
            bxty += b[r] * xty[r];
            for (var c = 0; c < 3; c++)
            {
                bxtxb += b[r] * xtx[r, c] * b[c];
            }
        }

        var rss = Math.Max(0, yty - (2 * bxty) + bxtxb);
        var s2 = rss / (n - 3);
        Estimate At(int i) => new(b[i], Math.Sqrt(Math.Max(0, s2 * inverse[i, i])));
        return new TruthAndBiasOutcome(new TruthAndBiasResult(reveals, (int)n, At(0), At(1), At(2), Math.Sqrt(s2)), null, 0);
    }

    /// <summary>The inverse of a 3×3 matrix by cofactors; null when it is (nearly) singular.</summary>
    public static double[,]? Invert3(double[,] m)
    {
        var c00 = (m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1]);
        var c01 = (m[1, 2] * m[2, 0]) - (m[1, 0] * m[2, 2]);
        var c02 = (m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0]);
        var det = (m[0, 0] * c00) + (m[0, 1] * c01) + (m[0, 2] * c02);
        var scale = Math.Max(1e-12, Math.Abs(m[0, 0] * m[1, 1] * m[2, 2]));
        if (Math.Abs(det) < 1e-9 * scale || double.IsNaN(det))
        {
            return null;
        }

        var inv = new double[3, 3];
        inv[0, 0] = c00 / det;
        inv[0, 1] = ((m[0, 2] * m[2, 1]) - (m[0, 1] * m[2, 2])) / det;
        inv[0, 2] = ((m[0, 1] * m[1, 2]) - (m[0, 2] * m[1, 1])) / det;
        inv[1, 0] = c01 / det;
        inv[1, 1] = ((m[0, 0] * m[2, 2]) - (m[0, 2] * m[2, 0])) / det;
        inv[1, 2] = ((m[0, 2] * m[1, 0]) - (m[0, 0] * m[1, 2])) / det;
        inv[2, 0] = c02 / det;
        inv[2, 1] = ((m[0, 1] * m[2, 0]) - (m[0, 0] * m[2, 1])) / det;
        inv[2, 2] = ((m[0, 0] * m[1, 1]) - (m[0, 1] * m[1, 0])) / det;
        return inv;
    }

    /// <summary>
    /// A plain reading of the estimates, e.g. "Your guesses follow Robin's real state closely, and lean a little
    /// toward your own state." An estimate within two standard errors of zero is read as "no clear sign".
    /// </summary>
    /// <param name="r">The estimates.</param>
    /// <param name="guesserPossessive">"Your" or "Sam's".</param>
    /// <param name="targetPossessive">"Robin's" or "your".</param>
    /// <param name="guesserGuesses">"you guess" or "Sam guesses".</param>
    public static string Reading(TruthAndBiasResult r, string guesserPossessive, string targetPossessive, string guesserGuesses)
    {
        var guesserOwn = guesserPossessive == "Your" ? "your" : guesserPossessive;
        var truth = r.TruthForce.Value;
        var clearTruth = Math.Abs(truth) > 2 * r.TruthForce.StandardError;
        var follow = !clearTruth ? $"{guesserPossessive} guesses don't yet clearly follow {targetPossessive} real state"
            : truth >= 0.5 ? $"{guesserPossessive} guesses follow {targetPossessive} real state closely"
            : truth >= 0.2 ? $"{guesserPossessive} guesses follow {targetPossessive} real state somewhat"
            : truth > 0 ? $"{guesserPossessive} guesses follow {targetPossessive} real state only a little"
            : $"{guesserPossessive} guesses tend to move against {targetPossessive} real state";

        var sim = r.AssumedSimilarity.Value;
        var clearSim = Math.Abs(sim) > 2 * r.AssumedSimilarity.StandardError;
        var lean = !clearSim || Math.Abs(sim) < 0.1 ? $"and they don't clearly lean toward {guesserOwn} own state"
            : sim >= 0.4 ? $"and they lean a lot toward {guesserOwn} own state"
            : sim > 0 ? $"and they lean a little toward {guesserOwn} own state"
            : $"and they lean away from {guesserOwn} own state";

        var bias = r.DirectionalBias.Value;
        var clearBias = Math.Abs(bias) > 2 * r.DirectionalBias.StandardError && Math.Abs(bias) >= 0.25;
        var level = !clearBias ? $"On average {guesserGuesses} neither too high nor too low."
            : $"On average {guesserGuesses} about {Math.Abs(bias):0.0} points {(bias > 0 ? "higher" : "lower")} than {targetPossessive} own answers.";
        return $"{follow}, {lean}. {level}";
    }
}

/// <summary>A week's M7 means for one person.</summary>
public sealed record WeeklyMeans(DateOnly WeekStart, string WeekLabel, int CheckIns, double? AbleToGive, double? FeltSupported);

/// <summary>One sent check-in's two M7 ratings, on the author's local period start day.</summary>
public sealed record GivingAndSupport(DateOnly PeriodStart, int? AbleToGive, int? FeltSupported);

/// <summary>M7: weekly means (ISO weeks of the author's own local calendar) of "able to give" and "felt supported".</summary>
public static class GivingAndSupportWeekly
{
    public static IReadOnlyList<WeeklyMeans> Compute(IEnumerable<GivingAndSupport> checkIns)
        => checkIns
            .GroupBy(c => Periods.Containing(Cadence.Weekly, c.PeriodStart))
            .OrderBy(g => g.Key.Start)
            .Select(g => new WeeklyMeans(
                g.Key.Start,
                g.Key.Label,
                g.Count(),
                Mean(g.Select(c => c.AbleToGive)),
                Mean(g.Select(c => c.FeltSupported))))
            .ToList();

    private static double? Mean(IEnumerable<int?> values)
    {
        var present = values.Where(v => v is not null).Select(v => (double)v!.Value).ToList();
        return present.Count == 0 ? null : present.Average();
    }
}
