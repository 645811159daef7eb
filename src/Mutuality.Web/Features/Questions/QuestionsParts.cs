using Microsoft.AspNetCore.Mvc;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Questions;

/// <summary>Today's question on the couple's home. What it says depends only on the caller's own response, never the partner's.</summary>
public sealed class QuestionPanelViewComponent(QuestionService questions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Caller caller)
        => caller.HasPartner
            ? View("/Features/Questions/_HomePanel.cshtml", new QuestionPanel(caller, await questions.TodayViewAsync(caller)))
            : Content(string.Empty);
}

public sealed record QuestionPanel(Caller Caller, DayView Today);
