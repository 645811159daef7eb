using Mutuality.Domain.Common;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Repair.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Repair;

/// <summary>A neutral title for a new conflict record.</summary>
public sealed class OpenInput
{
    public string? Title { get; set; }
}

/// <summary>Opening a conflict record (issue 19 item 2: one use case, one file).</summary>
public sealed class OpenConflict(AppDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(Caller caller, OpenInput input, CancellationToken ct = default)
    {
        var checkedTitle = Conflicts.ValidateTitle(input.Title);
        if (!checkedTitle.IsSuccess)
        {
            return Result<Guid>.Fail(checkedTitle.Errors);
        }

        var record = new ConflictRecord
        {
            Id = Guid.CreateVersion7(),
            CoupleId = caller.CoupleId!.Value,
            OpenedById = caller.UserId,
            Title = checkedTitle.Value,
            OpenedAtUtc = clock.GetUtcNow().UtcDateTime,
            Status = ConflictStatus.Open,
        };
        db.ConflictRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(record.Id);
    }
}
