using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Moments;

/// <summary>Editing one's own moment: validated as <see cref="RecordMoment.Check"/> does, then one scoped update.</summary>
public sealed class EditMoment(AppDbContext db, TimeProvider clock, FeedNotifier notifier)
{
    /// <summary>Every problem with the input, each with its field.</summary>
    public List<DomainError> Validate(Caller caller, MomentInput input)
    {
        RecordMoment.Check(caller, input, clock.GetUtcNow().UtcDateTime, out var errors);
        return errors;
    }

    /// <summary>Edits the caller's own moment. Someone else's, or a pebble, is "not found".</summary>
    public async Task<Result<Guid>> UpdateAsync(Caller caller, Guid id, MomentInput input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var checkedMoment = RecordMoment.Check(caller, input, now, out _);
        if (!checkedMoment.IsSuccess)
        {
            return checkedMoment.Error!;
        }

        var m = checkedMoment.Value;
        var before = await db.SupportMoments
            .Where(x => x.Id == id && x.CoupleId == caller.CoupleId && x.AuthorId == caller.UserId && x.Kind == MomentKind.Moment)
            .Select(x => (Visibility?)x.Visibility)
            .SingleOrDefaultAsync(ct);
        await using var write = await notifier.BeginAsync(db, ct: ct);
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

        write.MomentChanged(caller.PartnerId, before, m.Visibility);
        await write.CommitAsync(ct);
        return Result<Guid>.Ok(id);
    }

}
