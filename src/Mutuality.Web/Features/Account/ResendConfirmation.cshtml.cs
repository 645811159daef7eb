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
public sealed class ResendConfirmationModel(UserManager<AppUser> users, IEmailSender<AppUser> mailer, AccountLinks links) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "E-mail: please enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "E-mail: this doesn't look like an e-mail address (like name@example.org).")]
    [StringLength(254, ErrorMessage = "E-mail: use at most 254 characters.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    /// <summary>Outside Development without Mail:PublicBaseUrl no confirmation link can be made: the page says so.</summary>
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
        if (user is not null && !user.EmailConfirmed)
        {
            await RegisterModel.SendConfirmation(users, mailer, links, Request, user, "/");
        }

        Sent = true;
        return Page();
    }
}
