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
public sealed class ForgotPasswordModel(UserManager<AppUser> users, IEmailSender<AppUser> mailer, AccountLinks links) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "E-mail: please enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "E-mail: this doesn't look like an e-mail address (like name@example.org).")]
    [StringLength(254, ErrorMessage = "E-mail: use at most 254 characters.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    /// <summary>Outside Development without Mail:PublicBaseUrl no reset link can be made: the page says so instead of dropping the e-mail silently.</summary>
    public bool NoPublicAddress { get; private set; }

    public void OnGet() => NoPublicAddress = !links.CanLink(Request);

    public async Task<IActionResult> OnPostAsync()
    {
        NoPublicAddress = !links.CanLink(Request);
        if (!ModelState.IsValid || NoPublicAddress)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            var code = AccountLinks.EncodeToken(await users.GeneratePasswordResetTokenAsync(user));
            var link = links.Absolute(Request, $"/Account/ResetPassword?code={code}")!; // CanLink was checked above
            await mailer.SendPasswordResetLinkAsync(user, user.Email!, link);
        }

        // The same answer whether or not the address has an account.
        Sent = true;
        return Page();
    }
}
