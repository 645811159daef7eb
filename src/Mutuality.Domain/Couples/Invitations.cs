using System.Security.Cryptography;
using System.Text;
using Mutuality.Domain.Common;

namespace Mutuality.Domain.Couples;

/// <summary>What the domain needs to know about an invitation to decide on it.</summary>
public sealed record InvitationState(
    Guid CoupleId,
    Guid InvitedByUserId,
    DateTime CreatedAtUtc,
    DateTime ExpiresAtUtc,
    DateTime? UsedAtUtc,
    DateTime? RevokedAtUtc);

/// <summary>What the domain needs to know about the couple an invitation leads into.</summary>
public sealed record CoupleState(bool IsEnded, int ActiveMemberCount);

/// <summary>The rules of inviting a partner into a couple space.</summary>
public static class Invitations
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>The alphabet of short codes: no 0/O, 1/I/L, so a code read aloud or typed is unambiguous.</summary>
    public const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const int CodeLength = 8;

    /// <summary>Turns random bytes (at least <see cref="CodeLength"/>) into a short code like "K7QP-M2XD".</summary>
    public static string CodeFromBytes(ReadOnlySpan<byte> randomBytes)
    {
        if (randomBytes.Length < CodeLength)
        {
            throw new ArgumentException($"Need at least {CodeLength} random bytes.", nameof(randomBytes));
        }

        var chars = new char[CodeLength + 1];
        var j = 0;
        for (var i = 0; i < CodeLength; i++)
        {
            if (i == CodeLength / 2)
            {
                chars[j++] = '-';
            }

            chars[j++] = CodeAlphabet[randomBytes[i] % CodeAlphabet.Length];
        }

        return new string(chars);
    }

    /// <summary>Normalises a typed code: upper case, no spaces or dashes. Null when it cannot be a code.</summary>
    public static string? NormaliseCode(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        var builder = new StringBuilder(CodeLength);
        foreach (var c in typed.Trim().ToUpperInvariant())
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            if (!CodeAlphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.Length == CodeLength ? builder.ToString() : null;
    }

    /// <summary>A one-way hash of a secret (token or normalised code), so the database never holds a usable secret.</summary>
    public static string Hash(string secret)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>May this person create an invitation for their couple now?</summary>
    public static DomainError? CanInvite(CoupleState couple)
    {
        if (couple.IsEnded)
        {
            return new DomainError("invitation.couple_ended", "This couple space has ended. Create a new one to invite someone.");
        }

        return couple.ActiveMemberCount >= 2
            ? new DomainError("invitation.couple_full", "Your partner has already joined this couple space.")
            : null;
    }

    /// <summary>Decides whether a person may accept an invitation now. Null means yes.</summary>
    public static DomainError? CanAccept(
        InvitationState invitation,
        CoupleState couple,
        Guid acceptorUserId,
        bool acceptorHasActiveCouple,
        DateTime nowUtc)
    {
        if (invitation.RevokedAtUtc is not null)
        {
            return new DomainError("invitation.revoked", "This invitation was withdrawn. Ask your partner for a new one.");
        }

        if (invitation.UsedAtUtc is not null)
        {
            return new DomainError("invitation.used", "This invitation has already been used. Each one works once: ask your partner for a new one.");
        }

        if (nowUtc >= invitation.ExpiresAtUtc)
        {
            return new DomainError("invitation.expired", "This invitation has expired (they last 7 days). Ask your partner for a new one.");
        }

        if (invitation.InvitedByUserId == acceptorUserId)
        {
            return new DomainError("invitation.own", "This is your own invitation. Send the link or code to your partner so they can join.");
        }

        if (acceptorHasActiveCouple)
        {
            return new DomainError("invitation.already_in_couple", "You are already in a couple space. Leave it first if you want to join a different one.");
        }

        if (couple.IsEnded)
        {
            return new DomainError("invitation.couple_ended", "The couple space this invitation belongs to has ended. Ask for a new invitation.");
        }

        return couple.ActiveMemberCount >= 2
            ? new DomainError("invitation.couple_full", "This couple space already has two people in it.")
            : null;
    }
}
