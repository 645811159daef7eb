using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Composition;

namespace Mutuality.Web.Features.CheckIns;

public static class CheckInsSetup
{
    /// <summary>The four-part check-in: its use cases, reads, settings, calendar, reminders, nav link and home panel.</summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
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
        services.AddNavLink(NavPlace.Main, 40, "/CheckIns", "Check-ins", c => c.HasPartner);
        services.AddHomePanel<CheckInPanelViewComponent>(30);
        return services;
    }
}
