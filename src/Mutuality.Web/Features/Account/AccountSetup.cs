using Mutuality.Web.Features.Account.Privacy;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Features.Account;

public static class AccountSetup
{
    /// <summary>Accounts: registration's helpers, and personal data (deletion, export and its worker, import).</summary>
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddSingleton<ExportFiles>();
        services.AddPersonalData<AccountPersonalData>();
        services.AddScoped<AccountDeletion>();
        services.AddSingleton<ExportBacklog>();
        services.AddScoped<ExportService>();
        services.AddScoped<DataExporter>();
        services.AddScoped<DataImporter>();
        services.AddSingleton<ExportWorker>();
        services.AddRecurringJob(ExportWorker.Schedule);
        services.AddSingleton<RegisteredHere>(); // issue 16
        services.AddSingleton<UnknownAccountCost>();
        return services;
    }
}
