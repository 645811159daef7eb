using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Couple;

/// <summary>Our space: create it, invite the partner, see who is in it. Invitation attempts are rate limited.</summary>
[EnableRateLimiting(AppSetup.AuthRateLimit)]
public sealed class IndexModel(CallerContext callers, CoupleCommands commands, AppDbContext db, AccountLinks links) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public NewInvitation? Invitation { get; private set; }

    public string? InvitationLink { get; private set; }

    /// <summary>Issue 16: the link as a QR code (PNG data URI), for a partner sitting beside you.</summary>
    public string? InvitationQrDataUri { get; private set; }

    public DateTime? OpenInvitationExpiresAtUtc { get; private set; }

    public Guid? OpenInvitationId { get; private set; }

    public string? Error { get; private set; }

    public string? Status => TempData["Status"] as string;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var caller = await callers.RequireAsync();
        if (!caller.HasCouple)
        {
            await commands.CreateCoupleAsync(caller.UserId);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        var caller = await callers.RequireAsync();
        if (!links.CanLink(Request))
        {
            // No invitation without a link built from the configured public address (never from the request's Host).
            Error = AccountLinks.NoPublicAddress;
            await LoadAsync(reload: true);
            return Page();
        }

        var coupleId = caller.CoupleId ?? await commands.CreateCoupleAsync(caller.UserId);
        var result = await commands.InviteAsync(caller.UserId, coupleId);
        if (!result.IsSuccess)
        {
            Error = result.Error!.Message;
        }
        else
        {
            Invitation = result.Value;
            InvitationLink = links.Absolute(Request, $"/Couple/Join/{Invitation.Token}");
            if (InvitationLink is not null)
            {
                using var generator = new QRCoder.QRCodeGenerator();
                using var data = generator.CreateQrCode(InvitationLink, QRCoder.QRCodeGenerator.ECCLevel.M);
                InvitationQrDataUri = "data:image/png;base64," + Convert.ToBase64String(new QRCoder.PngByteQRCode(data).GetGraphic(5));
            }
        }

        // The caller changed (a couple may have been created): load afresh.
        await LoadAsync(reload: true);
        return Page();
    }

    /// <summary>Withdraws an open invitation of the caller's own couple. Any other id is "not found".</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var caller = await callers.RequireAsync();
        if (caller.CoupleId is not { } coupleId || !await commands.RevokeAsync(coupleId, id))
        {
            return NotFound();
        }

        TempData["Status"] = "The invitation was withdrawn; its link and code no longer work.";
        return RedirectToPage();
    }

    private async Task LoadAsync(bool reload = false)
    {
        if (reload)
        {
            callers.Forget();
        }

        Caller = await callers.RequireAsync();
        if (Caller.CoupleId is { } coupleId && !Caller.HasPartner)
        {
            var open = await db.Invitations.AsNoTracking()
                .Where(i => i.CoupleId == coupleId && i.UsedAtUtc == null && i.RevokedAtUtc == null)
                .OrderByDescending(i => i.CreatedAtUtc)
                .Select(i => new { i.Id, i.ExpiresAtUtc })
                .FirstOrDefaultAsync();
            OpenInvitationId = open?.Id;
            OpenInvitationExpiresAtUtc = open?.ExpiresAtUtc;
        }
    }
}
