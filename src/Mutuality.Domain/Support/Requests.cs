using Mutuality.Domain.Common;
using Mutuality.Domain.People;

namespace Mutuality.Domain.Support;

/// <summary>Where a request is in its life.</summary>
public enum RequestState
{
    /// <summary>Asked, not answered yet (or a proposed time was declined).</summary>
    Open = 1,

    /// <summary>The partner asked "can we do it at …?"; the requester accepts or not.</summary>
    TimeProposed = 2,

    /// <summary>"I can't, but I can …": a kind no with an alternative.</summary>
    DeclinedWithAlternative = 3,

    /// <summary>"I'm on it", or the requester accepted a proposed time or the alternative.</summary>
    Accepted = 4,

    /// <summary>The partner says it's done, with the support type actually given.</summary>
    Done = 5,

    /// <summary>The requester closed it: met, partly met or not met.</summary>
    Closed = 6,

    /// <summary>The requester took it back before it was taken on.</summary>
    Withdrawn = 7,

    /// <summary>The window passed without any answer. Computed from the clock, never stored.</summary>
    Missed = 8,
}

/// <summary>How urgent a request is; it sets the window in which an answer is hoped for.</summary>
public enum Urgency
{
    Now = 1,
    Today = 2,
    ThisWeek = 3,
    At = 4,
}

public enum RequestOutcome
{
    Met = 1,
    PartlyMet = 2,
    NotMet = 3,
}

/// <summary>Who is acting on a request.</summary>
public enum RequestRole
{
    Requester = 1,
    Partner = 2,
}

/// <summary>What happened to a request; one history line each.</summary>
public enum RequestEventKind
{
    Asked = 1,
    TookOn = 2,
    ProposedTime = 3,
    DeclinedWithAlternative = 4,
    AcceptedProposal = 5,
    DeclinedProposal = 6,
    AcceptedAlternative = 7,
    MarkedDone = 8,
    Closed = 9,
    Withdrew = 10,
}

/// <summary>Something a person does to a request.</summary>
public abstract record RequestAction
{
    private RequestAction()
    {
    }

    /// <summary>"I'm on it."</summary>
    public sealed record TakeOn : RequestAction;

    /// <summary>"Can we do it at …?"</summary>
    public sealed record ProposeTime(DateTime AtUtc) : RequestAction;

    /// <summary>"I can't, but I can …"</summary>
    public sealed record DeclineWithAlternative(string? Alternative) : RequestAction;

    public sealed record AcceptProposal : RequestAction;

    public sealed record DeclineProposal : RequestAction;

    public sealed record AcceptAlternative : RequestAction;

    public sealed record MarkDone(SupportType Given) : RequestAction;

    public sealed record Close(RequestOutcome? Outcome, string? ThankYou) : RequestAction;

    public sealed record Withdraw : RequestAction;
}

/// <summary>What the machine needs to know about a request to decide on an action.</summary>
public sealed record RequestSnapshot(RequestState State, DateTime WindowEndsUtc, DateTime? FirstAnsweredAtUtc);

/// <summary>The decided change: the new state, the history line, and what to store with it.</summary>
public sealed record RequestChange(
    RequestState From,
    RequestState To,
    RequestEventKind Event,
    bool IsFirstAnswer,
    string? Text = null,
    DateTime? ProposedAtUtc = null,
    SupportType? GivenType = null,
    RequestOutcome? Outcome = null);

/// <summary>The request life cycle as an explicit state machine. Pure: the clock is passed in.</summary>
public static class SupportRequests
{
    public const int FeelingMaxLength = 500;
    public const int NeedMaxLength = 500;
    public const int AlternativeMaxLength = 500;
    public const int ThankYouMaxLength = 500;

    /// <summary>"Now" means within two hours: soon enough to be "now", long enough to finish a meeting or a drive.</summary>
    public static readonly TimeSpan NowWindow = TimeSpan.FromHours(2);

    /// <summary>The furthest ahead a request's date, or a proposed time, may be.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(90);

