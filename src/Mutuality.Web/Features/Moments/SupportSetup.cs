using Mutuality.Web.Features.Demo;
using Mutuality.Web.Features.Feed;
using Mutuality.Web.Features.Moments;
using Mutuality.Web.Features.Requests;

namespace Mutuality.Web.Features.Moments;

public static class SupportSetup
{
    /// <summary>The mutuality core: moments, pebbles, requests, the couple feed and the week panel.</summary>
    public static IServiceCollection AddSupportFeatures(this IServiceCollection services)
    {
        services.AddSingleton<FeedNotifier>();
        services.AddScoped<MomentCommands>();
        services.AddScoped<RequestCommands>();
        services.AddScoped<RequestMail>();
        services.AddHostedService<RequestMailJob>();
        services.AddScoped<FeedQueries>();
        services.AddScoped<BenchHistory>();
        services.AddScoped<IDemoHistory, SupportDemoHistory>();
        return services;
    }
}
