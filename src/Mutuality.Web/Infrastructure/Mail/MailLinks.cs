namespace Mutuality.Web.Infrastructure.Mail;

/// <summary>Absolute links inside e-mails: Mail:PublicBaseUrl when set, else the address of the request that caused the e-mail.</summary>
public static class MailLinks
{
    /// <summary>The absolute link, or null when neither a public base URL nor a current request is known (a background job without configuration).</summary>
    public static string? Absolute(MailOptions options, HttpContext? context, string path)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return options.PublicBaseUrl.TrimEnd('/') + path;
        }

        var request = context?.Request;
        return request is null ? null : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
    }
}
