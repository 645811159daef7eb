using Mutuality.Web.Features.Shared;

namespace Mutuality.Web.Features.Demo;

public static class DemoSetup
{
    /// <summary>The demo couple's support history and the benchmark history (both write moments and requests together).</summary>
    public static IServiceCollection AddSupportDemo(this IServiceCollection services)
    {
        services.AddScoped<BenchHistory>();
        services.AddScoped<IDemoHistory, SupportDemoHistory>();
        return services;
    }
}
