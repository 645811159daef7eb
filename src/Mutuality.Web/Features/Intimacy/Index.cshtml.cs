using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Intimacy.Data;
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

    public string ChartJson => JsonSerializer.Serialize(new
    {
        labels = IntimacyRules.Kinds.Select(k => k.Name),
        mine = IntimacyRules.Kinds.Select(k => Mine.FirstOrDefault(r => r.Kind == k.Id)?.Fulfilment),
        partner = Partners.Count == 0 ? null : IntimacyRules.Kinds.Select(k => Partners.FirstOrDefault(r => r.Kind == k.Id)?.Fulfilment),
        myName = "You",
        partnerName = Caller.PartnerName ?? "Your partner",
    });

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

        TempData["Status"] = Caller.HasPartner
            ? $"Thank you. You'll see {Caller.PartnerName}'s map for {MonthName} once you've both rated."
            : "Thank you. Your map is saved.";
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
