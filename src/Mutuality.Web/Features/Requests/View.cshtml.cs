using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Requests.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.Requests;

/// <summary>
/// One request with its whole history, and the answers the caller may give now. Every transition goes
/// through the domain state machine; an illegal one shows a form message and changes nothing.
/// </summary>
public sealed class ViewModel(CallerContext callers, AnswerRequest answerRequest, AppDbContext db, TimeProvider clock) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public SupportRequest Item { get; private set; } = null!;

    public RequestState State { get; private set; }

    public RequestRole Role { get; private set; }

    public IReadOnlyList<RequestHistoryLine> History { get; private set; } = [];

    [BindProperty]
    public string? ProposedAt { get; set; }

    [BindProperty]
    public string? Alternative { get; set; }

    [BindProperty]
    public SupportType? GivenType { get; set; }

    [BindProperty]
    public RequestOutcome? Outcome { get; set; }

    [BindProperty]
    public string? ThankYou { get; set; }

    /// <summary>The request's version the form showed: an answer to an older state is refused, not applied on top.</summary>
    [BindProperty]
    public int? ShownVersion { get; set; }

    [TempData]
    public string? Status { get; set; }

    public bool May(RequestAction action) => SupportRequests.Decide(Item.Snapshot(), Role, action, clock.GetUtcNow().UtcDateTime) is { IsSuccess: true };

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public string NameOf(Guid id) => id == Caller.UserId ? "You" : Caller.PartnerName ?? "Your partner";

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostTakeOnAsync(Guid id) => ApplyAsync(id, new RequestAction.TakeOn(), "You're on it. Thank you.");

    public Task<IActionResult> OnPostProposeAsync(Guid id)
    {
        if (!SupportText.TryParseLocal(ProposedAt, out var local) || local is null)
        {
            return FailAsync(id, [new DomainError("request.proposed_time", "Proposed time: choose a date and time.", nameof(ProposedAt))]);
        }

        return ApplyAsync(id, new RequestAction.ProposeTime(SupportText.ToUtc(local.Value, Caller?.TimeZoneId ?? "UTC")), "Time proposed.", needsCaller: true, local: local);
    }

    public Task<IActionResult> OnPostDeclineAsync(Guid id) => ApplyAsync(id, new RequestAction.DeclineWithAlternative(Alternative), "Sent — a kind no with something else is still turning toward.");

    public Task<IActionResult> OnPostAcceptProposalAsync(Guid id) => ApplyAsync(id, new RequestAction.AcceptProposal(), "Accepted.");

    public Task<IActionResult> OnPostDeclineProposalAsync(Guid id) => ApplyAsync(id, new RequestAction.DeclineProposal(), "Declined the time; the request is open again.");

    public Task<IActionResult> OnPostAcceptAlternativeAsync(Guid id) => ApplyAsync(id, new RequestAction.AcceptAlternative(), "Accepted the alternative.");

    public Task<IActionResult> OnPostDoneAsync(Guid id)
        => ApplyAsync(id, new RequestAction.MarkDone(GivenType ?? 0), "Marked as done.");

    public Task<IActionResult> OnPostCloseAsync(Guid id) => ApplyAsync(id, new RequestAction.Close(Outcome, ThankYou), "Closed. Thank you for saying how it went.");

    public Task<IActionResult> OnPostWithdrawAsync(Guid id) => ApplyAsync(id, new RequestAction.Withdraw(), "Withdrawn.");

    private async Task<IActionResult> ApplyAsync(Guid id, RequestAction action, string done, bool needsCaller = false, DateTime? local = null)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (needsCaller && local is { } l)
        {
            // The proposed time is read in the proposer's own zone (now that we know who is asking).
            action = new RequestAction.ProposeTime(SupportText.ToUtc(l, Caller.TimeZoneId));
        }

        var result = await answerRequest.HandleAsync(Caller, id, action, ShownVersion);
        if (result.IsSuccess)
        {
            Status = done;
            return RedirectToPage(new { id });
        }

        return await FailAsync(id, result.Errors);
    }

    /// <summary>Shows the request as it stands now with the refusal (a 404 when it is not the caller's to see).</summary>
    private async Task<IActionResult> FailAsync(Guid id, IReadOnlyList<DomainError> errors)
    {
        if (errors.Any(e => e.Kind == ErrorKind.NotFound) || !await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.Clear();
        return this.Refusal(errors, prefix: "") ?? Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Caller = await callers.RequireAsync();
        if (Caller.CoupleId is null)
        {
            return false;
        }

        var request = await RequestQueries.OfCouple(db, Caller).SingleOrDefaultAsync(r => r.Id == id);
        if (request is null)
        {
            return false;
        }

        Item = request;
        Role = request.RequesterId == Caller.UserId ? RequestRole.Requester : RequestRole.Partner;
        State = SupportRequests.EffectiveState(request.Snapshot(), clock.GetUtcNow().UtcDateTime);
        History = await RequestQueries.HistoryAsync(db, Caller, id);
        return true;
    }
}
