using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Monthly;

/// <summary>The couple's month and today as the caller lives them, and this month's check-in (made on first use): what
/// the monthly use cases share.</summary>
public sealed class ThisMonth(AppDbContext db, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Month(Caller caller) => caller.CoupleMonth(Now);

    public DateOnly Today(Caller caller) => TimeZones.LocalDay(Now, TimeZones.FindOrUtc(caller.TimeZoneId));

    /// <summary>This month's check-in for the caller's couple, made on first use. Two partners racing both get the same row.</summary>
    public async Task<MonthlyCheckIn> CheckInAsync(Caller caller, CancellationToken ct = default)
    {
        var coupleId = caller.CoupleId!.Value;
        var month = Month(caller);
        var existing = await db.MonthlyCheckIns.SingleOrDefaultAsync(c => c.CoupleId == coupleId && c.Month == month, ct);
        if (existing is not null)
        {
            return existing;
        }

        var created = new MonthlyCheckIn { Id = Guid.CreateVersion7(), CoupleId = coupleId, Month = month, CreatedAtUtc = Now };
        db.MonthlyCheckIns.Add(created);
        try
        {
            await db.SaveChangesAsync(ct);
            return created;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.MonthlyCheckIns.SingleAsync(c => c.CoupleId == coupleId && c.Month == month, ct);
        }
    }

    public static TalkPosition Position(MonthlyCheckIn c) => new(c.TopicIndex, c.Speaker, c.FinishedAtUtc is not null);
}
