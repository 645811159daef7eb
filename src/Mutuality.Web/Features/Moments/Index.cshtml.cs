using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;

using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.Moments;

/// <summary>Record a moment of support, and see ours: my own (private ones too) and my partner's shared ones.</summary>
[PartnerRequired(Except = ["Delete"])]
public sealed class IndexModel(CallerContext callers, RecordMoment record, DeleteMoment delete, AppDbContext db) : PageModel
{
    /// <summary>Issue 16: moments per page; older ones are a page further, as on the feed.</summary>
    public const int ListSize = 20;

    /// <summary>The page of the list shown (1 = the newest).</summary>
    public int ListPage { get; private set; } = 1;

    /// <summary>True when there are older moments than those shown.</summary>
    public bool HasOlder { get; private set; }

    [BindProperty]
    public MomentInput Input { get; set; } = new();

    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<MomentView> Moments { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int p = 1)
    {
        Caller = await callers.RequireAsync();

        await LoadAsync(p);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Caller = await callers.RequireAsync();

        ModelState.Clear();
        var errors = record.Validate(Caller, Input);
        if (errors.Count > 0)
        {
            this.AddErrors(errors);
            await LoadAsync();
            return Page();
        }

        var saved = await record.RecordAsync(Caller, Input);
        if (!saved.IsSuccess)
        {
            this.AddErrors([saved.Error!]);
            await LoadAsync();
            return Page();
        }

        Status = Input.Visibility == Domain.Support.Visibility.Private ? "Saved, just for you." : $"Saved and shared with {Caller.PartnerName}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        Caller = await callers.RequireAsync();
        if (!await delete.DeleteAsync(Caller, id))
        {
            return NotFound();
        }

        Status = "Deleted.";
        return RedirectToPage();
    }

    private async Task LoadAsync(int page = 1)
    {
        ListPage = Math.Clamp(page, 1, 1000);
        var rows = await MomentQueries.Visible(db, Caller)
            .OrderByDescending(m => m.OccurredAtUtc).ThenByDescending(m => m.Id)
            .Skip((ListPage - 1) * ListSize).Take(ListSize + 1)
            .ToView(Caller).ToListAsync();
        HasOlder = rows.Count > ListSize;
        Moments = rows.Take(ListSize).ToList();
    }
}
