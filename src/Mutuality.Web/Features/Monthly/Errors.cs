using Mutuality.Domain.Common;

namespace Mutuality.Web.Features.Monthly;

/// <summary>Every "no" of the monthly check-in that is not a field of the input (those come from the domain's rules).</summary>
public static class MonthlyErrors
{
    /// <summary>Not an agreement of the caller's couple, or no such id: all the same to the caller.</summary>
    public static readonly DomainError AgreementNotFound = DomainError.NotFound("agreement.not_found");

    public static readonly DomainError Moved = DomainError.Conflict("talk.moved", "Your partner moved the conversation on a moment ago — here's where you are now.");

    public static readonly DomainError SavedTwice = DomainError.Conflict("save.conflict", "This was saved twice at the same moment. Please check it and save again.");
}
