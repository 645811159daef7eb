using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Account.Privacy;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Home;

/// <summary>
/// The front page: a welcome for visitors, a guide to inviting the partner for someone on their own,
/// and for a couple the place where the partner's shared items appear. Notices for the person (e.g. that
/// their partner deleted their account) show at the top until dismissed.
/// </summary>
public sealed class IndexModel(CallerContext callers, AppDbContext db) : PageModel
{
    public Caller? Caller { get; private set; }

    public string? Status => TempData["Status"] as string;

    public IReadOnlyList<PersonNotice> Notices { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Caller = await callers.GetAsync();
        if (Caller is not null)
        {
            Notices = await db.PersonNotices.AsNoTracking().Where(n => n.UserId == Caller.UserId).OrderBy(n => n.CreatedAtUtc).ToListAsync();
        }
    }

    public async Task<IActionResult> OnPostDismissNoticeAsync(Guid id)
    {
        if (await callers.GetAsync() is not { } caller)
        {
            return Challenge();
        }

        var removed = await db.PersonNotices.Where(n => n.Id == id && n.UserId == caller.UserId).ExecuteDeleteAsync();
        return removed == 1 ? Redirect("/") : NotFound();
    }
}
