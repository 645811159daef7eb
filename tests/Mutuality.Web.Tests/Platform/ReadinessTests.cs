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
