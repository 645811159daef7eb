namespace Mutuality.Domain.CheckIns;

/// <summary>
/// The small pieces of statistics the honest-number rules use (docs/measures.md, "Intervals and words"): Student's t
/// quantiles, and the widening for errors that carry over from one check-in to the next.
/// </summary>
public static class Intervals
{
    /// <summary>The level of every interval shown: "likely between A and B" is a 95 % interval.</summary>
    public const double Level = 0.95;

    /// <summary>The least carry-over of errors between consecutive reveals assumed when widening (lag-1 autocorrelation).</summary>
    public const double AssumedCarryOver = 0.3;

    /// <summary>The most carry-over the widening allows for, however large the estimate from few reveals.</summary>
    public const double MaximumCarryOver = 0.6;

    /// <summary>About this many reveals usually settle a reading (half-widths shrink with √n); said to the couple as a hint.</summary>
    public const int SettlesAfter = 20;

    /// <summary>The p-quantile of Student's t with <paramref name="df"/> degrees of freedom (bisection on the CDF).</summary>
    public static double StudentTQuantile(double p, double df)
    {
        if (p is <= 0 or >= 1 || df <= 0 || double.IsNaN(p) || double.IsNaN(df))
        {
            throw new ArgumentOutOfRangeException(nameof(p), "Need 0 < p < 1 and df > 0.");
        }

        if (p < 0.5)
        {
            return -StudentTQuantile(1 - p, df);
        }

        double lo = 0, hi = 1;
        while (StudentTCdf(hi, df) < p)
        {
            hi *= 2;
        }

        for (var i = 0; i < 200 && hi - lo > 1e-12; i++)
        {
            var mid = (lo + hi) / 2;
            if (StudentTCdf(mid, df) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    /// <summary>P(T ≤ t) for Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTCdf(double t, double df)
    {
        var x = df / (df + (t * t));
        var tail = 0.5 * RegularizedIncompleteBeta(df / 2, 0.5, x);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>
    /// How much wider an interval for a mean must be when each reveal's error carries over a share ρ into the next
    /// (AR(1)): √((1 + ρ) / (1 − ρ)), the long-run factor for the standard error of a mean. ρ is the lag-1
    /// autocorrelation of <paramref name="series"/> (in reveal order), corrected for its small-sample bias
    /// (about −(1 + 4ρ)/n, Kendall), and kept between <see cref="AssumedCarryOver"/> and <see cref="MaximumCarryOver"/>.
    /// </summary>
    public static double CarryOverFactor(IReadOnlyList<double> series)
    {
        var rho = AssumedCarryOver;
        var n = series.Count;
        if (n >= 3)
        {
            var mean = series.Average();
            double num = 0, den = 0;
            for (var i = 0; i < n; i++)
            {
                den += (series[i] - mean) * (series[i] - mean);
                if (i + 1 < n)
                {
                    num += (series[i] - mean) * (series[i + 1] - mean);
                }
            }

            if (den > 0)
            {
                var r1 = num / den;
                rho = Math.Clamp(r1 + ((1 + (4 * Math.Max(0, r1))) / n), AssumedCarryOver, MaximumCarryOver);
            }
        }

        return Math.Sqrt((1 + rho) / (1 - rho));
    }

    /// <summary>
    /// Roughly how many more reveals until an interval of half-width <paramref name="halfWidth"/> from
    /// <paramref name="reveals"/> reveals shrinks to <paramref name="distance"/> (half-widths shrink with √n). Null when it
    /// would take more than <paramref name="cap"/> more (the estimate sits close to a boundary), or cannot be said.
    /// </summary>
    public static int? MoreRevealsToSettle(int reveals, double halfWidth, double distance, int cap = 60)
    {
        if (reveals <= 0 || !(halfWidth > 0) || double.IsNaN(distance))
        {
            return null;
        }

        if (distance <= 0)
        {
            return null;
        }

        var needed = reveals * Math.Pow(halfWidth / distance, 2);
        var more = (int)Math.Ceiling(needed - reveals);
        return more > cap ? null : Math.Max(1, more);
    }

    // Numerical Recipes' continued fraction (modified Lentz) for the regularized incomplete beta I_x(a, b).
    private static double RegularizedIncompleteBeta(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var lnFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x));
        var front = Math.Exp(lnFront);
        return x < (a + 1) / (a + b + 2)
            ? front * BetaFraction(a, b, x) / a
            : 1 - (front * BetaFraction(b, a, 1 - x) / b);
    }

    private static double BetaFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        double qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - (qab * x / qap);
        d = Math.Abs(d) < tiny ? tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 300; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }

        return h;
    }

    // Lanczos approximation (g = 7, n = 9).
    private static double LogGamma(double x)
    {
        double[] g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = g[0];
        for (var i = 1; i < 9; i++)
        {
            sum += g[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
