using Mutuality.Domain.Common;

namespace Mutuality.Domain.Rituals;

/// <summary>Who an agreement is for, as the person writing it says it.</summary>
public enum AgreementWho
{
    Me = 0,
    You = 1,
    Both = 2,
}

/// <summary>How an agreement went when it came back for review.</summary>
public enum AgreementOutcome
{
    Kept = 0,
    PartlyKept = 1,
    NotKept = 2,
}

/// <summary>A checked new agreement: the owner is a user id, or null when it's for both.</summary>
public sealed record NewAgreement(Guid? OwnerId, string What, DateOnly? DueOn);

/// <summary>What the rules need to know about an existing agreement.</summary>
public sealed record AgreementState(AgreementOutcome? Outcome);

/// <summary>A review decision: the outcome, and whether to carry the agreement on into the next month.</summary>
public sealed record AgreementReview(AgreementOutcome Outcome, bool CarryOn);

public static class Agreements
{
    public const int MaxLength = 300;

    public static readonly DomainError AlreadyReviewed = new("agreement.already_reviewed", "This agreement has already been looked back on.");

    public static string Describe(AgreementOutcome outcome) => outcome switch
    {
        AgreementOutcome.Kept => "Kept",
        AgreementOutcome.PartlyKept => "Partly kept",
        _ => "Not kept",
    };

    /// <summary>Checks a new agreement. "By when" is optional but can't be in the past.</summary>
    public static (NewAgreement? Agreement, IReadOnlyList<DomainError> Errors) Create(
        string? who, string? what, DateOnly? dueOn, Guid authorId, Guid partnerId, DateOnly today)
    {
        var errors = new List<DomainError>();
        AgreementWho? parsedWho = Enum.TryParse<AgreementWho>(who, ignoreCase: false, out var w) && Enum.IsDefined(w) ? w : null;
        if (parsedWho is null)
        {
            errors.Add(new DomainError("agreement.who_required", "Who: choose me, you or both of us.", "Who"));
        }

        var text = TextRules.Required(what, MaxLength, "What", "What");
        if (!text.IsSuccess)
        {
            errors.Add(text.Error!);
        }

        if (dueOn is { } due && due < today)
        {
            errors.Add(new DomainError("agreement.due_in_past", "By when: choose today or a later day.", "DueOn"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        Guid? owner = parsedWho switch
        {
            AgreementWho.Me => authorId,
            AgreementWho.You => partnerId,
            _ => null,
        };
        return (new NewAgreement(owner, text.Value, dueOn), errors);
    }

    /// <summary>An agreement is looked back on once. Carrying it on makes a fresh, open copy.</summary>
    public static Result<AgreementReview> Review(AgreementState agreement, string? outcome, bool carryOn)
    {
        if (agreement.Outcome is not null)
        {
            return AlreadyReviewed;
        }

        if (!Enum.TryParse<AgreementOutcome>(outcome, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
        {
            return new DomainError("agreement.outcome_required", "How did it go: choose kept, partly kept or not kept.", "Outcome");
        }

        return Result<AgreementReview>.Ok(new AgreementReview(parsed, carryOn));
    }
}
