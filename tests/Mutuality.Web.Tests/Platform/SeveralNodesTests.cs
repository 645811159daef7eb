using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Account.Privacy;
using Mutuality.Web.Features.ScheduledMail;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

/// <summary>An app node on a PostgreSQL database it shares with other nodes (issue 18), keys in that database.</summary>
public sealed class NodeApp(string connectionString) : AppFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = connectionString,
        ["DataProtection:KeysInDatabase"] = "true",
        ["Mail:PublicBaseUrl"] = "https://mutuality.test",
    };
}

/// <summary>
/// Issue 18, item 4: background work runs once across several nodes on one PostgreSQL database — the export queue is
/// claimed with FOR UPDATE SKIP LOCKED, and each tick of the scheduled jobs is one node's.
/// </summary>
[Trait("Runs", "Once")]
public sealed class SeveralNodesTests
{
    private static PostgresAppDbContext NewContext(string connectionString, int? commandTimeoutSeconds = null)
        => new(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.CommandTimeout(commandTimeoutSeconds))
            .Options);

    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>People, each with one export asked for; returns the jobs' ids.</summary>
    private static async Task<List<Guid>> QueueExportsAsync(string database, int count)
    {
        await using var db = NewContext(database);
        var jobs = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var user = new AppUser { Id = Guid.CreateVersion7(), UserName = $"n{i}-{Guid.NewGuid():N}@example.org", DisplayName = "N", CreatedAtUtc = Now };
            var job = new ExportJob { Id = Guid.CreateVersion7(), UserId = user.Id, Status = ExportStatus.Queued, RequestedAtUtc = Now.AddSeconds(i) };
            db.Users.Add(user);
            db.ExportJobs.Add(job);
            jobs.Add(job.Id);
        }

        await db.SaveChangesAsync();
        return jobs;
    }

    [Fact]
    public async Task Two_nodes_workers_claiming_from_one_queue_take_each_export_exactly_once()
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_nodes_");
        try
        {
            var jobs = await QueueExportsAsync(database, 40);
            var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await using var db = NewContext(database);
                var mine = new List<Guid>();
                while (await ExportWorker.ClaimNextAsync(db, Now) is { } claimed)
                {
                    mine.Add(claimed);
                }

                return mine;
            })).ToList();
            var claims = await Task.WhenAll(workers);

            var all = claims.SelectMany(c => c).ToList();
            Assert.Equal(jobs.Order(), all.Order());
            Assert.Equal(all.Count, all.Distinct().Count());
            await using var check = NewContext(database);
            Assert.All(await check.ExportJobs.ToListAsync(), j => Assert.Equal((ExportStatus.Preparing, Now + ExportWorker.Lease), (j.Status, j.LeaseUntilUtc)));
        }
        finally
        {
            NodesPostgres.Drop(database);
        }
    }

    [Fact]
    public async Task A_claim_still_open_on_one_node_is_skipped_by_another_which_takes_the_next_export_without_waiting()
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_nodes_");
        try
        {
            var jobs = await QueueExportsAsync(database, 2);
            await using var first = NewContext(database);
            await using var second = NewContext(database, commandTimeoutSeconds: 10); // a claim that waited for the lock would fail, not hang

            await using var open = await first.Database.BeginTransactionAsync();
            Assert.Equal(jobs[0], await ExportWorker.ClaimNextAsync(first, Now));
            Assert.Equal(jobs[1], await ExportWorker.ClaimNextAsync(second, Now));
            Assert.Null(await ExportWorker.ClaimNextAsync(second, Now));
            await open.CommitAsync();
        }
        finally
        {
            NodesPostgres.Drop(database);
        }
    }

    [Fact]
    public async Task An_export_whose_node_stopped_mid_way_is_taken_over_once_its_lease_has_lapsed_and_not_before()
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_nodes_");
        try
        {
            var jobs = await QueueExportsAsync(database, 1);
            await using var db = NewContext(database);
            Assert.Equal(jobs[0], await ExportWorker.ClaimNextAsync(db, Now));

            // The node that claimed it is gone; while its lease lasts nobody else takes the job...
            Assert.Null(await ExportWorker.ClaimNextAsync(db, Now + ExportWorker.Lease - TimeSpan.FromSeconds(1)));

            // ...and after it, one other node does.
            var later = Now + ExportWorker.Lease + TimeSpan.FromSeconds(1);
            Assert.Equal(jobs[0], await ExportWorker.ClaimNextAsync(db, later));
            Assert.Null(await ExportWorker.ClaimNextAsync(db, later));
        }
        finally
        {
            NodesPostgres.Drop(database);
        }
    }

    [Fact]
    public async Task While_one_node_works_a_tick_another_node_skips_it_and_works_the_next_one()
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_nodes_");
        try
        {
            var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = database };
            var a = new NodeTicks(options);
            var b = new NodeTicks(options);
            var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var aTick = a.TryRunAsync(AdvisoryLocks.ScheduledMail, async _ =>
            {
                inside.SetResult();
                await finish.Task;
            });
            await inside.Task;

            var bWorked = false;
            Assert.False(await b.TryRunAsync(AdvisoryLocks.ScheduledMail, _ => Task.FromResult(bWorked = true)));
            Assert.False(bWorked);

            // A different job's tick is not held up.
            Assert.True(await b.TryRunAsync(AdvisoryLocks.PushOutbox, _ => Task.CompletedTask));

            finish.SetResult();
            Assert.True(await aTick);
            Assert.True(await b.TryRunAsync(AdvisoryLocks.ScheduledMail, _ => Task.FromResult(bWorked = true)));
            Assert.True(bWorked);
        }
        finally
        {
            NodesPostgres.Drop(database);
        }
    }

    [Fact]
    public async Task A_digest_due_on_two_nodes_at_once_is_sent_once()
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_nodes_");
        try
        {
            using var a = new NodeApp(database);
            var couple = await a.CreateCoupleAsync();
            using var sam = await a.SignedInAsync(couple.B);
            var saved = await sam.PostFormAsync("/Account/Manage/Email", ("DigestDay", ((int)DayOfWeek.Monday).ToString()), ("DigestHour", "18"), ("WeeklyDigest", "true"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            using var b = new NodeApp(database);
            _ = b.Services; // the second node starts (after the first made the shared key ring)

            // 18:00 in New York on Monday 2 March is 23:00 UTC: due on both nodes at once.
            var due = new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);
            a.Clock.SetUtcNow(due);
            b.Clock.SetUtcNow(due);
            var runs = new[] { a, b }.Select(node => Task.Run(async () =>
            {
                await using var scope = node.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<ScheduledMailRunner>().RunDueAsync(due);
            }));
            await Task.WhenAll(runs);
            await using (var scope = a.Services.CreateAsyncScope())
            {
                // Whatever either node's own worker was doing has finished once this run gets the gate.
                await scope.ServiceProvider.GetRequiredService<ScheduledMailRunner>().RunDueAsync(due);
            }

            await using (var scope = b.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ScheduledMailRunner>().RunDueAsync(due);
            }

            var digests = new[] { a, b }.SelectMany(node => Mailbox.To(node, couple.B.Email))
                .Count(m => m.Subject?.StartsWith("Your week in Mutuality", StringComparison.Ordinal) == true);
            Assert.Equal(1, digests);
        }
        finally
        {
            NodesPostgres.Drop(database);
        }
    }
}
