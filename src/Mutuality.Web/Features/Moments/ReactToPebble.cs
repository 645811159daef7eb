using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Moments;

/// <summary>The receiver's reaction to a pebble.</summary>
public sealed class ReactToPebble(AppDbContext db, TimeProvider clock, FeedNotifier notifier)
{
    /// <summary>The receiver reacts to a pebble (or changes the reaction).</summary>
    public async Task<Result<Guid>> ReactAsync(Caller caller, Guid id, PebbleReaction reaction, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(reaction))
        {
            return new DomainError("pebble.reaction", "Reaction: choose one of the reactions.", "Reaction");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var write = await notifier.BeginAsync(db, ct: ct);
        var changed = await db.SupportMoments
            .Where(x => x.Id == id && x.CoupleId == caller.CoupleId && x.AuthorId != caller.UserId && x.Kind == MomentKind.Pebble && x.Visibility == Visibility.Shared)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reaction, reaction).SetProperty(x => x.ReactedAtUtc, now), ct);
        if (changed == 0)
        {
            return MomentErrors.NotFound;
        }

        write.Changed(caller.PartnerId, recipientSawBefore: true, recipientSeesAfter: true);
        await write.CommitAsync(ct);
        return Result<Guid>.Ok(id);
    }
}
