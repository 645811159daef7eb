using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Phone = Mutuality.Web.Features.Phone;

namespace Mutuality.Web.Features.Help;

/// <summary>Quick exit: leaves at once for a neutral page chosen by the operator.</summary>
public sealed class ExitModel(IOptions<HelpOptions> options) : PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        Phone.SiteData.Clear(Response); // issue 15: the browser drops the app's caches and worker on the way out
        return Redirect(options.Value.QuickExitUrl);
    }
}
