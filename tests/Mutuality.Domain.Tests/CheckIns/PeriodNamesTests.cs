using Mutuality.Domain.CheckIns;

namespace Mutuality.Domain.Tests.CheckIns;

/// <summary>Issue 16: periods are named as a couple would say them, never "2026-W49".</summary>
public sealed class PeriodNamesTests
{
    private static CheckInPeriod Week(string monday) => new(Cadence.Weekly, DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture));

    private static CheckInPeriod Day(string day) => new(Cadence.Daily, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2026-11-30", "2026-11-30", "this week, 30 Nov \u2013 6 Dec")]
    [InlineData("2026-11-23", "2026-11-30", "last week, 23 \u2013 29 Nov")]
    [InlineData("2026-12-07", "2026-11-30", "next week, 7 \u2013 13 Dec")]
    [InlineData("2026-11-09", "2026-11-30", "9 \u2013 15 Nov")]
    [InlineData("2025-12-29", "2026-11-30", "29 Dec 2025 \u2013 4 Jan 2026")]
    [InlineData("2025-11-10", "2026-11-30", "10 \u2013 16 Nov 2025")]
    public void AWeek_IsNamedByItsDates_AndByThisOrLastWeekWhenItIsOne(string monday, string current, string expected)
        => Assert.Equal(expected, Periods.Name(Week(monday), Week(current)));

    [Theory]
    [InlineData("2026-12-01", "2026-12-01", "today, Tue 1 Dec")]
    [InlineData("2026-11-30", "2026-12-01", "yesterday, Mon 30 Nov")]
    [InlineData("2026-11-20", "2026-12-01", "Fri 20 Nov")]
    [InlineData("2025-12-01", "2026-12-01", "Mon 1 Dec 2025")]
    public void ADay_IsNamedByItsWeekdayAndDate_AndByTodayOrYesterdayWhenItIsOne(string day, string current, string expected)
        => Assert.Equal(expected, Periods.Name(Day(day), Day(current)));

    [Fact]
    public void NoName_ReadsLikeAnIsoWeek()
        => Assert.DoesNotContain("W", Periods.Name(Week("2026-11-30"), Week("2026-11-30")).Replace("week", "", StringComparison.Ordinal), StringComparison.Ordinal);
}
