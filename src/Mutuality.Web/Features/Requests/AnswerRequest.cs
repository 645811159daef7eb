using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Requests.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Requests;

/// <summary>
/// Answering a request, or moving it on (issue 19 item 2: one use case, one file): load within the couple, ask the
/// state machine, then a conditional update on the version.
/// </summary>
public sealed class AnswerRequest(AppDbContext db, TimeProvider clock, FeedNotifier notifier, Notifications.Notices notices)
{
    /// <summary>
    /// Applies one action. Refusals change nothing; a lost race is reported as <see cref="RequestErrors.Changed"/>, and so is an answer
    /// from a page that showed an older state (<paramref name="shownVersion"/>): the update below only applies to the
    /// version that was shown, in the same transaction as its event.
    /// </summary>
    public async Task<Result<RequestState>> HandleAsync(Caller caller, Guid id, RequestAction action, int? shownVersion = null, CancellationToken ct = default)
    {
        var request = await db.SupportRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.CoupleId == caller.CoupleId, ct);
        if (request is null || caller.CoupleId is null)
        {
            return RequestErrors.NotFound;
        }

        if (shownVersion is { } shown && shown != request.Version)
        {
            return RequestErrors.Changed;
        }

        RequestRole? role = request.RequesterId == caller.UserId ? RequestRole.Requester : request.PartnerId == caller.UserId ? RequestRole.Partner : null;
        if (role is null)
        {
            return RequestErrors.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var decided = SupportRequests.Decide(request.Snapshot(), role.Value, action, now);
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }

        var c = decided.Value;
        var firstAnswered = c.IsFirstAnswer ? now : request.FirstAnsweredAtUtc;
        var proposed = c.To == RequestState.TimeProposed ? c.ProposedAtUtc : request.ProposedAtUtc;
        var alternative = c.Event == RequestEventKind.DeclinedWithAlternative ? c.Text : request.Alternative;
        var given = c.GivenType ?? request.GivenType;
        var doneAt = c.To == RequestState.Done ? now : request.DoneAtUtc;
        var outcome = c.Outcome ?? request.Outcome;
        var thanks = c.Event == RequestEventKind.Closed ? (string.IsNullOrEmpty(c.Text) ? null : c.Text) : request.ThankYou;

        await using var write = await notifier.BeginAsync(db, transaction: true, ct);
        var changed = await db.SupportRequests
            .Where(r => r.Id == id && r.CoupleId == caller.CoupleId && r.Version == request.Version)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.State, c.To)
                    .SetProperty(r => r.Version, request.Version + 1)
                    .SetProperty(r => r.UpdatedAtUtc, now)
                    .SetProperty(r => r.FirstAnsweredAtUtc, firstAnswered)
                    .SetProperty(r => r.ProposedAtUtc, proposed)
                    .SetProperty(r => r.Alternative, alternative)
                    .SetProperty(r => r.GivenType, given)
                    .SetProperty(r => r.DoneAtUtc, doneAt)
                    .SetProperty(r => r.Outcome, outcome)
                    .SetProperty(r => r.ThankYou, thanks),
                ct);
        if (changed == 0)
        {
            return RequestErrors.Changed; // the write's transaction rolls back as it is disposed
        }

        db.RequestEvents.Add(new RequestEvent
        {
            Id = Guid.CreateVersion7(),
            CoupleId = request.CoupleId,
            RequestId = id,
            ActorId = caller.UserId,
            Kind = c.Event,
            Text = string.IsNullOrEmpty(c.Text) ? null : c.Text,
            ProposedAtUtc = c.ProposedAtUtc,
            GivenType = c.GivenType,
            Outcome = c.Outcome,
            AtUtc = now,
        });
        await db.SaveChangesAsync(ct);
        write.Changed(role == RequestRole.Requester ? request.PartnerId : request.RequesterId, recipientSawBefore: true, recipientSeesAfter: true);
        write.Changed(caller.UserId, recipientSawBefore: true, recipientSeesAfter: true);
        await write.CommitAsync(ct);
        if (role != RequestRole.Requester)
        {
            await notices.NotifyAsync(request.RequesterId, Domain.Notifications.NoticeKind.AnswerToMyRequest, caller.UserId, $"/Requests/View/{id}", ct: ct);
        }
        return Result<RequestState>.Ok(c.To);
    }
}
