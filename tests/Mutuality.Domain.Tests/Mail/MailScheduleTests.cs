using Mutuality.Domain.Mail;

namespace Mutuality.Domain.Tests.Mail;

public sealed class MailScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void LatestWeekly_IsTheChosenLocalTime_AndNotBefore()
    {
        // Monday 2 March 2026, 18:00 in London is 18:00 UTC (winter time).
        var before = MailSchedule.LatestWeekly(Utc(3, 2, 17, 59), London, DayOfWeek.Monday, new TimeOnly(18, 0));
        Assert.Equal(new DateOnly(2026, 2, 23), before.LocalDay);

        var at = MailSchedule.LatestWeekly(Utc(3, 2, 18, 0), London, DayOfWeek.Monday, new TimeOnly(18, 0));
        Assert.Equal(new DateOnly(2026, 3, 2), at.LocalDay);
        Assert.Equal(Utc(3, 2, 18), at.DueUtc);
        Assert.Equal("2026-W10", at.PeriodKey);
    }

    [Fact]
    public void LatestWeekly_FollowsTheClockChange()
    {
        // New York moves to summer time at 02:00 on Sunday 8 March 2026: 09:00 local is 13:00 UTC that day, 14:00 UTC the week before.
        Assert.Equal(Utc(3, 1, 14), MailSchedule.LatestWeekly(Utc(3, 8, 12, 59), NewYork, DayOfWeek.Sunday, new TimeOnly(9, 0)).DueUtc);
        Assert.Equal(Utc(3, 8, 13), MailSchedule.LatestWeekly(Utc(3, 8, 13, 0), NewYork, DayOfWeek.Sunday, new TimeOnly(9, 0)).DueUtc);

        // A time the change skips (02:30 on 8 March does not exist in New York) moves forward by the gap.
        Assert.Equal(Utc(3, 8, 7, 30), MailSchedule.LatestWeekly(Utc(3, 8, 12), NewYork, DayOfWeek.Sunday, new TimeOnly(2, 30)).DueUtc);
    }

    [Fact]
    public void LatestWeekly_AfterLongDowntime_IsOnlyTheLatestWeek()
    {
        var due = MailSchedule.LatestWeekly(Utc(3, 20, 12), London, DayOfWeek.Monday, new TimeOnly(18, 0));
        Assert.Equal(new DateOnly(2026, 3, 16), due.LocalDay);
        Assert.True(Utc(3, 20, 12) - due.DueUtc < TimeSpan.FromDays(7));
    }

    [Fact]
    public void WeekKey_IsTheIsoWeek_SoAChangedWeekdayStaysInTheSameWeek()
    {
        Assert.Equal(MailSchedule.WeekKey(new DateOnly(2026, 3, 2)), MailSchedule.WeekKey(new DateOnly(2026, 3, 8)));
        Assert.NotEqual(MailSchedule.WeekKey(new DateOnly(2026, 3, 8)), MailSchedule.WeekKey(new DateOnly(2026, 3, 9)));
        Assert.Equal("2026-W01", MailSchedule.WeekKey(new DateOnly(2025, 12, 29)));
    }

    [Fact]
    public void MonthlyReminder_IsDueFromEightInTheMorning_UntilTheDayEnds_InEachZone()
    {
        Assert.Null(MailSchedule.MonthlyReminderDue(Utc(3, 3, 7, 59), London, 3));
        Assert.Equal(Utc(3, 3, 8), MailSchedule.MonthlyReminderDue(Utc(3, 3, 8), London, 3)!.DueUtc);
        Assert.Equal("2026-03-03", MailSchedule.MonthlyReminderDue(Utc(3, 3, 23, 59), London, 3)!.PeriodKey);
        Assert.Null(MailSchedule.MonthlyReminderDue(Utc(3, 4, 0, 0), London, 3));

        // In New York it is still 2 March until 05:00 UTC, and 08:00 there is 13:00 UTC.
        Assert.Null(MailSchedule.MonthlyReminderDue(Utc(3, 3, 12, 59), NewYork, 3));
        Assert.Equal(Utc(3, 3, 13), MailSchedule.MonthlyReminderDue(Utc(3, 3, 13), NewYork, 3)!.DueUtc);
        Assert.NotNull(MailSchedule.MonthlyReminderDue(Utc(3, 4, 4, 59), NewYork, 3));
    }

    [Theory]
    [InlineData(null, 18, "DigestDay")]
    [InlineData(7, 18, "DigestDay")]
    [InlineData(-1, 18, "DigestDay")]
    [InlineData(1, 24, "DigestHour")]
    [InlineData(1, null, "DigestHour")]
    [InlineData(1, 18, null)]
    [InlineData(0, 0, null)]
    public void ValidateDigest_NamesTheField(int? day, int? hour, string? field)
    {
        var result = MailSchedule.ValidateDigest(day, hour);
        Assert.Equal(field is null, result.IsSuccess);
        Assert.Equal(field, result.Error?.Field);
    }
}
