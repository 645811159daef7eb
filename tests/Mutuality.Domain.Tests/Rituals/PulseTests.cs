using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;

namespace Mutuality.Domain.Tests.Rituals;

public sealed class PulseTests
{
    private static Dictionary<string, int?> All(int? value) => Pulse.Items.ToDictionary(i => i.Id, _ => value);

    [Fact]
    public void Items_AreFourToSixWithDistinctIds()
    {
        Assert.InRange(Pulse.Items.Count, 4, 6);
        Assert.Equal(Pulse.Items.Count, Pulse.Items.Select(i => i.Id).Distinct().Count());
        Assert.Equal(5, Pulse.Scale.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Validate_AcceptsEveryItemOnTheScale(int value)
    {
        var result = Pulse.Validate(All(value));
        Assert.True(result.IsSuccess);
        Assert.All(result.Value.Values, v => Assert.Equal(value, v));
    }

    [Theory]
    [InlineData(0, "pulse.out_of_range")]
    [InlineData(6, "pulse.out_of_range")]
    [InlineData(-3, "pulse.out_of_range")]
    [InlineData(null, "pulse.missing")]
    public void Validate_RefusesAnswersOffTheScale_NamingTheItem(int? value, string code)
    {
        var answers = All(3);
        answers["team"] = value;
        var result = Pulse.Validate(answers);
        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal("team", result.Error.Field);
        Assert.StartsWith("\u201CWe handled everyday life as a team.\u201D", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefusesAMissingItem()
    {
        var answers = All(4);
        answers.Remove("safe");
        Assert.Equal("safe", Pulse.Validate(answers).Error!.Field);
    }

    [Theory]
    [InlineData("2026-03-31T23:30:00Z", "Europe/London", 2026, 4)]
    [InlineData("2026-03-31T23:30:00Z", "America/New_York", 2026, 3)]
    [InlineData("2026-01-01T02:00:00Z", "America/New_York", 2025, 12)]
    public void MonthOf_WithoutAPartner_IsThePersonsLocalMonth(string utc, string zone, int year, int month)
    {
        var instant = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(new DateOnly(year, month, 1), Pulse.MonthOf(instant, TimeZones.FindOrUtc(zone), null));
    }

    [Theory]
    [InlineData("2026-03-31T23:30:00Z", "Europe/London", "Asia/Tokyo", 2026, 4)]
    [InlineData("2026-03-31T23:30:00Z", "Europe/London", "America/New_York", 2026, 3)]
    [InlineData("2026-03-31T14:30:00Z", "Asia/Tokyo", "Europe/London", 2026, 3)]
    [InlineData("2026-04-01T04:30:00Z", "Pacific/Auckland", "America/Los_Angeles", 2026, 3)]
    [InlineData("2026-04-01T07:30:00Z", "Pacific/Auckland", "America/Los_Angeles", 2026, 4)]
    public void MonthOf_IsTheCouplesMonth_TheSameForBothPartners_WhereverEachLives(string utc, string zone, string partnerZone, int year, int month)
    {
        var instant = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var mine = Pulse.MonthOf(instant, TimeZones.FindOrUtc(zone), TimeZones.FindOrUtc(partnerZone));
        var theirs = Pulse.MonthOf(instant, TimeZones.FindOrUtc(partnerZone), TimeZones.FindOrUtc(zone));
        Assert.Equal(new DateOnly(year, month, 1), mine);
        Assert.Equal(mine, theirs);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, 3.0)]
    [InlineData(new[] { 4, 5 }, 4.5)]
    [InlineData(new[] { 9, 4 }, 4.0)]
    public void Average_IsOverAnswersOnTheScale(int[] values, double expected) => Assert.Equal(expected, Pulse.Average(values));

    [Fact]
    public void Average_OfNothing_IsNull() => Assert.Null(Pulse.Average([]));

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, false)]
    public void PartnerVisible_OnlyWhenBothAnswered(bool me, bool partner, bool expected) => Assert.Equal(expected, Pulse.PartnerVisible(me, partner));
}
