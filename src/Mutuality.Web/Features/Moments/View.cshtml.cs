using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;

using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.Moments;

/// <summary>One moment: the receiver responds here; the author edits or deletes. Anything not visible to the caller is 404.</summary>
public sealed class ViewModel(CallerContext callers, RespondToMoment respond, AppDbContext db) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public MomentView Moment { get; private set; } = null!;

    [BindProperty]
    public MomentResponseKind? Kind { get; set; }

    [BindProperty]
    public int? Rating { get; set; }

    [BindProperty]
    public string? WhatWouldHelp { get; set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
        => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRespondAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Kind is null)
        {
            ModelState.AddModelError(nameof(Kind), "Your response: choose one of the answers.");
            return Page();
        }

        // Issue 16: "What would help" belongs to "Not quite what I needed" only; text left in it under another choice is not kept.
        var result = await respond.RespondAsync(Caller, id, Kind.Value, Rating, Kind == MomentResponseKind.NotQuite ? WhatWouldHelp : null);
        if (!result.IsSuccess)
        {
            return this.Refusal(result.Errors, prefix: string.Empty) ?? Page();
        }

        Status = "Thank you — your response is saved. You can change it any time.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Caller = await callers.RequireAsync();
        if (Caller.CoupleId is null)
        {
            return false;
        }

        var moment = await MomentQueries.Visible(db, Caller).Where(m => m.Id == id).ToView(Caller).SingleOrDefaultAsync();
        if (moment is null)
        {
            return false;
        }

        Moment = moment;
        Kind ??= moment.ResponseKind;
        Rating ??= moment.ResponseRating;
        WhatWouldHelp ??= moment.ResponseNote;
        return true;
    }
}
