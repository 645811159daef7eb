using Mutuality.Domain.People;

namespace Mutuality.Domain.Support;

/// <summary>A local calendar week (ISO: Monday to Sunday) as a range of UTC instants [StartUtc, EndUtc).</summary>
public sealed record LocalWeek(DateOnly Monday, DateTime StartUtc, DateTime EndUtc)
{
    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;
}

public static class Weeks
{
    /// <summary>The local ISO week containing an instant, for a person in a zone (DST-aware: a week may be 167 or 169 hours).</summary>
    public static LocalWeek Of(DateTime utcInstant, TimeZoneInfo zone)
    {
        var day = TimeZones.LocalDay(utcInstant, zone);
        var monday = TimeZones.MondayOf(day);
        return new LocalWeek(monday, TimeZones.ToUtc(monday, TimeOnly.MinValue, zone), TimeZones.ToUtc(monday.AddDays(7), TimeOnly.MinValue, zone));
    }

    /// <summary>The local day containing an instant as a range of UTC instants.</summary>
    public static (DateTime StartUtc, DateTime EndUtc) Day(DateTime utcInstant, TimeZoneInfo zone)
    {
        var day = TimeZones.LocalDay(utcInstant, zone);
        return (TimeZones.ToUtc(day, TimeOnly.MinValue, zone), TimeZones.ToUtc(day.AddDays(1), TimeOnly.MinValue, zone));
    }
}
