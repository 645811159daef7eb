using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>A piece of background work that runs again and again: scheduled mail, reminders, exports, the push outbox.</summary>
public interface IRecurringJob
{
    /// <summary>One run: does what is due now and returns. Called in a scope of its own.</summary>
    Task RunAsync(CancellationToken ct);
}

/// <summary>
/// How a <typeparamref name="TJob"/> is run — the one worker shape for every background job (issue 19): how long to
/// wait between runs, whether the first run is at start (to catch up after downtime), whether one node at a time
/// does it (a PostgreSQL advisory lock, see <see cref="NodeTicks"/>), and, for work that can be asked for, a wait
/// that ends early when it is.
/// </summary>
public sealed class RecurringSchedule<TJob>
    where TJob : class, IRecurringJob
{
    /// <summary>Plain words for the log when a run fails, e.g. "Scheduled e-mails could not be sent this time".</summary>
    public required string WhenItFails { get; init; }

    /// <summary>The wait after each run ends (a one-shot delay, not a periodic timer: when the clock jumps — a test's
    /// fake clock, a suspended machine — there is one catch-up run, not one per missed period).</summary>
    public required Func<IServiceProvider, TimeSpan> Every { get; init; }

    /// <summary>Whether the first run is at start rather than after the first wait.</summary>
    public bool FirstRunAtStart { get; init; } = true;

    /// <summary>With several nodes, one node a run: the advisory lock's key (<see cref="AdvisoryLocks"/>); null when
    /// the job's own claims already keep its work to one node.</summary>
    public long? OneNodeAtATime { get; init; }

    /// <summary>Whether the job runs at all on this node (a setting can turn a worker off).</summary>
    public Func<IServiceProvider, bool> Enabled { get; init; } = _ => true;

    /// <summary>A wait that may end early (an export asked for on this node); by default the clock's delay.</summary>
    public Func<IServiceProvider, TimeSpan, TimeProvider, CancellationToken, Task>? Wait { get; init; }
}

/// <summary>Runs one <typeparamref name="TJob"/> for the app's lifetime by its <see cref="RecurringSchedule{TJob}"/>.</summary>
public sealed class RecurringWorker<TJob>(
    IServiceProvider services,
    IServiceScopeFactory scopes,
    RecurringSchedule<TJob> schedule,
    NodeTicks ticks,
    TimeProvider clock,
    ILogger<TJob> log) : BackgroundService
    where TJob : class, IRecurringJob
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!schedule.Enabled(services))
        {
            return;
        }

        var every = schedule.Every(services);
        try
        {
            if (!schedule.FirstRunAtStart)
            {
                await WaitAsync(every, stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var job = scope.ServiceProvider.GetRequiredService<TJob>();
                    if (schedule.OneNodeAtATime is { } key)
                    {
                        await ticks.TryRunAsync(key, job.RunAsync, stoppingToken);
                    }
                    else
                    {
                        await job.RunAsync(stoppingToken);
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Anything but stopping, a timeout's cancellation included, is one failed run: the worker goes
                    // on (a worker that ended here would stop the whole app, or silently stop the job).
                    log.LogWarning(e, "{WhenItFails}; will try again.", schedule.WhenItFails);
                }

                await WaitAsync(every, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private Task WaitAsync(TimeSpan every, CancellationToken ct)
        => schedule.Wait is { } wait ? wait(services, every, clock, ct) : Task.Delay(every, clock, ct);
}

public static class RecurringWorkSetup
{
    /// <summary>Registers <typeparamref name="TJob"/> (scoped: a run gets its own database context) and its worker.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, RecurringSchedule<TJob> schedule)
        where TJob : class, IRecurringJob
    {
        services.TryAddScoped<TJob>(); // a job registered before (e.g. as a singleton) keeps its lifetime
        services.AddSingleton(schedule);
        services.AddHostedService<RecurringWorker<TJob>>();
        return services;
    }
}
