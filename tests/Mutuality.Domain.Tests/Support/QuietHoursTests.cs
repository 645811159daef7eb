using Mutuality.Domain.People;
using Mutuality.Domain.Support;

namespace Mutuality.Domain.Tests.Support;

public sealed class QuietHoursTests
{
    [Theory]
    // New York in March 2026 before DST (UTC-5): 03:00 UTC is 22:00 there.
    [InlineData("America/New_York", "2026-03-05T03:00:00Z", 22, 8, true)]
    [InlineData("America/New_York", "2026-03-05T02:59:00Z", 22, 8, false)]
    [InlineData("America/New_York", "2026-03-05T12:59:00Z", 22, 8, true)] // 07:59
    [InlineData("America/New_York", "2026-03-05T13:00:00Z", 22, 8, false)] // 08:00
    [InlineData("Europe/London", "2026-03-05T13:00:00Z", 12, 14, true)]
    [InlineData("Europe/London", "2026-03-05T14:00:00Z", 12, 14, false)]
    [InlineData("Europe/London", "2026-03-05T03:00:00Z", 8, 8, false)] // none
    public void IsQuiet_InTheRecipientsZone(string zone, string utc, int from, int to, bool quiet)
        => Assert.Equal(quiet, QuietHours.IsQuiet(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), TimeZones.Find(zone)!, from, to));
}
