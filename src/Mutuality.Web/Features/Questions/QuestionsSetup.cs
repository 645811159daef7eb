using Mutuality.Web.Features.Shared;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Composition;

namespace Mutuality.Web.Features.Questions;

public static class QuestionsSetup
{
    /// <summary>Questions for two (issue 17): the daily question, its nav link and home panel.</summary>
    public static IServiceCollection AddQuestions(this IServiceCollection services)
    {
        services.AddScoped<QuestionService>();
        services.AddPersonalData<QuestionsPersonalData>();
        services.AddScoped<IDemoHistory, QuestionsDemoHistory>();
        services.AddNavLink(NavPlace.Main, 50, "/Questions", "Questions", c => c.HasPartner);
        services.AddHomePanel<QuestionPanelViewComponent>(50);
        return services;
    }
}

/// <summary>The caller's own answer, shown to the caller alone.</summary>
public sealed record MyAnswer(Mutuality.Domain.Questions.Question Question, Data.QuestionAnswer Answer, string PartnerName);

/// <summary>How the report says an answer.</summary>
public static class ReportQuestions
{
    /// <summary>An answer in words: the choice of a guess question, then any text.</summary>
    public static string Say(Mutuality.Domain.Questions.Question question, int? choice, string text)
    {
        var chosen = choice is { } c && c >= 0 && c < question.Choices.Count ? question.Choices[c] : null;
        return chosen is null ? text : text.Length == 0 ? chosen : $"{chosen} — {text}";
    }
}
