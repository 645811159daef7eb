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

/// <summary>A request's input once the domain accepted it.</summary>
public sealed record CheckedRequest(string Feeling, string Need, SupportType Type, Urgency Urgency, DateTime WindowEndsUtc);

/// <summary>Making a request (issue 19 item 2: one use case, one file): the input above, its validation calling the
/// domain's rules, and the handler.</summary>
public sealed class MakeRequest(AppDbContext db, TimeProvider clock, FeedNotifier notifier, RequestMail mail, ILogger<MakeRequest> logger, Notifications.Notices notices)
{
    /// <summary>Every problem with the input, each with its field, so the form shows them at once.</summary>
    private Result<CheckedRequest> Check(Caller caller, RequestInput input)
    {
        var errors = new List<DomainError>();
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

        return errors.Count > 0 ? Result<CheckedRequest>.Fail(errors) : Result<CheckedRequest>.Ok(new(feeling.Value, need.Value, input.Type!.Value, input.Urgency!.Value, window));
    }

    /// <summary>Validates once (every problem returned), then one insert with its event, a live signal, a notice and the e-mail.</summary>
    public async Task<Result<Guid>> HandleAsync(Caller caller, RequestInput input, CancellationToken ct = default)
    {
        if (caller.CoupleId is not { } coupleId || caller.PartnerId is not { } partnerId)
        {
            return RequestErrors.NoPartner;
        }

        var checkedInput = Check(caller, input);
        if (!checkedInput.IsSuccess)
        {
            return Result<Guid>.Fail(checkedInput.Errors);
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
}
