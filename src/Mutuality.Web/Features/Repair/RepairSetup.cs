using Mutuality.Web.Features.Shared;

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
        services.AddScoped<IDemoHistory, RitualsDemoHistory>();
        return services;
    }
}
