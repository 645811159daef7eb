using Mutuality.Domain.People;

namespace Mutuality.Domain.Support;

/// <summary>Hours of the day (in the recipient's own zone) when we don't send e-mail.</summary>
public static class QuietHours
{
    public const int DefaultFromHour = 22;
    public const int DefaultToHour = 8;

    /// <summary>
    /// Is this instant inside the quiet hours [from, to) in the zone? The range may wrap midnight (22 → 8).
    /// Equal hours mean "no quiet hours".
    /// </summary>
    public static bool IsQuiet(DateTime utcNow, TimeZoneInfo zone, int fromHour, int toHour)
    {
        if (fromHour == toHour || fromHour is < 0 or > 23 || toHour is < 0 or > 23)
        {
            return false;
        }

        var hour = TimeZones.LocalTime(utcNow, zone).Hour;
        return fromHour < toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour;
    }
}
