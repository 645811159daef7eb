using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.Questions;
using Mutuality.Web.Features.Questions.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Questions;

/// <summary>Browse the library by category or favourites, and ask the partner one of them as tomorrow's question.</summary>
[PartnerRequired]
public sealed class AskModel(CallerContext callers, QuestionService questions) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public QuestionCategory? Category { get; private set; }

    public bool FavouritesOnly { get; private set; }

    public IReadOnlyList<Question> Shown { get; private set; } = [];

    public HashSet<string> Favourites { get; private set; } = [];

    public Question Today { get; private set; } = null!;

    public DailyQuestionEntry? Tomorrow { get; private set; }

    public string? Error { get; private set; }

    public string? Status => TempData["Status"] as string;

    public string PartnerName => Caller.PartnerName ?? "your partner";

    [BindProperty]
    public string? QuestionId { get; set; }

    public async Task<IActionResult> OnGetAsync(string? category, bool favourites = false)
    {
        await LoadAsync(category, favourites);
        return Page();
    }

    public async Task<IActionResult> OnPostAskAsync(string? category, bool favourites = false)
    {
        await LoadAsync(category, favourites);

        var result = await questions.AskAsync(Caller, QuestionId);
        if (!result.IsSuccess)
        {
            Error = result.Error!.Message;
            return Page();
        }

        TempData["Status"] = $"Tomorrow's question for you both: “{result.Value.Text}”";
        return Redirect("/Questions");
    }

    public async Task<IActionResult> OnPostFavouriteAsync(string? category, bool favourites = false)
    {
        await LoadAsync(category, favourites);

        var result = await questions.ToggleFavouriteAsync(Caller, QuestionId);
        if (!result.IsSuccess)
        {
            Error = result.Error!.Message;
            return Page();
        }

        TempData["Status"] = result.Value ? "Kept in your favourites." : "Taken out of your favourites.";
        return Redirect(Here(Category, FavouritesOnly) + "#q-" + QuestionId);
    }

    public static string Here(QuestionCategory? category, bool favourites)
        => favourites ? "/Questions/Ask?favourites=true" : $"/Questions/Ask?category={QuestionCategories.Slug(category ?? QuestionCategory.KnowingMe)}";

    private async Task LoadAsync(string? category, bool favourites)
    {
        Caller = await callers.RequireAsync();

        FavouritesOnly = favourites;
        Category = favourites ? null : QuestionCategories.FromSlug(category) ?? QuestionCategory.KnowingMe;
        Favourites = await questions.FavouritesAsync(Caller);
        Shown = [.. QuestionLibrary.All.Where(q => favourites ? Favourites.Contains(q.Id) : q.Category == Category)];
        Today = (await questions.TodayViewAsync(Caller)).Question;
        Tomorrow = await questions.TomorrowAsync(Caller);
    }
}
