using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>Check-ins: today's status and the caller's own past check-ins.</summary>
[PartnerRequired]
public sealed class IndexModel(CallerContext callers, CheckInQueries checkIns) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<OwnCheckIn> Mine { get; private set; } = [];

    public CheckInPeriod Current { get; private set; }

    public IReadOnlySet<string> Revealed { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync()
    {
        Caller = await callers.RequireAsync();

        Current = await checkIns.CurrentPeriodAsync(Caller);
        Mine = (await checkIns.OwnSubmittedAsync(Caller)).Reverse().Take(30).ToList();
        Revealed = (await checkIns.RevealsAsync(Caller)).Select(r => r.Mine.Period.Label).ToHashSet();
        return Page();
    }
}
