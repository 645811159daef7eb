using System.Globalization;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;

namespace Mutuality.Domain.Insights;

/// <summary>Which stretch of time the insights show.</summary>
public enum InsightPeriodKind
{
    FourWeeks,
    ThreeMonths,
    Year,
    All,
    Custom,
}

/// <summary>How a period is cut into points on the charts: local ISO weeks, or local calendar months for long periods.</summary>
public enum BucketSize
{
    Week,
    Month,
}

/// <summary>One point on a chart: [Start, EndExclusive) in the viewer's own calendar, and the same as UTC instants.</summary>
public sealed record InsightBucket(int Index, DateOnly Start, DateOnly EndExclusive, DateTime StartUtc, DateTime EndUtc, string Label, string LongLabel);

/// <summary>A chosen period: whole weeks (or whole months when longer than a year) from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record InsightPeriod(InsightPeriodKind Kind, string Key, DateOnly From, DateOnly To, BucketSize Size)
{
    /// <summary>"the last 4 weeks", "2 Feb 2026 to 1 Mar 2026".</summary>
    public string Describe() => Kind switch
    {
        InsightPeriodKind.FourWeeks => "the last 4 weeks",
        InsightPeriodKind.ThreeMonths => "the last 3 months",
        InsightPeriodKind.Year => "the last year",
        InsightPeriodKind.All => "all your time together",
        _ => $"{InsightPeriods.Show(From)} to {InsightPeriods.Show(To)}",
    };
}

/// <summary>
/// Reads the dashboard's period choice (<c>period=4w|3m|1y|all|custom</c>, with <c>from</c>/<c>to</c> as yyyy-MM-dd
/// in the viewer's own calendar for custom) and cuts it into chart points. Pure: today and the first day with any
/// activity are passed in.
/// </summary>
public static class InsightPeriods
{
    public const string DefaultKey = "4w";

    /// <summary>Periods up to this many weeks are shown week by week; longer ones month by month.</summary>
    public const int MaxWeeklyBuckets = 53;

    /// <summary>The longest custom period we draw.</summary>
    public const int MaxCustomYears = 20;

    public static IReadOnlyList<(string Key, string Name)> Choices { get; } =
    [
        ("4w", "Last 4 weeks"),
        ("3m", "Last 3 months"),
        ("1y", "Last year"),
        ("all", "All time"),
        ("custom", "Choose dates"),
    ];

    public static string Show(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads the choice. Anything not understood falls back to the last 4 weeks, with one error per field
    /// ("Period", "From", "To") saying what to change; the page shows them and never fails.
    /// </summary>
    /// <param name="period">The period key.</param>
    /// <param name="from">Custom start (yyyy-MM-dd).</param>
    /// <param name="to">Custom end (yyyy-MM-dd).</param>
    /// <param name="today">The viewer's local day now.</param>
    /// <param name="firstDay">The viewer's local day of the couple's first activity, if any.</param>
    public static (InsightPeriod Period, IReadOnlyList<DomainError> Errors) Parse(string? period, string? from, string? to, DateOnly today, DateOnly? firstDay)
        => Parse(period, from, to, today, firstDay, shown: null);

    /// <summary>
    /// Issue 16: typing dates chooses them. Dates typed in mean "my own dates" unless the person picked another
    /// preset than the one on screen (<paramref name="shown"/>, sent back by the form): that choice was on purpose.
    /// </summary>
    public static string? Choice(string? period, string? from, string? to, string? shown)
    {
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            return period;
        }

        var key = period?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(key) || key == "custom" || key == shown?.Trim().ToLowerInvariant() ? "custom" : period;
    }

