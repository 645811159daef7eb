using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Shared.PersonalData;

namespace Mutuality.Web.Features.Couple;

/// <summary>
/// The couple space in a person's data: when they delete their account the space they are in ends, their
/// memberships go, and so does every invitation they made or used and any open one to their space. (An import makes a
/// space of their own first: <see cref="CoupleCommands.CreateCoupleAsync"/>, called by Account.)
/// </summary>
public sealed class CouplePersonalData(AppDbContext db) : IPersonalData
{
    public IReadOnlyCollection<Type> Entities { get; } = [typeof(Data.Couple), typeof(CoupleMember), typeof(Invitation)];

    public async Task DeleteAsync(PersonLeaving person, CancellationToken ct)
    {
        var (userId, activeCouple, now) = (person.UserId, person.ActiveCouple, person.Now);
        await db.Invitations.Where(i => i.InvitedByUserId == userId || i.UsedByUserId == userId || (activeCouple != null && i.CoupleId == activeCouple))
            .ExecuteDeleteAsync(ct);
        if (activeCouple is { } coupleId)
        {
            await db.CoupleMembers.Where(m => m.CoupleId == coupleId && m.LeftAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.LeftAtUtc, now), ct);
            await db.Couples.Where(c => c.Id == coupleId && c.EndedAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.EndedAtUtc, now), ct);
        }

        await db.CoupleMembers.Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
    }
}
