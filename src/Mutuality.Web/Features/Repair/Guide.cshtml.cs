using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.Repair;

/// <summary>A guide with private reflection prompts. Reflections are saved for their author only and never shared.</summary>
public sealed class GuideModel(CallerContext callers, SaveReflections saveReflections, AppDbContext db) : RitualPageModel
{
    public Guide Guide { get; private set; } = null!;

    [BindProperty]
    public Dictionary<string, string?> Reflections { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (Guides.Find(slug) is not { } guide)
        {
            return NotFound();
        }

        Guide = guide;
        Caller = await callers.RequireAsync();
        var saved = await db.GuideReflections.AsNoTracking()
            .Where(r => r.AuthorId == Caller.UserId && r.Guide == guide.Slug)
            .Select(r => new { r.PromptKey, r.Text })
            .ToListAsync();
        Reflections = saved.ToDictionary(r => r.PromptKey, r => (string?)r.Text);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (Guides.Find(slug) is not { } guide)
        {
            return NotFound();
        }

        Guide = guide;
        Caller = await callers.RequireAsync();
        var saved = await saveReflections.HandleAsync(Caller, guide, Reflections);
        if (!saved.IsSuccess)
        {
            return this.Refusal(saved.Errors, prefix: nameof(Reflections)) ?? Page();
        }

        TempData["Status"] = "Saved. Only you can see your reflections.";
        return RedirectToPage(null, null, new { slug }, "reflections");
    }
}
