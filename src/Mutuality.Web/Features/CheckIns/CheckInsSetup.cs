using Mutuality.Web.Features.Shared;
using Mutuality.Web.Features.Shared.Email;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Composition;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Features.CheckIns;

public static class CheckInsSetup
{
    /// <summary>The four-part check-in: its use cases, reads, settings, calendar, reminders, nav link and home panel.</summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.AddScoped<CheckInQueries>();
        services.AddScoped<CheckInFacts>();
        services.AddScoped<SaveDraft>();
        services.AddScoped<SendCheckIn>();
        services.AddScoped<ReplyToCheckIn>();
        services.AddScoped<CheckInSettingsService>();
        services.AddScoped<CheckInStatusQuery>();
        services.AddScoped<CheckInCalendar>();
        services.AddPersonalData<CheckInsPersonalData>();
        services.AddEmailKind<CheckInReminderEmailKind>();
        services.AddRecurringJob(new RecurringSchedule<CheckInReminderMailer>
        {
            WhenItFails = "Check-in reminders could not be sent this minute",
            Every = _ => TimeSpan.FromMinutes(1),
            FirstRunAtStart = false,
            OneNodeAtATime = AdvisoryLocks.CheckInReminders,
        });
        services.AddScoped<IDemoHistory, CheckInDemoHistory>();
        services.AddNavLink(NavPlace.Main, 40, "/CheckIns", "Check-ins", c => c.HasPartner);
        services.AddHomePanel<CheckInPanelViewComponent>(30);
        return services;
    }
}
