using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Mutuality.Web.Infrastructure.Mail;

/// <summary>
/// The one rule for every absolute link this app builds — on pages (invitation, calendar), in e-mails sent at
/// once (confirmation, password reset, request) and in e-mails sent later by a worker (reminders, digest):
/// <list type="number">
/// <item>Mail:PublicBaseUrl when it is set (an absolute http or https address);</item>
/// <item>otherwise, only in Development: the address of the request being answered, or for a worker the
/// address the server listens on;</item>
/// <item>otherwise none: outside Development the request's Host header, which any client can set, is never used.
/// Account e-mails with links are then not sent, and the page says why.</item>
/// </list>
/// </summary>
public sealed class PublicAddress(IOptions<MailOptions> options, IHostEnvironment environment, IServiceProvider services)
{
    /// <summary>Mail:PublicBaseUrl without a trailing slash, or null when it is unset or not an absolute http(s) address.</summary>
    public string? Configured => Parse(options.Value.PublicBaseUrl);

    /// <summary>The base address (scheme, host, port, path base; no trailing slash) or null when none may be used.</summary>
    public string? BaseUrl(HttpContext? context)
    {
        if (Configured is { } configured)
        {
            return configured;
        }

        if (!environment.IsDevelopment())
        {
            return null;
        }

        if (context?.Request is { Host.HasValue: true } request)
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
        }

        var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return listening is null ? null : Parse(listening.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal));
    }

    /// <summary>The absolute link for a path (starting with "/"), or null when no base address may be used.</summary>
    public string? Absolute(HttpContext? context, string pathAndQuery)
        => BaseUrl(context) is { } baseUrl ? baseUrl + pathAndQuery : null;

    /// <summary>True when links can be built for this request (always once Mail:PublicBaseUrl is set).</summary>
    public bool CanLink(HttpContext? context) => BaseUrl(context) is not null;

    private static string? Parse(string? value)
        => !string.IsNullOrWhiteSpace(value)
           && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
           && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
           && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;
}
