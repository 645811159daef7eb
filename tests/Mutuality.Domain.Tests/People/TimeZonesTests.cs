using Mutuality.Domain.People;

namespace Mutuality.Domain.Tests.People;

public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/London", true)]
    [InlineData("America/New_York", true)]
    [InlineData("Asia/Kolkata", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("Europe/London'; DROP TABLE users; --", false)]
    public void Find_KnowsIanaZones(string? id, bool known) => Assert.Equal(known, TimeZones.Find(id) is not null);

    [Fact]
    public void LocalDay_DiffersAcrossTheWorldForTheSameInstant()
    {
        var instant = new DateTime(2026, 6, 1, 23, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2026, 6, 2), TimeZones.LocalDay(instant, TimeZones.Find("Europe/Berlin")!));
        Assert.Equal(new DateOnly(2026, 6, 1), TimeZones.LocalDay(instant, TimeZones.Find("America/Los_Angeles")!));
    }

    [Fact]
    public void ToUtc_SkippedSpringForwardTime_MovesPastTheGap()
    {
        // In London, 2026-03-29 01:30 does not exist: clocks jump from 01:00 to 02:00 (BST).
        var utc = TimeZones.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(1, 30), TimeZones.Find("Europe/London")!);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void ToUtc_RepeatedFallBackTime_TakesTheFirstOccurrence()
    {
        // In New York, 2026-11-01 01:30 happens twice; the first is EDT (UTC-4).
        var utc = TimeZones.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), TimeZones.Find("America/New_York")!);
        Assert.Equal(new DateTime(2026, 11, 1, 5, 30, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void ToUtc_OrdinaryTime_UsesTheSeasonsOffset()
    {
        var zone = TimeZones.Find("Europe/London")!;
        Assert.Equal(new DateTime(2026, 1, 10, 20, 0, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateOnly(2026, 1, 10), new TimeOnly(20, 0), zone));
        Assert.Equal(new DateTime(2026, 7, 10, 19, 0, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateOnly(2026, 7, 10), new TimeOnly(20, 0), zone));
    }

    // The calendar's week and month: 2026-03-02 is a Monday; 2024 is a leap year; weeks and months cross years.
    [Theory]
    [InlineData("2026-03-02", "2026-03-02")]
    [InlineData("2026-03-08", "2026-03-02")]
    [InlineData("2026-03-09", "2026-03-09")]
    [InlineData("2026-01-01", "2025-12-29")]
    [InlineData("2024-03-01", "2024-02-26")]
    public void MondayOf_IsTheMondayOnOrBeforeTheDay_EvenAcrossAYear(string day, string monday)
        => Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), TimeZones.MondayOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-03-04", DayOfWeek.Sunday, "2026-03-01")]
    [InlineData("2026-03-01", DayOfWeek.Sunday, "2026-03-01")]
    [InlineData("2026-03-04", DayOfWeek.Wednesday, "2026-03-04")]
    [InlineData("2026-03-04", DayOfWeek.Thursday, "2026-02-26")]
    public void LatestOnOrBefore_IsAtMostSixDaysBack(string day, DayOfWeek weekday, string expected)
        => Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TimeZones.LatestOnOrBefore(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), weekday));

    [Theory]
    [InlineData("2026-03-31", "2026-03-01")]
    [InlineData("2024-02-29", "2024-02-01")]
    [InlineData("2026-01-01", "2026-01-01")]
    public void MonthOf_IsTheFirstOfTheDaysMonth(string day, string first)
        => Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), TimeZones.MonthOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void LocalTime_IsTheWallClockInTheZone_AcrossADaylightChange()
    {
        var london = TimeZones.Find("Europe/London")!;
        Assert.Equal(new DateTime(2026, 3, 29, 0, 59, 0), TimeZones.LocalTime(new DateTime(2026, 3, 29, 0, 59, 0, DateTimeKind.Utc), london));
        Assert.Equal(new DateTime(2026, 3, 29, 2, 0, 0), TimeZones.LocalTime(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Unspecified), london));
    }
}
