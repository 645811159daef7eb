using System.Globalization;
using Mutuality.Domain.Common;

namespace Mutuality.Domain.CheckIns;

/// <summary>How often a couple checks in: a short daily form or a full weekly form.</summary>
public enum Cadence
{
    Daily = 1,
    Weekly = 2,
}

/// <summary>
/// A check-in period, identified by its local calendar label: a date ("2026-03-02") for daily check-ins,
/// an ISO week ("2026-W10", starting Monday) for weekly ones. The label is the same for both partners
/// whatever their zones; each partner's check-in belongs to the label of their own local day.
/// </summary>
public readonly record struct CheckInPeriod(Cadence Cadence, DateOnly Start)
{
    public DateOnly End => Cadence == Cadence.Daily ? Start : Start.AddDays(6);

    public string Label => Cadence == Cadence.Daily
        ? Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):D2}";

    public CheckInPeriod Previous => new(Cadence, Cadence == Cadence.Daily ? Start.AddDays(-1) : Start.AddDays(-7));

    public CheckInPeriod Next => new(Cadence, Cadence == Cadence.Daily ? Start.AddDays(1) : Start.AddDays(7));

    public override string ToString() => Label;
}

/// <summary>The period rule: which period a person is in, and which periods they may still check in for.</summary>
public static class Periods
{
    public static readonly DomainError UnknownPeriod = new("period.unknown", "Period: we don't recognise this period.", "Period");

    private static readonly CultureInfo Words = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Issue 16: a period named as a couple would say it, relative to the person's current period:
    /// "this week, 30 Nov – 6 Dec", "last week, 23 – 29 Nov", "today, Tue 1 Dec", "yesterday, Mon 30 Nov", or only
    /// the dates further away (with the year when it is not the current one). Never "2026-W49".
    /// </summary>
    public static string Name(CheckInPeriod period, CheckInPeriod current)
    {
        var year = current.Start.Year;
        if (period.Cadence == Cadence.Daily)
        {
            var day = period.Start.ToString(period.Start.Year == year ? "ddd d MMM" : "ddd d MMM yyyy", Words);
            var relative = (period.Start.DayNumber - current.Start.DayNumber) switch
            {
                0 => "today",
                -1 => "yesterday",
                1 => "tomorrow",
                _ => null,
            };
            return relative is null ? day : $"{relative}, {day}";
        }

        var start = period.Start;
        var end = period.End;
        var showYear = start.Year != year || end.Year != year;
        string dates;
        if (start.Year != end.Year)
        {
            dates = $"{start.ToString("d MMM yyyy", Words)} \u2013 {end.ToString("d MMM yyyy", Words)}";
        }
        else if (start.Month == end.Month)
        {
            dates = $"{start.Day} \u2013 {end.ToString(showYear ? "d MMM yyyy" : "d MMM", Words)}";
        }
        else
        {
            dates = $"{start.ToString("d MMM", Words)} \u2013 {end.ToString(showYear ? "d MMM yyyy" : "d MMM", Words)}";
        }

        var weeks = (period.Start.DayNumber - current.Start.DayNumber) / 7;
        var relativeWeek = (period.Start.DayNumber - current.Start.DayNumber) % 7 != 0 ? null : weeks switch
        {
            0 => "this week",
            -1 => "last week",
            1 => "next week",
            _ => null,
        };
        return relativeWeek is null ? dates : $"{relativeWeek}, {dates}";
    }

    /// <summary>The period containing a local calendar day.</summary>
    public static CheckInPeriod Containing(Cadence cadence, DateOnly localDay)
    {
        if (cadence == Cadence.Daily)
        {
            return new CheckInPeriod(cadence, localDay);
        }

        return new CheckInPeriod(cadence, People.TimeZones.MondayOf(localDay));
    }

    /// <summary>The person's current period: the one containing their own local day at <paramref name="utcNow"/>.</summary>
    public static CheckInPeriod Current(Cadence cadence, DateTime utcNow, TimeZoneInfo zone)
        => Containing(cadence, People.TimeZones.LocalDay(utcNow, zone));

    /// <summary>Reads a label ("2026-03-02" or "2026-W10") for a cadence. Null when it is not a valid label.</summary>
    public static CheckInPeriod? Parse(Cadence cadence, string? label)
    {
        if (string.IsNullOrWhiteSpace(label) || label.Length > 10)
        {
            return null;
        }

        label = label.Trim();
        if (cadence == Cadence.Daily)
        {
            return DateOnly.TryParseExact(label, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? new CheckInPeriod(cadence, day)
                : null;
        }

        if (label.Length != 8 || label[4] != '-' || label[5] != 'W'
            || !int.TryParse(label.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(label.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year < 2000 || year > 9000 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return null;
        }

        return new CheckInPeriod(cadence, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
    }

    /// <summary>
    /// A person may check in for their current local period, or catch up on the one before it
    /// (so a partner who is hours behind or forgot yesterday can still meet the other). Never a future period,
    /// never an older one.
    /// </summary>
    public static DomainError? CanCheckIn(CheckInPeriod period, DateTime utcNow, TimeZoneInfo zone)
    {
        var current = Current(period.Cadence, utcNow, zone);
        if (period.Start > current.Start)
        {
            return new DomainError("period.future", "Period: this period hasn't started for you yet. You can check in for it when it begins.", "Period");
        }

        if (period.Start < current.Previous.Start)
        {
            return new DomainError("period.closed", "Period: this period has closed. You can check in for the current one.", "Period");
        }

        return null;
    }
}
