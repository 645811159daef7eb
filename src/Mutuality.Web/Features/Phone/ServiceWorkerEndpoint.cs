using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Mutuality.Web.Features.Phone;

/// <summary>
/// Serves the service worker at /sw.js with its list of static files to keep and a version computed from their
/// contents, so any change to a style, script, icon or the offline page gives a new worker that replaces the old
/// one and its cache (no stale assets after a deploy).
/// </summary>
public sealed class ServiceWorkerScript(IWebHostEnvironment environment, IFileVersionProvider versions)
{
    /// <summary>Static files kept without a version query (pages link them as they are).</summary>
    private static readonly string[] Plain =
    [
        "/offline.html", "/favicon.svg", "/manifest.webmanifest", "/lib/htmx/htmx.min.js",
        "/icons/icon-192.png", "/icons/icon-512.png", "/icons/apple-touch-icon.png",
    ];

    /// <summary>The bundle of the features' scoped styles, named after the app's assembly.</summary>
    private const string StylesBundle = "Mutuality.Web.styles.css";

    private readonly Lazy<(string Script, string Version)> built = new(() => Build(environment, versions));

    public string Script => built.Value.Script;

    public string Version => built.Value.Version;

    private static (string Script, string Version) Build(IWebHostEnvironment environment, IFileVersionProvider versions)
    {
        var files = environment.WebRootFileProvider;
        var list = new List<string>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Plain)
        {
            var file = files.GetFileInfo(path);
            if (!file.Exists)
            {
                continue;
            }

            list.Add(path);
            AddContents(hash, path, file);
        }

        // Styles and Mutuality's own scripts are linked with asp-append-version: keep them under both addresses
        // (the versioned one pages use, the plain one the offline page uses).
        // The features' own styles (CSS isolation) are one bundle at the root, linked the same way.
        var linked = new[] { "/css", "/js" }
            .SelectMany(folder => files.GetDirectoryContents(folder).Where(f => !f.IsDirectory).OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => (Path: folder + "/" + f.Name, File: f)))
            .Append((Path: "/" + StylesBundle, File: files.GetFileInfo(StylesBundle)))
            .Where(f => f.File.Exists);
        foreach (var (path, file) in linked)
        {
            list.Add(path);
            list.Add(versions.AddFileVersionToPath(PathString.Empty, path));
            AddContents(hash, path, file);
        }

        var template = ReadTemplate();
        hash.AppendData(Encoding.UTF8.GetBytes(template));
        var version = Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        var precache = "[" + string.Join(", ", list.Distinct().Select(p => System.Text.Json.JsonSerializer.Serialize(p))) + "]";
        return (template.Replace("__VERSION__", version, StringComparison.Ordinal).Replace("__PRECACHE__", precache, StringComparison.Ordinal), version);
    }

    private static void AddContents(IncrementalHash hash, string path, Microsoft.Extensions.FileProviders.IFileInfo file)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(path));
        using var stream = file.CreateReadStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
    }

    private static string ReadTemplate()
    {
        using var stream = typeof(ServiceWorkerScript).Assembly.GetManifestResourceStream("Mutuality.ServiceWorker.js")
            ?? throw new InvalidOperationException("The service worker template is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

public static class PhoneEndpoints
{
    /// <summary>The service worker script (issue 15).</summary>
    public static IServiceCollection AddPhone(this IServiceCollection services) => services.AddSingleton<ServiceWorkerScript>();

    public static void MapPhoneEndpoints(this IEndpointRouteBuilder app)
    {
        // Served to everyone (a worker must register before sign-in too); it holds no personal data.
        app.MapGet("/sw.js", (HttpContext http, ServiceWorkerScript script) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Text(script.Script, "text/javascript; charset=utf-8");
        }).AllowAnonymous();
    }
}

/// <summary>Asks the browser to forget what the app left on this device (honoured on https and on localhost).</summary>
public static class SiteData
{
    /// <summary>
    /// Drops the HTTP cache and the origin's storage, which also ends the service worker and its push
    /// subscription on this device: a signed-out phone should not buzz for the person who left it.
    /// </summary>
    public static void Clear(HttpResponse response, bool cookiesToo = false)
        => response.Headers["Clear-Site-Data"] = cookiesToo ? "\"cache\", \"cookies\", \"storage\"" : "\"cache\", \"storage\"";
}
