namespace Mutuality.Web.Features.Monthly;

public static class MonthlySetup
{
    /// <summary>The monthly check-in and its agreements.</summary>
    public static IServiceCollection AddMonthly(this IServiceCollection services)
    {
        services.AddScoped<ThisMonth>();
        services.AddScoped<ChooseDay>();
        services.AddScoped<SavePreparation>();
        services.AddScoped<TalkTurns>();
        services.AddScoped<AddAgreement>();
        services.AddScoped<ReviewAgreement>();
        services.AddScoped<MonthlyQueries>();
        return services;
    }
}
