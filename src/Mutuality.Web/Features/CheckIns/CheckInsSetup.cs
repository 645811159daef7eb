using Mutuality.Web.Features.Shared;

namespace Mutuality.Web.Features.CheckIns;

public static class CheckInsSetup
{
    public static IServiceCollection AddCheckInsFeature(this IServiceCollection services)
    {
        services.AddScoped<CheckInQueries>();
        services.AddScoped<SaveDraft>();
        services.AddScoped<SendCheckIn>();
        services.AddScoped<ReplyToCheckIn>();
        services.AddScoped<CheckInSettingsService>();
        services.AddScoped<CheckInStatusQuery>();
        services.AddScoped<CheckInCalendar>();
        services.AddScoped<CheckInReminderMailer>();
        services.AddHostedService<CheckInReminderWorker>();
        services.AddScoped<IDemoHistory, CheckInDemoHistory>();
        return services;
    }
}
