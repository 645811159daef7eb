using Mutuality.Web.Features.Shared;

namespace Mutuality.Web.Features.Questions;

public static class QuestionsSetup
{
    public static IServiceCollection AddQuestionsFeature(this IServiceCollection services)
    {
        services.AddScoped<QuestionService>();
        services.AddScoped<IDemoHistory, QuestionsDemoHistory>();
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
