using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Account.Manage;

/// <summary>
/// Changing the e-mail address (issue 12, item 11): asks for the password (or a current code from the app) first, then
/// sends a link to the new address; the address changes only when that link is opened (<see cref="ConfirmEmailChangeModel"/>).
/// An address that already has an account gets the same answer on the page (no enumeration); its owner is told instead.
/// </summary>
public sealed class ChangeEmailModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IMailSender mail, AccountLinks links) : PageModel
{
    [BindProperty]
    public ChangeEmailInput Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = string.Empty;

    public bool CodeAllowed { get; private set; }

    /// <summary>Where the link was sent, once it was.</summary>
    public string? SentTo { get; private set; }

    public sealed class ChangeEmailInput
    {
        [Required(ErrorMessage = "New e-mail: please enter the address you'd like to use.")]
        [EmailAddress(ErrorMessage = "New e-mail: this doesn't look like an e-mail address (like name@example.org).")]
        [StringLength(254, ErrorMessage = "New e-mail: use at most 254 characters.")]
        [Display(Name = "New e-mail address")]
        public string NewEmail { get; set; } = string.Empty;

        [Display(Name = "Your password, or a code from your app")]
        public string? Confirm { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Load(user);
        ModelState.Remove("Input.Confirm");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var newEmail = Input.NewEmail.Trim();
        if (string.Equals(newEmail, CurrentEmail, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.NewEmail", "New e-mail: that's already your address. Nothing has been changed.");
            return Page();
        }

        var outcome = await Security.Reauthentication.CheckAsync(users, signIn, user, Input.Confirm);
        if (outcome != Security.ReauthenticationOutcome.Confirmed)
        {
            ModelState.AddModelError("Input.Confirm", Security.Reauthentication.Message(outcome, CodeAllowed ? "Password or code" : "Password", CodeAllowed));
            return Page();
        }

        if (!links.CanLink(Request))
        {
            ModelState.AddModelError(string.Empty, AccountLinks.NoPublicAddress);
            return Page();
        }

        var html = HtmlEncoder.Default;
        var owner = await users.FindByEmailAsync(newEmail);
        if (owner is not null)
        {
            // The same answer on the page; the address's owner hears of it, and nothing changes.
            const string Notice = "Someone signed in to Mutuality asked to move their account to this e-mail address. It already belongs to your account, so nothing was changed. If it was you, there is nothing to do; if it wasn't, you can ignore this message.";
            await mail.SendAsync(new OutgoingMail(newEmail, owner.DisplayName, "Someone asked to use your e-mail address on Mutuality",
                $"Hello {owner.DisplayName},\n\n{Notice}\n\n— Mutuality", $"<p>Hello {html.Encode(owner.DisplayName)},</p><p>{html.Encode(Notice)}</p><p>— Mutuality</p>"));
        }
        else
        {
            var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
            var link = links.Absolute(Request, $"/Account/ConfirmEmailChange?userId={user.Id}&email={Uri.EscapeDataString(newEmail)}&code={AccountLinks.EncodeToken(token)}")!;
            const string Intro = "You asked to use this address for your Mutuality account. Please confirm it; your address changes when you open this link:";
            const string Outro = "If you did not ask for this, you can ignore this message; nothing changes.";
            await mail.SendAsync(new OutgoingMail(newEmail, user.DisplayName, "Confirm your new e-mail address for Mutuality",
                $"Hello {user.DisplayName},\n\n{Intro}\n\n{link}\n\n{Outro}\n\n— Mutuality",
                $"<p>Hello {html.Encode(user.DisplayName)},</p><p>{html.Encode(Intro)}</p><p><a href=\"{html.Encode(link)}\">Confirm my new address</a></p><p>{html.Encode(Outro)}</p><p>— Mutuality</p>"));
        }

        SentTo = newEmail;
        ModelState.Clear();
        Input = new ChangeEmailInput();
        return Page();
    }

    private void Load(AppUser user)
    {
        CurrentEmail = user.Email ?? string.Empty;
        CodeAllowed = user.TwoFactorEnabled;
    }
}
