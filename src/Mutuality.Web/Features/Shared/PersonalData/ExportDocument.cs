using System.Text.Json;
using System.Text.Json.Serialization;
using Mutuality.Domain.Rituals;
using Mutuality.Domain.Support;

namespace Mutuality.Web.Features.Shared.PersonalData;

/// <summary>
/// The export, schema version 1 (docs/export-format.md). Who wrote something is "me" or "partner" (from the
/// exporting person's point of view); ids of items are kept so an import can restore them.
/// </summary>
public sealed record ExportDocument(
    int SchemaVersion,
    DateTime? ExportedAtUtc,
    ExportPerson? Person,
    string? PartnerName,
    List<ExportMoment> Moments,
    List<ExportRequest> Requests,
    List<ExportCheckIn> CheckIns,
    List<ExportReply> CheckInReplies,
    List<ExportPreparation> MonthlyPreparations,
    List<ExportAgreement> Agreements,
    List<ExportConflict> Conflicts,
    List<ExportReflection> GuideReflections,
    List<ExportPulse> PulseAnswers,
    List<ExportIntimacy> IntimacyEntries,
    List<ExportQuestionAnswer>? QuestionAnswers = null)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>Issue 15: the person's devices and notification choices (never the push endpoints, keys or tokens).</summary>
    public ExportNotifications? Notifications { get; init; }

    /// <summary>Issue 17: replies, hearts and "tell me more" on revealed answers to daily questions — the person's, and the partner's on the person's answers.</summary>
    public List<ExportQuestionReaction>? QuestionReactions { get; init; }

    /// <summary>Issue 17: the library questions the person keeps as favourites.</summary>
    public List<ExportQuestionFavourite>? QuestionFavourites { get; init; }
    public const string Me = "me";
    public const string Partner = "partner";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// What is the person's own and can be restored into a fresh instance: items they wrote, without the
    /// partner's words on them (responses, reactions, alternatives, history lines, sides, attempts) and without
    /// replies and reactions (they answer the partner's check-ins and answers, which are not theirs to restore).
    /// A favourite kept in two spaces is one favourite here. Who-is-exporting is dropped.
    /// </summary>
    public ExportDocument OwnPart() => this with
    {
        ExportedAtUtc = null,
        Person = null,
        PartnerName = null,
        Notifications = null,
        Moments = Own(Moments, m => m.Author == Me, m => m with { ResponseKind = null, ResponseRating = null, ResponseNote = null, RespondedAtUtc = null, Reaction = null, ReactedAtUtc = null }),
        Requests = Own(Requests, r => r.Requester == Me, r => r with { Alternative = null, History = r.History is null ? null! : [.. r.History.Where(e => e?.Actor == Me)] }),
        CheckIns = Own(CheckIns, c => c.Author == Me),
        CheckInReplies = [],
        QuestionAnswers = [.. (QuestionAnswers ?? []).Where(a => a?.Author == Me)],
        QuestionReactions = [],
        QuestionFavourites = [.. (QuestionFavourites ?? []).OfType<ExportQuestionFavourite>().DistinctBy(f => f.QuestionId ?? "", StringComparer.Ordinal)],
        MonthlyPreparations = Own(MonthlyPreparations, p => p.Author == Me),
        Agreements = Own(Agreements, a => a.CreatedBy == Me),
        Conflicts = Own(Conflicts, c => c.OpenedBy == Me, c => c with
        {
            Sides = c.Sides is null ? null! : [.. c.Sides.Where(s => s?.Author == Me)],
            Attempts = c.Attempts is null ? null! : [.. c.Attempts.Where(a => a?.Author == Me)],
        }),
    };

    /// <summary>
    /// The person's items of one section. A section missing from the file stays missing and empty items are
    /// skipped, so that each part's import can say what is wrong with its own section (an export read back is
    /// checked part by part).
    /// </summary>
    private static List<T> Own<T>(List<T>? items, Func<T, bool> mine, Func<T, T>? own = null)
        where T : class
        => items is null ? null! : [.. items.Where(i => i is not null && mine(i)).Select(i => own is null ? i : own(i))];
}

public sealed record ExportNotifications(
    bool AllOff, bool Discreet, IReadOnlyList<string> Kinds, TimeOnly? QuietFrom, TimeOnly? QuietUntil, bool UrgentThroughQuiet,
    IReadOnlyList<ExportDevice> Devices, bool TellMeWhenMyPartnerHasCheckedIn = false);

