using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// While the database cannot be reached (a restart, a stop, a full disk), every request that needs it gets a clear
/// answer instead of an empty 500: 503 with <c>Retry-After</c>, "nothing you sent was saved", written here without the
/// database, the layout or sign-in (which all need it). An htmx request gets a small fragment instead of a page.
/// What was typed into a form is kept by the page script (site.js) and given back when the person goes back.
/// </summary>
public sealed class StorageUnavailable(RequestDelegate next, ILogger<StorageUnavailable> logger)
{
    public const int RetryAfterSeconds = 5;

    public const string Headline = "We can't reach our storage right now";

    public const string Explanation = "Nothing you sent was saved. Please try again in a moment.";

    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (IsStorageAway(e) && !http.Response.HasStarted)
        {
            logger.LogWarning("The database could not be reached ({Reason}); answered 503 to {Method} {Path}", Reason(e), http.Request.Method, http.Request.Path);
            await WriteAsync(http);
        }
    }

    public static async Task WriteAsync(HttpContext http)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.Headers.Remove("Location");
        response.ContentType = "text/html; charset=utf-8";
        var htmx = http.Request.Headers.ContainsKey("HX-Request");
        await response.WriteAsync(htmx ? Fragment : Page, http.RequestAborted);
    }

    private const string Fragment =
        $"<div class=\"offline-note\" role=\"alert\" data-storage-away><p><strong>{Headline}.</strong> {Explanation}</p></div>";

    private const string Page = $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta name="referrer" content="no-referrer">
            <title>{{Headline}} · Mutuality</title>
            <link rel="stylesheet" href="/css/site.css">
            <script src="/js/offline.js" defer></script>
        </head>
        <body>
            <main id="main">
                <section class="card narrow">
                    <h1>{{Headline}}</h1>
                    <p>Nothing you sent was saved. Please try again in a moment.</p>
                    <p>What you typed is still there: go back to the page you came from and send it again when we're back.</p>
                    <p class="actions"><button type="button" class="button primary" id="go-back" hidden>Go back to what you typed</button> <a href="/">Go to the home page</a></p>
                </section>
            </main>
        </body>
        </html>
        """;

    /// <summary>True when an exception (or one it wraps) says the database is unreachable or cannot write right now.</summary>
    public static bool IsStorageAway(Exception? e)
    {
        for (var depth = 0; e is not null && depth < 10; depth++, e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when IsUnavailableState(pg.SqlState):
                case NpgsqlException and not PostgresException:
                case SqliteException { SqliteErrorCode: 5 or 6 or 8 or 10 or 13 or 14 }:
                case SocketException:
                    return true;
                case AggregateException { InnerExceptions.Count: > 0 } many:
                    return many.InnerExceptions.Any(IsStorageAway);
            }
        }

        return false;
    }

    // 08: connection exceptions; 53: insufficient resources (disk full, too many connections); 57P: shutting down or
    // starting up; 58: system errors (I/O); 25006: the database takes no writes (read-only, a standby).
    private static bool IsUnavailableState(string state)
        => state is "25006" || state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
            || state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("58", StringComparison.Ordinal);

    private static string Reason(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.GetType().Name + ": " + innermost.Message;
    }
}
