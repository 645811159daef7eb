using Mutuality.Web.Features.Demo;

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
