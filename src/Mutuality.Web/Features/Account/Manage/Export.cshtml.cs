using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mutuality.Web.Features.Account.Privacy;
using Mutuality.Web.Features.Account.Security;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Features.Account.Manage;

/// <summary>
/// Download everything you can see: asking starts a background job; the page shows its progress (htmx polls a
/// fragment while it runs) and then a link that works for 24 hours, for this person only.
/// </summary>
[EnableRateLimiting(AppSetup.ExportRateLimit)]
public sealed class ExportModel(CallerContext callers, ExportService exports, SecurityActivity activity) : PageModel
{
    public ExportJob? Job { get; private set; }

    /// <summary>Issue 16: times on this page are in the person's own zone.</summary>
    public string TimeZoneId { get; private set; } = "UTC";

    public async Task OnGetAsync()
    {
        var caller = await callers.RequireAsync();
        TimeZoneId = caller.TimeZoneId;
        Job = await exports.LatestAsync(caller.UserId);
    }

    /// <summary>The status fragment, polled by htmx while an export is being prepared.</summary>
    public async Task<IActionResult> OnGetStatusAsync()
    {
        var caller = await callers.RequireAsync();
        TimeZoneId = caller.TimeZoneId;
        Job = await exports.LatestAsync(caller.UserId);
        return Partial("_ExportStatus", this);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var caller = await callers.RequireAsync();
        await exports.RequestAsync(caller.UserId);
        await activity.RecordAsync(caller.UserId, SecurityEventKinds.Exported, HttpContext);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id)
    {
        var caller = await callers.RequireAsync();
        var zip = await exports.FileForAsync(caller.UserId, id);
        if (zip is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(zip, "application/zip", $"mutuality-export-{DateTime.UtcNow:yyyy-MM-dd}.zip");
    }
}
