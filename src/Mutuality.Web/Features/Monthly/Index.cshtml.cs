using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Infrastructure.Couples;

using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.Monthly;

/// <summary>The monthly check-in: the chosen day, this month's preparation and talk, and the agreements.</summary>
[PartnerRequired]
public sealed class IndexModel(CallerContext callers, ThisMonth thisMonth, ChooseDay chooseDay, MonthlyQueries queries, AppDbContext db, TimeProvider clock) : RitualPageModel
{
    [BindProperty]
    public DayInput Input { get; set; } = new();

    public int? ChosenDay { get; private set; }

    public DateOnly? MyNext { get; private set; }

    public DateOnly? PartnerNext { get; private set; }

    public DateOnly Month { get; private set; }

    public bool IsToday { get; private set; }

    public MonthlyCheckIn? CheckIn { get; private set; }

    public bool MyPrepShared { get; private set; }

    public bool MyPrepStarted { get; private set; }

    public bool PartnerPrepShared { get; private set; }

    public List<RitualAgreement> Open { get; private set; } = [];

    public List<RitualAgreement> Reviewed { get; private set; } = [];

    public List<DateOnly> EarlierMonths { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        Input.DayOfMonth = ChosenDay;
        return Page();
    }

    public async Task<IActionResult> OnPostDayAsync()
    {
        Caller = await callers.RequireAsync();

        ReplaceBindingError("Input.DayOfMonth", "Day of the month: choose a day from 1 to 28, so it comes round every month.");
        if (ModelState.IsValid && await chooseDay.HandleAsync(Caller, Input) is { IsSuccess: false } refused)
        {
            this.Refusal(refused.Errors);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Status"] = $"Your check-in day is now the {Ordinal(Input.DayOfMonth!.Value)} of each month.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Caller = await callers.RequireAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        ChosenDay = await db.MonthlyRhythms.AsNoTracking().Where(r => r.CoupleId == Caller.CoupleId).Select(r => (int?)r.DayOfMonth).SingleOrDefaultAsync();
        if (ChosenDay is { } day)
        {
            var partnerZone = await db.Users.AsNoTracking().Where(u => u.Id == Caller.PartnerId).Select(u => u.TimeZoneId).SingleAsync();
            MyNext = MonthlyRhythm.NextOccurrence(day, now, TimeZones.FindOrUtc(Caller.TimeZoneId));
            PartnerNext = MonthlyRhythm.NextOccurrence(day, now, TimeZones.FindOrUtc(partnerZone));
            IsToday = MyNext == thisMonth.Today(Caller);
        }

        Month = thisMonth.Month(Caller);
        CheckIn = await queries.CheckInAsync(Caller, Month);
        if (CheckIn is not null)
        {
            var preps = await queries.VisiblePreparationsAsync(Caller, CheckIn.Id);
            var mine = preps.SingleOrDefault(p => p.AuthorId == Caller.UserId);
            MyPrepStarted = mine is not null;
            MyPrepShared = mine?.Shared == true;
            PartnerPrepShared = preps.Any(p => p.AuthorId == Caller.PartnerId && p.Shared);
        }

        Open = await queries.DueForReviewAsync(Caller, null);
        Reviewed = await queries.RecentlyReviewedAsync(Caller, 12);
        EarlierMonths = await db.MonthlyCheckIns.AsNoTracking()
            .Where(c => c.CoupleId == Caller.CoupleId && c.Month < Month && c.FinishedAtUtc != null)
            .OrderByDescending(c => c.Month).Select(c => c.Month).Take(12).ToListAsync();
    }

    public static string Ordinal(int day) => day switch
    {
        1 or 21 => $"{day}st",
        2 or 22 => $"{day}nd",
        3 or 23 => $"{day}rd",
        _ => $"{day}th",
    };
}
