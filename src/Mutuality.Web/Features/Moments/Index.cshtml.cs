using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Moments;

/// <summary>Record a moment of support, and see ours: my own (private ones too) and my partner's shared ones.</summary>
public sealed class IndexModel(CallerContext callers, MomentCommands commands, AppDbContext db) : PageModel
{
    public const int ListSize = 50;

    [BindProperty]
    public MomentInput Input { get; set; } = new();

    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<MomentView> Moments { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Caller = await callers.RequireAsync();
        if (!Caller.HasPartner)
        {
            return RedirectToPage("/Couple/Index");
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Caller = await callers.RequireAsync();
        if (!Caller.HasPartner)
        {
            return RedirectToPage("/Couple/Index");
        }

        ModelState.Clear();
        var errors = commands.Validate(Caller, Input);
        if (errors.Count > 0)
        {
            this.AddErrors(errors);
            await LoadAsync();
            return Page();
        }

        var saved = await commands.RecordAsync(Caller, Input);
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
        if (!await commands.DeleteAsync(Caller, id))
        {
            return NotFound();
        }

        Status = "Deleted.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
        => Moments = await MomentQueries.Visible(db, Caller).OrderByDescending(m => m.OccurredAtUtc).Take(ListSize).ToView(Caller).ToListAsync();
}
