using System.Globalization;
using Mutuality.Domain.People;

namespace Mutuality.Web.Infrastructure.Couples;

/// <summary>Shows a UTC instant in a person's own zone.</summary>
public static class LocalTime
{
    public static DateTime ToLocal(DateTime utc, string timeZoneId)
        => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZones.FindOrUtc(timeZoneId));

    public static string Format(DateTime utc, string timeZoneId)
        => ToLocal(utc, timeZoneId).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));
}
