using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;

namespace Mutuality.Web.Features.Account.Security;

/// <summary>
/// The authenticator-app check (RFC 6238, as Identity's own), with one addition: a code counts once. Each code belongs to
/// a 30-second time-step; an accepted code records its step on the account, and a code is accepted only for a step later
/// than the last one recorded. The check and the record are one conditional UPDATE, so two simultaneous submissions of
/// one code (or two codes of the same or an earlier step) cannot both succeed: the database lets exactly one row change.
/// Every use of a code goes through here — signing in, turning two-step on, and confirming a sensitive change.
/// </summary>
public sealed class OneUseAuthenticatorTokenProvider(AppDbContext db, TimeProvider clock) : AuthenticatorTokenProvider<AppUser>
{
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || AuthenticatorCode.MatchingStep(key, token, clock.GetUtcNow()) is not { } step)
        {
            return false;
        }

        // The claim also moves the row's concurrency stamp: a copy of the account loaded before it (another request's)
        // can then never save its stale, older step over this one — Identity writes every property of a user it saves.
        var stamp = Guid.NewGuid().ToString();
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorStep, step).SetProperty(u => u.ConcurrencyStamp, stamp));
        if (claimed != 1)
        {
            return false;
        }

        // This request's own copy follows the row, so its next save (e.g. turning two-step on) neither fails nor undoes the claim.
        user.LastAuthenticatorStep = step;
        user.ConcurrencyStamp = stamp;
        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached)
        {
            entry.Property(u => u.LastAuthenticatorStep).OriginalValue = step;
            entry.Property(u => u.ConcurrencyStamp).OriginalValue = stamp;
        }

        return true;
    }
}

/// <summary>RFC 6238 authenticator codes: 6 digits, 30-second steps, HMAC-SHA1 over the step number.</summary>
public static class AuthenticatorCode
{
    /// <summary>How many steps either side of now a code may come from (as Identity allows: the phone's clock may drift).</summary>
    public const int AllowedDrift = 2;

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;

    /// <summary>The time-step within the allowed drift whose code is <paramref name="code"/>, or null.</summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || FromBase32(base32Key) is not { Length: > 0 } key)
        {
            return null;
        }

        var current = StepAt(now);
        for (var offset = -AllowedDrift; offset <= AllowedDrift; offset++)
        {
            if (CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(CodeFor(key, current + offset)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return current + offset;
            }
        }

        return null;
    }

    public static string CodeFor(byte[] key, long step)
    {
        Span<byte> message = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, step);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are defined over HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The key's bytes, or null when it is not base32.</summary>
    public static byte[]? FromBase32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(input.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in input.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
