using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Requests.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Requests;

/// <summary>What a person types to make a request.</summary>
public sealed class RequestInput
{
    public string? Feeling { get; set; }

    public string? Need { get; set; }

    public SupportType? Type { get; set; }

    public Urgency? Urgency { get; set; }

    /// <summary>A datetime-local value in the requester's zone, for <see cref="Domain.Support.Urgency.At"/>.</summary>
    public string? At { get; set; }
}

/// <summary>The writes of requests: load, ask the state machine, then a conditional update on the version.</summary>
public sealed class RequestCommands(AppDbContext db, TimeProvider clock, FeedNotifier notifier, RequestMail mail, ILogger<RequestCommands> logger, Notifications.Notices notices)
{
    public Result<(string Feeling, string Need, SupportType Type, Urgency Urgency, DateTime WindowEndsUtc)> Check(Caller caller, RequestInput input, out List<DomainError> errors)
    {
        errors = [];
        var now = clock.GetUtcNow().UtcDateTime;
        var feeling = TextRules.Optional(input.Feeling, SupportRequests.FeelingMaxLength, "Feeling", "How I feel");
        if (!feeling.IsSuccess)
        {
            errors.Add(feeling.Error!);
        }

        var need = TextRules.Required(input.Need, SupportRequests.NeedMaxLength, "Need", "What I need");
        if (!need.IsSuccess)
        {
            errors.Add(need.Error!);
        }

        if (input.Type is not { } type || !SupportTypes.IsDefined(type))
        {
            errors.Add(new DomainError("request.type", "Kind of support: choose the kind you're asking for.", "Type"));
        }

        DateTime window = default;
        if (input.Urgency is not { } urgency || !Enum.IsDefined(urgency))
        {
            errors.Add(new DomainError("request.urgency", "How soon: choose now, today, this week or a date.", "Urgency"));
        }
        else if (!SupportText.TryParseLocal(input.At, out var at))
        {
            errors.Add(new DomainError("request.at", "By when: use a date and time like 2026-03-02 18:30.", "At"));
        }
        else
        {
            var end = SupportRequests.WindowEnd(urgency, now, TimeZones.FindOrUtc(caller.TimeZoneId), urgency == Domain.Support.Urgency.At ? at : null);
            if (end.IsSuccess)
            {
                window = end.Value;
            }
            else
            {
                errors.Add(end.Error!);
            }
        }

        return errors.Count > 0 ? errors[0] : Result<(string, string, SupportType, Urgency, DateTime)>.Ok((feeling.Value, need.Value, input.Type!.Value, input.Urgency!.Value, window));
    }

    public async Task<Result<Guid>> CreateAsync(Caller caller, RequestInput input, CancellationToken ct = default)
    {
        if (caller.CoupleId is not { } coupleId || caller.PartnerId is not { } partnerId)
        {
            return RequestErrors.NoPartner;
        }

        var checkedInput = Check(caller, input, out _);
        if (!checkedInput.IsSuccess)
        {
            return checkedInput.Error!;
        }

        var (feeling, need, type, urgency, window) = checkedInput.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new SupportRequest
        {
            Id = Guid.CreateVersion7(),
            CoupleId = coupleId,
            RequesterId = caller.UserId,
            PartnerId = partnerId,
            Feeling = feeling,
            Need = need,
            AskedType = type,
            Urgency = urgency,
            WindowEndsUtc = window,
            RequesterTimeZoneId = caller.TimeZoneId,
            State = RequestState.Open,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.SupportRequests.Add(request);
        db.RequestEvents.Add(new RequestEvent { Id = Guid.CreateVersion7(), CoupleId = coupleId, RequestId = request.Id, ActorId = caller.UserId, Kind = RequestEventKind.Asked, AtUtc = now });
        await using (var write = await notifier.BeginAsync(db, ct: ct))
        {
            await db.SaveChangesAsync(ct);
            write.Changed(partnerId, recipientSawBefore: false, recipientSeesAfter: true); // a request is always between the two
            await write.CommitAsync(ct);
        }

        await notices.NotifyAsync(partnerId, Domain.Notifications.NoticeKind.PartnerRequest, caller.UserId, $"/Requests/View/{request.Id}", urgent: urgency == Domain.Support.Urgency.Now, ct: ct);
        try
        {
            await mail.NewRequestAsync(request.Id, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The request is saved either way; a mail server problem must not turn into an error page.
            logger.LogWarning(e, "Could not send the new-request e-mail.");
        }
        return Result<Guid>.Ok(request.Id);
    }

    /// <summary>
    /// Applies one action. Refusals change nothing; a lost race is reported as <see cref="RequestErrors.Changed"/>, and so is an answer
    /// from a page that showed an older state (<paramref name="shownVersion"/>): the update below only applies to the
    /// version that was shown, in the same transaction as its event.
    /// </summary>
    public async Task<Result<RequestState>> ApplyAsync(Caller caller, Guid id, RequestAction action, int? shownVersion = null, CancellationToken ct = default)
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
