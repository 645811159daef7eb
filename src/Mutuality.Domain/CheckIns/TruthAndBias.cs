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
/// <remarks>
/// <paramref name="Reveal"/> says which reveal the observation belongs to (any number that grows with time; the three
/// ratings of one reveal share it). It groups the rows for the cluster-robust intervals and orders them for the
/// carry-over check. Left out (−1) on every row, the k-th observation of each rating is taken to be from reveal k.
/// </remarks>
public sealed record PerceptionObservation(RatingKind Rating, double Guess, double TargetSelf, double PerceiverSelf, int Reveal = -1);

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

/// <summary>
/// An estimate, its standard error, and the interval shown ("likely between Low and High"): a 95 % interval, widened
/// where the standard error alone is known to claim too much (docs/measures.md, M6).
/// </summary>
public sealed record Estimate(double Value, double StandardError, double Low, double High)
{
    /// <summary>An estimate with a plain normal 95 % interval (±1.96 SE), for callers that have nothing better.</summary>
    public Estimate(double value, double standardError)
        : this(value, standardError, value - (1.96 * standardError), value + (1.96 * standardError))
    {
    }

    public double HalfWidth => (High - Low) / 2;
}

/// <summary>
/// The raw average gap on one rating, guess minus the target's own answer (J − T), over the reveals, with an interval
/// wide enough for three ratings read together (docs/measures.md, "On average you guess higher/lower").
/// </summary>
public sealed record RatingGap(RatingKind Rating, int Reveals, double Mean, double Low, double High)
{
    public double HalfWidth => (High - Low) / 2;
}