    /// <summary>
    /// When the answer window ends, in the requester's zone: now = 2 hours; today = the requester's next local
    /// midnight; this week = the requester's next local Monday 00:00 (end of the ISO week); at = the given local
    /// date and time (after now, within 90 days).
    /// </summary>
    public static Result<DateTime> WindowEnd(Urgency urgency, DateTime createdUtc, TimeZoneInfo requesterZone, DateTime? atLocal = null)
    {
        var today = TimeZones.LocalDay(createdUtc, requesterZone);
        switch (urgency)
        {
            case Urgency.Now:
                return Result<DateTime>.Ok(createdUtc + NowWindow);
            case Urgency.Today:
                return Result<DateTime>.Ok(TimeZones.ToUtc(today.AddDays(1), TimeOnly.MinValue, requesterZone));
            case Urgency.ThisWeek:
                return Result<DateTime>.Ok(Weeks.Of(createdUtc, requesterZone).EndUtc);
            case Urgency.At:
                if (atLocal is not { } at)
                {
                    return new DomainError("request.at_required", "By when: choose a date and time.", "At");
                }

                var atUtc = TimeZones.ToUtc(DateOnly.FromDateTime(at), TimeOnly.FromDateTime(at), requesterZone);
                if (atUtc <= createdUtc)
                {
                    return new DomainError("request.at_past", "By when: choose a time that is still ahead.", "At");
                }

                return atUtc > createdUtc + MaxAhead
                    ? new DomainError("request.at_too_far", "By when: choose a time within the next 90 days.", "At")
                    : Result<DateTime>.Ok(atUtc);
            default:
                return new DomainError("request.urgency", "How soon: choose now, today, this week or a date.", "Urgency");
        }
    }

    /// <summary>The state a person sees: an open request nobody answered becomes missed once its window has passed.</summary>
    public static RequestState EffectiveState(RequestSnapshot request, DateTime nowUtc)
        => request.State == RequestState.Open && request.FirstAnsweredAtUtc is null && nowUtc >= request.WindowEndsUtc
            ? RequestState.Missed
            : request.State;

    /// <summary>Is this request waiting for the partner to answer it (open and its window not passed)?</summary>
    public static bool AwaitsAnswer(RequestSnapshot request, DateTime nowUtc) => EffectiveState(request, nowUtc) == RequestState.Open;

