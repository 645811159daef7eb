using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Couples;
using Mutuality.Web.Data;

namespace Mutuality.Web.Features.Couple;

/// <summary>A freshly made invitation: the secrets are shown once and only their hashes are stored.</summary>
public sealed record NewInvitation(string Token, string Code, DateTime ExpiresAtUtc);

/// <summary>The writes of the couple space: create, invite, join, leave. Each loads state, asks the domain, then saves.</summary>
public sealed class CoupleCommands(AppDbContext db, TimeProvider clock)
{
    public static readonly DomainError UnknownInvitation = new(
        "invitation.unknown", "We don't recognise this invitation. Check the link or code, or ask your partner for a new one.");

    public async Task<Guid> CreateCoupleAsync(Guid userId, CancellationToken ct = default)
    {
        var existing = await db.CoupleMembers.Where(m => m.UserId == userId && m.LeftAtUtc == null).Select(m => (Guid?)m.CoupleId).SingleOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing.Value;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var couple = new Data.Couple { Id = Guid.CreateVersion7(), CreatedAtUtc = now };
        couple.Members.Add(new CoupleMember { Id = Guid.CreateVersion7(), CoupleId = couple.Id, UserId = userId, JoinedAtUtc = now });
        db.Couples.Add(couple);
        await db.SaveChangesAsync(ct);
        return couple.Id;
    }

    /// <summary>Makes a new invitation for the caller's couple, withdrawing any earlier open ones.</summary>
    public async Task<Result<NewInvitation>> InviteAsync(Guid userId, Guid coupleId, CancellationToken ct = default)
    {
        var state = await LoadCoupleStateAsync(coupleId, ct);
        if (Invitations.CanInvite(state) is { } error)
        {
            return error;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var code = Invitations.CodeFromBytes(RandomNumberGenerator.GetBytes(Invitations.CodeLength));
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(),
            CoupleId = coupleId,
            InvitedByUserId = userId,
            TokenHash = Invitations.Hash(token),
            CodeHash = Invitations.Hash(Invitations.NormaliseCode(code)!),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + Invitations.Lifetime,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Invitations
            .Where(i => i.CoupleId == coupleId && i.UsedAtUtc == null && i.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAtUtc, now), ct);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<NewInvitation>.Ok(new NewInvitation(token, code, invitation.ExpiresAtUtc));
    }

    /// <summary>Withdraws an open invitation, only within the given couple. False when there is no such open invitation there.</summary>
    public async Task<bool> RevokeAsync(Guid coupleId, Guid invitationId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Invitations
            .Where(i => i.Id == invitationId && i.CoupleId == coupleId && i.UsedAtUtc == null && i.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAtUtc, now), ct);
        return changed == 1;
    }

    /// <summary>Finds an invitation by the token of a link or by a typed short code.</summary>
    public async Task<Invitation?> FindAsync(string? token, string? code, CancellationToken ct = default)
    {
        string? hash = null;
        if (!string.IsNullOrWhiteSpace(token) && token.Length <= 64)
        {
            hash = Invitations.Hash(token.Trim());
            return await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        }

        var normalised = Invitations.NormaliseCode(code);
        if (normalised is null)
        {
            return null;
        }

        hash = Invitations.Hash(normalised);
        return await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.CodeHash == hash, ct);
    }

    /// <summary>Accepts an invitation. Single use is enforced in the database, so two people racing for one link can't both join.</summary>
    public async Task<Result<Guid>> AcceptAsync(Invitation invitation, Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var state = await LoadCoupleStateAsync(invitation.CoupleId, ct);
        var hasCouple = await db.CoupleMembers.AnyAsync(m => m.UserId == userId && m.LeftAtUtc == null, ct);
        var decision = Invitations.CanAccept(ToState(invitation), state, userId, hasCouple, now);
        if (decision is not null)
        {
            return decision;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.UsedAtUtc == null && i.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAtUtc, now).SetProperty(i => i.UsedByUserId, userId), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct);
            return new DomainError("invitation.used", "This invitation has already been used. Each one works once: ask your partner for a new one.");
        }

        // Re-check inside the transaction: the couple may have filled or ended meanwhile.
        state = await LoadCoupleStateAsync(invitation.CoupleId, ct);
        if (Invitations.CanAccept(ToState(invitation), state, userId, acceptorHasActiveCouple: false, now) is { } late)
        {
            await tx.RollbackAsync(ct);
            return late;
        }

        db.CoupleMembers.Add(new CoupleMember { Id = Guid.CreateVersion7(), CoupleId = invitation.CoupleId, UserId = userId, JoinedAtUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique "one active couple per person" index: they joined another couple a moment ago.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new DomainError("invitation.already_in_couple", "You are already in a couple space. Leave it first if you want to join a different one.");
        }

        await tx.CommitAsync(ct);
        return Result<Guid>.Ok(invitation.CoupleId);
    }

    /// <summary>Ends the couple space for both partners. Each keeps what they wrote.</summary>
    public async Task<Guid?> LeaveAsync(Guid userId, Guid coupleId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var partnerId = await db.CoupleMembers
            .Where(m => m.CoupleId == coupleId && m.UserId != userId && m.LeftAtUtc == null)
            .Select(m => (Guid?)m.UserId)
            .SingleOrDefaultAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.CoupleMembers
            .Where(m => m.CoupleId == coupleId && m.LeftAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeftAtUtc, now), ct);
        await db.Couples
            .Where(c => c.Id == coupleId && c.EndedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndedAtUtc, now), ct);
        await db.Invitations
            .Where(i => i.CoupleId == coupleId && i.UsedAtUtc == null && i.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAtUtc, now), ct);

        // Issue 15: nothing still waiting about the couple goes out to either of them, and the one who leaves
        // stops getting notices on their devices (they add them again when they want).
        await db.NotificationOutbox.Where(o => (o.UserId == userId || o.UserId == partnerId) && o.SentAtUtc == null).ExecuteDeleteAsync(ct);
        await db.PushDevices.Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);
        await db.YourTurnConsents.Where(c => c.CoupleId == coupleId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return partnerId;
    }

    private async Task<CoupleState> LoadCoupleStateAsync(Guid coupleId, CancellationToken ct)
    {
        var couple = await db.Couples.AsNoTracking()
            .Where(c => c.Id == coupleId)
            .Select(c => new { Ended = c.EndedAtUtc != null, Active = c.Members.Count(m => m.LeftAtUtc == null) })
            .SingleOrDefaultAsync(ct);
        return couple is null ? new CoupleState(true, 0) : new CoupleState(couple.Ended, couple.Active);
    }

    private static InvitationState ToState(Invitation i)
        => new(i.CoupleId, i.InvitedByUserId, i.CreatedAtUtc, i.ExpiresAtUtc, i.UsedAtUtc, i.RevokedAtUtc);
}
