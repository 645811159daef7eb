using Mutuality.Web.Features.Shared;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Composition;

namespace Mutuality.Web.Features.Insights;

public static class InsightsSetup
{
    /// <summary>Insights and the report: their reads (with the monthly rollup's cache) and the nav link.</summary>
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddScoped<InsightsQueries>();
        services.AddPersonalData<InsightsPersonalData>();
        services.AddNavLink(NavPlace.More, 50, "/Insights", "Insights", c => c.HasCouple);
        return services;
    }
}
