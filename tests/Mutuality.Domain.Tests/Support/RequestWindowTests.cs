using Mutuality.Domain.People;
using Mutuality.Domain.Support;

namespace Mutuality.Domain.Tests.Support;

public sealed class RequestWindowTests
{
    private static TimeZoneInfo Zone(string id) => TimeZones.Find(id)!;

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void Now_IsTwoHours()
        => Assert.Equal(Utc(2026, 3, 4, 14), SupportRequests.WindowEnd(Urgency.Now, Utc(2026, 3, 4, 12), Zone("Europe/London")).Value);

    [Theory]
    // London in winter (UTC+0): today ends at 00:00 UTC next day.
    [InlineData("Europe/London", "2026-03-04T12:00:00Z", "2026-03-05T00:00:00Z")]
    // New York (UTC-5 in early March): 03:00 UTC on the 5th is still 22:00 on the 4th there.
    [InlineData("America/New_York", "2026-03-05T03:00:00Z", "2026-03-05T05:00:00Z")]
    // Sydney (UTC+11): 20:00 UTC on the 4th is already 07:00 on the 5th there.
    [InlineData("Australia/Sydney", "2026-03-04T20:00:00Z", "2026-03-05T13:00:00Z")]
    // The day London springs forward (2026-03-29) is 23 hours long; it ends at 23:00 UTC.
    [InlineData("Europe/London", "2026-03-29T09:00:00Z", "2026-03-29T23:00:00Z")]
    // The day New York falls back (2026-11-01) is 25 hours long; it ends at 05:00 UTC on the 2nd.
    [InlineData("America/New_York", "2026-11-01T12:00:00Z", "2026-11-02T05:00:00Z")]
    public void Today_EndsAtTheRequestersNextLocalMidnight(string zone, string created, string expected)
        => Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            SupportRequests.WindowEnd(Urgency.Today, DateTime.Parse(created, null, System.Globalization.DateTimeStyles.AdjustToUniversal), Zone(zone)).Value);

    [Theory]
    // Wednesday 4 March 2026 in London: the week ends Monday 9 March 00:00.
    [InlineData("Europe/London", "2026-03-04T12:00:00Z", "2026-03-09T00:00:00Z")]
    // A Monday morning: the week runs to the next Monday, not this one.
    [InlineData("Europe/London", "2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z")]
    // A Sunday late evening in New York (already Monday in UTC): still the New York week.
    [InlineData("America/New_York", "2026-03-09T03:30:00Z", "2026-03-09T04:00:00Z")]
    // A week containing London's spring-forward: ends Monday 30 March 00:00 BST = 29 March 23:00 UTC.
    [InlineData("Europe/London", "2026-03-25T12:00:00Z", "2026-03-29T23:00:00Z")]
    public void ThisWeek_EndsAtTheRequestersNextLocalMonday(string zone, string created, string expected)
        => Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            SupportRequests.WindowEnd(Urgency.ThisWeek, DateTime.Parse(created, null, System.Globalization.DateTimeStyles.AdjustToUniversal), Zone(zone)).Value);

    [Fact]
    public void At_IsReadInTheRequestersZone()
        => Assert.Equal(Utc(2026, 3, 6, 23), SupportRequests.WindowEnd(Urgency.At, Utc(2026, 3, 4, 12), Zone("America/New_York"), new DateTime(2026, 3, 6, 18, 0, 0)).Value);

    [Theory]
    [InlineData(null, "request.at_required")]
    [InlineData("2026-03-04T11:00:00", "request.at_past")]
    [InlineData("2026-03-04T12:00:00", "request.at_past")]
    [InlineData("2026-06-10T12:00:00", "request.at_too_far")]
    public void At_MustBeAheadAndWithinNinetyDays(string? local, string code)
    {
        DateTime? at = local is null ? null : DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(code, SupportRequests.WindowEnd(Urgency.At, Utc(2026, 3, 4, 12), Zone("Europe/London"), at).Error?.Code);
    }

    [Fact]
    public void Weeks_ForPartnersTenHoursApart_DifferForTheSameInstant()
    {
        // Monday 9 March 2026, 03:00 UTC: already Monday in Tokyo (12:00), still Sunday in Honolulu (17:00 on the 8th).
        var instant = Utc(2026, 3, 9, 3);
        var tokyo = Weeks.Of(instant, Zone("Asia/Tokyo"));
        var honolulu = Weeks.Of(instant, Zone("Pacific/Honolulu"));
        Assert.Equal(new DateOnly(2026, 3, 9), tokyo.Monday);
        Assert.Equal(new DateOnly(2026, 3, 2), honolulu.Monday);
        Assert.True(tokyo.Contains(instant) && honolulu.Contains(instant));
    }

    [Fact]
    public void Weeks_AcrossADstChange_Are167HoursLong()
    {
        var week = Weeks.Of(Utc(2026, 3, 25, 12), Zone("Europe/London"));
        Assert.Equal(TimeSpan.FromHours(167), week.EndUtc - week.StartUtc);
        Assert.Equal(Utc(2026, 3, 23, 0), week.StartUtc);
    }
}
