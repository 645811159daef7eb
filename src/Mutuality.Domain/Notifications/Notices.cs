using Mutuality.Domain.People;

namespace Mutuality.Domain.Notifications;

/// <summary>What a notice can be about (C12). Each can be turned off per person.</summary>
public enum NoticeKind
{
    PartnerRequest = 1,
    AnswerToMyRequest = 2,
    Pebble = 3,
    ResponseToMyMoment = 4,
    ConflictSideShared = 5,
    RevealReady = 6,
    MyCheckInReminder = 7,
    MonthlyDay = 8,

    /// <summary>"Your turn": only while both partners have agreed to hear that the other has checked in.</summary>
    PartnerCheckedIn = 9,
    Test = 99,
}

/// <summary>The text of a notice: never content, never a feeling, never anything from a private item.</summary>
public static class NoticeWording
{
    public const string Title = "Mutuality";

    public const string Discreet = "Something new in Mutuality";

    /// <summary>
    /// One plain sentence that names at most the partner (their display name) and the kind of thing. With discreet
    /// notifications, or on a channel that is not end-to-end encrypted (ntfy), it is always <see cref="Discreet"/>.
    /// </summary>
    public static string Body(NoticeKind kind, string partnerName, bool discreet)
    {
        if (discreet)
        {
            return Discreet;
        }

        var name = string.IsNullOrWhiteSpace(partnerName) ? "Your partner" : partnerName.Trim();
        return kind switch
        {
            NoticeKind.PartnerRequest => $"{name} sent you a request",
            NoticeKind.AnswerToMyRequest => $"{name} answered your request",
            NoticeKind.Pebble => $"{name} sent you a pebble",
            NoticeKind.ResponseToMyMoment => $"{name} responded to your moment",
            NoticeKind.ConflictSideShared => $"{name} shared their side with you",
            NoticeKind.RevealReady => "You've both checked in: your reveal is ready",
            NoticeKind.MyCheckInReminder => "A moment to check in, when you're ready",
            NoticeKind.MonthlyDay => "It's your monthly check-in day",
            NoticeKind.PartnerCheckedIn => $"{name} has checked in: your turn, when you're ready",
            NoticeKind.Test => "A test notification: this device will hear from Mutuality",
            _ => Discreet,
        };
    }

    /// <summary>How a kind is named on the settings page.</summary>
    public static string Label(NoticeKind kind) => kind switch
    {
        NoticeKind.PartnerRequest => "My partner sends me a request",
        NoticeKind.AnswerToMyRequest => "My partner answers my request",
        NoticeKind.Pebble => "My partner sends me a pebble",
        NoticeKind.ResponseToMyMoment => "My partner responds to my moment",
        NoticeKind.ConflictSideShared => "My partner shares their side of a conflict with me",
        NoticeKind.RevealReady => "Our check-in reveal is ready (we've both checked in)",
        NoticeKind.MyCheckInReminder => "My own check-in reminder",
        NoticeKind.MonthlyDay => "Our monthly check-in day",
        _ => kind.ToString(),
    };

    public static readonly NoticeKind[] Choosable =
    [
        NoticeKind.PartnerRequest, NoticeKind.AnswerToMyRequest, NoticeKind.Pebble, NoticeKind.ResponseToMyMoment,
        NoticeKind.ConflictSideShared, NoticeKind.RevealReady, NoticeKind.MyCheckInReminder, NoticeKind.MonthlyDay,
    ];
}

/// <summary>Quiet hours in the person's own zone: notices that fall inside wait until they end.</summary>
public static class QuietHours
{
    /// <summary>
    /// When a notice created at <paramref name="nowUtc"/> may go out: at once outside quiet hours, otherwise at the
    /// local end time (DST-safe through <see cref="TimeZones.ToUtc"/>). Start equal to end means no quiet hours;
    /// a start after the end spans midnight (22:00–07:00).
    /// </summary>
    public static DateTime ReleaseAt(DateTime nowUtc, TimeZoneInfo zone, TimeOnly? start, TimeOnly? end)
    {
        if (start is not { } from || end is not { } to || from == to)
        {
            return nowUtc;
        }

        var localNow = TimeZones.LocalTime(nowUtc, zone);
        var today = DateOnly.FromDateTime(localNow);
        var time = TimeOnly.FromDateTime(localNow);
        bool inside;
        DateOnly endDay;
        if (from < to)
        {
            inside = time >= from && time < to;
            endDay = today;
        }
        else
        {
            inside = time >= from || time < to;
            endDay = time >= from ? today.AddDays(1) : today;
        }

        return inside ? TimeZones.ToUtc(endDay, to, zone) : nowUtc;
    }
}
