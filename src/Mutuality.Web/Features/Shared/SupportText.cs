using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Mutuality.Domain.People;
using Mutuality.Domain.Support;
using Mutuality.Web.Infrastructure;

namespace Mutuality.Web.Features.Shared;

/// <summary>Words and small conversions the support pages share.</summary>
public static class SupportText
{
    public const string LocalInputFormat = "yyyy-MM-ddTHH:mm";

    public static string TypeName(SupportType type) => SupportTypes.IsDefined(type) ? SupportTypes.Describe(type).Name : "Support";

    public static string TypeWord(SupportType type) => SupportTypes.IsDefined(type) ? SupportTypes.Word(type) : "some";

    public static IEnumerable<SelectListItem> TypeChoices(SupportType? selected)
        => SupportTypes.All.Select(t => new SelectListItem($"{t.Name} — {t.Explanation}", ((int)t.Type).ToString(CultureInfo.InvariantCulture), selected == t.Type));

    /// <summary>Reads a datetime-local value ("2026-03-02T18:30") as a wall-clock time; null when empty or malformed.</summary>
    public static bool TryParseLocal(string? value, out DateTime? local)
    {
        local = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        string[] formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fff"];
        if (DateTime.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            local = DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
            return true;
        }

        return false;
    }

    /// <summary>A local wall-clock time in a zone as a UTC instant (DST gaps move forward).</summary>
    public static DateTime ToUtc(DateTime local, string zoneId)
        => TimeZones.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), TimeZones.FindOrUtc(zoneId));

    public static string LocalInput(DateTime utc, string zoneId)
        => Infrastructure.Couples.LocalTime.ToLocal(utc, zoneId).ToString(LocalInputFormat, CultureInfo.InvariantCulture);

    public static string When(DateTime utc, string zoneId) => Infrastructure.Couples.LocalTime.Format(utc, zoneId);

    public static string ResponseWords(MomentResponseKind kind, int? rating) => kind switch
    {
        MomentResponseKind.Helped => $"This helped ({rating} of 5)",
        MomentResponseKind.HadNotNoticed => "I hadn't noticed — thank you",
        MomentResponseKind.NotQuite => "Not quite what I needed",
        _ => "Responded",
    };

    public static string ReactionWords(PebbleReaction reaction) => reaction switch
    {
        PebbleReaction.Heart => "♥ Love it",
        PebbleReaction.Smile => "☺ Made me smile",
        PebbleReaction.ThankYou => "Thank you",
        PebbleReaction.MissYou => "Miss you too",
        _ => "Reacted",
    };

    public static string OutcomeWords(RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Met => "met",
        RequestOutcome.PartlyMet => "partly met",
        _ => "not met",
    };

    public static string UrgencyWords(Urgency urgency) => urgency switch
    {
        Urgency.Now => "now",
        Urgency.Today => "today",
        Urgency.ThisWeek => "this week",
        _ => "by a set time",
    };

    /// <summary>
    /// Issue 16: the state a request's tag shows; a closed request says how it went ("Met", "Partly met", "Not met").
    /// </summary>
    public static string StateWords(RequestState state, RequestOutcome? outcome)
        => state == RequestState.Closed && outcome is { } o ? CultureInfo.InvariantCulture.TextInfo.ToUpper(OutcomeWords(o)[0]) + OutcomeWords(o)[1..] : StateWords(state);

    /// <summary>
    /// Issue 16: when an answer is hoped for, as a person says it in the viewer's zone: a window that ends at the
    /// viewer's midnight is "by the end of today" (or tomorrow, or of a named day), anything else a day and a time.
    /// </summary>
    public static string ByWhen(DateTime endUtc, string zoneId, DateTime nowUtc)
    {
        var end = Infrastructure.Couples.LocalTime.ToLocal(endUtc, zoneId);
        var today = Infrastructure.Couples.LocalTime.ToLocal(nowUtc, zoneId).Date;
        var culture = Formats.People;
        if (end.TimeOfDay == TimeSpan.Zero)
        {
            var lastDay = end.Date.AddDays(-1);
            return lastDay == today ? "by the end of today"
                : lastDay == today.AddDays(1) ? "by the end of tomorrow"
                : $"by the end of {lastDay.ToString("dddd d MMM", culture)}";
        }

        var day = end.Date == today ? "today" : end.Date == today.AddDays(1) ? "tomorrow" : end.ToString("ddd d MMM", culture);
        return $"by {end.ToString("HH:mm", culture)} {day}, your time";
    }

    public static string StateWords(RequestState state) => state switch
    {
        RequestState.Open => "Waiting for an answer",
        RequestState.TimeProposed => "A time was proposed",
        RequestState.DeclinedWithAlternative => "Offered an alternative",
        RequestState.Accepted => "On it",
        RequestState.Done => "Done",
        RequestState.Closed => "Closed",
        RequestState.Withdrawn => "Withdrawn",
        RequestState.Missed => "Missed",
        _ => "—",
    };
}
