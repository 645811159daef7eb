using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Features.Account;

/// <summary>Each confirmation link opened is an attempt, counted like a form post (issue 12).</summary>
[EnableRateLimiting(AppSetup.AuthRateLimit)]
public sealed class ConfirmEmailModel(UserManager<AppUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public async Task OnGetAsync(string? userId, string? code, string? returnUrl)
    {
        ReturnUrl = AccountLinks.SafeReturnUrl(returnUrl);
        var token = AccountLinks.DecodeToken(code);
        if (token is null || !Guid.TryParse(userId, out _))
        {
            return;
        }

        var user = await users.FindByIdAsync(userId!);
        if (user is null)
        {
            return;
        }

        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
