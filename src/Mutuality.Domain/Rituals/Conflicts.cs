using Mutuality.Domain.Common;

namespace Mutuality.Domain.Rituals;

public enum ConflictStatus
{
    Open = 0,
    Resolved = 1,
}

/// <summary>A side is the author's own draft until they choose to share it.</summary>
public enum SideStatus
{
    None = 0,
    Draft = 1,
    Shared = 2,
}

public enum RepairKind
{
    Apology = 0,
    BreakRequest = 1,
    TryAgain = 2,
    Custom = 3,
}

/// <summary>The four parts of a side, after cleaning.</summary>
public sealed record SideText(string FeelingsAndNeeds, string HowYouSawIt, string MyImpactOnYou, string YourImpactOnMe)
{
    public bool IsComplete => FeelingsAndNeeds.Length > 0 && HowYouSawIt.Length > 0 && MyImpactOnYou.Length > 0 && YourImpactOnMe.Length > 0;
}

/// <summary>What the rules need to know about a conflict, seen by one partner.</summary>
public sealed record ConflictState(ConflictStatus Status, SideStatus MySide, SideStatus PartnerSide, DateTime? BreakEndsAtUtc);

/// <summary>A checked repair attempt; for a break request, when the break ends.</summary>
public sealed record NewRepairAttempt(RepairKind Kind, string Text, DateTime? BreakEndsAtUtc);

/// <summary>
/// Repair after conflict as explicit rules. Life cycle: Open → each side Draft → Shared by its author when
/// ready; repair attempts while open; an agreement resolves it once both sides are shared. Nothing changes
/// after it is resolved.
/// </summary>
public static class Conflicts
{
    public const int TitleMax = 120;
    public const int PartMax = 3000;
    public const int AttemptMax = 1000;

    public static readonly DomainError AlreadyResolved = new("conflict.resolved", "This conflict is resolved, so it can't change any more. You can open a new one if something else comes up.");
    public static readonly DomainError SideAlreadyShared = new("conflict.side_shared", "You've already shared your side, so it stays as your partner read it. Add a repair attempt if you want to say more.");
    public static readonly DomainError SideIncomplete = new("conflict.side_incomplete", "Write all four parts before you share your side — a line or two each is enough.");
    public static readonly DomainError NoSideYet = new("conflict.no_side", "Write your side first, then share it when you're ready.");
    public static readonly DomainError SidesNotShared = new("conflict.sides_not_shared", "You can resolve this once you've both shared your sides.");

    public static string Describe(RepairKind kind) => kind switch
    {
        RepairKind.Apology => "An apology",
        RepairKind.BreakRequest => "Let's take a 20-minute break",
        RepairKind.TryAgain => "Can we try again?",
        _ => "Something else",
    };

    public static Result<string> ValidateTitle(string? title)
        => TextRules.Required(title, TitleMax, "Title", "Title");

    /// <summary>Checks the four parts of a side (each optional while drafting) and whether it may be written now.</summary>
    public static (SideText? Text, IReadOnlyList<DomainError> Errors) WriteSide(ConflictState state, string? feelingsAndNeeds, string? howYouSawIt, string? myImpactOnYou, string? yourImpactOnMe)
    {
        if (state.Status == ConflictStatus.Resolved)
        {
            return (null, [AlreadyResolved]);
        }

        if (state.MySide == SideStatus.Shared)
        {
            return (null, [SideAlreadyShared]);
        }

        var parts = new[]
        {
            TextRules.Optional(feelingsAndNeeds, PartMax, "FeelingsAndNeeds", "My feelings and needs"),
            TextRules.Optional(howYouSawIt, PartMax, "HowYouSawIt", "How I think you saw it"),
            TextRules.Optional(myImpactOnYou, PartMax, "MyImpactOnYou", "My impact on you"),
            TextRules.Optional(yourImpactOnMe, PartMax, "YourImpactOnMe", "Your impact on me"),
        };
        var errors = parts.Where(p => !p.IsSuccess).Select(p => p.Error!).ToList();
        return errors.Count > 0
            ? (null, errors)
            : (new SideText(parts[0].Value, parts[1].Value, parts[2].Value, parts[3].Value), errors);
    }

    /// <summary>The author shares their side when ready: only an unshared draft with all four parts.</summary>
    public static DomainError? CanShare(ConflictState state, SideText? side)
    {
        if (state.Status == ConflictStatus.Resolved)
        {
            return AlreadyResolved;
        }

        if (state.MySide == SideStatus.Shared)
        {
            return SideAlreadyShared;
        }

        if (state.MySide == SideStatus.None || side is null)
        {
            return NoSideYet;
        }

        return side.IsComplete ? null : SideIncomplete;
    }

    /// <summary>A repair attempt: an apology or custom one needs words; a break request starts a 20-minute timer.</summary>
    public static Result<NewRepairAttempt> Attempt(ConflictState state, string? kind, string? text, DateTime nowUtc)
    {
        if (state.Status == ConflictStatus.Resolved)
        {
            return AlreadyResolved;
        }

        if (!Enum.TryParse<RepairKind>(kind, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
        {
            return new DomainError("repair.kind_required", "Kind of repair: choose one of the options.", "Kind");
        }

        var words = parsed is RepairKind.Apology or RepairKind.Custom
            ? TextRules.Required(text, AttemptMax, "Text", "Your words")
            : TextRules.Optional(text, AttemptMax, "Text", "Your words");
        if (!words.IsSuccess)
        {
            return words.Error!;
        }

        DateTime? breakEnds = null;
        if (parsed == RepairKind.BreakRequest)
        {
            var started = Breaks.Start(state.BreakEndsAtUtc, nowUtc);
            if (!started.IsSuccess)
            {
                return started.Error!;
            }

            breakEnds = started.Value;
        }

        return Result<NewRepairAttempt>.Ok(new NewRepairAttempt(parsed, words.Value, breakEnds));
    }

    /// <summary>An agreement resolves an open conflict, once both sides are shared.</summary>
    public static DomainError? CanResolve(ConflictState state)
    {
        if (state.Status == ConflictStatus.Resolved)
        {
            return AlreadyResolved;
        }

        return state.MySide == SideStatus.Shared && state.PartnerSide == SideStatus.Shared ? null : SidesNotShared;
    }
}