    /// <summary>As <see cref="Parse(string?, string?, string?, DateOnly, DateOnly?)"/>, reading typed dates as a choice (see <see cref="Choice"/>).</summary>
    public static (InsightPeriod Period, IReadOnlyList<DomainError> Errors) Parse(string? period, string? from, string? to, DateOnly today, DateOnly? firstDay, string? shown)
    {
        period = shown is null ? period : Choice(period, from, to, shown);
        var errors = new List<DomainError>();
        var key = string.IsNullOrWhiteSpace(period) ? DefaultKey : period.Trim().ToLowerInvariant();
        var monday = TimeZones.MondayOf(today);
        switch (key)
        {
            case "4w":
                return (Weekly(InsightPeriodKind.FourWeeks, key, monday.AddDays(-21), today), errors);
            case "3m":
                return (Weekly(InsightPeriodKind.ThreeMonths, key, monday.AddDays(-12 * 7), today), errors);
            case "1y":
                return (Weekly(InsightPeriodKind.Year, key, monday.AddDays(-51 * 7), today), errors);
            case "all":
                var start = firstDay is { } f && f <= today ? TimeZones.MondayOf(f) : monday;
                return (Sized(InsightPeriodKind.All, key, start, today), errors);
            case "custom":
                var fromDay = Day(from, "From", "From", today, errors);
                var toDay = Day(to, "To", "To", today, errors);
                if (fromDay is { } a && toDay is { } b)
                {
                    if (b < a)
                    {
                        errors.Add(new DomainError("insights.range", "To: choose a day on or after the From day.", "To"));
                    }
                    else
                    {
                        var end = b > today ? today : b;
                        return (Sized(InsightPeriodKind.Custom, key, TimeZones.MondayOf(a), end), errors);
                    }
                }

                break;
            default:
                errors.Add(new DomainError("insights.period", "Period: choose last 4 weeks, last 3 months, last year, all time, or your own dates.", "Period"));
                break;
        }

        return (Weekly(InsightPeriodKind.FourWeeks, DefaultKey, monday.AddDays(-21), today), errors);
    }

    /// <summary>The chart points of a period, each converted to UTC instants in the viewer's zone (DST-aware).</summary>
    public static IReadOnlyList<InsightBucket> Buckets(InsightPeriod period, TimeZoneInfo zone)
    {
        var list = new List<InsightBucket>();
        var start = period.Size == BucketSize.Week ? TimeZones.MondayOf(period.From) : TimeZones.MonthOf(period.From);
        while (start <= period.To)
        {
            var end = period.Size == BucketSize.Week ? start.AddDays(7) : start.AddMonths(1);
            var label = period.Size == BucketSize.Week
                ? start.ToString("d MMM", CultureInfo.InvariantCulture)
                : start.ToString("MMM yyyy", CultureInfo.InvariantCulture);
            var longLabel = period.Size == BucketSize.Week
                ? "Week of " + Show(start)
                : start.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            list.Add(new InsightBucket(list.Count, start, end, TimeZones.ToUtc(start, TimeOnly.MinValue, zone), TimeZones.ToUtc(end, TimeOnly.MinValue, zone), label, longLabel));
            start = end;
        }

        return list;
    }

    private static InsightPeriod Weekly(InsightPeriodKind kind, string key, DateOnly from, DateOnly to) => new(kind, key, from, to, BucketSize.Week);

    private static InsightPeriod Sized(InsightPeriodKind kind, string key, DateOnly from, DateOnly to)
        => new(kind, key, from, to, (to.DayNumber - TimeZones.MondayOf(from).DayNumber) / 7 + 1 > MaxWeeklyBuckets ? BucketSize.Month : BucketSize.Week);

    /// <summary>The earliest day a custom period may start on or end on.</summary>
    public static DateOnly Earliest(DateOnly today) => today.AddYears(-MaxCustomYears);

    private static DateOnly? Day(string? raw, string field, string label, DateOnly today, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            errors.Add(new DomainError("insights.date_missing", $"{label}: enter a date (yyyy-mm-dd) to choose your own dates.", field));
            return null;
        }

        if (raw.Length > 10 || !DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add(new DomainError("insights.date_invalid", $"{label}: enter a real date as yyyy-mm-dd, for example 2026-03-01.", field));
            return null;
        }

        // Issue 16: a real date outside what can be shown says so (it is not "not a real date").
        if (day < Earliest(today))
        {
            errors.Add(new DomainError("insights.out_of_range", $"{label}: {Show(day)} is out of range — choose a day from {Show(Earliest(today))} on.", field));
            return null;
        }

        if (field == "From" && day > today)
        {
            errors.Add(new DomainError("insights.future", $"From: {Show(day)} is still to come — choose a day up to today.", "From"));
            return null;
        }

        return day;
    }
}
