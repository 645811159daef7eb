using Mutuality.Domain.Insights;

namespace Mutuality.Domain.Tests.Insights;

public sealed class InsightPeriodsTests
{
    private static readonly DateOnly Today = new(2026, 3, 4); // a Wednesday

    [Fact]
    public void Default_IsTheLastFourWeeks_EndingToday_StartingOnAMonday()
    {
        var (period, errors) = InsightPeriods.Parse(null, null, null, Today, null);
        Assert.Empty(errors);
        Assert.Equal(InsightPeriodKind.FourWeeks, period.Kind);
        Assert.Equal(new DateOnly(2026, 2, 9), period.From);
        Assert.Equal(Today, period.To);
        Assert.Equal(4, InsightPeriods.Buckets(period, TimeZoneInfo.Utc).Count);
    }

    [Theory]
    [InlineData("3m", 13)]
    [InlineData("1y", 52)]
    [InlineData("4W", 4)]
    public void FixedPeriods_AreWholeWeeks(string key, int weeks)
    {
        var (period, errors) = InsightPeriods.Parse(key, null, null, Today, null);
        Assert.Empty(errors);
        Assert.Equal(BucketSize.Week, period.Size);
        Assert.Equal(weeks, InsightPeriods.Buckets(period, TimeZoneInfo.Utc).Count);
    }

    [Fact]
    public void All_StartsAtTheFirstActivityWeek_AndTurnsMonthlyWhenLongerThanAYear()
    {
        var (shortAll, _) = InsightPeriods.Parse("all", null, null, Today, new DateOnly(2026, 1, 7));
        Assert.Equal(new DateOnly(2026, 1, 5), shortAll.From);
        Assert.Equal(BucketSize.Week, shortAll.Size);

        var (longAll, _) = InsightPeriods.Parse("all", null, null, Today, new DateOnly(2021, 3, 10));
        Assert.Equal(BucketSize.Month, longAll.Size);
        var buckets = InsightPeriods.Buckets(longAll, TimeZoneInfo.Utc);
        Assert.Equal(new DateOnly(2021, 3, 1), buckets[0].Start);
        Assert.Equal(new DateOnly(2026, 3, 1), buckets[^1].Start);
        Assert.Equal(61, buckets.Count);
    }

    [Fact]
    public void All_WithNoActivity_IsThisWeek()
    {
        var (period, errors) = InsightPeriods.Parse("all", null, null, Today, null);
        Assert.Empty(errors);
        Assert.Single(InsightPeriods.Buckets(period, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Custom_ValidDates_AreWidenedToWholeWeeks_AndClippedAtToday()
    {
        var (period, errors) = InsightPeriods.Parse("custom", "2026-02-11", "2026-12-31", Today, null);
        Assert.Empty(errors);
        Assert.Equal(InsightPeriodKind.Custom, period.Kind);
        Assert.Equal(new DateOnly(2026, 2, 9), period.From);
        Assert.Equal(Today, period.To);
    }

    [Theory]
    [InlineData("week", null, null, "Period")]
    [InlineData("custom", null, "2026-03-01", "From")]
    [InlineData("custom", "2026-02-30", "2026-03-01", "From")]
    [InlineData("custom", "01/02/2026", "2026-03-01", "From")]
    [InlineData("custom", "2026-02-01", "yesterday", "To")]
    [InlineData("custom", "2026-03-01", "2026-02-01", "To")]
    [InlineData("custom", "2026-04-01", "2026-05-01", "From")]
    [InlineData("custom", "1999-12-31", "2026-03-01", "From")]
    [InlineData("custom", "2001-01-01", "2026-03-01", "From")]
    public void BadInput_NamesTheField_AndFallsBackToFourWeeks(string period, string? from, string? to, string field)
    {
        var (parsed, errors) = InsightPeriods.Parse(period, from, to, Today, null);
        Assert.Contains(errors, e => e.Field == field && e.Message.StartsWith(field + ":", StringComparison.Ordinal));
        Assert.Equal(InsightPeriodKind.FourWeeks, parsed.Kind);
    }

    [Fact]
    public void Buckets_FollowTheViewersZone_AcrossDaylightSaving()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var (period, _) = InsightPeriods.Parse("custom", "2026-03-23", "2026-04-05", new DateOnly(2026, 4, 10), null);
        var buckets = InsightPeriods.Buckets(period, london);
        Assert.Equal(new DateTime(2026, 3, 23, 0, 0, 0, DateTimeKind.Utc), buckets[0].StartUtc);
        Assert.Equal(new DateTime(2026, 3, 29, 23, 0, 0, DateTimeKind.Utc), buckets[1].StartUtc); // BST began on 29 March
        Assert.Equal(TimeSpan.FromHours(167), buckets[0].EndUtc - buckets[0].StartUtc);
    }

    // Issue 16: typing dates chooses them; picking another preset than the one on screen is a choice too.
    [Theory]
    [InlineData("4w", "2026-02-02", "2026-02-15", "4w", "custom")]
    [InlineData("4w", "2026-02-02", null, "4w", "custom")]
    [InlineData(null, "2026-02-02", "2026-02-15", "4w", "custom")]
    [InlineData("3m", "2026-02-02", "2026-02-15", "custom", "3m")]
    [InlineData("3m", "2026-02-02", "2026-02-15", "4w", "3m")]
    [InlineData("1y", null, "", "4w", "1y")]
    public void TypedDates_AreAChoice_UnlessAnotherPresetWasPicked(string? period, string? from, string? to, string shown, string expected)
        => Assert.Equal(expected, InsightPeriods.Choice(period, from, to, shown));

    [Theory]
    [InlineData("1990-01-01", "2026-03-01", "From: 1 Jan 1990 is out of range")]
    [InlineData("2026-02-01", "0001-01-01", "To: 1 Jan 0001 is out of range")]
    [InlineData("2026-04-01", "2026-04-02", "From: 1 Apr 2026 is still to come")]
    public void ARealDateOutsideWhatCanBeShown_SaysItIsOutOfRange_NotThatItIsNotARealDate(string from, string to, string start)
    {
        var (_, errors) = InsightPeriods.Parse("custom", from, to, Today, null);
        var error = Assert.Single(errors);
        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
    }
}
