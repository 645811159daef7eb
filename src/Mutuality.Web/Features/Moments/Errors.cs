using Mutuality.Domain.Common;

namespace Mutuality.Web.Features.Moments;

/// <summary>Every "no" of moments and pebbles that is not a field of the input (those come from the domain's rules).</summary>
public static class MomentErrors
{
    /// <summary>Not in the caller's couple, not visible to them, or no such id: all the same to the caller.</summary>
    public static readonly DomainError NotFound = DomainError.NotFound("moment.not_found");

    public static readonly DomainError NoPartner = DomainError.Conflict("moment.no_partner", "Invite your partner first: moments are shared between the two of you.");
}
