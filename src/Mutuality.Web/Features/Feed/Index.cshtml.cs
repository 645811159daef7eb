using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Feed;

/// <summary>The couple feed: what the partner shared, pebbles, and the history of requests, newest first.</summary>
/// <remarks>The list and the stream (fetched by the page) answer 404 to anyone without a partner.</remarks>
[PartnerRequired(Except = ["List", "Stream"])]
public sealed class IndexModel(CallerContext callers, FeedQueries feed, FeedNotifier notifier, IHostApplicationLifetime lifetime) : PageModel
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    public Caller Caller { get; private set; } = null!;

    public FeedPage Feed { get; private set; } = new([], 1, false);

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int p = 1)
    {
        Caller = await callers.RequireAsync();
        Feed = await feed.PageAsync(Caller, p);
        if (p <= 1)
        {
            await feed.MarkSeenAsync(Caller);
        }

        return Page();
    }

    /// <summary>Just the list, for the live refresh (it marks the feed read, as the page does).</summary>
    public async Task<IActionResult> OnGetListAsync()
    {
        Caller = await callers.RequireAsync();
        if (!Caller.HasPartner)
        {
            return NotFound();
        }

        Feed = await feed.PageAsync(Caller, 1);
        await feed.MarkSeenAsync(Caller);
        return Partial("_FeedList", this);
    }

    /// <summary>
    /// Server-sent events: "feed" with the unread count whenever something changes for the caller.
    /// The event carries a number only; the page fetches its own, scoped, view of the feed.
    /// </summary>
    public async Task<IActionResult> OnGetStreamAsync(CancellationToken aborted)
    {
        // Ends when the page goes away or the server stops, so shutdown never waits on an open stream.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping);
        var ct = linked.Token;
        Caller = await callers.RequireAsync(ct);
        if (!Caller.HasPartner)
        {
            return NotFound();
        }

        Response.Headers.ContentType = "text/event-stream";
        Response.Headers.CacheControl = "no-cache, no-store";
        Response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = notifier.Subscribe(Caller.UserId);
        try
        {
            await WriteAsync($"retry: 3000\nevent: feed\ndata: {(await feed.UnreadAsync(Caller, ct)).ToString(CultureInfo.InvariantCulture)}\n\n", ct);
            while (!ct.IsCancellationRequested)
            {
                if (await subscription.WaitAsync(KeepAlive, ct))
                {
                    var unread = await feed.UnreadAsync(Caller, ct);
                    await WriteAsync($"event: feed\ndata: {unread.ToString(CultureInfo.InvariantCulture)}\n\n", ct);
                }
                else
                {
                    await WriteAsync(": keep-alive\n\n", ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }

        return new EmptyResult();
    }

    private async Task WriteAsync(string text, CancellationToken ct)
    {
        await Response.WriteAsync(text, ct);
        await Response.Body.FlushAsync(ct);
    }
}
