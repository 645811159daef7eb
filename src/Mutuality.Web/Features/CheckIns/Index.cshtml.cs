using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>Check-ins: today's status and the caller's own past check-ins, newest first, a page at a time.</summary>
[PartnerRequired]
public sealed class IndexModel(CallerContext callers, CheckInQueries checkIns) : PageModel
{
    /// <summary>Check-ins listed on one page (the list used to show the latest 30 only).</summary>
    public const int PageSize = 30;

    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<(CheckInPeriod Period, bool Revealed)> Mine { get; private set; } = [];

    public CheckInPeriod Current { get; private set; }

    /// <summary>The page shown (1 = the newest), <c>?p=</c> (not "page": Razor Pages keeps that route value for itself).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool HasOlder { get; private set; }

    public string NewerHref => PageNumber == 2 ? "/CheckIns" : $"/CheckIns?p={PageNumber - 1}";

    public string OlderHref => $"/CheckIns?p={PageNumber + 1}";

    public async Task<IActionResult> OnGetAsync()
    {
        Caller = await callers.RequireAsync();
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);

        Current = await checkIns.CurrentPeriodAsync(Caller);
        var page = await checkIns.OwnSentPageAsync(Caller, (PageNumber - 1) * PageSize, PageSize);
        HasOlder = page.Count > PageSize;
        Mine = [.. page.Take(PageSize)];
        return Page();
    }
}
