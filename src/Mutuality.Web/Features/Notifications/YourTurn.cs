using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;

namespace Mutuality.Web.Features.Notifications;

/// <summary>Where a couple's two-sided "tell me when my partner has checked in" stands.</summary>
public sealed record YourTurnState(bool Mine, bool Partners)
{
    public bool BothOn => Mine && Partners;

    public static readonly YourTurnState Off = new(false, false);
}

/// <summary>Reads the "your turn" consent: on only while both current partners of the couple have said yes.</summary>
public static class YourTurn
{
    public static async Task<YourTurnState> StateAsync(AppDbContext db, Guid? coupleId, Guid userId, Guid? partnerId, CancellationToken ct = default)
    {
        if (coupleId is not { } couple || partnerId is not { } partner)
        {
            return YourTurnState.Off;
        }

        var yes = await db.YourTurnConsents.AsNoTracking().Where(c => c.CoupleId == couple && (c.UserId == userId || c.UserId == partner))
            .Select(c => c.UserId).ToListAsync(ct);
        return new YourTurnState(yes.Contains(userId), yes.Contains(partner));
    }

    public static async Task<bool> BothOnAsync(AppDbContext db, Guid? coupleId, Guid userId, Guid? partnerId, CancellationToken ct = default)
        => (await StateAsync(db, coupleId, userId, partnerId, ct)).BothOn;
}
