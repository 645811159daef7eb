using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Account;

/// <summary>Absolute links for e-mails, and the encoding of Identity's tokens inside them.</summary>
public sealed class AccountLinks(IOptions<MailOptions> options)
{
    public string Absolute(HttpRequest request, string pathAndQuery)
        => MailLinks.Absolute(options.Value, request.HttpContext, pathAndQuery)!; // a request is always known here

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

    /// <summary>A return URL that stays on this site; anything else becomes "/".</summary>
    public static string SafeReturnUrl(string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
           && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
