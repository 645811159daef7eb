using Mutuality.Domain.People;

namespace Mutuality.Web.Infrastructure.Couples;

/// <summary>Shows a UTC instant in a person's own zone.</summary>
public static class LocalTime
{
    public static DateTime ToLocal(DateTime utc, string timeZoneId)
        => TimeZones.LocalTime(utc, TimeZones.FindOrUtc(timeZoneId));

    public static string Format(DateTime utc, string timeZoneId)
        => Formats.DayAndTime(ToLocal(utc, timeZoneId));
}
