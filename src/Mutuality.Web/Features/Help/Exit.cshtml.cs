using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Mutuality.Web.Features.Help;

/// <summary>Quick exit: leaves at once for a neutral page chosen by the operator.</summary>
public sealed class ExitModel(IOptions<HelpOptions> options) : PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        return Redirect(options.Value.QuickExitUrl);
    }
}
