using Mutuality.Domain.CheckIns;
using Mutuality.Domain.People;

namespace Mutuality.Domain.Tests.CheckIns;

public sealed class PeriodsTests
{
    private static readonly TimeZoneInfo London = TimeZones.Find("Europe/London")!;
    private static readonly TimeZoneInfo Honolulu = TimeZones.Find("Pacific/Honolulu")!; // 10 hours behind London in winter

    [Theory]
    [InlineData(Cadence.Daily, "2026-03-04", "2026-03-04")]
    [InlineData(Cadence.Weekly, "2026-03-04", "2026-W10")]
    [InlineData(Cadence.Weekly, "2026-03-08", "2026-W10")] // Sunday ends the ISO week
    [InlineData(Cadence.Weekly, "2026-03-09", "2026-W11")]
    [InlineData(Cadence.Weekly, "2026-01-01", "2026-W01")] // Thursday: week 1 starts on 2025-12-29
    [InlineData(Cadence.Weekly, "2027-01-01", "2026-W53")] // Friday: still the last week of 2026
    public void Containing_LabelsThePeriodByLocalDateOrIsoWeek(Cadence cadence, string day, string label)
    {
        var period = Periods.Containing(cadence, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(label, period.Label);
        Assert.Equal(period, Periods.Parse(cadence, label));
    }

    [Theory]
    [InlineData(Cadence.Daily, "2026-02-30")]
    [InlineData(Cadence.Daily, "yesterday")]
    [InlineData(Cadence.Daily, "")]
    [InlineData(Cadence.Daily, null)]
    [InlineData(Cadence.Weekly, "2026-W54")]
    [InlineData(Cadence.Weekly, "2026-W00")]
    [InlineData(Cadence.Weekly, "2026-03-02")]
    [InlineData(Cadence.Weekly, "2025-W53")] // 2025 has 52 ISO weeks
    public void Parse_RejectsWhatIsNotALabel(Cadence cadence, string? label) => Assert.Null(Periods.Parse(cadence, label));

    [Fact]
    public void PartnersTenHoursApart_MeetInTheSameDailyPeriod_ByItsLocalDateLabel()
    {
        // 2026-03-02 09:00 UTC: it is Monday 09:00 in London but still Sunday 23:00 in Honolulu.
        var morningInLondon = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var robin = Periods.Current(Cadence.Daily, morningInLondon, London);
        Assert.Equal("2026-03-02", robin.Label);
        Assert.Equal("2026-03-01", Periods.Current(Cadence.Daily, morningInLondon, Honolulu).Label);

        // Monday has not begun in Honolulu: checking in for it now is a future period there…
        Assert.Equal("period.future", Periods.CanCheckIn(robin, morningInLondon, Honolulu)?.Code);

        // …but once it is Monday there (10:00 UTC onwards), the Honolulu partner checks in for the same label.
        var mondayInHonolulu = new DateTime(2026, 3, 2, 20, 0, 0, DateTimeKind.Utc);
        Assert.Equal(robin, Periods.Current(Cadence.Daily, mondayInHonolulu, Honolulu));
        Assert.Null(Periods.CanCheckIn(robin, mondayInHonolulu, Honolulu));

        // Robin, already on Tuesday in London, may still catch up on Monday, so they can meet there too.
        var tuesdayInLondon = new DateTime(2026, 3, 3, 7, 0, 0, DateTimeKind.Utc);
        Assert.Equal("2026-03-03", Periods.Current(Cadence.Daily, tuesdayInLondon, London).Label);
        Assert.Null(Periods.CanCheckIn(robin, tuesdayInLondon, London));
    }

    [Fact]
    public void PartnersTenHoursApart_MeetInTheSameWeeklyPeriod()
    {
        // Monday 02:00 in London is Sunday 16:00 in Honolulu: different ISO weeks at that instant.
        var instant = new DateTime(2026, 3, 9, 2, 0, 0, DateTimeKind.Utc);
        Assert.Equal("2026-W11", Periods.Current(Cadence.Weekly, instant, London).Label);
        Assert.Equal("2026-W10", Periods.Current(Cadence.Weekly, instant, Honolulu).Label);

        // Both may check in for W10 at that instant (London catches up, Honolulu is still in it): they meet.
        var w10 = Periods.Parse(Cadence.Weekly, "2026-W10")!.Value;
        Assert.Null(Periods.CanCheckIn(w10, instant, London));
        Assert.Null(Periods.CanCheckIn(w10, instant, Honolulu));
    }

    [Theory]
    [InlineData("2026-03-02", null)]
    [InlineData("2026-03-01", null)]
    [InlineData("2026-02-28", "period.closed")]
    [InlineData("2026-03-03", "period.future")]
    [InlineData("2027-01-01", "period.future")]
    public void CanCheckIn_DailyWindowIsTodayOrYesterday(string day, string? code)
    {
        var now = new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);
        var period = Periods.Parse(Cadence.Daily, day)!.Value;
        Assert.Equal(code, Periods.CanCheckIn(period, now, London)?.Code);
    }

    [Fact]
    public void SealedReveal_MatchesPartnersBySamePeriodLabel_NotBySameInstant()
    {
        var robinId = new Guid("00000000-0000-0000-0000-00000000000a");
        var samId = new Guid("00000000-0000-0000-0000-00000000000b");
        var monday = Periods.Parse(Cadence.Daily, "2026-03-02")!.Value;
        var mine = new CheckInState(robinId, monday, true, CheckInContent.Empty);
        Assert.True(SealedReveal.See(robinId, mine, new CheckInState(samId, monday, true, CheckInContent.Empty)).IsRevealed);
        Assert.False(SealedReveal.See(robinId, mine, new CheckInState(samId, monday.Previous, true, CheckInContent.Empty)).IsRevealed);
    }
}
