using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Monthly;

/// <summary>Looking back on an open agreement, perhaps carrying it on into this month (issue 19 item 2: one use case, one file).</summary>
public sealed class ReviewAgreement(AppDbContext db, ThisMonth thisMonth)
{
    /// <summary>Once only: two partners answering at once, the second is told it was already looked back on.</summary>
    public async Task<Result> HandleAsync(Caller caller, Guid agreementId, string? outcome, bool carryOn, CancellationToken ct = default)
    {
        var coupleId = caller.CoupleId!.Value;
        var agreement = await db.RitualAgreements.SingleOrDefaultAsync(a => a.Id == agreementId && a.CoupleId == coupleId, ct);
        if (agreement is null)
        {
            return MonthlyErrors.AgreementNotFound;
        }

        var review = Agreements.Review(new AgreementState(agreement.Outcome), outcome, carryOn);
        if (!review.IsSuccess)
        {
            return Result.Fail(review.Errors);
        }

        var checkIn = await thisMonth.CheckInAsync(caller, ct);
        var now = thisMonth.Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.RitualAgreements
            .Where(a => a.Id == agreementId && a.CoupleId == coupleId && a.Outcome == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Outcome, review.Value.Outcome).SetProperty(a => a.CarriedOn, review.Value.CarryOn)
                .SetProperty(a => a.ReviewedAtUtc, now).SetProperty(a => a.ReviewedById, caller.UserId), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct);
            return Agreements.AlreadyReviewed;
        }

        if (review.Value.CarryOn)
        {
            db.RitualAgreements.Add(new RitualAgreement
            {
                Id = Guid.CreateVersion7(),
                CoupleId = coupleId,
                CreatedById = caller.UserId,
                OwnerId = agreement.OwnerId,
                What = agreement.What,
                CreatedAtUtc = now,
                CheckInId = checkIn.Id,
                CarriedOnFromId = agreement.Id,
            });
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return Result.Ok;
    }
}
