using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Repair;

/// <summary>A guide with private reflection prompts. Reflections are saved for their author only and never shared.</summary>
public sealed class GuideModel(CallerContext callers, RepairCommands commands, AppDbContext db) : RitualPageModel
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
        var cleaned = new Dictionary<string, string>();
        foreach (var prompt in guide.Prompts)
        {
            var text = TextRules.Optional(Reflections.GetValueOrDefault(prompt.Key), Guides.ReflectionMax, prompt.Key, prompt.Label);
            if (!text.IsSuccess)
            {
                ModelState.AddModelError($"Reflections[{prompt.Key}]", text.Error!.Message);
            }
            else
            {
                cleaned[prompt.Key] = text.Value;
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        await commands.SaveReflectionsAsync(Caller.UserId, guide.Slug, cleaned);
        TempData["Status"] = "Saved. Only you can see your reflections.";
        return RedirectToPage(null, null, new { slug }, "reflections");
    }
}
