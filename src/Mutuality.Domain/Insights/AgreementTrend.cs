namespace Mutuality.Domain.Insights;

/// <summary>One person's M5 agreements at one chart point: how many reveals, their sum and sum of squares (0–1 scale).</summary>
public sealed record AgreementPoint(int Reveals, double Sum, double SumOfSquares);

/// <summary>What the M5 trend clause may say.</summary>
public enum AgreementTrendKind
{
    /// <summary>Too few reveals in one of the halves: say nothing about a trend.</summary>
    NotEnough,

    /// <summary>Enough reveals, but the change is within the noise.</summary>
    NoClearChange,
    Rising,
    Dipped,
}

/// <summary>
/// The M5 "rising / dipped" clause (docs/measures.md, M5 trend). The period's chart points are split into an earlier and a
/// later half; each half needs <see cref="MinimumRevealsPerHalf"/> reveals. The change in mean agreement must be at least
/// <see cref="MinimumChange"/> and beyond noise: more than 1.96 standard errors, where one reveal's agreement is taken
/// to vary by the larger of <see cref="AssumedSd"/> and what the couple's own agreements show, and the error is widened
/// by √((1 + 0.3)/(1 − 0.3)) for carry-over from one reveal to the next. Both partners' guesses at one reveal count as
/// one reveal (they move together).
/// </summary>
public static class AgreementTrend
{
    public const int MinimumRevealsPerHalf = 6;
    public const double MinimumChange = 0.05;
    public const double AssumedSd = 0.15;

    public static AgreementTrendKind Of(IReadOnlyList<AgreementPoint> mine, IReadOnlyList<AgreementPoint?> partners)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(partners);
        var count = mine.Count;
        if (count < 2)
        {
            return AgreementTrendKind.NotEnough;
        }

        (int Reveals, double Sum, double Squares, int Values) Half(int from, int to)
        {
            int reveals = 0, values = 0;
            double sum = 0, squares = 0;
            for (var i = from; i < to; i++)
            {
                var m = mine[i];
                var p = i < partners.Count ? partners[i] : null;
                if (m.Reveals < 0 || p?.Reveals < 0 || m.Sum < 0 || m.Sum > m.Reveals + 1e-9)
                {
                    throw new ArgumentOutOfRangeException(nameof(mine), "Agreements lie between 0 and 1 and counts are not negative.");
                }

                reveals += Math.Max(m.Reveals, p?.Reveals ?? 0);
                values += m.Reveals + (p?.Reveals ?? 0);
                sum += m.Sum + (p?.Sum ?? 0);
                squares += m.SumOfSquares + (p?.SumOfSquares ?? 0);
            }

            return (reveals, sum, squares, values);
        }

        var early = Half(0, count / 2);
        var late = Half(count / 2, count);
        if (early.Reveals < MinimumRevealsPerHalf || late.Reveals < MinimumRevealsPerHalf || early.Values == 0 || late.Values == 0)
        {
            return AgreementTrendKind.NotEnough;
        }

        double earlyMean = early.Sum / early.Values, lateMean = late.Sum / late.Values;
        var pooledVariance = (early.Squares - (early.Values * earlyMean * earlyMean) + late.Squares - (late.Values * lateMean * lateMean))
            / Math.Max(1, early.Values + late.Values - 2);
        var sd = Math.Max(AssumedSd, Math.Sqrt(Math.Max(0, pooledVariance)));
        var carryOver = Math.Sqrt(1.3 / 0.7);
        var standardError = sd * carryOver * Math.Sqrt((1.0 / early.Reveals) + (1.0 / late.Reveals));
        var change = lateMean - earlyMean;
        return Math.Abs(change) < MinimumChange || Math.Abs(change) <= 1.96 * standardError ? AgreementTrendKind.NoClearChange
            : change > 0 ? AgreementTrendKind.Rising
            : AgreementTrendKind.Dipped;
    }
}
