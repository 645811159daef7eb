using Mutuality.Domain.Notifications;
using Mutuality.Domain.People;

namespace Mutuality.Domain.Tests.Notifications;

public sealed class NoticeTests
{
    private static readonly TimeZoneInfo London = TimeZones.FindOrUtc("Europe/London");
    private static readonly TimeZoneInfo NewYork = TimeZones.FindOrUtc("America/New_York");
    private static readonly TimeOnly TenPm = new(22, 0);
    private static readonly TimeOnly SevenAm = new(7, 0);

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void ANoticeOutsideQuietHours_GoesAtOnce()
        => Assert.Equal(Utc(3, 2, 12), QuietHours.ReleaseAt(Utc(3, 2, 12), London, TenPm, SevenAm));

    [Fact]
    public void ANoticeInQuietHours_WaitsUntilTheyEndInThePersonsZone_AcrossTheSpringClockChange()
    {
        // London springs forward at 01:00 UTC on 29 March 2026: 07:00 local that morning is 06:00 UTC.
        Assert.Equal(Utc(3, 29, 6), QuietHours.ReleaseAt(Utc(3, 28, 23), London, TenPm, SevenAm));
        // The night before, 07:00 local is still 07:00 UTC.
        Assert.Equal(Utc(3, 28, 7), QuietHours.ReleaseAt(Utc(3, 28, 2), London, TenPm, SevenAm));
    }

    [Fact]
    public void ANoticeInQuietHours_WaitsUntilTheirEnd_AcrossTheAutumnClockChangeInNewYork()
    {
        // New York falls back on 1 November 2026: 07:00 local is 12:00 UTC that day (UTC−5), 11:00 UTC the day before (UTC−4).
        Assert.Equal(Utc(11, 1, 12), QuietHours.ReleaseAt(Utc(11, 1, 4), NewYork, TenPm, SevenAm));
        Assert.Equal(Utc(10, 31, 11), QuietHours.ReleaseAt(Utc(10, 31, 5), NewYork, TenPm, SevenAm));
    }

    [Fact]
    public void NoQuietHours_OrTheSameStartAndEnd_MeanAtOnce()
    {
        Assert.Equal(Utc(3, 2, 23), QuietHours.ReleaseAt(Utc(3, 2, 23), London, null, null));
        Assert.Equal(Utc(3, 2, 23), QuietHours.ReleaseAt(Utc(3, 2, 23), London, TenPm, TenPm));
    }

    [Fact]
    public void TheWordingNamesOnlyThePartnerAndTheKind_AndDiscreetModeNamesNothing()
    {
        Assert.Equal("Sam sent you a request", NoticeWording.Body(NoticeKind.PartnerRequest, "Sam", discreet: false));
        Assert.Equal("Something new in Mutuality", NoticeWording.Body(NoticeKind.PartnerRequest, "Sam", discreet: true));
        foreach (var kind in NoticeWording.Choosable)
        {
            Assert.Equal(NoticeWording.Discreet, NoticeWording.Body(kind, "Sam", discreet: true));
            Assert.True(NoticeWording.Body(kind, "Sam", discreet: false).Length <= 60);
        }
    }
}
