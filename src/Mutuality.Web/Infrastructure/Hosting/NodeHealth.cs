using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// Whether this node is stopping (issue 18, item 8). From the moment the host is told to stop (SIGTERM), the node is
/// draining: <c>/readyz</c> says 503 so the load balancer sends new requests elsewhere, open feed streams end (they
/// watch <see cref="IHostApplicationLifetime.ApplicationStopping"/>) so their pages reconnect to another node, and the
/// server finishes the requests already in flight before it exits.
/// </summary>
public sealed class NodeState
{
    private volatile bool _draining;

    public bool Draining => _draining;

    public void BeginDraining() => _draining = true;
}

/// <summary>Degraded while the node drains: <c>/healthz</c> stays 200 (the process is fine), <c>/readyz</c> turns 503.</summary>
public sealed class DrainingHealthCheck(NodeState node) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(node.Draining
            ? HealthCheckResult.Degraded("This node is stopping; new requests belong on another node.")
            : HealthCheckResult.Healthy());
}

/// <summary>
/// Keeps the server accepting for <c>Nodes:DrainSeconds</c> after the stop signal (0 by default), so a load balancer
/// polling <c>/readyz</c> sees the node leave before it stops listening. Registered after the web server, so it is
/// stopped before it.
/// </summary>
public sealed class DrainDelay(NodeState node, IConfiguration configuration, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(node.BeginDraining);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        node.BeginDraining();
        var seconds = configuration.GetValue("Nodes:DrainSeconds", 0);
        return seconds > 0 ? Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken) : Task.CompletedTask;
    }
}

public static class NodeHealth
{
    public static IServiceCollection AddNodeHealth(this IServiceCollection services)
    {
        services.AddSingleton<NodeState>();
        services.AddHostedService<DrainDelay>();
        services.AddHealthChecks().AddCheck<DrainingHealthCheck>("draining");
        return services;
    }

    /// <summary><c>/readyz</c>: 200 "Healthy" when this node should get requests; 503 when it is draining or unwell.</summary>
    public static void MapNodeHealth(this WebApplication app)
        => app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
}
