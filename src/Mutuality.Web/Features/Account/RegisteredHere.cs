using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Mutuality.Web.Features.Account;

/// <summary>
/// Issue 16: confirming the e-mail signs you in — but only in the browser that registered, soon after. Registering
/// sets a short-lived, HttpOnly, protected cookie naming the new account and when it stops counting; the
/// confirmation page signs in only when that cookie is there, unexpired, for the same account whose address the
/// link has just confirmed for the first time. A link opened anywhere else still asks for the password.
/// </summary>
public sealed class RegisteredHere(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "Mutuality.RegisteredHere";

    public const string CookiePath = "/Account/ConfirmEmail";

    /// <summary>How long after registering the confirmation link still signs in by itself.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly IDataProtector protector = protection.CreateProtector("Mutuality.Account.RegisteredHere.v1");

    public void Remember(HttpResponse response, Guid userId)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        var value = protector.Protect(FormattableString.Invariant($"{userId:N}|{expires.UtcTicks}"));
        response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Lax, // the link is opened from a mail program: a top-level navigation
            Path = CookiePath,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>True when this browser registered <paramref name="userId"/> less than <see cref="Lifetime"/> ago.</summary>
    public bool Matches(HttpRequest request, Guid userId)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return false;
        }

        string plain;
        try
        {
            plain = protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        var parts = plain.Split('|');
        return parts.Length == 2
            && Guid.TryParseExact(parts[0], "N", out var id) && id == userId
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && clock.GetUtcNow().UtcTicks < ticks;
    }

    public static void Forget(HttpResponse response) => response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
}
