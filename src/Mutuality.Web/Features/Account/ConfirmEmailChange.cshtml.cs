using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Account;

/// <summary>
/// The link sent to a new e-mail address (issue 12): opening it moves the account to that address (the sign-in name
/// too), records it on the security page and tells the old address. Each link opened is an attempt, counted like a form post.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AppSetup.AuthRateLimit)]
public sealed class ConfirmEmailChangeModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IMailSender mail, Security.SecurityActivity activity) : PageModel
{
    public string? NewEmail { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        var token = AccountLinks.DecodeToken(code);
        if (token is null || !Guid.TryParse(userId, out _) || string.IsNullOrWhiteSpace(email) || email.Length > 254)
        {
            return;
        }

        var user = await users.FindByIdAsync(userId!);
        if (user is null)
        {
            return;
        }

        // The sign-in name follows the address in the same write as the address itself (ChangeEmailAsync validates
        // both and saves once), so a refused change leaves neither half behind.
        var oldEmail = user.Email;
        var oldUserName = user.UserName;
        user.UserName = email;
        await users.UpdateNormalizedUserNameAsync(user);
        if (!(await users.ChangeEmailAsync(user, email, token)).Succeeded)
        {
            user.UserName = oldUserName;
            await users.UpdateNormalizedUserNameAsync(user);
            return;
        }

        await activity.RecordAsync(user.Id, Security.SecurityEventKinds.EmailChanged, HttpContext);
        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id.ToString())
        {
            await signIn.RefreshSignInAsync(user);
        }

        if (oldEmail is { Length: > 0 })
        {
            const string Notice = "The e-mail address of your Mutuality account was just changed; from now on you sign in with the new one. If that wasn't you, please reset your password from the sign-in page and contact the person who runs this Mutuality.";
            var html = HtmlEncoder.Default;
            await mail.SendAsync(new OutgoingMail(oldEmail, user.DisplayName, "Your Mutuality e-mail address was changed",
                $"Hello {user.DisplayName},\n\n{Notice}\n\n— Mutuality", $"<p>Hello {html.Encode(user.DisplayName)},</p><p>{html.Encode(Notice)}</p><p>— Mutuality</p>"));
        }

        NewEmail = email;
    }
}
