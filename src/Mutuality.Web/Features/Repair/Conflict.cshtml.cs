using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Features.Repair.Data;
using Mutuality.Web.Infrastructure.Couples;

using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.Repair;

/// <summary>
/// One conflict record: my side (private until I share it), the partner's side once they share it, repair
/// attempts, and resolving with an agreement. Anything outside the caller's couple is 404.
/// </summary>
public sealed class ConflictModel(CallerContext callers, WriteSide writeSide, SendRepairAttempt sendAttempt, ResolveConflict resolveConflict, AppDbContext db, TimeProvider clock) : RitualPageModel
{
    [BindProperty]
    public SideInput Side { get; set; } = new();

    [BindProperty]
    public AttemptInput Attempt { get; set; } = new();

    [BindProperty]
    public AgreementInput Resolve { get; set; } = new();

    public ConflictView View { get; private set; } = null!;

    public List<RepairAttempt> Attempts { get; private set; } = [];

    public RitualAgreement? Agreement { get; private set; }

    public DateTime? BreakEndsAtUtc { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (View.MySide is { } mine)
        {
            Side = new SideInput { FeelingsAndNeeds = mine.FeelingsAndNeeds, HowYouSawIt = mine.HowYouSawIt, MyImpactOnYou = mine.MyImpactOnYou, YourImpactOnMe = mine.YourImpactOnMe };
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveSideAsync(Guid id) => SideAsync(id, share: false);

    public Task<IActionResult> OnPostShareSideAsync(Guid id) => SideAsync(id, share: true);

    public async Task<IActionResult> OnPostAttemptAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (await sendAttempt.HandleAsync(Caller, View, Attempt) is { IsSuccess: false } refused)
        {
            this.Refusal(refused.Errors, "Attempt.");
            return await RedisplayAsync(id);
        }

        TempData["Status"] = $"Sent to {Caller.PartnerName}.";
        return RedirectToPage(null, null, new { id }, "attempts");
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ReplaceBindingError("Resolve.DueOn", "By when: use a date like 2026-04-30, or leave it empty.");
        if (ModelState.IsValid && await resolveConflict.HandleAsync(Caller, View, Resolve) is { IsSuccess: false } refused)
        {
            this.Refusal(refused.Errors, "Resolve.");
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id);
        }

        TempData["Status"] = "Resolved. Your agreement will come back at your next monthly check-in.";
        return RedirectToPage(null, null, new { id });
    }

    private async Task<IActionResult> SideAsync(Guid id, bool share)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var saved = await writeSide.HandleAsync(Caller, View, Side, share);
        if (!saved.IsSuccess)
        {
            this.Refusal(saved.Errors, "Side.");
            return await RedisplayAsync(id);
        }

        TempData["Status"] = share ? $"Your side is shared. {Caller.PartnerName} can read it now." : "Saved privately. Only you can see your side until you share it.";
        return RedirectToPage(null, null, new { id }, "my-side");
    }

    private async Task<IActionResult> RedisplayAsync(Guid id)
    {
        // Show the state as it is in the database (nothing was stored), with what the person typed still in the form.
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Caller = await callers.RequireAsync();
        if (!Caller.HasPartner || await ConflictView.LoadAsync(db, Caller, id) is not { } view)
        {
            return false;
        }

        View = view;
        var now = clock.GetUtcNow().UtcDateTime;
        Today = TimeZones.LocalDay(now, TimeZones.FindOrUtc(Caller.TimeZoneId));
        BreakEndsAtUtc = Breaks.IsRunning(view.Record.BreakEndsAtUtc, now) ? view.Record.BreakEndsAtUtc : null;
        Attempts = await db.RepairAttempts.AsNoTracking()
            .Where(a => a.ConflictId == id && a.CoupleId == Caller.CoupleId)
            .OrderBy(a => a.SentAtUtc)
            .ToListAsync();
        Agreement = await db.RitualAgreements.AsNoTracking()
            .Where(a => a.ConflictId == id && a.CoupleId == Caller.CoupleId)
            .OrderBy(a => a.CreatedAtUtc)
            .FirstOrDefaultAsync();
        return true;
    }

    public string AuthorName(Guid authorId) => authorId == Caller.UserId ? "You" : Caller.PartnerName ?? "Your partner";

}
