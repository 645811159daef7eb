using Mutuality.Domain.Common;

namespace Mutuality.Web.Features.Requests;

/// <summary>Every "no" of requests that is not a field of the input (those come from the domain's rules and state machine).</summary>
public static class RequestErrors
{
    /// <summary>Not in the caller's couple, or no such id: all the same to the caller.</summary>
    public static readonly DomainError NotFound = DomainError.NotFound("request.not_found");

    public static readonly DomainError NoPartner = DomainError.Conflict("request.no_partner", "Invite your partner first: requests are between the two of you.");

    public static readonly DomainError Changed = DomainError.Conflict(
        "request.changed", "This request changed a moment ago (your partner was quicker). Here is how it stands now.");
}
