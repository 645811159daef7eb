using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Account;

[EnableRateLimiting(AppSetup.AuthRateLimit)]
public sealed class ResendConfirmationModel(UserManager<AppUser> users, IEmailSender<AppUser> mailer, AccountLinks links) : SendLinkByEmailModel(users, links)
{
    protected override async Task SendIfDueAsync(AppUser user)
    {
        if (!user.EmailConfirmed)
        {
            await RegisterModel.SendConfirmation(Users, mailer, Links, Request, user, "/");
        }
    }
}
