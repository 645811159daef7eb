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

/// <summary>
/// The live-signal listener in <c>/healthz</c> (issue 18, item 8). On one node (SQLite, or PostgreSQL without shared
/// signals) the signal is in process and always fine. With <see cref="Features.Feed.FeedRelay"/> it is healthy while the
/// node's listening connection is up, and degraded, with the reason, while it reconnects: pages on this node still
/// hear writes made on this node, miss those made on others until it is back, and then refresh. It is left out of
/// <c>/readyz</c>: the node still answers correctly, and a database restart would otherwise take every node out at once.
/// </summary>
public sealed class LiveSignalsHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const string Tag = "live-signals";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(services.GetService<Features.Feed.FeedRelay>() is { Problem: { } problem }
            ? HealthCheckResult.Degraded("the live feed listener is not listening: " + problem + ". Open pages on this node still update for writes made here, and refresh once it is back.")
            : HealthCheckResult.Healthy());
}

public static class NodeHealth
{
    public static IServiceCollection AddNodeHealth(this IServiceCollection services)
    {
        services.AddSingleton<NodeState>();
        services.AddHostedService<DrainDelay>();
        services.AddHealthChecks()
            .AddCheck<DrainingHealthCheck>("draining")
            .AddCheck<LiveSignalsHealthCheck>("live signals", tags: [LiveSignalsHealthCheck.Tag]);
        return services;
    }

    /// <summary>
    /// <c>/readyz</c>: 200 "Healthy" when this node should get requests; 503 when it is draining or its database is
    /// unwell. The live-signal listener is reported by <c>/healthz</c> only (see <see cref="LiveSignalsHealthCheck"/>).
    /// </summary>
    public static void MapNodeHealth(this WebApplication app)
        => app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => !check.Tags.Contains(LiveSignalsHealthCheck.Tag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
}

/// <summary>
/// <c>Nodes:Several=true</c> says this node is one of several on one database (issue 18). Several nodes must share one
/// key ring, kept in the database and encrypted there with a certificate the operator keeps outside it; the app
/// refuses to start in that mode without them, rather than run with keys that a database backup would give away or
/// that the other nodes cannot read. A single node keeps its keys in a folder apart from the database.
/// </summary>
public static class NodeMode
{
    public static void Validate(IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Nodes:Several"))
        {
            return;
        }

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Nodes:Several is true but the database is SQLite, which is for one node: set Database__Provider=Postgres (docs/operations.md).");
        }

        if (!configuration.GetValue<bool>("DataProtection:KeysInDatabase"))
        {
            throw new InvalidOperationException("Nodes:Several is true, so every node must read one key ring: set DataProtection__KeysInDatabase=true (docs/operations.md).");
        }

        if (configuration["DataProtection:CertificatePath"] is not { Length: > 0 })
        {
            throw new InvalidOperationException("Nodes:Several is true and the key ring is in the database: protect it with a certificate kept outside the database (DataProtection__CertificatePath), or a database backup opens everything (docs/operations.md).");
        }
    }
}
