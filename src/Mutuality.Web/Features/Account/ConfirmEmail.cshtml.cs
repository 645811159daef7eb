using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Account;

/// <summary>Each confirmation link opened is an attempt, counted like a form post (issue 12).</summary>
[EnableRateLimiting(AppSetup.AuthRateLimit)]
public sealed class ConfirmEmailModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, RegisteredHere registeredHere) : PageModel
{
    public bool Confirmed { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code, string? returnUrl)
    {
        ReturnUrl = AccountLinks.SafeReturnUrl(returnUrl);
        var token = AccountLinks.DecodeToken(code);
        if (token is null || !Guid.TryParse(userId, out var id))
        {
            return Page();
        }

        var user = await users.FindByIdAsync(userId!);
        if (user is null)
        {
            return Page();
        }

        var firstTime = !user.EmailConfirmed;
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;

        // Issue 16: in the browser that registered, soon after, the first confirmation signs in (one step fewer).
        // Anywhere else, later, or for an address already confirmed, the password is still asked for.
        if (Confirmed && firstTime && registeredHere.Matches(Request, id) && User.Identity?.IsAuthenticated != true
            && !await users.GetTwoFactorEnabledAsync(user) && await signIn.CanSignInAsync(user))
        {
            RegisteredHere.Forget(Response);
            await signIn.SignInAsync(user, isPersistent: false);
            Status = "Thank you — your e-mail is confirmed, and you're signed in.";
            return LocalRedirect(ReturnUrl);
        }

        return Page();
    }
}
