using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Mutuality.Web.Data;

namespace Mutuality.Web.Features.Account;

/// <summary>
/// Makes a sign-in with an unknown address cost the same as one with a wrong password: the password is checked
/// against a stand-in hash made once (at start-up) by the app's own hasher, so with its settings and its cost.
/// </summary>
public sealed class UnknownAccountCost
{
    private static readonly AppUser Nobody = new() { Id = Guid.Empty, UserName = "nobody", Email = "nobody@invalid" };

    private string? _standIn;

    /// <summary>Makes the stand-in hash, if not made yet (called at start-up so no sign-in pays for it).</summary>
    public void Prepare(IPasswordHasher<AppUser> hasher)
        => _ = LazyInitializer.EnsureInitialized(ref _standIn, () => hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    /// <summary>The same hashing work as checking a real account's password; the answer is always "no".</summary>
    public void CheckAgainstNobody(IPasswordHasher<AppUser> hasher, string password)
    {
        Prepare(hasher);
        _ = hasher.VerifyHashedPassword(Nobody, _standIn!, password);
    }
}
