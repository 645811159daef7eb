using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Monthly;

/// <summary>The day of the month the couple checks in.</summary>
public sealed class DayInput
{
    public int? DayOfMonth { get; set; }
}

/// <summary>Choosing the couple's check-in day (issue 19 item 2: one use case, one file).</summary>
public sealed class ChooseDay(AppDbContext db, TimeProvider clock)
{
    public async Task<Result> HandleAsync(Caller caller, DayInput input, CancellationToken ct = default)
    {
        var checkedDay = MonthlyRhythm.ValidateDay(input.DayOfMonth);
        if (!checkedDay.IsSuccess)
        {
            return Result.Fail(checkedDay.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var coupleId = caller.CoupleId!.Value;
        var existing = await db.MonthlyRhythms.SingleOrDefaultAsync(r => r.CoupleId == coupleId, ct);
        if (existing is null)
        {
            db.MonthlyRhythms.Add(new MonthlyRhythmSetting { CoupleId = coupleId, DayOfMonth = checkedDay.Value, ChosenById = caller.UserId, UpdatedAtUtc = now });
        }
        else
        {
            existing.DayOfMonth = checkedDay.Value;
            existing.ChosenById = caller.UserId;
            existing.UpdatedAtUtc = now;
        }

        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
