using Mutuality.Web.Features.Shared;

namespace Mutuality.Web.Features.Feed;

public static class FeedSetup
{
    /// <summary>The couple feed and the live notice other features send it when something changes.</summary>
    public static IServiceCollection AddFeed(this IServiceCollection services)
    {
        services.AddSingleton<FeedNotifier>();
        services.AddScoped<FeedQueries>();
        return services;
    }
}
