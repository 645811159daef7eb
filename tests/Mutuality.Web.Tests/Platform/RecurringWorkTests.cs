using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// The one worker shape for background jobs (issue 19): a run that fails — a timeout's cancellation included — is
/// logged and the job runs again after its wait; only the app's stopping ends it.
/// </summary>
[Trait("Runs", "Once")]
public sealed class RecurringWorkTests
{
    /// <summary>A job that fails its first two runs (a timeout, then an error) and counts the runs that follow.</summary>
    public sealed class FlakyJob : IRecurringJob
    {
        private static int _runs;

        public static int Runs => Volatile.Read(ref _runs);
        public static readonly SemaphoreSlim Ran = new(0);

        public Task RunAsync(CancellationToken ct)
        {
            var run = Interlocked.Increment(ref _runs);
            Ran.Release();
            return run switch
            {
                1 => throw new TaskCanceledException("the push service did not answer in time"),
                2 => throw new InvalidOperationException("the database went away"),
                _ => Task.CompletedTask,
            };
        }
    }

    [Fact]
    public async Task AFailedRun_EvenATimeout_IsFollowedByTheNextRun_AndStoppingEndsTheWorker()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(new NodeTicks(new DatabaseOptions()))
            .AddLogging()
            .AddRecurringJob(new RecurringSchedule<FlakyJob> { WhenItFails = "The flaky job failed", Every = _ => TimeSpan.FromMinutes(1) })
            .BuildServiceProvider();
        var worker = services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<RecurringWorker<FlakyJob>>().Single();

        await worker.StartAsync(CancellationToken.None);
        Assert.True(await FlakyJob.Ran.WaitAsync(TimeSpan.FromSeconds(30)), "the first run (at start) did not happen");
        for (var next = 2; next <= 3; next++)
        {
            // Move the clock a minute at a time until the worker, back at its wait, runs again (bounded).
            var arrived = false;
            for (var i = 0; i < 600 && !arrived; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                arrived = await FlakyJob.Ran.WaitAsync(TimeSpan.FromMilliseconds(50));
            }

            Assert.True(arrived, $"run {next} never came: the worker stopped after a failed run");
        }

        Assert.False(worker.ExecuteTask!.IsCompleted, "the worker ended after a failed run");
        await worker.StopAsync(CancellationToken.None);
        Assert.True(worker.ExecuteTask.IsCompletedSuccessfully);
        Assert.True(FlakyJob.Runs >= 3);
    }
}
