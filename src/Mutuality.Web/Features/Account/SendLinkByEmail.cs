using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Account;

/// <summary>
/// A page that e-mails a link to an address when it has an account in the right state (a reset link, a new
/// confirmation link) and answers the same whether or not it does, so the page never tells who has an account.
/// Outside Development without Mail:PublicBaseUrl no link can be made: the page says so instead of dropping the
/// e-mail silently.
/// </summary>
public abstract class SendLinkByEmailModel(UserManager<AppUser> users, AccountLinks links) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "E-mail: please enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "E-mail: this doesn't look like an e-mail address (like name@example.org).")]
    [StringLength(254, ErrorMessage = "E-mail: use at most 254 characters.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    public bool NoPublicAddress { get; private set; }

    protected UserManager<AppUser> Users => users;

    protected AccountLinks Links => links;

    public void OnGet() => NoPublicAddress = !links.CanLink(Request);

    public async Task<IActionResult> OnPostAsync()
    {
        NoPublicAddress = !links.CanLink(Request);
        if (!ModelState.IsValid || NoPublicAddress)
        {
            return Page();
        }

        if (await users.FindByEmailAsync(Email.Trim()) is { } user)
        {
            await SendIfDueAsync(user);
        }

        // The same answer whether or not the address has an account.
        Sent = true;
        return Page();
    }

    /// <summary>Sends this page's link when the account is in the state it is for (CanLink was checked).</summary>
    protected abstract Task SendIfDueAsync(AppUser user);
}