/// <summary>
/// M6 results: bias beyond projection b0, truth force b1, assumed similarity b2, from n reveals (3 observations each),
/// and the raw average gap per rating (what "you guess higher/lower" sentences are built from).
/// </summary>
public sealed record TruthAndBiasResult(int Reveals, int Observations, Estimate DirectionalBias, Estimate TruthForce, Estimate AssumedSimilarity, double ResidualSd, IReadOnlyList<RatingGap>? Gaps = null);

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

    /// <summary>
    /// Estimates M6 from the observations of <paramref name="reveals"/> reveals. Intervals: cluster-robust standard errors
    /// by reveal (CR1: the three ratings of one reveal share their errors), t(G − 1) critical values for G reveals, the
    /// slopes widened by √(1 + 1/G) for few reveals and b0 by the carry-over factor (<see cref="Intervals.CarryOverFactor"/>),
    /// because errors that carry over from one reveal to the next are not covered by clustering.
    /// </summary>
    public static TruthAndBiasOutcome Estimate(int reveals, IReadOnlyList<PerceptionObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentOutOfRangeException.ThrowIfNegative(reveals);
        foreach (var o in observations)
        {
            if (!double.IsFinite(o.Guess) || !double.IsFinite(o.TargetSelf) || !double.IsFinite(o.PerceiverSelf) || !Enum.IsDefined(o.Rating))
            {
                throw new ArgumentException("Every observation needs a known rating and finite numbers.", nameof(observations));
            }
        }

        if (reveals < MinimumReveals)
        {
            return new TruthAndBiasOutcome(null, TruthAndBiasGap.NotEnoughReveals, MinimumReveals - reveals);
        }

        var clusters = RevealOf(observations);
        var means = observations.GroupBy(o => o.Rating).ToDictionary(g => g.Key, g => g.Average(o => o.TargetSelf));
        var rows = observations
            .Select((o, i) => (J: o.Guess - means[o.Rating], T: o.TargetSelf - means[o.Rating], S: o.PerceiverSelf - means[o.Rating], G: clusters[i]))
            .ToList();
        var n = rows.Count;
        if (n <= 3)
        {
            return new TruthAndBiasOutcome(null, TruthAndBiasGap.NoVariation, 0);
        }

        // XᵀX and Xᵀy with X = [1, T′, S′].
        var xtx = new double[3, 3];
        var xty = new double[3];
        foreach (var (j, t, s, _) in rows)
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

        if (Solve(xtx, xty) is not (var inverse, var b))
        {
            return new TruthAndBiasOutcome(null, TruthAndBiasGap.NoVariation, 0);
        }

        // Cluster-robust (CR1) covariance: (XᵀX)⁻¹ [Σ_g u_g u_gᵀ] (XᵀX)⁻¹ · G/(G−1) · (N−1)/(N−3), u_g = Σ_{i∈g} x_i e_i.
        var scores = new SortedDictionary<int, (double[] U, double Sum, int Count)>();
        double rss = 0;
        foreach (var (j, t, s, g) in rows)
        {
            var e = j - (b[0] + (b[1] * t) + (b[2] * s));
            rss += e * e;
            if (!scores.TryGetValue(g, out var acc))
            {
                acc = (new double[3], 0, 0);
            }

            acc.U[0] += e;
            acc.U[1] += t * e;
            acc.U[2] += s * e;
            scores[g] = (acc.U, acc.Sum + e, acc.Count + 1);
        }

        var clusterCount = scores.Count;
        if (clusterCount < 2)
        {
            return new TruthAndBiasOutcome(null, TruthAndBiasGap.NoVariation, 0);
        }

        var meat = new double[3, 3];
        foreach (var (u, _, _) in scores.Values)
        {
            for (var r = 0; r < 3; r++)
            {
                for (var c = 0; c < 3; c++)
                {
                    meat[r, c] += u[r] * u[c];
                }
            }
        }

        var correction = clusterCount / (clusterCount - 1.0) * ((n - 1.0) / (n - 3.0));
        var tCritical = Intervals.StudentTQuantile(1 - ((1 - Intervals.Level) / 2), clusterCount - 1);
        var fewReveals = Math.Sqrt(1 + (1.0 / clusterCount));
        var carryOver = Intervals.CarryOverFactor([.. scores.Values.Select(v => v.Sum / v.Count)]);
        Estimate At(int i)
        {
            double v = 0;
            for (var k = 0; k < 3; k++)
            {
                for (var l = 0; l < 3; l++)
                {
                    v += inverse[i, k] * meat[k, l] * inverse[l, i];
                }
            }

            var se = Math.Sqrt(Math.Max(0, v * correction));
            var half = tCritical * se * (i == 0 ? carryOver : fewReveals);
            return new Estimate(b[i], se, b[i] - half, b[i] + half);
        }

        var s2 = rss / (n - 3);
        return new TruthAndBiasOutcome(new TruthAndBiasResult(reveals, n, At(0), At(1), At(2), Math.Sqrt(s2), Gaps(observations, clusters)), null, 0);
    }

    /// <summary>
    /// The smallest spread a gap between two whole-point ratings is read with: each rating rounds a feeling to the
    /// nearest point (uniform rounding error, variance 1/12), and a gap is the difference of two, so √(2/12) ≈ 0.41.
    /// </summary>
    public static readonly double RoundingSd = Math.Sqrt(2.0 / 12.0);

    /// <summary>
    /// The raw average gap J − T per rating, with a t(n − 1) interval from that rating's per-reveal gaps, widened
    /// (Bonferroni) for the ratings read together — so a guesser with no bias is told "higher" or "lower" about any of
    /// the three in at most 5 % of couples — and for errors carried over between reveals.
    /// </summary>
    public static IReadOnlyList<RatingGap> Gaps(IReadOnlyList<PerceptionObservation> observations)
        => Gaps(observations, RevealOf(observations));

    private static List<RatingGap> Gaps(IReadOnlyList<PerceptionObservation> observations, int[] clusters)
    {
        var byRating = observations.Select((o, i) => (o, Reveal: clusters[i]))
            .GroupBy(x => x.o.Rating)
            .Where(g => g.Count() >= 2)
            .OrderBy(g => g.Key)
            .ToList();
        var family = byRating.Count;
        var result = new List<RatingGap>();
        foreach (var group in byRating)
        {
            var gaps = group.OrderBy(x => x.Reveal).Select(x => x.o.Guess - x.o.TargetSelf).ToList();
            var count = gaps.Count;
            var mean = gaps.Average();
            // Never narrower than whole-point ratings allow: identical gaps (say −1 every time) still leave the real
            // average somewhere within the rounding of two ratings, so "likely between −1.00 and −1.00" is never said.
            var sd = Math.Max(RoundingSd, Math.Sqrt(gaps.Sum(d => (d - mean) * (d - mean)) / (count - 1)));
            var t = Intervals.StudentTQuantile(1 - ((1 - Intervals.Level) / (2 * family)), count - 1);
            var half = t * Intervals.CarryOverFactor(gaps) * sd / Math.Sqrt(count);
            result.Add(new RatingGap(group.Key, count, mean, mean - half, mean + half));
        }

        return result;
    }

    /// <summary>The reveal (cluster) of each observation: its own Reveal, or its position within its rating when none is given.</summary>
    private static int[] RevealOf(IReadOnlyList<PerceptionObservation> observations)
    {
        var given = observations.Count(o => o.Reveal >= 0);
        if (given == observations.Count)
        {
            return [.. observations.Select(o => o.Reveal)];
        }

        if (given > 0)
        {
            throw new ArgumentException("Give the reveal of every observation, or of none.", nameof(observations));
        }

        var seen = new Dictionary<RatingKind, int>();
        var result = new int[observations.Count];
        for (var i = 0; i < observations.Count; i++)
        {
            var rating = observations[i].Rating;
            seen.TryGetValue(rating, out var k);
            result[i] = k;
            seen[rating] = k + 1;
        }

        return result;
    }

    /// <summary>
    /// M6 from per-rating sums instead of rows (the database can add these up; see docs/adr/0004-insights-aggregation.md).
    /// Same model and the same coefficients as <see cref="Estimate(int, IReadOnlyList{PerceptionObservation})"/>: each rating
    /// is centred on its own T̄ = ΣT / N, and the centred cross-products follow from the raw sums. Sums cannot give the
    /// cluster-robust intervals, so these are the classical OLS ones (t with N − 3 degrees of freedom); use it only where
    /// each reveal gives one row (a single rating, as the stress nudge does).
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

        if (Solve(xtx, xty) is not (var inverse, var b))
        {
            return new TruthAndBiasOutcome(null, TruthAndBiasGap.NoVariation, 0);
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
        var tCritical = Intervals.StudentTQuantile(1 - ((1 - Intervals.Level) / 2), n - 3);
        Estimate At(int i)
        {
            var se = Math.Sqrt(Math.Max(0, s2 * inverse[i, i]));
            return new(b[i], se, b[i] - (tCritical * se), b[i] + (tCritical * se));
        }
        return new TruthAndBiasOutcome(new TruthAndBiasResult(reveals, (int)n, At(0), At(1), At(2), Math.Sqrt(s2)), null, 0);
    }

    /// <summary>The least-squares coefficients b = (XᵀX)⁻¹Xᵀy with the inverse, or null when XᵀX is singular.</summary>
    private static (double[,] Inverse, double[] B)? Solve(double[,] xtx, double[] xty)
    {
        if (Invert3(xtx) is not { } inverse)
        {
            return null;
        }

        var b = new double[3];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                b[r] += inverse[r, c] * xty[c];
            }
        }

        return (inverse, b);
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

    /// <summary>Below this |b0|, |mean gap| in rating points, a guess is "about right" on average.</summary>
    public const double GapThreshold = 0.25;

    /// <summary>
    /// A plain reading of the estimates, sentence by sentence. A category word ("closely", "a lot", "lower") appears only
    /// when the whole interval lies in that category; otherwise the sentence says it is too early to tell and roughly
    /// how many more check-ins it takes. "Higher/lower" comes from the raw average gap per rating (never from b0).
    /// </summary>
    /// <param name="r">The estimates.</param>
    /// <param name="guesserPossessive">"Your" or "Sam's".</param>
    /// <param name="targetPossessive">"Robin's" or "your".</param>
    /// <param name="guesserGuesses">"you guess" or "Sam guesses".</param>
    public static IReadOnlyList<string> ReadingSentences(TruthAndBiasResult r, string guesserPossessive, string targetPossessive, string guesserGuesses)
    {
        var guesserOwn = guesserPossessive == "Your" ? "your" : guesserPossessive;
        var sentences = new List<string>();
        var n = r.Reveals;

        var b1 = r.TruthForce;
        sentences.Add(b1.Low >= 0.5 ? $"{guesserPossessive} guesses follow {targetPossessive} real state closely."
            : b1.Low >= 0.2 ? $"{guesserPossessive} guesses follow {targetPossessive} real state at least somewhat."
            : b1.Low > 0 && b1.High < 0.2 ? $"{guesserPossessive} guesses follow {targetPossessive} real state only a little."
            : b1.Low > 0 ? $"{guesserPossessive} guesses do follow {targetPossessive} real state; how closely is too early to tell{More(n, b1.HalfWidth, Nearest(b1.Value, 0.2, 0.5))}."
            : b1.High < 0 ? $"{guesserPossessive} guesses tend to move against {targetPossessive} real state."
            : $"How closely {guesserOwn} guesses follow {targetPossessive} real state is too early to tell{More(n, b1.HalfWidth, Nearest(b1.Value, 0))}.");

        var b2 = r.AssumedSimilarity;
        sentences.Add(b2.Low >= 0.4 ? $"They lean a lot toward {guesserOwn} own state."
            : b2.Low >= 0.1 ? $"They lean toward {guesserOwn} own state, at least a little."
            : b2.High <= -0.1 ? $"They lean away from {guesserOwn} own state."
            : b2.Low > -0.1 && b2.High < 0.1 ? $"They hardly lean toward {guesserOwn} own state."
            : $"Whether they lean toward {guesserOwn} own state is too early to tell{More(n, b2.HalfWidth, Nearest(b2.Value, -0.1, 0.1, 0.4))}.");

        var right = new List<string>();
        foreach (var gap in r.Gaps ?? [])
        {
            var label = RatingLabel(gap.Rating);
            if (gap.Low > 0 && gap.Mean >= GapThreshold)
            {
                sentences.Add($"On {label}, {guesserGuesses} about {gap.Mean:0.0} points higher than {targetPossessive} own answers.");
            }
            else if (gap.High < 0 && gap.Mean <= -GapThreshold)
            {
                sentences.Add($"On {label}, {guesserGuesses} about {-gap.Mean:0.0} points lower than {targetPossessive} own answers.");
            }
            else if (gap.Low > -GapThreshold && gap.High < GapThreshold)
            {
                right.Add(label);
            }
            else
            {
                var distance = Math.Abs(gap.Mean) >= GapThreshold ? Math.Abs(gap.Mean) : GapThreshold - Math.Abs(gap.Mean);
                sentences.Add($"Whether {guesserGuesses} high or low on {label} is too early to tell{More(n, gap.HalfWidth, distance)}.");
            }
        }

        if (right.Count > 0)
        {
            sentences.Add($"On {JoinAnd(right)}, {guesserOwn} guesses are about right on average.");
        }

        return sentences;
    }

    /// <summary>The reading as one paragraph.</summary>
    public static string Reading(TruthAndBiasResult r, string guesserPossessive, string targetPossessive, string guesserGuesses)
        => string.Join(" ", ReadingSentences(r, guesserPossessive, targetPossessive, guesserGuesses));

    /// <summary>How a rating is named in sentences: "feeling supported", "feeling able to give", "stress".</summary>
    public static string RatingLabel(RatingKind rating) => rating switch
    {
        RatingKind.Supported => "feeling supported",
        RatingKind.AbleToGive => "feeling able to give",
        _ => "stress",
    };

    /// <summary>"likely between 0.31 and 0.88" (numbers in <paramref name="format"/>).</summary>
    public static string Between(double low, double high, string format = "0.00")
        => $"likely between {low.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} and {high.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>"(from 12 check-ins; this settles after about 20)", or "(from 40 check-ins)" once past that.</summary>
    public static string FromCheckIns(int reveals)
        => reveals >= Intervals.SettlesAfter ? $"(from {reveals} check-ins together)" : $"(from {reveals} check-ins together; this settles after about {Intervals.SettlesAfter})";

    private static double Nearest(double value, params double[] boundaries) => boundaries.Min(b => Math.Abs(value - b));

    private static string More(int reveals, double halfWidth, double distance)
        => Intervals.MoreRevealsToSettle(reveals, halfWidth, distance) is { } more
            ? $" (about {more} more check-in{(more == 1 ? "" : "s")} together should show it)"
            : " (it may take many more check-ins: it sits close to the line)";

    private static string JoinAnd(List<string> items)
        => items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
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
