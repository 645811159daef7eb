using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Requests.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Requests;

/// <summary>Opt in (or out) of an e-mail when the partner makes a request, with quiet hours in one's own zone.</summary>
public sealed class EmailModel(CallerContext callers, AppDbContext db) : PageModel
{
    [BindProperty]
    public bool EmailNewRequests { get; set; }

    [BindProperty]
    public int QuietFromHour { get; set; } = QuietHours.DefaultFromHour;

    [BindProperty]
    public int QuietToHour { get; set; } = QuietHours.DefaultToHour;

    public Caller Caller { get; private set; } = null!;

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync()
    {
        Caller = await callers.RequireAsync();
        var p = await db.RequestMailPreferences.AsNoTracking().SingleOrDefaultAsync(x => x.UserId == Caller.UserId);
        if (p is not null)
        {
            (EmailNewRequests, QuietFromHour, QuietToHour) = (p.EmailNewRequests, p.QuietFromHour, p.QuietToHour);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Caller = await callers.RequireAsync();
        ModelState.Clear();
        if (QuietFromHour is < 0 or > 23)
        {
            ModelState.AddModelError(nameof(QuietFromHour), "Quiet from: choose an hour from 00 to 23.");
        }

        if (QuietToHour is < 0 or > 23)
        {
            ModelState.AddModelError(nameof(QuietToHour), "Quiet until: choose an hour from 00 to 23.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var updated = await db.RequestMailPreferences.Where(x => x.UserId == Caller.UserId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.EmailNewRequests, EmailNewRequests)
            .SetProperty(x => x.QuietFromHour, QuietFromHour)
            .SetProperty(x => x.QuietToHour, QuietToHour));
        if (updated == 0)
        {
            db.RequestMailPreferences.Add(new RequestMailPreference { UserId = Caller.UserId, EmailNewRequests = EmailNewRequests, QuietFromHour = QuietFromHour, QuietToHour = QuietToHour });
            await db.SaveChangesAsync();
        }

        Status = EmailNewRequests ? "Saved. We'll e-mail you once for each new request, outside your quiet hours." : "Saved. No request e-mails.";
        return RedirectToPage();
    }
}
