using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Feed;
using Mutuality.Web.Features.Moments.Data;
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

/// <summary>The writes of moments and pebbles. Every write is scoped to the caller's couple, and to their own rows where it must be.</summary>
public sealed class MomentCommands(AppDbContext db, TimeProvider clock, FeedNotifier notifier, Notifications.Notices notices)
{
    private static readonly string[] Fields = ["Direction", "Type", "Note", "OccurredAt"];

    /// <summary>Every problem with the input, each with its field, for a form to show at once.</summary>
    public List<DomainError> Validate(Caller caller, MomentInput input)
    {
        Check(caller, input, clock.GetUtcNow().UtcDateTime, out var errors);
        return errors;
    }

    /// <summary>Checks the input. Errors carry the field they belong to.</summary>
    public Result<SupportMoment> Check(Caller caller, MomentInput input, DateTime now, out List<DomainError> errors)
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
        await db.SaveChangesAsync(ct);
        notifier.MomentChanged(caller.PartnerId, null, moment.Visibility);
        return Result<Guid>.Ok(moment.Id);
    }

    /// <summary>Edits the caller's own moment. Someone else's, or a pebble, is "not found".</summary>
    public async Task<Result<Guid>> UpdateAsync(Caller caller, Guid id, MomentInput input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var checkedMoment = Check(caller, input, now, out _);
        if (!checkedMoment.IsSuccess)
        {
            return checkedMoment.Error!;
        }

        var m = checkedMoment.Value;
        var before = await db.SupportMoments
            .Where(x => x.Id == id && x.CoupleId == caller.CoupleId && x.AuthorId == caller.UserId && x.Kind == MomentKind.Moment)
            .Select(x => (Visibility?)x.Visibility)
            .SingleOrDefaultAsync(ct);
        var changed = await db.SupportMoments
            .Where(x => x.Id == id && x.CoupleId == caller.CoupleId && x.AuthorId == caller.UserId && x.Kind == MomentKind.Moment)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Direction, m.Direction)
                    .SetProperty(x => x.Type, m.Type)
                    .SetProperty(x => x.Note, m.Note)
                    .SetProperty(x => x.OccurredAtUtc, m.OccurredAtUtc)
                    .SetProperty(x => x.Visibility, m.Visibility)
                    .SetProperty(x => x.UpdatedAtUtc, now),
                ct);
        if (changed == 0)
        {
            return MomentErrors.NotFound;
        }

        notifier.MomentChanged(caller.PartnerId, before, m.Visibility);
        return Result<Guid>.Ok(id);
    }

    /// <summary>Deletes the caller's own moment or pebble. False when it isn't theirs (or doesn't exist).</summary>
    public async Task<bool> DeleteAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var before = await db.SupportMoments
            .Where(x => x.Id == id && x.CoupleId == caller.CoupleId && x.AuthorId == caller.UserId)
            .Select(x => (Visibility?)x.Visibility)
            .SingleOrDefaultAsync(ct);
        var deleted = await db.SupportMoments
            .Where(x => x.Id == id && x.CoupleId == caller.CoupleId && x.AuthorId == caller.UserId)
            .ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            notifier.MomentChanged(caller.PartnerId, before, null);
        }

        return deleted > 0;
    }

    /// <summary>The receiver responds to (or changes their response to) a shared moment the partner gave.</summary>
    public async Task<Result<Guid>> RespondAsync(Caller caller, Guid id, MomentResponseKind kind, int? rating, string? note, CancellationToken ct = default)
    {
        var moment = await db.SupportMoments.AsNoTracking()
            .Where(x => x.Id == id && x.CoupleId == caller.CoupleId && (x.AuthorId == caller.UserId || x.Visibility == Visibility.Shared))
            .Select(x => new { x.AuthorId, x.Direction, x.Visibility, x.Kind })
            .SingleOrDefaultAsync(ct);
        if (moment is null)
        {
            return MomentErrors.NotFound;
        }

        if (MomentRules.CanRespond(caller.UserId, moment.AuthorId, moment.Direction, moment.Visibility, moment.Kind) is { } refused)
        {
            return refused;
        }

        var response = MomentRules.Response(kind, rating, note);
        if (!response.IsSuccess)
        {
            return response.Error!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var r = response.Value;
        var changed = await db.SupportMoments
            .Where(x => x.Id == id && x.CoupleId == caller.CoupleId && x.AuthorId != caller.UserId && x.Visibility == Visibility.Shared)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.ResponseKind, r.Kind)
                    .SetProperty(x => x.ResponseRating, r.Rating)
                    .SetProperty(x => x.ResponseNote, r.Note.Length == 0 ? null : r.Note)
                    .SetProperty(x => x.RespondedAtUtc, now),
                ct);
        if (changed == 0)
        {
            return MomentErrors.NotFound;
        }

        notifier.Changed(moment.AuthorId, recipientSawBefore: true, recipientSeesAfter: true);
        await notices.NotifyAsync(moment.AuthorId, Domain.Notifications.NoticeKind.ResponseToMyMoment, caller.UserId, $"/Moments/View/{id}", ct: ct);
        return Result<Guid>.Ok(id);
    }

    /// <summary>Sends a pebble: a shared companionship moment given, with a short text and/or a link.</summary>
    public async Task<Result<Guid>> SendPebbleAsync(Caller caller, string? text, string? link, CancellationToken ct = default)
    {
        if (caller.CoupleId is not { } coupleId || !caller.HasPartner)
        {
            return MomentErrors.NoPartner;
        }

        var words = TextRules.Optional(text, MomentRules.PebbleTextMaxLength, "Text", "Your pebble");
        if (!words.IsSuccess)
        {
            return words.Error!;
        }

        var url = MomentRules.Link(link);
        if (!url.IsSuccess)
        {
            return url.Error!;
        }

        if (words.Value.Length == 0 && url.Value.Length == 0)
        {
            return new DomainError("pebble.empty", "Your pebble: pick one of ours, or write a few words or a link.", "Text");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pebble = new SupportMoment
        {
            Id = Guid.CreateVersion7(),
            CoupleId = coupleId,
            AuthorId = caller.UserId,
            Kind = MomentKind.Pebble,
            Direction = MomentDirection.Gave,
            Type = SupportType.Companionship,
            Note = words.Value,
            Link = url.Value.Length == 0 ? null : url.Value,
            OccurredAtUtc = now,
            CreatedAtUtc = now,
            AuthorTimeZoneId = caller.TimeZoneId,
            Visibility = Visibility.Shared,
        };
        db.SupportMoments.Add(pebble);
        await db.SaveChangesAsync(ct);
        notifier.MomentChanged(caller.PartnerId, null, pebble.Visibility);
        if (caller.PartnerId is { } partner)
        {
            await notices.NotifyAsync(partner, Domain.Notifications.NoticeKind.Pebble, caller.UserId, $"/Moments/View/{pebble.Id}", ct: ct);
        }

        return Result<Guid>.Ok(pebble.Id);
    }

    /// <summary>The receiver reacts to a pebble (or changes the reaction).</summary>
    public async Task<Result<Guid>> ReactAsync(Caller caller, Guid id, PebbleReaction reaction, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(reaction))
        {
            return new DomainError("pebble.reaction", "Reaction: choose one of the reactions.", "Reaction");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.SupportMoments
            .Where(x => x.Id == id && x.CoupleId == caller.CoupleId && x.AuthorId != caller.UserId && x.Kind == MomentKind.Pebble && x.Visibility == Visibility.Shared)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reaction, reaction).SetProperty(x => x.ReactedAtUtc, now), ct);
        if (changed == 0)
        {
            return MomentErrors.NotFound;
        }

        notifier.Changed(caller.PartnerId, recipientSawBefore: true, recipientSeesAfter: true);
        return Result<Guid>.Ok(id);
    }
}
