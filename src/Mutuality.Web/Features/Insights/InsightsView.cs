using System.Globalization;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Insights;
using Mutuality.Domain.Support;
using Mutuality.Web.Features.Shared.Charts;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Insights;

/// <summary>
/// What the dashboard and the report render: the data, the plain one-sentence readings, and each chart's numbers in
/// the one chart schema (<see cref="ChartData"/>, drawn by wwwroot/js/charts.js; the page runs no inline script).
/// </summary>
public sealed class InsightsView(InsightsData data, Caller caller)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public InsightsData Data => data;

    public Caller Caller => caller;

    public bool HasPartner => caller.HasPartner;

    public string Partner => caller.PartnerName ?? "your partner";

    public string PeriodText => data.Period.Describe();

    public IReadOnlyList<string> Labels => [.. data.Points.Select(p => p.Label)];

    public string PointName => data.Period.Size == BucketSize.Week ? "Week" : "Month";

    public static string Percent(Share share) => share.Percent is { } p ? $"{p}%" : "—";

    public static string Percent(double? value) => Agreement.Percent(value);

    public static string One(double? value) => value is { } v ? v.ToString("0.0", Invariant) : "—";

    public static string Two(double value) => value.ToString("0.00", Invariant);

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", Invariant);

    public static string Balance(Balance b) => b.Value is { } v ? $"{Math.Round(v * 100, MidpointRounding.AwayFromZero):0}%" : "—";

    private static double? Pct(Share s) => s.Value is { } v ? Math.Round(v * 100, 1) : null;

    /// <summary>
    /// A share is drawn as a chart point only from at least this many items: from two or three a week's share can only
    /// be 0, 33, 50, 67 or 100 % and swings between them on noise alone (issue 13, item 7; docs/measures.md). The
    /// whole period keeps the measure's own minimum.
    /// </summary>
    public const int PointMinimum = 4;

    /// <summary>A chart point's share, or no point when fewer than <see cref="PointMinimum"/> items counted.</summary>
    private static double? PointPct(Share s) => s.Whole >= PointMinimum ? Pct(s) : null;

    /// <summary>A chart point's share in the table: "—" with nothing counted, "too few (n)" below <see cref="PointMinimum"/>.</summary>
    public static string PointPercent(Share s) => s.Whole == 0 ? "—" : s.Whole < PointMinimum ? $"too few ({s.Whole})" : Percent(s);

    private static double? Pct(double? v) => v is { } x ? Math.Round(x * 100, 1) : null;

    public static ChartData Chart(ChartType type, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, double? min, double? max, string unit)
        => new(type, labels, series) { Min = min, Max = max, Unit = unit };

    // M1
    public ChartData GivingChart => Chart(ChartType.Bar, Labels,
    [
        new("You", [.. data.Support.Select(p => (double?)p.Balance.GivenA)]),
        .. HasPartner ? [new ChartSeries(caller.PartnerName!, [.. data.Support.Select(p => (double?)p.Balance.GivenB)], true)] : Array.Empty<ChartSeries>(),
    ], 0, null, "things given");

    public string GivingReading
    {
        get
        {
            var b = data.SupportTotal.Balance;
            if (!HasPartner)
            {
                return "Once your partner joins, this shows how support flows between you.";
            }

            if (b.Past is not { } flow)
            {
                return $"Not enough data yet: when at least {b.Minimum} things have been given in {PeriodText}, you'll see how giving flows between you.";
            }

            var quiet = b.QuietA + b.QuietB;
            return $"Over {PeriodText}, {flow}: you gave {b.GivenA} and {Partner} gave {b.GivenB} that you can see" +
                (quiet > 0 ? $", and {quiet} of it was quiet support not yet acknowledged — often the kind that helps most." : ".");
        }
    }

    // M2–M4
    public ChartData RequestsChart => Chart(ChartType.Line, Labels,
    [
        new("Turning toward", [.. data.Support.Select(p => PointPct(p.TurningToward))]),
        new("Requests met", [.. data.Support.Select(p => PointPct(p.RequestsMet))]),
        new("Matched the ask", [.. data.Support.Select(p => PointPct(p.TypeMatching))], true),
        new("Helped a lot", [.. data.Support.Select(p => PointPct(p.Helped))], true),
    ], 0, 100, "%");

    public string RequestsReading
    {
        get
        {
            var t = data.SupportTotal;
            var parts = new List<string>();
            if (t.TurningToward.Percent is { } tt)
            {
                parts.Add($"{tt}% of requests got an answer within their window");
            }

            if (t.RequestsMet.Percent is { } met)
            {
                parts.Add($"{met}% of closed requests were met");
            }

            if (t.TypeMatching.Percent is { } match)
            {
                parts.Add($"{match}% of fulfilled requests got the kind of support asked for");
            }

            if (t.Helped.Percent is { } helped)
            {
                parts.Add($"{helped}% of rated moments helped a lot");
            }

            return parts.Count == 0
                ? $"Not enough data yet: a share appears once at least two requests or rated moments count in {PeriodText}. Asking for something small is a good start."
                : $"Over {PeriodText}, " + Join(parts) + ".";
        }
    }

    // M5
    public ChartData AgreementChart => Chart(ChartType.Line, Labels,
    [
        new("Your guesses", [.. data.Mine.Select(p => Pct(p.Agreement))]),
        .. HasPartner ? [new ChartSeries($"{caller.PartnerName}'s guesses", [.. data.Partners.Select(p => Pct(p.Agreement))], true)] : Array.Empty<ChartSeries>(),
    ], 0, 100, "%");

    public int Reveals => data.Mine.Sum(p => p.Reveals);

    public static double? Mean(IEnumerable<PersonPoint> points)
    {
        var withData = points.Where(p => p.Agreement is not null).ToList();
        var n = withData.Sum(p => p.Reveals);
        return n == 0 ? null : withData.Sum(p => p.Agreement!.Value * p.Reveals) / n;
    }

    public string AgreementReading
    {
        get
        {
            if (!HasPartner || Reveals == 0)
            {
                return $"Not enough data yet: agreement appears after your first check-in together (a reveal) in {PeriodText}.";
            }

            var mine = Mean(data.Mine);
            var theirs = Mean(data.Partners);
            var trend = AgreementTrend.Of(
                [.. data.Mine.Select(Point)],
                [.. data.Partners.Select(p => (AgreementPoint?)Point(p))]) switch
            {
                AgreementTrendKind.Rising => "; it has risen over the period, by more than chance alone would explain",
                AgreementTrendKind.Dipped => "; it has dipped over the period, by more than chance alone would explain",
                AgreementTrendKind.NoClearChange => "; no clear rise or dip over the period",
                _ => string.Empty,
            };
            return $"Over {Reveals} reveal{(Reveals == 1 ? "" : "s")}, your guesses matched {Partner}'s own answers {Percent(mine)} on average, and {Partner}'s guesses matched yours {Percent(theirs)}{trend}.";
        }
    }

    private static AgreementPoint Point(PersonPoint p) => new(p.Reveals, (p.Agreement ?? 0) * p.Reveals, p.AgreementSquares);

    // M6
    public IReadOnlyList<Features.CheckIns.TruthAndBiasCard> TruthAndBiasCards()
        => HasPartner ? Features.CheckIns.TruthAndBiasCard.For(Partner, data.MyReading, data.PartnersReading, NotYet) : [];

    private string NotYet(TruthAndBiasOutcome outcome) => outcome.Gap == TruthAndBiasGap.NotEnoughReveals
        ? $"Not enough data yet — {outcome.RevealsNeeded} more check-in{(outcome.RevealsNeeded == 1 ? "" : "s")} together in {PeriodText}."
        : "The ratings have not varied enough yet to read a pattern.";

    // M7
    public ChartData GivingAndSupportChart => Chart(ChartType.Line, Labels,
    [
        new("You: able to give", [.. data.Mine.Select(p => Round(p.AbleToGive))]),
        new("You: felt supported", [.. data.Mine.Select(p => Round(p.FeltSupported))]),
        .. HasPartner
            ? [new ChartSeries($"{caller.PartnerName}: able to give", [.. data.Partners.Select(p => Round(p.AbleToGive))], true),
               new ChartSeries($"{caller.PartnerName}: felt supported", [.. data.Partners.Select(p => Round(p.FeltSupported))], true)]
            : Array.Empty<ChartSeries>(),
    ], 1, 7, "of 7");

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 2) : null;

    private static double? Average(IEnumerable<PersonPoint> points, Func<PersonPoint, double?> pick)
    {
        var withData = points.Where(p => pick(p) is not null && p.CheckIns > 0).ToList();
        var n = withData.Sum(p => p.CheckIns);
        return n == 0 ? null : withData.Sum(p => pick(p)!.Value * p.CheckIns) / n;
    }

    public string GivingAndSupportReading
    {
        get
        {
            var able = Average(data.Mine, p => p.AbleToGive);
            var supported = Average(data.Mine, p => p.FeltSupported);
            if (able is null && supported is null)
            {
                return $"Not enough data yet: this appears after your first check-in in {PeriodText}.";
            }

            var sentence = $"On average you felt able to give {One(able)} and supported {One(supported)} out of 7";
            var pAble = Average(data.Partners, p => p.AbleToGive);
            var pSupported = Average(data.Partners, p => p.FeltSupported);
            return pAble is null && pSupported is null
                ? sentence + "."
                : sentence + $"; in the check-ins you've shared, {Partner} felt able to give {One(pAble)} and supported {One(pSupported)}.";
        }
    }

    // M8
    public ChartData GapsChart => Chart(ChartType.Line, [.. data.Gaps.Select(g => g.Month.ToString("MMM yyyy", Invariant))],
    [
        new("You", [.. data.Gaps.Select(g => Round(g.Mine))]),
        .. HasPartner ? [new ChartSeries(caller.PartnerName!, [.. data.Gaps.Select(g => Round(g.Partner))], true)] : Array.Empty<ChartSeries>(),
    ], 0, 10, "points");

    public string GapsReading
    {
        get
        {
            if (data.LatestGapMonth is not { } month)
            {
                return $"No intimacy map in {PeriodText} yet.";
            }

            if (data.LatestGaps.Count == 0)
            {
                return $"In {Month(month)} no kind of intimacy mattered more than it was met — a good place to be.";
            }

            var top = data.LatestGaps[0];
            return $"In {Month(month)} the largest gap was {top.Kind.Name.ToLowerInvariant()} intimacy: it matters more than it is met right now" +
                (data.LatestGaps.Count > 1 ? $", followed by {Join([.. data.LatestGaps.Skip(1).Select(g => g.Kind.Name.ToLowerInvariant())])}." : ".");
        }
    }

    // M9
    public ChartData PulseChart => Chart(ChartType.Line, [.. data.Pulse.Select(p => p.Month.ToString("MMM yyyy", Invariant))],
    [
        new("You", [.. data.Pulse.Select(p => p.Mine)]),
        .. HasPartner ? [new ChartSeries(caller.PartnerName!, [.. data.Pulse.Select(p => p.Partner)], true)] : Array.Empty<ChartSeries>(),
    ], 1, 5, "of 5");

    public string PulseReading
    {
        get
        {
            if (data.Pulse.Count == 0)
            {
                return $"No pulse in {PeriodText} yet.";
            }

            var last = data.Pulse[^1];
            var sentence = $"In {Month(last.Month)} your pulse averaged {One(last.Mine)} out of 5";
            if (data.Pulse.Count > 1 && data.Pulse[^2].Mine is { } before && last.Mine is { } now)
            {
                sentence += now - before >= 0.3 ? ", up from the month before" : before - now >= 0.3 ? ", a little lower than the month before" : ", about the same as the month before";
            }

            return sentence + (last.Partner is { } p ? $"; {Partner}'s averaged {One(p)}." : ".");
        }
    }

    private static string Join(List<string> parts) => parts.Count switch
    {
        0 => string.Empty,
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };
}
