using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Account;

[EnableRateLimiting(AppSetup.AuthRateLimit)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Code: enter the 6-digit code from your authenticator app.")]
    [RegularExpression(@"^\s*\d{3}\s?-?\d{3}\s*$", ErrorMessage = "Code: enter the 6 digits from your authenticator app.")]
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    [Display(Name = "Don't ask again on this device")]
    public bool RememberMachine { get; set; }

    public string ReturnUrl { get; private set; } = "/";

    public bool RememberMe { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool rememberMe, string? returnUrl = null)
    {
        ReturnUrl = AccountLinks.SafeReturnUrl(returnUrl);
        RememberMe = rememberMe;
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();
    }

    public async Task<IActionResult> OnPostAsync(bool rememberMe, string? returnUrl = null)
    {
        ReturnUrl = AccountLinks.SafeReturnUrl(returnUrl);
        RememberMe = rememberMe;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = new string([.. Code.Where(char.IsDigit)]);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, rememberMe, RememberMachine);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        ModelState.AddModelError(result.IsLockedOut ? string.Empty : nameof(Code),
            result.IsLockedOut
                ? "This account is locked for 15 minutes after several attempts that didn't match."
                : "Code: that code didn't match. Codes change every 30 seconds; try the current one.");
        return Page();
    }
}
