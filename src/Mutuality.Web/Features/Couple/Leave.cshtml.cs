using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Couple;

/// <summary>Leaving ends the shared view for both; each keeps what they wrote. Asks for confirmation first.</summary>
public sealed class LeaveModel(CallerContext callers, CoupleCommands commands, AppDbContext db, IMailSender mail) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        Caller = await callers.RequireAsync();
        return Caller.HasCouple ? Page() : Redirect("/Couple");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Caller = await callers.RequireAsync();
        if (Caller.CoupleId is not { } coupleId)
        {
            return Redirect("/Couple");
        }

        var partnerId = await commands.LeaveAsync(Caller.UserId, coupleId);
        if (partnerId is { } id)
        {
            var partner = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync();
            if (partner?.Email is not null)
            {
                var text = $"{Caller.DisplayName} has closed your shared space in Mutuality. You no longer see each other's shared items. Everything you wrote yourself is still yours, in your account.";
                await mail.SendAsync(new OutgoingMail(partner.Email, partner.DisplayName, "Your shared space in Mutuality has been closed", text,
                    $"<p>{System.Net.WebUtility.HtmlEncode(text)}</p>"));
            }
        }

        TempData["Status"] = "You've left the couple space. Everything you wrote is still yours.";
        return Redirect("/");
    }
}
