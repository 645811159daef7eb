using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Monthly;

/// <summary>A preparation as one viewer may see it: their own always, the partner's only once shared.</summary>
public sealed record PreparationView(Guid AuthorId, string Appreciations, string WentWell, string HardThing, string NeedNextMonth, bool Shared);

/// <summary>Reads for the monthly pages. Every query filters by the caller's couple; private items by author.</summary>
public sealed class MonthlyQueries(AppDbContext db)
{
    public Task<MonthlyCheckIn?> CheckInAsync(Caller caller, DateOnly month, CancellationToken ct = default)
        => db.MonthlyCheckIns.AsNoTracking().SingleOrDefaultAsync(c => c.CoupleId == caller.CoupleId && c.Month == month, ct);

    /// <summary>The preparations of a check-in the caller may see: their own, and the partner's if shared.</summary>
    public async Task<List<PreparationView>> VisiblePreparationsAsync(Caller caller, Guid checkInId, CancellationToken ct = default)
        => await db.MonthlyPreparations.AsNoTracking()
            .Where(p => p.CheckInId == checkInId && p.CoupleId == caller.CoupleId && (p.AuthorId == caller.UserId || p.SharedAtUtc != null))
            .Select(p => new PreparationView(p.AuthorId, p.Appreciations, p.WentWell, p.HardThing, p.NeedNextMonth, p.SharedAtUtc != null))
            .ToListAsync(ct);

    /// <summary>Open agreements made before the given check-in: the ones that come back for review.</summary>
    public async Task<List<RitualAgreement>> DueForReviewAsync(Caller caller, Guid? currentCheckInId, CancellationToken ct = default)
        => await db.RitualAgreements.AsNoTracking()
            .Where(a => a.CoupleId == caller.CoupleId && a.Outcome == null && (currentCheckInId == null || a.CheckInId == null || a.CheckInId != currentCheckInId))
            .OrderBy(a => a.CreatedAtUtc)
            .ToListAsync(ct);

    public async Task<List<RitualAgreement>> MadeAtAsync(Caller caller, Guid checkInId, CancellationToken ct = default)
        => await db.RitualAgreements.AsNoTracking()
            .Where(a => a.CoupleId == caller.CoupleId && a.CheckInId == checkInId)
            .OrderBy(a => a.CreatedAtUtc)
            .ToListAsync(ct);

    public async Task<List<RitualAgreement>> RecentlyReviewedAsync(Caller caller, int count, CancellationToken ct = default)
        => await db.RitualAgreements.AsNoTracking()
            .Where(a => a.CoupleId == caller.CoupleId && a.Outcome != null)
            .OrderByDescending(a => a.ReviewedAtUtc)
            .Take(count)
            .ToListAsync(ct);
}
