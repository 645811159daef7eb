using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

/// <summary>Issue 18, item 8: /readyz tells a load balancer whether to send this node requests.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_running_node_is_ready_and_a_draining_one_is_not_though_it_stays_healthy()
    {
        using var app = new AppFactory();
        using var client = app.NewClient();
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());

        // What the stop signal (SIGTERM) does first.
        app.Services.GetRequiredService<NodeState>().BeginDraining();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task The_stop_signal_makes_the_node_drain()
    {
        using var app = new AppFactory();
        var node = app.Services.GetRequiredService<NodeState>();
        Assert.False(node.Draining);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lifetime = app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
        lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());

        lifetime.StopApplication();
        await stopped.Task;

        Assert.True(node.Draining);
    }
}

/// <summary>Issue 18, item 2: several-node mode refuses to start without a shared key ring protected by a certificate.</summary>
public sealed class SeveralNodeModeTests
{
    private sealed class ModeApp(Dictionary<string, string?> settings) : AppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => settings;
    }

    public static TheoryData<string, string, string, string> Refusals => new()
    {
        { "Sqlite", "true", "/tmp/keys.pfx", "SQLite, which is for one node" },
        { "Postgres", "false", "/tmp/keys.pfx", "DataProtection__KeysInDatabase=true" },
        { "Postgres", "true", "", "protect it with a certificate" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Several_node_mode_without_a_shared_protected_key_ring_refuses_to_start_and_says_what_is_missing(string provider, string keysInDatabase, string certificate, string said)
    {
        using var app = new ModeApp(new()
        {
            ["Nodes:Several"] = "true",
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = provider == "Postgres" ? "Host=127.0.0.1;Port=1;Username=x;Password=y" : null,
            ["DataProtection:KeysInDatabase"] = keysInDatabase,
            ["DataProtection:CertificatePath"] = certificate,
        });
        var refused = Assert.ThrowsAny<Exception>(() => app.Services);
        var messages = string.Join(" | ", Enumerable.Repeat(refused, 1).Concat(refused is AggregateException a ? a.InnerExceptions : []).Select(e => e.Message).Append(refused.InnerException?.Message));
        Assert.Contains(said, messages, StringComparison.Ordinal);
    }
}
