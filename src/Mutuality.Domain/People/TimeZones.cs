namespace Mutuality.Domain.People;

/// <summary>
/// The calendar as a person lives it, in one place: the IANA time-zone ids people choose, the local time and day of an
/// instant, the UTC instant of a local time, and the week (ISO, from Monday) and month a day belongs to. Every rule
/// and page that needs "this week", "this month" or "today where they live" asks here.
/// </summary>
public static class TimeZones
{
    public const string Default = "UTC";

    /// <summary>Finds an IANA zone by id; null when the id is unknown or not an IANA id.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return null;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return null;
        }

        // Accept only IANA ids (the ones browsers report), not Windows names.
        return zone.HasIanaId || TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out _) ? zone : null;
    }

    /// <summary>The zone for an id, falling back to UTC for an unknown id.</summary>
    public static TimeZoneInfo FindOrUtc(string? id) => Find(id) ?? TimeZoneInfo.Utc;

    /// <summary>The local wall-clock time of an instant for a person in a zone.</summary>
    public static DateTime LocalTime(DateTime utcInstant, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcInstant, DateTimeKind.Utc), zone);

    /// <summary>The local calendar day of an instant for a person in a zone.</summary>
    public static DateOnly LocalDay(DateTime utcInstant, TimeZoneInfo zone) => DateOnly.FromDateTime(LocalTime(utcInstant, zone));

    /// <summary>The Monday of the ISO week (Monday to Sunday) containing a day.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The most recent <paramref name="weekday"/> on or before a day.</summary>
    public static DateOnly LatestOnOrBefore(DateOnly day, DayOfWeek weekday) => day.AddDays(-(((int)day.DayOfWeek - (int)weekday + 7) % 7));

    /// <summary>The month (its first day) containing a day.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// The UTC instant of a local wall-clock time. A time that does not exist (skipped by a DST change)
    /// moves forward by the gap; an ambiguous time (repeated) takes the earlier, daylight one.
    /// </summary>
    public static DateTime ToUtc(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var adjustment = zone.GetAdjustmentRules()
                .FirstOrDefault(r => r.DateStart <= local && r.DateEnd >= local);
            local = local.Add(adjustment?.DaylightDelta ?? TimeSpan.FromHours(1));
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var largest = offsets.Max();
            return DateTime.SpecifyKind(local - largest, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
