using Mutuality.Domain.Common;
using Mutuality.Domain.People;

namespace Mutuality.Domain.Rituals;

/// <summary>The couple's monthly check-in day: a day of the month from 1 to 28, so it exists in every month.</summary>
public static class MonthlyRhythm
{
    public const int FirstDay = 1;
    public const int LastDay = 28;

    public static Result<int> ValidateDay(int? day)
        => day is >= FirstDay and <= LastDay
            ? Result<int>.Ok(day.Value)
            : new DomainError("monthly.day_out_of_range", $"Day of the month: choose a day from {FirstDay} to {LastDay}, so it comes round every month.", "DayOfMonth");

    /// <summary>
    /// The next check-in day on or after the person's own local today. The couple shares a day number;
    /// each partner sees it in their own calendar, so it is computed in each partner's zone.
    /// </summary>
    public static DateOnly NextOccurrence(int dayOfMonth, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (dayOfMonth is < FirstDay or > LastDay)
        {
            throw new ArgumentOutOfRangeException(nameof(dayOfMonth));
        }

        var today = TimeZones.LocalDay(nowUtc, zone);
        var thisMonth = new DateOnly(today.Year, today.Month, dayOfMonth);
        return thisMonth >= today ? thisMonth : thisMonth.AddMonths(1);
    }

    /// <summary>The month (its first day) of one person's local today.</summary>
    public static DateOnly MonthOf(DateTime nowUtc, TimeZoneInfo zone) => TimeZones.MonthOf(TimeZones.LocalDay(nowUtc, zone));

    /// <summary>
    /// The month (its first day) a couple's monthly things belong to — the monthly conversation, the pulse, the
    /// intimacy map — one month for both partners at any instant, wherever each of them lives: a new month begins for
    /// the couple once it has begun for both. So two partners hours apart, answering near midnight on the 1st, file
    /// their answers under the same month instead of one under each.
    /// </summary>
    public static DateOnly CoupleMonthOf(DateTime nowUtc, TimeZoneInfo zone, TimeZoneInfo? partnerZone)
    {
        var mine = MonthOf(nowUtc, zone);
        if (partnerZone is null)
        {
            return mine;
        }

        var theirs = MonthOf(nowUtc, partnerZone);
        return mine <= theirs ? mine : theirs;
    }
}
