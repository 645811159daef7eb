using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly;
using Mutuality.Web.Infrastructure.Couples;

using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.Repair;

/// <summary>Repair after conflict: the couple's conflict records, and a way to open a new one with a neutral title.</summary>
[PartnerRequired]
public sealed class IndexModel(CallerContext callers, OpenConflict openConflict, AppDbContext db) : RitualPageModel
{
    [BindProperty]
    public OpenInput Input { get; set; } = new();

    public sealed record Row(Guid Id, string Title, DateTime OpenedAtUtc, ConflictStatus Status, DateTime? ResolvedAtUtc);

    public List<Row> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Caller = await callers.RequireAsync();

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Caller = await callers.RequireAsync();

        var opened = await openConflict.HandleAsync(Caller, Input);
        if (!opened.IsSuccess)
        {
            this.Refusal(opened.Errors);
            await LoadAsync();
            return Page();
        }

        return RedirectToPage("/Repair/Conflict", new { id = opened.Value });
    }

    private async Task LoadAsync()
        => Records = await db.ConflictRecords.AsNoTracking()
            .Where(c => c.CoupleId == Caller.CoupleId)
            .OrderByDescending(c => c.OpenedAtUtc)
            .Select(c => new Row(c.Id, c.Title, c.OpenedAtUtc, c.Status, c.ResolvedAtUtc))
            .ToListAsync();
}
