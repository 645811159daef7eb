using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Infrastructure.Intents;

/// <summary>
/// One row per intent: a form that carries an intent key (<see cref="IntentTagHelper"/>) is applied once. A repeat —
/// a double click, the Back button and send again, twenty posts at once — answers "already sent" and leads to what
/// the first one made. The key is saved with what the form creates (<see cref="IntentInterceptor"/>), under a unique
/// key, so two posts racing each other cannot both win.
/// </summary>
public sealed class OneRowPerIntentFilter(AppDbContext db, TimeProvider clock, IUrlHelperFactory urls, ILogger<OneRowPerIntentFilter> logger) : IAsyncPageFilter
{
    public const string FieldName = "__Intent";

    public const string FormFieldName = "__IntentForm";

    /// <summary>The path the form posts to: the key is the form's only there (see <see cref="IntentTagHelper"/>).</summary>
    public const string PathFieldName = "__IntentPath";

    /// <summary>The path part of a form's action, without query or fragment, e.g. "/Requests/New".</summary>
    public static string PathOf(string? action)
    {
        var path = action ?? "/";
        var cut = path.IndexOfAny(['?', '#']);
        path = cut >= 0 ? path[..cut] : path;
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            path = absolute.AbsolutePath;
        }

        return path.Length == 0 ? "/" : path;
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <summary>The intent key of a posted form, or null when the body is not a readable form (e.g. a value with a
    /// NUL character): then the handler runs as without the filter, and model binding reports the bad value. A key
    /// counts only when the post goes where its form posts: not for a fragment that took the enclosing form's fields
    /// along (htmx does), nor for an error page the server re-executes for a failed request.</summary>
    private static async Task<string?> IntentFieldAsync(HttpContext http)
    {
        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var target = form[PathFieldName].ToString();
            var reExecuted = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null
                || http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
            return !reExecuted && string.Equals(PathOf(target), http.Request.Path.Value, StringComparison.OrdinalIgnoreCase)
                ? form[FieldName].ToString()
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType
            || !Guid.TryParse(await IntentFieldAsync(http), out var key) || key == Guid.Empty
            || CallerContext.UserIdOf(http.User) is not { } userId)
        {
            await next();
            return;
        }

        var first = await FirstAsync(userId, key, http.RequestAborted);
        if (first is not null)
        {
            logger.LogInformation("A form that was already sent was sent again; answered 'already sent'");
            context.Result = AlreadySent(http, first.Location);
            return;
        }

        var state = new IntentState(userId, key, clock.GetUtcNow().UtcDateTime);
        http.Items[IntentState.ItemKey] = state;
        PageHandlerExecutedContext executed;
        try
        {
            executed = await next();
        }
        finally
        {
            http.Items.Remove(IntentState.ItemKey);
        }

        if (state.SaveFailed && !state.Saved)
        {
            // Another post of the same form won the race for the intent's unique key: this one saved nothing.
            if (await FirstAsync(userId, key, CancellationToken.None) is { } winner)
            {
                logger.LogInformation("Two posts of one form raced; the unique intent key kept one and answered the other 'already sent'");
                executed.ExceptionHandled = true;
                executed.Result = AlreadySent(http, winner.Location);
            }

            return;
        }

        if (state.Saved && executed.Exception is null && LocationOf(executed) is { } location)
        {
            try
            {
                await db.SubmittedIntents.Where(i => i.UserId == userId && i.Key == key)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Location, location), CancellationToken.None);
            }
            catch (Exception e) when (Hosting.StorageUnavailable.IsStorageAway(e))
            {
                // What the form made is saved; only the way back to it is not. Never answer "nothing was saved" for it.
                logger.LogWarning("The database went away just after a form was saved; a repeat will lead to the form's page");
            }
        }
    }

    private Task<SubmittedIntent?> FirstAsync(Guid userId, Guid key, CancellationToken ct)
        => db.SubmittedIntents.AsNoTracking().Where(i => i.UserId == userId && i.Key == key).FirstOrDefaultAsync(ct);

    private string? LocationOf(PageHandlerExecutedContext executed)
    {
        var url = executed.Result switch
        {
            RedirectToPageResult page => urls.GetUrlHelper(executed).Page(page.PageName, page.PageHandler, page.RouteValues, page.Protocol, page.Host, page.Fragment),
            LocalRedirectResult local => local.Url,
            RedirectResult redirect => redirect.Url,
            _ => null,
        };
        return url is { Length: <= 500 } && IsLocal(url) ? url : null;
    }

    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    /// <summary>"Already sent": a page that says so and leads to what the first post made (or back to the form's page).</summary>
    private static IActionResult AlreadySent(HttpContext http, string? location)
    {
        var to = location is not null && IsLocal(location) ? location : http.Request.Path.Value ?? "/";
        var url = "/Errors/AlreadySent?to=" + Uri.EscapeDataString(to);
        if (http.Request.Headers.ContainsKey("HX-Request"))
        {
            http.Response.Headers["HX-Redirect"] = url;
            return new NoContentResult();
        }

        return new RedirectResult(url);
    }
}
