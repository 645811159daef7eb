namespace Mutuality.Domain.Common;

/// <summary>
/// Dates of history brought in from an export. The windows meant for live entry (a moment within the last year, a
/// check-in only for the current or previous period, an agreement due today or later) do not apply: an export is
/// history and keeps its dates. But nothing may lie in the future, and nothing before <see cref="Earliest"/>.
/// </summary>
public static class HistoryDates
{
    /// <summary>No history of ours is older than this: an earlier date is a broken or made-up file.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>Clock drift between the exporting server and this one.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>An instant: not after now, not before <see cref="Earliest"/>.</summary>
    public static DomainError? CheckInstant(DateTime utc, DateTime nowUtc, string label)
    {
        if (utc > nowUtc + FutureTolerance)
        {
            return new DomainError("history.in_future", $"{label}: the date {utc:yyyy-MM-dd HH:mm} is in the future.");
        }

        return DateOnly.FromDateTime(utc) < Earliest
            ? new DomainError("history.too_old", $"{label}: the date {utc:yyyy-MM-dd} is before {Earliest:yyyy}, older than any history of ours.")
            : null;
    }

    /// <summary>A local calendar day: not after today anywhere on Earth (UTC+14), not before <see cref="Earliest"/>.</summary>
    public static DomainError? CheckDay(DateOnly day, DateTime nowUtc, string label)
    {
        if (day > DateOnly.FromDateTime(nowUtc.AddHours(14)))
        {
            return new DomainError("history.in_future", $"{label}: the day {day:yyyy-MM-dd} is in the future.");
        }

        return day < Earliest
            ? new DomainError("history.too_old", $"{label}: the day {day:yyyy-MM-dd} is before {Earliest:yyyy}, older than any history of ours.")
            : null;
    }
}
