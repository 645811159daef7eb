using Microsoft.AspNetCore.Mvc;
using Mutuality.Web.Infrastructure.Couples;

using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.Monthly;

/// <summary>Private preparation for this month's check-in. Only its author sees it until they share it.</summary>
[PartnerRequired]
public sealed class PrepareModel(CallerContext callers, ThisMonth thisMonth, SavePreparation savePreparation, MonthlyQueries queries) : RitualPageModel
{
    [BindProperty]
    public PreparationInput Input { get; set; } = new();

    public bool Shared { get; private set; }

    public DateOnly Month { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Caller = await callers.RequireAsync();

        await LoadAsync(fillInput: true);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync() => SaveAsync(share: false);

    public Task<IActionResult> OnPostShareAsync() => SaveAsync(share: true);

    private async Task<IActionResult> SaveAsync(bool share)
    {
        Caller = await callers.RequireAsync();

        var saved = await savePreparation.HandleAsync(Caller, Input, share);
        if (!saved.IsSuccess)
        {
            this.Refusal(saved.Errors);
            await LoadAsync(fillInput: false);
            return Page();
        }

        TempData["Status"] = share
            ? $"Saved and shared. {Caller.PartnerName} can see your preparation in talk mode."
            : $"Saved privately. Only you can see this until you share it.";
        return RedirectToPage();
    }

    private async Task LoadAsync(bool fillInput)
    {
        Month = thisMonth.Month(Caller);
        var checkIn = await queries.CheckInAsync(Caller, Month);
        var mine = checkIn is null ? null : (await queries.VisiblePreparationsAsync(Caller, checkIn.Id)).SingleOrDefault(p => p.AuthorId == Caller.UserId);
        Shared = mine?.Shared == true;
        if (fillInput && mine is not null)
        {
            Input = new PreparationInput { Appreciations = mine.Appreciations, WentWell = mine.WentWell, HardThing = mine.HardThing, NeedNextMonth = mine.NeedNextMonth };
        }
    }
}
