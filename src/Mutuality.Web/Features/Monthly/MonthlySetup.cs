using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Composition;

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
        services.AddPersonalData<MonthlyPersonalData>();
        services.AddNavLink(NavPlace.More, 10, "/Monthly", "Monthly", c => c.HasPartner);
        services.AddHomePanel<MonthlyPanelViewComponent>(40);
        return services;
    }
}
