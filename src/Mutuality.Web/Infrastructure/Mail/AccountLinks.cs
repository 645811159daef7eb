using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Mutuality.Web.Infrastructure.Mail;

/// <summary>Absolute links for e-mails and pages (built by <see cref="PublicAddress"/>), and the encoding of Identity's tokens inside them.</summary>
public sealed class AccountLinks(PublicAddress address)
{
    /// <summary>What a person sees instead of a link, or instead of an e-mail with a link, while the instance does not know its public address.</summary>
    public const string NoPublicAddress = "This Mutuality can't send or show links yet: the person who runs it still has to set its public address (Mail:PublicBaseUrl). Nothing was sent. Please let them know, and try again once it's set.";

    /// <summary>The absolute link, or null when no public address may be used (outside Development without Mail:PublicBaseUrl).</summary>
    public string? Absolute(HttpRequest request, string pathAndQuery) => address.Absolute(request.HttpContext, pathAndQuery);

    /// <summary>True when links (and so account e-mails with links) can be made for this request.</summary>
    public bool CanLink(HttpRequest request) => address.CanLink(request.HttpContext);

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > 4000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// A return URL that stays on this site; anything else becomes "/" (so a redirect to it can never fail): another
    /// site, a protocol-relative or backslash trick ("//x", "/\\x"), or any character a Location header may not carry
    /// as it is — a tab or any other control character, a space, anything beyond ASCII (the app's own addresses,
    /// including the ones sign-in makes for a page that needed it, are always percent-encoded ASCII).
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2000 && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
           && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && returnUrl.All(c => c is > ' ' and < (char)0x7F)
            ? returnUrl
            : "/";
}