    /// <summary>Decides an action. An illegal one is refused with a message and changes nothing.</summary>
    public static Result<RequestChange> Decide(RequestSnapshot request, RequestRole role, RequestAction action, DateTime nowUtc)
    {
        var state = EffectiveState(request, nowUtc);
        var first = request.FirstAnsweredAtUtc is null;
        switch (action)
        {
            case RequestAction.TakeOn:
                return Check(role, RequestRole.Partner, state, [RequestState.Open, RequestState.TimeProposed], "say you're on it")
                    ?? Ok(new RequestChange(state, RequestState.Accepted, RequestEventKind.TookOn, first));

            case RequestAction.ProposeTime propose:
                if (Check(role, RequestRole.Partner, state, [RequestState.Open], "propose a time") is { } proposeError)
                {
                    return proposeError;
                }

                if (propose.AtUtc <= nowUtc)
                {
                    return new DomainError("request.proposed_past", "Proposed time: choose a time that is still ahead.", "ProposedAt");
                }

                return propose.AtUtc > nowUtc + MaxAhead
                    ? new DomainError("request.proposed_too_far", "Proposed time: choose a time within the next 90 days.", "ProposedAt")
                    : Ok(new RequestChange(state, RequestState.TimeProposed, RequestEventKind.ProposedTime, first, ProposedAtUtc: propose.AtUtc));

            case RequestAction.DeclineWithAlternative decline:
                if (Check(role, RequestRole.Partner, state, [RequestState.Open, RequestState.TimeProposed], "answer with an alternative") is { } declineError)
                {
                    return declineError;
                }

                var alternative = TextRules.Required(decline.Alternative, AlternativeMaxLength, "Alternative", "What you can do instead");
                return alternative.IsSuccess
                    ? Ok(new RequestChange(state, RequestState.DeclinedWithAlternative, RequestEventKind.DeclinedWithAlternative, first, Text: alternative.Value))
                    : alternative.Error!;

            case RequestAction.AcceptProposal:
                return Check(role, RequestRole.Requester, state, [RequestState.TimeProposed], "accept the proposed time")
                    ?? Ok(new RequestChange(state, RequestState.Accepted, RequestEventKind.AcceptedProposal, false));

            case RequestAction.DeclineProposal:
                return Check(role, RequestRole.Requester, state, [RequestState.TimeProposed], "decline the proposed time")
                    ?? Ok(new RequestChange(state, RequestState.Open, RequestEventKind.DeclinedProposal, false));

            case RequestAction.AcceptAlternative:
                return Check(role, RequestRole.Requester, state, [RequestState.DeclinedWithAlternative], "accept the alternative")
                    ?? Ok(new RequestChange(state, RequestState.Accepted, RequestEventKind.AcceptedAlternative, false));

            case RequestAction.MarkDone done:
                if (Check(role, RequestRole.Partner, state, [RequestState.Accepted], "mark it done") is { } doneError)
                {
                    return doneError;
                }

                return SupportTypes.IsDefined(done.Given)
                    ? Ok(new RequestChange(state, RequestState.Done, RequestEventKind.MarkedDone, false, GivenType: done.Given))
                    : new DomainError("request.given_type", "Support given: choose the kind of support you gave.", "GivenType");

            case RequestAction.Close close:
                if (Check(role, RequestRole.Requester, state, [RequestState.Done, RequestState.DeclinedWithAlternative], "close it") is { } closeError)
                {
                    return closeError;
                }

                if (close.Outcome is not { } outcome || !Enum.IsDefined(outcome))
                {
                    return new DomainError("request.outcome", "How it went: choose met, partly met or not met.", "Outcome");
                }

                var thanks = TextRules.Optional(close.ThankYou, ThankYouMaxLength, "ThankYou", "Thank-you note");
                return thanks.IsSuccess
                    ? Ok(new RequestChange(state, RequestState.Closed, RequestEventKind.Closed, false, Text: thanks.Value, Outcome: outcome))
                    : thanks.Error!;

            case RequestAction.Withdraw:
                return Check(role, RequestRole.Requester, state, [RequestState.Open, RequestState.TimeProposed], "withdraw it")
                    ?? Ok(new RequestChange(state, RequestState.Withdrawn, RequestEventKind.Withdrew, false));

            default:
                return new DomainError("request.unknown_action", "That isn't something that can be done to a request.");
        }
    }

    /// <summary>Plain words for a state, for messages and badges.</summary>
    public static string Describe(RequestState state) => state switch
    {
        RequestState.Open => "waiting for an answer",
        RequestState.TimeProposed => "waiting on a proposed time",
        RequestState.DeclinedWithAlternative => "answered with an alternative",
        RequestState.Accepted => "taken on",
        RequestState.Done => "done, waiting to be closed",
        RequestState.Closed => "closed",
        RequestState.Withdrawn => "withdrawn",
        RequestState.Missed => "past its time without an answer",
        _ => "in an unknown state",
    };

    private static Result<RequestChange> Ok(RequestChange change) => Result<RequestChange>.Ok(change);

    private static DomainError? Check(RequestRole role, RequestRole allowed, RequestState state, RequestState[] from, string what)
    {
        if (role != allowed)
        {
            return allowed == RequestRole.Partner
                ? new DomainError("request.partner_only", $"Only your partner can {what}: this is your own request.")
                : new DomainError("request.requester_only", $"Only the person who asked can {what}.");
        }

        if (Array.IndexOf(from, state) >= 0)
        {
            return null;
        }

        return state == RequestState.Missed
            ? new DomainError("request.missed", $"The time for this request passed without an answer, so you can't {what} now. A new request can always be made.")
            : new DomainError("request.wrong_state", $"This request is {Describe(state)}, so you can't {what} now.");
    }
}
