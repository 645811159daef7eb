using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Monthly;

/// <summary>The next monthly check-in (and whether a conflict record is still open), on the couple's home.</summary>
public sealed class MonthlyPanelViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Caller caller)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = TimeZones.FindOrUtc(caller.TimeZoneId);
        var day = await db.MonthlyRhythms.AsNoTracking().Where(r => r.CoupleId == caller.CoupleId).Select(r => (int?)r.DayOfMonth).SingleOrDefaultAsync();
        var next = day is { } d ? MonthlyRhythm.NextOccurrence(d, now, zone) : (DateOnly?)null;

        // Repair's records are counted here, by status only, so the monthly card can point to them (Repair itself
        // builds on the monthly agreements; reading its table by the couple's id keeps the two features one-way).
        var openConflicts = await db.ConflictRecords.AsNoTracking().CountAsync(c => c.CoupleId == caller.CoupleId && c.Status == ConflictStatus.Open);
        return View("/Features/Monthly/_HomePanel.cshtml", new MonthlyPanel(next, next == TimeZones.LocalDay(now, zone), openConflicts));
    }
}

public sealed record MonthlyPanel(DateOnly? Next, bool IsToday, int OpenConflicts);
