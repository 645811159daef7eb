using Mutuality.Domain.Common;

namespace Mutuality.Web.Features.Repair;

/// <summary>Every "no" of repair that is not a field of the input (those come from the domain's rules).</summary>
public static class RepairErrors
{
    /// <summary>Not in the caller's couple, or no such id: all the same to the caller.</summary>
    public static readonly DomainError NotFound = DomainError.NotFound("conflict.not_found");

    public static readonly DomainError SavedTwice = DomainError.Conflict("save.conflict", "This was saved twice at the same moment. Please check it and save again.");
}
