using Mutuality.Web.Features.Demo;
using Mutuality.Web.Features.Monthly;

namespace Mutuality.Web.Features.Repair;

public static class RitualsSetup
{
    /// <summary>The monthly check-in and repair after conflict (with its guides).</summary>
    public static IServiceCollection AddRitualsFeature(this IServiceCollection services)
    {
        services.AddScoped<MonthlyCommands>();
        services.AddScoped<MonthlyQueries>();
        services.AddScoped<RepairCommands>();
        services.AddScoped<IDemoHistory, RitualsDemoHistory>();
        return services;
    }
}
