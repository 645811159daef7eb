using System.Globalization;

namespace Mutuality.Web.Infrastructure;

/// <summary>
/// The one place Web turns dates and numbers into text. What people read is in the app's one language, British
/// English (<see cref="People"/>; with request localization this becomes the request's culture, here and nowhere
/// else). What a machine reads back — a form's date and time inputs, ids, query strings — is invariant, so a server
/// or browser in another culture (another calendar, another time separator) reads exactly what was written.
/// </summary>
public static class Formats
{
    /// <summary>The culture of the words people read: dates, month and day names, times of day.</summary>
    public static CultureInfo People { get; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Mon 2 Mar 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", People);

    /// <summary>"Monday 2 March".</summary>
    public static string WeekdayAndDate(DateOnly day) => day.ToString("dddd d MMMM", People);

    /// <summary>"2 March".</summary>
    public static string DayAndMonth(DateOnly day) => day.ToString("d MMMM", People);

    /// <summary>"March 2026".</summary>
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", People);

    /// <summary>"Mon 2 Mar 2026, 14:30" (a local time, already in the reader's zone).</summary>
    public static string DayAndTime(DateTime local) => local.ToString("ddd d MMM yyyy, HH:mm", People);

    /// <summary>"14:30" (a local time of day).</summary>
    public static string Clock(DateTime local) => local.ToString("HH:mm", People);

    /// <summary>An hour of the day as a choice reads: "07:00".</summary>
    public static string Hour(int hour) => hour.ToString("00", CultureInfo.InvariantCulture) + ":00";

    /// <summary>The value of an <c>input type="date"</c> (and of a date in a query string): "2026-03-02".</summary>
    public static string DateInput(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The value of an <c>input type="time"</c>: "14:30".</summary>
    public static string TimeInput(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
