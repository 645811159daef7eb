using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Account;

[EnableRateLimiting(AppSetup.AuthRateLimit)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, IEmailSender<AppUser> mailer, AccountLinks links) : SendLinkByEmailModel(users, links)
{
    protected override async Task SendIfDueAsync(AppUser user)
    {
        if (await Users.IsEmailConfirmedAsync(user))
        {
            var code = AccountLinks.EncodeToken(await Users.GeneratePasswordResetTokenAsync(user));
            var link = Links.Absolute(Request, $"/Account/ResetPassword?code={code}")!; // CanLink was checked
            await mailer.SendPasswordResetLinkAsync(user, user.Email!, link);
        }
    }
}
