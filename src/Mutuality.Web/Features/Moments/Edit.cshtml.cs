using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.Moments;

/// <summary>Edit one of my own moments. My partner's moments, and anything outside our couple, are 404.</summary>
public sealed class EditModel(CallerContext callers, EditMoment edit, AppDbContext db) : PageModel
{
    [BindProperty]
    public MomentInput Input { get; set; } = new();

    public Guid Id { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var caller = await callers.RequireAsync();
        var m = await db.SupportMoments.AsNoTracking()
            .Where(x => x.Id == id && x.CoupleId == caller.CoupleId && x.AuthorId == caller.UserId && x.Kind == MomentKind.Moment)
            .Select(x => new { x.Direction, x.Type, x.Note, x.OccurredAtUtc, x.Visibility })
            .SingleOrDefaultAsync();
        if (caller.CoupleId is null || m is null)
        {
            return NotFound();
        }

        Id = id;
        Input = new MomentInput { Direction = m.Direction, Type = m.Type, Note = m.Note, OccurredAt = SupportText.LocalInput(m.OccurredAtUtc, caller.TimeZoneId), Visibility = m.Visibility };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var caller = await callers.RequireAsync();
        Id = id;
        var owns = caller.CoupleId is not null && await db.SupportMoments.AnyAsync(x => x.Id == id && x.CoupleId == caller.CoupleId && x.AuthorId == caller.UserId && x.Kind == MomentKind.Moment);
        if (!owns)
        {
            return NotFound();
        }

        ModelState.Clear();
        var errors = edit.Validate(caller, Input);
        if (errors.Count > 0)
        {
            this.AddErrors(errors);
            return Page();
        }

        var saved = await edit.UpdateAsync(caller, id, Input);
        if (!saved.IsSuccess)
        {
            return NotFound();
        }

        Status = "Saved.";
        return RedirectToPage("/Moments/View", new { id });
    }
}
