namespace Mutuality.Web.Features.Monthly;

public static class MonthlySetup
{
    /// <summary>The monthly check-in and its agreements.</summary>
    public static IServiceCollection AddMonthly(this IServiceCollection services)
    {
        services.AddScoped<MonthlyCommands>();
        services.AddScoped<MonthlyQueries>();
        return services;
    }
}
