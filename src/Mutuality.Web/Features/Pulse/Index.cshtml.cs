using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Pulse.Data;
using Mutuality.Web.Features.Shared.Charts;
using Mutuality.Web.Infrastructure.Couples;
using PulseRules = Mutuality.Domain.Rituals.Pulse;

namespace Mutuality.Web.Features.Pulse;

/// <summary>Our monthly pulse (M9): answer five statements once a month; see both partners' answers once both have answered.</summary>
public sealed class IndexModel(CallerContext callers, AppDbContext db, TimeProvider clock) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public DateOnly Month { get; private set; }

    public IReadOnlyDictionary<string, int> Mine { get; private set; } = new Dictionary<string, int>();

    /// <summary>The partner's answers for this month: empty until both have answered.</summary>
    public IReadOnlyDictionary<string, int> Partners { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<PulseMonth> Trend { get; private set; } = [];

    [BindProperty]
    public Dictionary<string, int?> Answers { get; set; } = [];

    public string? Error { get; private set; }

    public string? Status => TempData["Status"] as string;

    public bool Answered => Mine.Count > 0;

    public string MonthName => MonthLabel(Month);

    public static string MonthLabel(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The trend chart (one schema, drawn by wwwroot/js/charts.js): my averages, the partner's where both answered.</summary>
    public ChartData Chart => new(
        ChartType.Line,
        [.. Trend.Select(t => t.Month.ToString("MMM yyyy", CultureInfo.InvariantCulture))],
        [
            new("You", [.. Trend.Select(t => t.Mine)]),
            new(Caller.PartnerName ?? "Your partner", [.. Trend.Select(t => t.Partner)], Dashed: true),
        ])
    { Min = 1, Max = 5, Step = 1, SpanGaps = true };

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return RedirectToPage("/Couple/Index");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return RedirectToPage("/Couple/Index");
        }

        if (Answered)
        {
            Error = $"You've already answered the pulse for {MonthName}. The next one opens next month.";
            return Page();
        }

        // Our own rules give the messages (a non-number arrives as "no answer", and is named as such).
        ModelState.Clear();
        var result = PulseRules.Validate(Answers);
        if (!result.IsSuccess)
        {
            // Issue 16: every unanswered statement is named and marked, not only the first.
            foreach (var problem in PulseRules.Problems(Answers))
            {
                ModelState.AddModelError($"Answers[{problem.Field}]", problem.Message);
            }

            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (item, value) in result.Value)
        {
            db.PulseAnswers.Add(new PulseAnswer
            {
                Id = Guid.CreateVersion7(),
                CoupleId = Caller.CoupleId!.Value,
                AuthorId = Caller.UserId,
                Month = Month,
                ItemId = item,
                Value = value,
                CreatedAtUtc = now,
            });
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two tabs sent the pulse at once: the unique index kept only the first.
            db.ChangeTracker.Clear();
            Error = $"You've already answered the pulse for {MonthName}. The next one opens next month.";
            await LoadAsync();
            return Page();
        }

        // Issue 16: the second to answer sees both at once, and is told so (not "once you've both answered").
        var partnerAnswered = Caller.PartnerId is { } partnerId
            && await db.PulseAnswers.AsNoTracking().AnyAsync(a => a.CoupleId == Caller.CoupleId && a.AuthorId == partnerId && a.Month == Month);
        TempData["Status"] = !Caller.HasPartner ? "Thank you. Your answers are saved."
            : partnerAnswered ? $"Thank you. You've both answered for {MonthName}: here are both your answers."
            : $"Thank you. You'll see {Caller.PartnerName}'s answers for {MonthName} once you've both answered.";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        Caller = await callers.RequireAsync();
        if (Caller.CoupleId is not { } coupleId)
        {
            return false;
        }

        Month = Caller.CoupleMonth(clock.GetUtcNow().UtcDateTime);
        var mine = await db.PulseAnswers.AsNoTracking()
            .Where(a => a.CoupleId == coupleId && a.AuthorId == Caller.UserId)
            .Select(a => new { a.Month, a.ItemId, a.Value })
            .ToListAsync();
        var myMonths = mine.Select(a => a.Month).ToHashSet();

        // The partner's answers are read only for months the caller has also answered (sealed until both answer).
        var partners = Caller.PartnerId is not { } partnerId || myMonths.Count == 0
            ? []
            : await db.PulseAnswers.AsNoTracking()
                .Where(a => a.CoupleId == coupleId && a.AuthorId == partnerId && myMonths.Contains(a.Month))
                .Select(a => new { a.Month, a.ItemId, a.Value })
                .ToListAsync();

        Mine = mine.Where(a => a.Month == Month).ToDictionary(a => a.ItemId, a => a.Value);
        var partnersThisMonth = partners.Where(a => a.Month == Month).ToList();
        Partners = PulseRules.PartnerVisible(Mine.Count > 0, partnersThisMonth.Count > 0)
            ? partnersThisMonth.ToDictionary(a => a.ItemId, a => a.Value)
            : new Dictionary<string, int>();
        Trend = [.. myMonths.Order().Select(m => new PulseMonth(
            m,
            PulseRules.Average(mine.Where(a => a.Month == m).Select(a => a.Value)),
            PulseRules.Average(partners.Where(a => a.Month == m).Select(a => a.Value))))];
        return true;
    }
}

/// <summary>One month of the trend: my average, and the partner's when both answered.</summary>
public sealed record PulseMonth(DateOnly Month, double? Mine, double? Partner);
