using Mutuality.Domain.Common;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>Every "no" of check-ins that is not a field of the input (those come from the domain's rules).</summary>
public static class CheckInErrors
{
    /// <summary>The reveal is not open to the caller, or holds nothing of that kind to reply to: all the same to them.</summary>
    public static readonly DomainError NothingToReply = DomainError.NotFound("reply.nothing");

    public static readonly DomainError AlreadyThanked = DomainError.Conflict("reply.already", "You have already thanked them for this.");

    public static readonly DomainError AlreadyAnswered = DomainError.Conflict("reply.already", "You have already answered this question.");
}
