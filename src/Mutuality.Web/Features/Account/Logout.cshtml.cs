using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Account.Security;
using Mutuality.Web.Infrastructure.Couples;
using Phone = Mutuality.Web.Features.Phone;

namespace Mutuality.Web.Features.Account;

/// <summary>Signing out ends this session on the server too: a copy of the cookie stops working at once,
/// exactly as when the session is signed out from the security page of another device.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, AppDbContext db, SignedOutSessions signedOut, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (SecurityActivity.SessionIdOf(User) is { } sessionId && CallerContext.UserIdOf(User) is { } userId)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.UserSessions
                .Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAtUtc, now));
            await signedOut.ForgetAsync(db, [sessionId]);
        }

        await signIn.SignOutAsync();
        Phone.SiteData.Clear(Response); // issue 15: what the app left on this device goes too
        return Redirect("/Account/Login?signedOut=1");
    }
}
