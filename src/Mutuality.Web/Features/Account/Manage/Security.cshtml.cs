using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Account.Security;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Account.Manage;

/// <summary>The owner's own security activity: where they are signed in, recent events, and signing other sessions out.</summary>
public sealed class SecurityModel(CallerContext callers, AppDbContext db, SecurityActivity activity, TimeProvider clock, SignedOutSessions signedOut) : PageModel
{
    public sealed record SessionRow(Guid Id, string Device, DateTime CreatedAtUtc, DateTime LastSeenAtUtc, bool IsThisOne);

    public sealed record EventRow(string What, string Device, DateTime AtUtc);

    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    public IReadOnlyList<EventRow> Events { get; private set; } = [];

    public string TimeZoneId { get; private set; } = "UTC";

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync()
    {
        var caller = await callers.RequireAsync();
        TimeZoneId = caller.TimeZoneId;
        var current = SecurityActivity.SessionIdOf(User);
        var sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == caller.UserId && s.RevokedAtUtc == null)
            .OrderByDescending(s => s.LastSeenAtUtc)
            .Select(s => new { s.Id, s.Device, s.CreatedAtUtc, s.LastSeenAtUtc })
            .Take(50)
            .ToListAsync();
        Sessions = [.. sessions.Select(s => new SessionRow(s.Id, s.Device, s.CreatedAtUtc, s.LastSeenAtUtc, s.Id == current))];
        var events = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == caller.UserId)
            .OrderByDescending(e => e.AtUtc)
            .Take(30)
            .Select(e => new { e.Kind, e.Device, e.AtUtc })
            .ToListAsync();
        Events = [.. events.Select(e => new EventRow(SecurityEventKinds.Describe(e.Kind), e.Device, e.AtUtc))];
    }

    public async Task<IActionResult> OnPostSignOutOthersAsync()
    {
        var caller = await callers.RequireAsync();
        var current = SecurityActivity.SessionIdOf(User);
        var now = clock.GetUtcNow().UtcDateTime;
        var others = await db.UserSessions
            .Where(s => s.UserId == caller.UserId && s.RevokedAtUtc == null && s.Id != current)
            .Select(s => s.Id)
            .ToListAsync();
        await db.UserSessions
            .Where(s => others.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAtUtc, now));
        await signedOut.ForgetAsync(db, others);
        await activity.RecordAsync(caller.UserId, SecurityEventKinds.OtherSessionsSignedOut, HttpContext);
        Status = "Every other session has been signed out.";
        return RedirectToPage();
    }

    /// <summary>Signs out one of the caller's own sessions. Anyone else's session id is "not found".</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var caller = await callers.RequireAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.UserSessions
            .Where(s => s.Id == id && s.UserId == caller.UserId && s.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAtUtc, now));
        if (changed == 0)
        {
            return NotFound();
        }

        await signedOut.ForgetAsync(db, [id]);
        await activity.RecordAsync(caller.UserId, SecurityEventKinds.SessionSignedOut, HttpContext);
        Status = "That session has been signed out.";
        return RedirectToPage();
    }
}
