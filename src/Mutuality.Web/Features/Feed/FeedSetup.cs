using Mutuality.Web.Features.Shared;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Composition;

namespace Mutuality.Web.Features.Feed;

public static class FeedSetup
{
    /// <summary>The couple feed and the live notice other features send it when something changes.</summary>
    public static IServiceCollection AddFeed(this IServiceCollection services)
    {
        services.AddSingleton<FeedNotifier>();
        services.AddScoped<FeedQueries>();
        services.AddPersonalData<FeedPersonalData>();
        services.AddNavComponent<FeedNavViewComponent>(NavPlace.Main, 10);
        services.AddHomePanel<FeedPreviewViewComponent>(10);
        services.AddHomePanel<WeekPanelViewComponent>(20);
        return services;
    }
}
