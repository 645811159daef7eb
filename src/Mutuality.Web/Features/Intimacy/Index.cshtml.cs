using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Intimacy.Data;
using Mutuality.Web.Features.Shared.Charts;
using Mutuality.Web.Infrastructure.Couples;
using IntimacyRules = Mutuality.Domain.Rituals.Intimacy;

namespace Mutuality.Web.Features.Intimacy;

/// <summary>The intimacy map (C6, M8): rate seven kinds once a month; see both maps and the largest gaps once both have rated.</summary>
public sealed class IndexModel(CallerContext callers, AppDbContext db, TimeProvider clock) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public DateOnly Month { get; private set; }

    public IReadOnlyList<IntimacyRating> Mine { get; private set; } = [];

    /// <summary>The partner's ratings for this month: empty until both have rated.</summary>
    public IReadOnlyList<IntimacyRating> Partners { get; private set; } = [];

    public IReadOnlyList<IntimacyGap> Gaps { get; private set; } = [];

    [BindProperty]
    public Dictionary<string, int?> Ratings { get; set; } = [];

    public string? Error { get; private set; }

    public string? Status => TempData["Status"] as string;

    public bool Rated => Mine.Count > 0;

    public string MonthName => Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The map (one schema, drawn by wwwroot/js/charts.js): a radar of each kind, 0–10. Issue 16: "fulfilled" solid
    /// and "matters" dashed for each partner, in that partner's colour, so the gap between them shows.
    /// </summary>
    public ChartData Chart => new(
        ChartType.Radar,
        [.. IntimacyRules.Kinds.Select(k => k.Name)],
        [
            new("You: fulfilled", Scores(Mine, r => r.Fulfilment), Colour: 0),
            new("You: matters", Scores(Mine, r => r.Importance), Dashed: true, Colour: 0),
            .. Partners.Count == 0 ? Array.Empty<ChartSeries>() :
            [
                new($"{Caller.PartnerName ?? "Your partner"}: fulfilled", Scores(Partners, r => r.Fulfilment), Colour: 1),
                new($"{Caller.PartnerName ?? "Your partner"}: matters", Scores(Partners, r => r.Importance), Dashed: true, Colour: 1),
            ],
        ])
    { Min = 0, Max = 10, Step = 2, SpanGaps = true };

    private static double?[] Scores(IReadOnlyList<IntimacyRating> ratings, Func<IntimacyRating, int> pick)
        => [.. IntimacyRules.Kinds.Select(k => ratings.FirstOrDefault(r => r.Kind == k.Id) is { } r ? (double?)pick(r) : null)];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : RedirectToPage("/Couple/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return RedirectToPage("/Couple/Index");
        }

        if (Rated)
        {
            Error = $"You've already made your map for {MonthName}. The next one opens next month.";
            return Page();
        }

        ModelState.Clear();
        var result = IntimacyRules.Validate(Ratings);
        if (!result.IsSuccess)
        {
            // Issue 16: every missing or out-of-range number is named and marked, not only the first.
            foreach (var problem in IntimacyRules.Problems(Ratings))
            {
                ModelState.AddModelError($"Ratings[{problem.Field}]", problem.Message);
            }

            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var rating in result.Value)
        {
            db.IntimacyEntries.Add(new IntimacyEntry
            {
                Id = Guid.CreateVersion7(),
                CoupleId = Caller.CoupleId!.Value,
                AuthorId = Caller.UserId,
                Month = Month,
                Kind = rating.Kind,
                Fulfilment = rating.Fulfilment,
                Importance = rating.Importance,
                CreatedAtUtc = now,
            });
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            Error = $"You've already made your map for {MonthName}. The next one opens next month.";
            await LoadAsync();
            return Page();
        }

        // Issue 16: the second to rate sees both maps at once, and is told so (not "once you've both rated").
        var partnerRated = Caller.PartnerId is { } partnerId
            && await db.IntimacyEntries.AsNoTracking().AnyAsync(e => e.CoupleId == Caller.CoupleId && e.AuthorId == partnerId && e.Month == Month);
        TempData["Status"] = !Caller.HasPartner ? "Thank you. Your map is saved."
            : partnerRated ? $"Thank you. You've both rated {MonthName}: here are both your maps."
            : $"Thank you. You'll see {Caller.PartnerName}'s map for {MonthName} once you've both rated.";
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
        var month = Month;
        Mine = await db.IntimacyEntries.AsNoTracking()
            .Where(e => e.CoupleId == coupleId && e.AuthorId == Caller.UserId && e.Month == month)
            .Select(e => new IntimacyRating(e.Kind, e.Fulfilment, e.Importance))
            .ToListAsync();

        // Sealed until both have rated: the partner's rows are not even read before the caller has rated.
        Partners = Mine.Count == 0 || Caller.PartnerId is not { } partnerId
            ? []
            : await db.IntimacyEntries.AsNoTracking()
                .Where(e => e.CoupleId == coupleId && e.AuthorId == partnerId && e.Month == month)
                .Select(e => new IntimacyRating(e.Kind, e.Fulfilment, e.Importance))
                .ToListAsync();
        Gaps = Mine.Count == 0 ? [] : IntimacyRules.LargestGaps(Mine, Partners.Count == 0 ? null : Partners);
        return true;
    }
}
