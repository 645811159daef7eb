using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Repair;

/// <summary>Resolving an open conflict with an agreement (issue 19 item 2: one use case, one file). The agreement is
/// the monthly check-in's (<see cref="AgreementInput"/>), so it comes back at the next one.</summary>
public sealed class ResolveConflict(AppDbContext db, TimeProvider clock)
{
    /// <summary>Who, what, by when; in one transaction with the conflict's status, so it resolves once.</summary>
    public async Task<Result> HandleAsync(Caller caller, ConflictView view, AgreementInput input, CancellationToken ct = default)
    {
        if (Conflicts.CanResolve(view.State) is { } cannot)
        {
            return cannot;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = TimeZones.LocalDay(now, TimeZones.FindOrUtc(caller.TimeZoneId));
        var (agreement, errors) = Agreements.Create(input.Who, input.What, input.DueOn, caller.UserId, caller.PartnerId!.Value, today);
        if (agreement is null)
        {
            return Result.Fail(errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.ConflictRecords
            .Where(c => c.Id == view.Record.Id && c.CoupleId == view.Record.CoupleId && c.Status == ConflictStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ConflictStatus.Resolved).SetProperty(c => c.ResolvedAtUtc, now).SetProperty(c => c.ResolvedById, caller.UserId), ct);
        if (changed == 0)
        {
            await tx.RollbackAsync(ct);
            return Conflicts.AlreadyResolved;
        }

        db.RitualAgreements.Add(new RitualAgreement
        {
            Id = Guid.CreateVersion7(),
            CoupleId = view.Record.CoupleId,
            CreatedById = caller.UserId,
            OwnerId = agreement.OwnerId,
            What = agreement.What,
            DueOn = agreement.DueOn,
            CreatedAtUtc = now,
            ConflictId = view.Record.Id,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok;
    }
}
