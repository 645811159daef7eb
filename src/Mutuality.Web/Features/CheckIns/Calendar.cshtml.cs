using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>The private iCal feed: reachable without signing in (calendar apps can't), only with the secret token.</summary>
[AllowAnonymous]
public sealed class CalendarModel(CheckInCalendar calendar) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token)
    {
        var feed = await calendar.FeedAsync(token);
        if (feed is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=900";
        return File(Encoding.UTF8.GetBytes(feed), "text/calendar; charset=utf-8", "mutuality-checkins.ics");
    }
}
