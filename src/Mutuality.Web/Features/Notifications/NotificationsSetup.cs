using Microsoft.Extensions.Options;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Settings;

namespace Mutuality.Web.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>Notices, push and ntfy delivery, and their workers (issue 15).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSettings<NotificationOptions>(NotificationOptions.Section);
        services.AddSingleton<VapidKeys>();
        services.AddSingleton<NotificationSender>();
        services.AddScoped<Notices>();
        services.AddPersonalData<NotificationsPersonalData>();
        // Reminders are looked for once a minute; the outbox every few seconds (never inline in a request). One node
        // a run (issue 18); the stable event ids and the outbox rows' leases still keep each notice to one sender.
        services.AddRecurringJob(new RecurringSchedule<ScheduledNotices>
        {
            WhenItFails = "Reminder notices could not be queued this time",
            Every = _ => TimeSpan.FromMinutes(1),
            OneNodeAtATime = AdvisoryLocks.ScheduledNotices,
            Enabled = WorkerEnabled,
        });
        services.AddRecurringJob(new RecurringSchedule<NotificationSender>
        {
            WhenItFails = "The notification outbox could not be drained this time",
            Every = sp => TimeSpan.FromSeconds(Math.Max(1, sp.GetRequiredService<IOptions<NotificationOptions>>().Value.PollSeconds)),
            OneNodeAtATime = AdvisoryLocks.PushOutbox,
            Enabled = WorkerEnabled,
        });
        services.AddHostedService<VapidStartupNote>();
        foreach (var name in new[] { NotificationSender.PushClient, NotificationSender.NtfyClient })
        {
            services.AddHttpClient(name, c => c.Timeout = TimeSpan.FromSeconds(30))
                .ConfigurePrimaryHttpMessageHandler(sp =>
                {
                    var options = sp.GetRequiredService<IOptionsMonitor<NotificationOptions>>();
                    return NetworkGuard.Handler(() => options.CurrentValue.AllowPrivateNetworks);
                });
        }

        return services;
    }

    private static bool WorkerEnabled(IServiceProvider services) => services.GetRequiredService<IOptions<NotificationOptions>>().Value.WorkerEnabled;
}

/// <summary>Says once at start-up when push to Apple's service is off, and why (the app runs on regardless).</summary>
public sealed class VapidStartupNote(VapidKeys vapid, ILogger<VapidStartupNote> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (vapid.AppleUnavailableReason is { } reason)
        {
            log.LogWarning("{Reason}", reason);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
