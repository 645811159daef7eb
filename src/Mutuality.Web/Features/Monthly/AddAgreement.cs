using Mutuality.Domain.Common;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Monthly;

/// <summary>An agreement as the couple words it: who, what, and by when (optional).</summary>
public sealed class AgreementInput
{
    public string? Who { get; set; }

    public string? What { get; set; }

    public DateOnly? DueOn { get; set; }
}

/// <summary>Making an agreement at this month's check-in (issue 19 item 2: one use case, one file).</summary>
public sealed class AddAgreement(AppDbContext db, ThisMonth thisMonth)
{
    public async Task<Result> HandleAsync(Caller caller, AgreementInput input, CancellationToken ct = default)
    {
        var (agreement, errors) = Agreements.Create(input.Who, input.What, input.DueOn, caller.UserId, caller.PartnerId!.Value, thisMonth.Today(caller));
        if (agreement is null)
        {
            return Result.Fail(errors);
        }

        var checkIn = await thisMonth.CheckInAsync(caller, ct);
        db.RitualAgreements.Add(new RitualAgreement
        {
            Id = Guid.CreateVersion7(),
            CoupleId = caller.CoupleId!.Value,
            CreatedById = caller.UserId,
            OwnerId = agreement.OwnerId,
            What = agreement.What,
            DueOn = agreement.DueOn,
            CreatedAtUtc = thisMonth.Now,
            CheckInId = checkIn.Id,
        });
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
