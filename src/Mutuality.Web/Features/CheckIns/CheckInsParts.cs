using Microsoft.AspNetCore.Mvc;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>Where the caller stands for this period's check-in, on the couple's home.</summary>
public sealed class CheckInPanelViewComponent(CheckInStatusQuery status) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Caller caller)
        => await status.GetAsync(caller) is { } view ? View("/Features/CheckIns/_HomePanel.cshtml", new CheckInPanel(caller, view)) : Content(string.Empty);
}

public sealed record CheckInPanel(Caller Caller, CheckInStatusView Status);
