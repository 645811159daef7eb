using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Requests;

public sealed record RequestRow(Guid Id, bool Mine, SupportType Type, string Need, RequestState State, DateTime CreatedAtUtc, DateTime WindowEndsUtc, RequestOutcome? Outcome = null);

/// <summary>Our requests, newest first, each with the state it is in now (missed is computed from the clock).</summary>
[PartnerRequired]
public sealed class IndexModel(CallerContext callers, AppDbContext db, TimeProvider clock) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<RequestRow> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Caller = await callers.RequireAsync();

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await RequestQueries.OfCouple(db, Caller)
            .OrderByDescending(r => r.CreatedAtUtc).Take(100)
            .Select(r => new { r.Id, r.RequesterId, r.AskedType, r.Need, r.State, r.CreatedAtUtc, r.WindowEndsUtc, r.FirstAnsweredAtUtc, r.Outcome })
            .ToListAsync();
        Requests = rows.Select(r => new RequestRow(r.Id, r.RequesterId == Caller.UserId, r.AskedType, r.Need,
            SupportRequests.EffectiveState(new RequestSnapshot(r.State, r.WindowEndsUtc, r.FirstAnsweredAtUtc), now), r.CreatedAtUtc, r.WindowEndsUtc, r.Outcome)).ToList();
        return Page();
    }
}
