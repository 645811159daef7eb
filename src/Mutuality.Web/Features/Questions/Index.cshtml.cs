using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.Common;
using Mutuality.Domain.Questions;
using Mutuality.Web.Features.Questions.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Questions;

/// <summary>
/// Questions for two (issue 17): today's question (or a past day's), answered privately and revealed once both have
/// answered — the check-in's seal, through <see cref="QuestionService.ViewAsync"/>.
/// </summary>
public sealed class IndexModel(CallerContext callers, QuestionService questions) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public DayView View { get; private set; } = null!;

    public DailyQuestionEntry? Tomorrow { get; private set; }

    public IReadOnlyList<SharedDay> Recent { get; private set; } = [];

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public string? Status => TempData["Status"] as string;

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    [BindProperty]
    public string? ReplyText { get; set; }

    public string PartnerName => Caller.PartnerName ?? "your partner";

    public static string DayLabel(DateOnly day) => day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public async Task<IActionResult> OnGetAsync(string? day) => await LoadAsync(day) ?? Page();

    public async Task<IActionResult> OnPostAnswerAsync(string? day)
    {
        if (await LoadAsync(day) is { } early)
        {
            return early;
        }

        var (result, errors) = await questions.AnswerAsync(Caller, View.Entry.Day, Input.Text, Input.Choice, Input.Guess, Input.Note);
        if (!result.IsSuccess)
        {
            Errors = errors;
            return Page();
        }

        TempData["Status"] = "Your answer is saved.";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostPassAsync(string? day)
    {
        if (await LoadAsync(day) is { } early)
        {
            return early;
        }

        var result = await questions.PassAsync(Caller, View.Entry.Day);
        if (!result.IsSuccess)
        {
            Errors = [result.Error!];
            return Page();
        }

        TempData["Status"] = "You passed on this one — that's fine. A new question comes tomorrow.";
        return Redirect(Here);
    }

    public Task<IActionResult> OnPostReplyAsync(string? day) => ReactAsync(day, 1, "Your reply was sent.");

    public Task<IActionResult> OnPostHeartAsync(string? day) => ReactAsync(day, 2, "Your heart was sent.");

    public Task<IActionResult> OnPostMoreAsync(string? day) => ReactAsync(day, 3, $"{PartnerNameOrDefault} will see that you'd love to hear more.");

    public async Task<IActionResult> OnPostFavouriteAsync(string? day)
    {
        if (await LoadAsync(day) is { } early)
        {
            return early;
        }

        var result = await questions.ToggleFavouriteAsync(Caller, View.Question.Id);
        TempData["Status"] = result.Value ? "Kept in your favourites." : "Taken out of your favourites.";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostBringAsync(string? day)
    {
        if (await LoadAsync(day) is { } early)
        {
            return early;
        }

        var result = await questions.BringToMonthlyAsync(Caller, View.Entry.Day);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        TempData["Status"] = "It will be in your monthly check-in preparation.";
        return Redirect(Here);
    }

    private string PartnerNameOrDefault => Caller?.PartnerName ?? "Your partner";

    private string Here => View.IsToday ? "/Questions" : $"/Questions/{DayKey(View.Entry.Day)}";

    private async Task<IActionResult> ReactAsync(string? day, int kind, string status)
    {
        if (await LoadAsync(day) is { } early)
        {
            return early;
        }

        var result = await questions.ReactAsync(Caller, View.Entry.Day, kind, ReplyText);
        if (!result.IsSuccess)
        {
            if (result.Error == QuestionService.NotRevealed)
            {
                return NotFound();
            }

            Errors = [result.Error!];
            return Page();
        }

        TempData["Status"] = status;
        return Redirect(Here + "#reactions");
    }

    private async Task<IActionResult?> LoadAsync(string? day)
    {
        Caller = await callers.RequireAsync();
        if (Caller.CoupleId is null)
        {
            return RedirectToPage("/Couple/Index");
        }

        if (day is null)
        {
            View = await questions.TodayViewAsync(Caller);
        }
        else if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            || await questions.DayViewAsync(Caller, parsed) is not { } past)
        {
            return NotFound();
        }
        else
        {
            View = past;
        }

        if (View.IsToday)
        {
            Tomorrow = await questions.TomorrowAsync(Caller);
            Recent = await questions.SharedAsync(Caller, take: 7);
        }

        return null;
    }
}

/// <summary>The answer form: free text, or for a guess question one's own choice and a guess; an optional private note.</summary>
public sealed class AnswerInput
{
    public string? Text { get; set; }

    public int? Choice { get; set; }

    public int? Guess { get; set; }

    public string? Note { get; set; }
}
