using Mutuality.Web.Features.Shared;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Composition;

namespace Mutuality.Web.Features.Repair;

public static class RepairSetup
{
    /// <summary>Repair after conflict (with its guides), and the demo couple's ritual history.</summary>
    public static IServiceCollection AddRepair(this IServiceCollection services)
    {
        services.AddScoped<OpenConflict>();
        services.AddScoped<WriteSide>();
        services.AddScoped<SendRepairAttempt>();
        services.AddScoped<ResolveConflict>();
        services.AddScoped<SaveReflections>();
        services.AddPersonalData<RepairPersonalData>();
        services.AddScoped<IDemoHistory, RitualsDemoHistory>();
        services.AddNavLink(NavPlace.More, 20, "/Repair", "Repair", c => c.HasPartner);
        return services;
    }
}
