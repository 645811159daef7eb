using Mutuality.Domain.Common;

namespace Mutuality.Domain.Support;

/// <summary>Whether the author gave the support or received it.</summary>
public enum MomentDirection
{
    Gave = 1,
    Received = 2,
}

public enum Visibility
{
    Shared = 1,
    Private = 2,
}

/// <summary>A moment of support, or a pebble: a small one-tap "thinking of you" gesture.</summary>
public enum MomentKind
{
    Moment = 1,
    Pebble = 2,
}

/// <summary>How the receiver answered a moment their partner gave.</summary>
public enum MomentResponseKind
{
    /// <summary>"This helped", with a rating 1–5.</summary>
    Helped = 1,

    /// <summary>"I hadn't noticed — thank you."</summary>
    HadNotNoticed = 2,

    /// <summary>"Not quite what I needed", with what would help.</summary>
    NotQuite = 3,
}

/// <summary>The small set of reactions to a pebble.</summary>
public enum PebbleReaction
{
    Heart = 1,
    Smile = 2,
    ThankYou = 3,
    MissYou = 4,
}

/// <summary>A response, checked.</summary>
public sealed record MomentResponse(MomentResponseKind Kind, int? Rating, string Note);

/// <summary>The rules of support moments, pebbles and the responses to them.</summary>
public static class MomentRules
{
    public const int NoteMaxLength = 1000;
    public const int ResponseNoteMaxLength = 500;
    public const int PebbleTextMaxLength = 280;
    public const int LinkMaxLength = 500;

    /// <summary>How far back a moment may be dated, and how far ahead of now (clock drift between devices).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(366);
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The pebbles we offer for one tap, in our own words.</summary>
    public static readonly IReadOnlyList<string> SuggestedPebbles =
    [
        "Thinking of you.",
        "I'm proud of you.",
        "Can't wait to see you later.",
        "You made my day easier today.",
        "Sending you a hug.",
        "I love how you laughed this morning.",
    ];

    public static Result<string> Note(string? raw) => TextRules.Optional(raw, NoteMaxLength, "Note", "Note");

    /// <summary>When it happened: not in the future, not more than a year ago.</summary>
    public static DomainError? CheckOccurredAt(DateTime occurredUtc, DateTime nowUtc)
    {
        if (occurredUtc > nowUtc + FutureTolerance)
        {
            return new DomainError("moment.in_future", "When: choose a time that has already happened.", "OccurredAt");
        }

        return occurredUtc < nowUtc - MaxAge
            ? new DomainError("moment.too_old", "When: choose a time within the last year.", "OccurredAt")
            : null;
    }

    /// <summary>Checks a response to a moment: a rating 1–5 for "this helped", what would help for "not quite".</summary>
    public static Result<MomentResponse> Response(MomentResponseKind kind, int? rating, string? note)
    {
        var text = TextRules.Optional(note, ResponseNoteMaxLength, "WhatWouldHelp", "What would help");
        if (!text.IsSuccess)
        {
            return text.Error!;
        }

        return kind switch
        {
            MomentResponseKind.Helped when rating is >= 1 and <= 5 => Result<MomentResponse>.Ok(new MomentResponse(kind, rating, text.Value)),
            MomentResponseKind.Helped => new DomainError("response.rating", "How much it helped: choose from 1 to 5.", "Rating"),
            MomentResponseKind.HadNotNoticed => Result<MomentResponse>.Ok(new MomentResponse(kind, null, text.Value)),
            MomentResponseKind.NotQuite when text.Value.Length > 0 => Result<MomentResponse>.Ok(new MomentResponse(kind, null, text.Value)),
            MomentResponseKind.NotQuite => new DomainError("response.what_would_help", "What would help: say what would have helped, so next time it can.", "WhatWouldHelp"),
            _ => new DomainError("response.kind", "Response: choose one of the answers.", "Kind"),
        };
    }

    /// <summary>May this person respond to this moment? Only the receiver of a shared moment their partner gave.</summary>
    public static DomainError? CanRespond(Guid responderId, Guid authorId, MomentDirection direction, Visibility visibility, MomentKind kind)
    {
        if (responderId == authorId)
        {
            return new DomainError("response.own", "This is your own moment: your partner is the one who can respond to it.");
        }

        if (visibility != Visibility.Shared)
        {
            return new DomainError("response.not_shared", "This moment isn't shared.");
        }

        if (kind == MomentKind.Pebble)
        {
            return new DomainError("response.pebble", "Pebbles get a reaction rather than a response.");
        }

        return direction != MomentDirection.Gave
            ? new DomainError("response.received", "Your partner wrote this as support they received from you, so there's nothing to rate here.")
            : null;
    }

    /// <summary>Checks a link for a pebble: only http(s), absolute, within the length limit.</summary>
    public static Result<string> Link(string? raw)
    {
        var text = TextRules.Clean(raw);
        if (text.Length == 0)
        {
            return Result<string>.Ok(string.Empty);
        }

        if (text.Length > LinkMaxLength)
        {
            return new DomainError("pebble.link_too_long", $"Link: use at most {LinkMaxLength} characters.", "Link");
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? Result<string>.Ok(uri.AbsoluteUri)
            : new DomainError("pebble.link", "Link: use a web address starting with https://.", "Link");
    }
}
