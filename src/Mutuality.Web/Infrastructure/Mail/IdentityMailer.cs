using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Mutuality.Web.Data;

namespace Mutuality.Web.Infrastructure.Mail;

/// <summary>The e-mails Identity asks us to send, in our own words.</summary>
public sealed class IdentityMailer(IMailSender sender) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink)
        => Send(user, email, "Confirm your e-mail for Mutuality",
            "Welcome to Mutuality. Please confirm this e-mail address so you can sign in:",
            confirmationLink, "Confirm my e-mail",
            "If you did not create an account, you can ignore this message.");

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink)
        => Send(user, email, "Reset your Mutuality password",
            "Someone (hopefully you) asked to reset the password for this e-mail address. Choose a new one here:",
            resetLink, "Choose a new password",
            "If you did not ask for this, you can ignore this message; your password stays as it is.");

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode)
        => sender.SendAsync(new OutgoingMail(email, user.DisplayName, "Your Mutuality reset code",
            $"Your password reset code is: {resetCode}", $"<p>Your password reset code is: <strong>{HtmlEncoder.Default.Encode(resetCode)}</strong></p>"));

    private Task Send(AppUser user, string email, string subject, string intro, string link, string linkText, string outro)
    {
        var html = HtmlEncoder.Default;
        var text = $"Hello {user.DisplayName},\n\n{intro}\n\n{link}\n\n{outro}\n\n— Mutuality";
        var body = $"<p>Hello {html.Encode(user.DisplayName)},</p><p>{html.Encode(intro)}</p>"
            + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(linkText)}</a></p><p>{html.Encode(outro)}</p><p>— Mutuality</p>";
        return sender.SendAsync(new OutgoingMail(email, user.DisplayName, subject, text, body));
    }
}
