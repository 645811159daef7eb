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
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Recovery code: enter one of the codes you saved.")]
    [StringLength(40, ErrorMessage = "Recovery code: use at most 40 characters.")]
    [Display(Name = "Recovery code")]
    public string RecoveryCode { get; set; } = string.Empty;

    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl = null)
    {
        ReturnUrl = AccountLinks.SafeReturnUrl(returnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = AccountLinks.SafeReturnUrl(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        ModelState.AddModelError(nameof(RecoveryCode), result.IsLockedOut
            ? "Recovery code: this account is locked for 15 minutes after several attempts that didn't match."
            : "Recovery code: that code didn't match, or it was already used. Each code works once.");
        return Page();
    }
}
