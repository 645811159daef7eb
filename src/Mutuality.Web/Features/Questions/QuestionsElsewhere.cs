using Microsoft.AspNetCore.Mvc;
using Mutuality.Domain.People;
using Mutuality.Domain.Questions;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Questions;

// What Questions shows on other features' pages (Insights, the report, the monthly preparation). Each piece reads its
// data here, in the Questions feature, and hands its view a finished model: no database access in a Razor view, and
// the host page names only the component (issue 19, item 3).

/// <summary>The Insights line: how many questions were shared together this month, and the favourite topics.</summary>
public sealed record QuestionsLine(int Shared, IReadOnlyList<string> Topics);

/// <summary>The questions both answered in a report's period, oldest first.</summary>
public sealed record ReportQuestionsView(Caller Caller, IReadOnlyList<SharedDay> Shared);

/// <summary><c>@await Component.InvokeAsync("QuestionsLine", new { caller })</c> on Insights.</summary>
public sealed class QuestionsLineViewComponent(QuestionService questions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Caller caller)
    {
        if (!caller.HasPartner)
        {
            return Content(string.Empty);
        }

        var today = await questions.TodayAsync(caller.CoupleId!.Value);
        var shared = await questions.SharedAsync(caller, from: TimeZones.MonthOf(today));
        var topics = shared.GroupBy(s => s.Question.Category).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(2)
            .Select(g => QuestionCategories.Name(g.Key).ToLowerInvariant()).ToList();
        return View("/Features/Questions/_InsightsLine.cshtml", new QuestionsLine(shared.Count, topics));
    }
}

/// <summary><c>@await Component.InvokeAsync("ReportQuestions", new { caller, from, to })</c> on the printable report.</summary>
public sealed class ReportQuestionsViewComponent(QuestionService questions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Caller caller, DateOnly from, DateOnly to)
    {
        if (!caller.HasPartner)
        {
            return Content(string.Empty);
        }

        var shared = (await questions.SharedAsync(caller, from: from)).Where(s => s.Day <= to).OrderBy(s => s.Day).ToList();
        return View("/Features/Questions/_ReportQuestions.cshtml", new ReportQuestionsView(caller, shared));
    }
}

/// <summary><c>@await Component.InvokeAsync("MonthlyQuestions", new { caller })</c>: questions brought to the monthly check-in (last two months).</summary>
public sealed class MonthlyQuestionsViewComponent(QuestionService questions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Caller caller)
    {
        if (!caller.HasPartner)
        {
            return Content(string.Empty);
        }

        var today = await questions.TodayAsync(caller.CoupleId!.Value);
        var brought = (await questions.SharedAsync(caller, from: today.AddMonths(-2))).Where(s => s.BroughtToMonthly).ToList();
        return brought.Count == 0 ? Content(string.Empty) : View("/Features/Questions/_MonthlyQuestions.cshtml", brought);
    }
}
