using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Repair.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Repair;

/// <summary>What one partner may know about a conflict: the record, their own side, and the partner's side only once shared.</summary>
public sealed record ConflictView(ConflictRecord Record, ConflictSide? MySide, ConflictSide? PartnerSharedSide, ConflictState State)
{
    /// <summary>The conflict as the caller may see it (tracked, for the use case that changes it); null when it isn't in their couple (404).</summary>
    public static async Task<ConflictView?> LoadAsync(AppDbContext db, Caller caller, Guid id, CancellationToken ct = default)
    {
        if (caller.CoupleId is not { } coupleId)
        {
            return null;
        }

        var record = await db.ConflictRecords.SingleOrDefaultAsync(c => c.Id == id && c.CoupleId == coupleId, ct);
        if (record is null)
        {
            return null;
        }

        // Private sides are filtered by author in the query itself: the partner's draft never leaves the database.
        var sides = await db.ConflictSides
            .Where(s => s.ConflictId == id && s.CoupleId == coupleId && (s.AuthorId == caller.UserId || s.SharedAtUtc != null))
            .ToListAsync(ct);
        var mine = sides.SingleOrDefault(s => s.AuthorId == caller.UserId);
        var theirs = sides.SingleOrDefault(s => s.AuthorId != caller.UserId);
        var state = new ConflictState(
            record.Status,
            mine is null ? SideStatus.None : mine.SharedAtUtc is null ? SideStatus.Draft : SideStatus.Shared,
            theirs is null ? SideStatus.None : SideStatus.Shared,
            record.BreakEndsAtUtc);
        return new ConflictView(record, mine, theirs, state);
    }
}
