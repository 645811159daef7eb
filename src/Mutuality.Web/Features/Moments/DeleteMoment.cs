using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Moments;

/// <summary>Deleting one's own moment or pebble.</summary>
public sealed class DeleteMoment(AppDbContext db, FeedNotifier notifier)
{
    /// <summary>Deletes the caller's own moment or pebble. False when it isn't theirs (or doesn't exist).</summary>
    public async Task<bool> DeleteAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var before = await db.SupportMoments
            .Where(x => x.Id == id && x.CoupleId == caller.CoupleId && x.AuthorId == caller.UserId)
            .Select(x => (Visibility?)x.Visibility)
            .SingleOrDefaultAsync(ct);
        await using var write = await notifier.BeginAsync(db, ct: ct);
        var deleted = await db.SupportMoments
            .Where(x => x.Id == id && x.CoupleId == caller.CoupleId && x.AuthorId == caller.UserId)
            .ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            write.MomentChanged(caller.PartnerId, before, null);
            await write.CommitAsync(ct);
        }

        return deleted > 0;
    }

}
