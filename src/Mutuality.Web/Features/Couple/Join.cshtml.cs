using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Couples;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Features.Couple;

/// <summary>Join a partner's space with the link they sent (token in the path) or the short code.</summary>
[EnableRateLimiting(AppSetup.AuthRateLimit)]
public sealed class JoinModel(CallerContext callers, CoupleCommands commands, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = false)]
    [StringLength(40, ErrorMessage = "Code: use the 8 letters and numbers your partner gave you.")]
    [Display(Name = "Invitation code")]
    public string? Code { get; set; }

    public string? Token { get; private set; }

    public string? InviterName { get; private set; }

    public string? Error { get; private set; }

    public bool AlreadyInCouple { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token)
    {
        Token = token;
        var caller = await callers.RequireAsync();
        AlreadyInCouple = caller.HasPartner;
        if (token is null)
        {
            return Page();
        }

        var invitation = await commands.FindAsync(token, null);
        if (invitation is null)
        {
            Error = CoupleCommands.UnknownInvitation.Message;
            return Page();
        }

        await DescribeAsync(invitation, caller);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token)
    {
        Token = token;
        var caller = await callers.RequireAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (token is null && Invitations.NormaliseCode(Code) is null)
        {
            ModelState.AddModelError(nameof(Code), "Code: enter the 8 letters and numbers your partner gave you, like K7QP-M2XD.");
            return Page();
        }

        var invitation = await commands.FindAsync(token, Code);
        if (invitation is null)
        {
            Error = CoupleCommands.UnknownInvitation.Message;
            return Page();
        }

        var result = await commands.AcceptAsync(invitation, caller.UserId);
        if (!result.IsSuccess)
        {
            Error = result.Error!.Message;
            await DescribeAsync(invitation, caller);
            return Page();
        }

        TempData["Status"] = "You've joined your partner's space. Welcome!";
        return Redirect("/");
    }

    private async Task DescribeAsync(Invitation invitation, Caller caller)
    {
        InviterName = await db.Users.AsNoTracking().Where(u => u.Id == invitation.InvitedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync();
        var state = new InvitationState(invitation.CoupleId, invitation.InvitedByUserId, invitation.CreatedAtUtc, invitation.ExpiresAtUtc, invitation.UsedAtUtc, invitation.RevokedAtUtc);
        var active = await db.CoupleMembers.CountAsync(m => m.CoupleId == invitation.CoupleId && m.LeftAtUtc == null);
        var ended = await db.Couples.AnyAsync(c => c.Id == invitation.CoupleId && c.EndedAtUtc != null);
        Error ??= Invitations.CanAccept(state, new CoupleState(ended, active), caller.UserId, caller.HasCouple, clock.GetUtcNow().UtcDateTime)?.Message;
    }
}
