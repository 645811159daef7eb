using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Moments;

/// <summary>The receiver's response to a shared moment the partner gave.</summary>
public sealed class RespondToMoment(AppDbContext db, TimeProvider clock, FeedNotifier notifier, Notifications.Notices notices)
{
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
        await using (var write = await notifier.BeginAsync(db, ct: ct))
        {
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

            write.Changed(moment.AuthorId, recipientSawBefore: true, recipientSeesAfter: true);
            await write.CommitAsync(ct);
        }

        await notices.NotifyAsync(moment.AuthorId, Domain.Notifications.NoticeKind.ResponseToMyMoment, caller.UserId, $"/Moments/View/{id}", ct: ct);
        return Result<Guid>.Ok(id);
    }

}
