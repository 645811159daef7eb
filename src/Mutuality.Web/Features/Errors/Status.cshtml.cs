using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mutuality.Web.Features.Errors;

[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet([Microsoft.AspNetCore.Mvc.FromRoute] int code) => Code = code is >= 400 and <= 599 ? code : 500;

    public void OnPost([Microsoft.AspNetCore.Mvc.FromRoute] int code) => OnGet(code);
}
