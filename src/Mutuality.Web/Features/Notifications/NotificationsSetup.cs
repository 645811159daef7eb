using Microsoft.Extensions.Options;
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
        services.AddScoped<ScheduledNotices>();
        services.AddHostedService<ScheduledNoticeWorker>();
        services.AddHostedService<NotificationWorker>();
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
