using System.Globalization;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;

namespace Mutuality.Domain.Mail;

/// <summary>One scheduled e-mail occurrence: the recipient's local day it belongs to, and the UTC instant it is due.</summary>
public sealed record MailOccurrence(DateOnly LocalDay, DateTime DueUtc, string PeriodKey);

/// <summary>
/// When the weekly digest and the monthly check-in reminder are due, in the recipient's own zone. All
/// instants are computed from local wall-clock times through <see cref="TimeZones.ToUtc"/>, so they are
/// DST-safe: a digest set for 09:00 arrives at 09:00 local on both sides of a clock change, and a time the
/// change skips moves forward by the gap.
/// </summary>
public static class MailSchedule
{
    /// <summary>The monthly reminder goes out on the morning of the check-in day.</summary>
    public static readonly TimeOnly MonthlyReminderTime = new(8, 0);

    public const DayOfWeek DefaultDigestDay = DayOfWeek.Sunday;

    public static readonly TimeOnly DefaultDigestTime = new(18, 0);

    /// <summary>
    /// The most recent weekly digest due at or before now: the chosen weekday and local time. It is at most a
    /// week old by construction, so after downtime only the latest missed week goes out (late, once); older
    /// ones are never sent.
    /// </summary>
    public static MailOccurrence LatestWeekly(DateTime nowUtc, TimeZoneInfo zone, DayOfWeek day, TimeOnly time)
    {
        var today = TimeZones.LocalDay(nowUtc, zone);
        var local = TimeZones.LatestOnOrBefore(today, day);
        var due = TimeZones.ToUtc(local, time, zone);
        if (due > nowUtc)
        {
            local = local.AddDays(-7);
            due = TimeZones.ToUtc(local, time, zone);
        }

        return new MailOccurrence(local, due, WeekKey(local));
    }

    /// <summary>The week a digest covers: from the same local time a week before its due instant, up to it.</summary>
    public static DateTime WeekStartUtc(MailOccurrence digest, TimeZoneInfo zone, TimeOnly time)
        => TimeZones.ToUtc(digest.LocalDay.AddDays(-7), time, zone);

    /// <summary>The ISO week of a local day, e.g. "2026-W10": at most one digest per person per week, even if they change the weekday.</summary>
    public static string WeekKey(DateOnly localDay)
    {
        var date = localDay.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    /// <summary>
    /// The monthly reminder due now, if any: today (locally) is the couple's check-in day and it is at or after
    /// <see cref="MonthlyReminderTime"/>. A reminder missed while the app was down still goes out later that
    /// day, but never after the day has passed.
    /// </summary>
    public static MailOccurrence? MonthlyReminderDue(DateTime nowUtc, TimeZoneInfo zone, int dayOfMonth)
    {
        var today = TimeZones.LocalDay(nowUtc, zone);
        if (today.Day != dayOfMonth)
        {
            return null;
        }

        var due = TimeZones.ToUtc(today, MonthlyReminderTime, zone);
        return nowUtc < due ? null : new MailOccurrence(today, due, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Checks a digest weekday and hour as posted by the settings form.</summary>
    public static Result<(DayOfWeek Day, TimeOnly Time)> ValidateDigest(int? day, int? hour)
    {
        if (day is not (>= 0 and <= 6))
        {
            return new DomainError("digest.day", "Day: choose a day of the week.", "DigestDay");
        }

        if (hour is not (>= 0 and <= 23))
        {
            return new DomainError("digest.hour", "Time: choose an hour from 00 to 23.", "DigestHour");
        }

        return Result<(DayOfWeek, TimeOnly)>.Ok(((DayOfWeek)day.Value, new TimeOnly(hour.Value, 0)));
    }
}
