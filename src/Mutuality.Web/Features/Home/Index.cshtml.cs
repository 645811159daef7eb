using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Home;

/// <summary>
/// The front page: a welcome for visitors, a guide to inviting the partner for someone on their own,
/// and for a couple the place where the partner's shared items appear.
/// </summary>
public sealed class IndexModel(CallerContext callers) : PageModel
{
    public Caller? Caller { get; private set; }

    public string? Status => TempData["Status"] as string;

    public async Task OnGetAsync() => Caller = await callers.GetAsync();
}
