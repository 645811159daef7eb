using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Moments;

/// <summary>What a person types to record or edit a moment.</summary>
public sealed class MomentInput
{
    public MomentDirection? Direction { get; set; }

    public SupportType? Type { get; set; }

    public string? Note { get; set; }

    /// <summary>A datetime-local value in the author's zone; empty means now.</summary>
    public string? OccurredAt { get; set; }

    public Visibility Visibility { get; set; } = Visibility.Shared;
}

/// <summary>Recording a moment (issue 19 item 2: one use case, one file): the input above, its validation calling the
/// domain's rules, and the handler. Editing reuses <see cref="Check"/>, so a moment is validated one way.</summary>
public sealed class RecordMoment(AppDbContext db, TimeProvider clock, FeedNotifier notifier)
{
    private static readonly string[] Fields = ["Direction", "Type", "Note", "OccurredAt"];

    /// <summary>Every problem with the input, each with its field, for a form to show at once.</summary>
    public List<DomainError> Validate(Caller caller, MomentInput input)
    {
        Check(caller, input, clock.GetUtcNow().UtcDateTime, out var errors);
        return errors;
    }


    /// <summary>Checks the input. Errors carry the field they belong to.</summary>
    public static Result<SupportMoment> Check(Caller caller, MomentInput input, DateTime now, out List<DomainError> errors)
    {
        errors = [];
        if (input.Direction is not (MomentDirection.Gave or MomentDirection.Received))
        {
            errors.Add(new DomainError("moment.direction", "Gave or received: choose whether you gave this support or received it.", Fields[0]));
        }

        if (input.Type is not { } type || !SupportTypes.IsDefined(type))
        {
            errors.Add(new DomainError("moment.type", "Kind of support: choose one of the five kinds.", Fields[1]));
        }

        var note = MomentRules.Note(input.Note);
        if (!note.IsSuccess)
        {
            errors.Add(note.Error!);
        }

        var occurred = now;
        if (!SupportText.TryParseLocal(input.OccurredAt, out var local))
        {
            errors.Add(new DomainError("moment.when", "When: use a date and time like 2026-03-02 18:30.", Fields[3]));
        }
        else if (local is { } l)
        {
            occurred = SupportText.ToUtc(l, caller.TimeZoneId);
            if (MomentRules.CheckOccurredAt(occurred, now) is { } whenError)
            {
                errors.Add(whenError);
            }
        }

        if (input.Visibility is not (Visibility.Shared or Visibility.Private))
        {
            errors.Add(new DomainError("moment.visibility", "Who sees it: choose shared or private.", "Visibility"));
        }

        if (errors.Count > 0)
        {
            return errors[0];
        }

        return Result<SupportMoment>.Ok(new SupportMoment
        {
            Kind = MomentKind.Moment,
            Direction = input.Direction!.Value,
            Type = input.Type!.Value,
            Note = note.Value,
            OccurredAtUtc = occurred,
            Visibility = input.Visibility,
            AuthorTimeZoneId = caller.TimeZoneId,
        });
    }


    /// <summary>Records a moment: the caller is already resolved (one scoped query), then one insert.</summary>
    public async Task<Result<Guid>> RecordAsync(Caller caller, MomentInput input, CancellationToken ct = default)
    {
        if (caller.CoupleId is not { } coupleId || !caller.HasPartner)
        {
            return MomentErrors.NoPartner;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var checkedMoment = Check(caller, input, now, out _);
        if (!checkedMoment.IsSuccess)
        {
            return checkedMoment.Error!;
        }

        var moment = checkedMoment.Value;
        moment.Id = Guid.CreateVersion7();
        moment.CoupleId = coupleId;
        moment.AuthorId = caller.UserId;
        moment.CreatedAtUtc = now;
        db.SupportMoments.Add(moment);
        await using var write = await notifier.BeginAsync(db, ct: ct);
        await db.SaveChangesAsync(ct);
        write.MomentChanged(caller.PartnerId, null, moment.Visibility);
        await write.CommitAsync(ct);
        return Result<Guid>.Ok(moment.Id);
    }

}
