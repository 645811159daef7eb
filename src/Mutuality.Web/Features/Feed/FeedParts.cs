using Microsoft.AspNetCore.Mvc;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Feed;

/// <summary>The feed's link with its unread badge (and the script that keeps it live), for the navigation.</summary>
public sealed class FeedNavViewComponent(FeedQueries feed) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Caller caller)
        => caller.HasPartner ? View("/Features/Feed/_NavItems.cshtml", await feed.UnreadAsync(caller)) : Content(string.Empty);
}

/// <summary>The latest from the partner, first on the couple's home.</summary>
public sealed class FeedPreviewViewComponent(FeedQueries feed) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Caller caller)
        => View("/Features/Feed/_FeedPreview.cshtml", new FeedPreview(caller, await feed.LatestFromPartnerAsync(caller, 5)));
}

public sealed record FeedPreview(Caller Caller, IReadOnlyList<FeedItem> Latest);

/// <summary>This week's shared picture on the couple's home.</summary>
public sealed class WeekPanelViewComponent(FeedQueries feed) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Caller caller)
        => await feed.WeekAsync(caller) is { } panel ? View("/Features/Feed/_HomePanel.cshtml", panel) : Content(string.Empty);
}