public sealed record ExportDevice(string Name, string Channel, DateTime CreatedAtUtc, DateTime? LastDeliveredAtUtc);

public sealed record ExportPerson(string DisplayName, string Email, string TimeZoneId);

public sealed record ExportMoment(
    Guid Id, string Author, MomentKind Kind, MomentDirection Direction, SupportType Type, string Note, string? Link,
    DateTime OccurredAtUtc, string TimeZoneId, Visibility Visibility, DateTime CreatedAtUtc, DateTime? UpdatedAtUtc,
    MomentResponseKind? ResponseKind, int? ResponseRating, string? ResponseNote, DateTime? RespondedAtUtc, PebbleReaction? Reaction, DateTime? ReactedAtUtc);

public sealed record ExportRequest(
    Guid Id, string Requester, string Feeling, string Need, SupportType AskedType, Urgency Urgency, DateTime WindowEndsUtc, string TimeZoneId,
    RequestState State, DateTime? FirstAnsweredAtUtc, DateTime? ProposedAtUtc, string? Alternative, SupportType? GivenType, DateTime? DoneAtUtc,
    RequestOutcome? Outcome, string? ThankYou, DateTime CreatedAtUtc, DateTime UpdatedAtUtc, List<ExportRequestEvent> History);

public sealed record ExportRequestEvent(Guid Id, string Actor, RequestEventKind Kind, string? Text, DateTime? ProposedAtUtc, SupportType? GivenType, RequestOutcome? Outcome, DateTime AtUtc);

/// <summary>A check-in; <see cref="Content"/> is the four parts (for the partner's: only what they shared, and only once both had sent theirs).</summary>
public sealed record ExportCheckIn(Guid Id, string Author, int Cadence, string Period, DateOnly PeriodStart, DateTime CreatedAtUtc, DateTime UpdatedAtUtc, DateTime? SubmittedAtUtc, JsonElement Content);

public sealed record ExportReply(Guid Id, string Author, Guid CheckInId, int Kind, string Text, DateTime CreatedAtUtc);

public sealed record ExportPreparation(Guid Id, string Author, DateOnly Month, string Appreciations, string WentWell, string HardThing, string NeedNextMonth, DateTime UpdatedAtUtc, DateTime? SharedAtUtc);

public sealed record ExportAgreement(Guid Id, string CreatedBy, string? For, string What, DateOnly? DueOn, DateTime CreatedAtUtc, AgreementOutcome? Outcome, bool CarriedOn, DateTime? ReviewedAtUtc);

public sealed record ExportConflict(Guid Id, string OpenedBy, string Title, ConflictStatus Status, DateTime OpenedAtUtc, DateTime? ResolvedAtUtc, List<ExportSide> Sides, List<ExportAttempt> Attempts);

public sealed record ExportSide(Guid Id, string Author, string FeelingsAndNeeds, string HowYouSawIt, string MyImpactOnYou, string YourImpactOnMe, DateTime UpdatedAtUtc, DateTime? SharedAtUtc);

public sealed record ExportAttempt(Guid Id, string Author, RepairKind Kind, string Text, DateTime SentAtUtc);

public sealed record ExportReflection(Guid Id, string Guide, string PromptKey, string Text, DateTime UpdatedAtUtc);

public sealed record ExportPulse(Guid Id, DateOnly Month, string ItemId, int Value, DateTime CreatedAtUtc);

public sealed record ExportIntimacy(Guid Id, DateOnly Month, string Kind, int Fulfilment, int Importance, DateTime CreatedAtUtc);

/// <summary>
/// An answer to a day's question (issue 17). The partner's appear only where both answered (the seal), never with a
/// private note; <see cref="Choice"/> and <see cref="Guess"/> index the question's choices for a guess question.
/// </summary>
public sealed record ExportQuestionAnswer(Guid Id, string Author, DateOnly Day, string QuestionId, string Question, bool Passed, string Text, int? Choice, int? Guess, string? PrivateNote, DateTime CreatedAtUtc);

/// <summary>A reply (<see cref="Kind"/> 1, with <see cref="Text"/>), heart (2) or "tell me more" (3) on a revealed answer.</summary>
public sealed record ExportQuestionReaction(Guid Id, string Author, DateOnly Day, string QuestionId, int Kind, string Text, DateTime CreatedAtUtc);

/// <summary>A library question kept as a favourite.</summary>
public sealed record ExportQuestionFavourite(Guid Id, string QuestionId, string Question, DateTime CreatedAtUtc);
