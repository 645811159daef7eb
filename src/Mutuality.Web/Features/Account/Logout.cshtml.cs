using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Web.Data;
using Phone = Mutuality.Web.Features.Phone;

namespace Mutuality.Web.Features.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        Phone.SiteData.Clear(Response); // issue 15: what the app left on this device goes too
        return Redirect("/Account/Login?signedOut=1");
    }
}
