using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Domain.Support;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Tests.Faults;
using Mutuality.Web.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.Platform;

/// <summary>The app on a private primary, with a streaming standby of it as <c>ConnectionStrings:Replica</c>.</summary>
public sealed class ReplicaApp(PrivatePostgres primary, PrivatePostgres standby) : AppFactory
{
    public const string Database = "mutuality_replica";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = primary.ConnectionString + ";Database=" + Database,
        [ReadReplica.Setting] = standby.ConnectionString + ";Database=" + Database,
    };
}

/// <summary>
/// Issue 18, item 7 (ADR 0007): heavy reads go to a standby only when it has replayed the couple's latest committed
/// write. A private primary and a streaming standby (<c>pg_basebackup -R</c> on loopback); with the standby's replay
/// paused, Robin never sees his own moment vanish from Insights and Sam never sees, in Insights or the report, a moment
/// Robin has made private; caught up, the standby answers (shown by a marker: a row written straight into the primary,
/// which the app did not record, is missing from what the standby serves); stopped, the reads go to the primary with
/// no error. Every wait is bounded; nothing asserts a time.
/// </summary>
/// <remarks>The servers are the test's own whatever the pass, so it runs once (the PostgreSQL pass leaves it out).</remarks>
[Trait("Runs", "Once")]
public sealed class ReadReplicaTests(ITestOutputHelper output)
{
    private const string Insights = "/Insights?period=custom&from=2026-02-23&to=2026-03-02";
    private const string Report = "/Insights/Report?period=custom&from=2026-02-23&to=2026-03-02";

    [Fact]
    public async Task A_lagging_standby_never_shows_a_stale_privacy_filter_and_a_stopped_one_leaves_the_reads_to_the_primary()
    {
        using var primary = PrivatePostgres.Start();
        using var standby = primary.StartStandby();
        var app = new ReplicaApp(primary, standby);
        try
        {
            var couple = await app.CreateCoupleAsync();
            var replica = app.Services.GetRequiredService<ReadReplica>();
            using var robin = await app.SignedInAsync(couple.A);
            using var sam = await app.SignedInAsync(couple.B);

            // 1. Replay paused: Robin's new moment is on the primary only, and Robin's Insights shows it.
            await CaughtUpAsync(primary, standby);
            await ReplayAsync(standby, pause: true);
            var saved = await robin.SubmitFormAsync("/Moments", "form.moment-form",
                ("Input.Direction", "Gave"), ("Input.Type", "Practical"), ("Input.Note", "Took the bins out."), ("Input.Visibility", "Shared"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var (replicaBefore, primaryBefore) = (replica.ReplicaReads, replica.PrimaryReads);
            Assert.Equal((1, 0), await GivenAsync(robin, Insights));
            Assert.Equal((0, 1), await GivenAsync(sam, Insights));
            Assert.Equal(replicaBefore, replica.ReplicaReads);
            Assert.Equal(primaryBefore + 2, replica.PrimaryReads);

            // 2. Caught up, the standby answers: a moment of Sam's written straight into the primary (not through the
            // app, so not recorded) while replay is paused is missing from what Sam sees, so the standby served it.
            await ReplayAsync(standby, pause: false);
            await CaughtUpAsync(primary, standby);
            await ReplayAsync(standby, pause: true);
            await AddMomentAsync(app, couple.Id, couple.B.Id, "Made dinner (the marker).");
            replicaBefore = replica.ReplicaReads;
            Assert.Equal((0, 1), await GivenAsync(sam, Insights));
            Assert.Equal(replicaBefore + 1, replica.ReplicaReads);

            // 3. Replay still paused, Robin makes his moment private: Sam's Insights and report never count it again.
            var moment = await app.WithDbAsync(db => db.SupportMoments.Where(m => m.CoupleId == couple.Id && m.AuthorId == couple.A.Id).Select(m => m.Id).SingleAsync());
            var made = await robin.SubmitFormAsync($"/Moments/Edit/{moment}", "form[method=post][novalidate]", ("Input.Visibility", "Private"));
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
            replicaBefore = replica.ReplicaReads;
            Assert.Equal((1, 0), await GivenAsync(sam, Insights));
            Assert.Equal((1, 0), await GivenAsync(sam, Report));
            Assert.Equal((1, 1), await GivenAsync(robin, Insights));
            Assert.Equal(replicaBefore, replica.ReplicaReads);

            // 4. The standby stopped: the reads go to the primary, with no error page.
            await ReplayAsync(standby, pause: false);
            standby.StopServer();
            primaryBefore = replica.PrimaryReads;
            Assert.Equal((1, 0), await GivenAsync(sam, Insights));
            Assert.Equal((1, 0), await GivenAsync(sam, Report));
            Assert.Equal(primaryBefore + 2, replica.PrimaryReads);

            TestReport.Write(output, $"read replica: {replica.ReplicaReads} heavy reads from the standby, {replica.PrimaryReads} from the primary; "
                + "own write seen with replay paused, private moment never shown to the partner, standby stopped: primary, no error");
        }
        finally
        {
            app.Dispose();
        }
    }

    /// <summary>What the viewer and the partner gave over the period (M1's table, its rows added up), from a 200 page;
    /// anything else fails the test.</summary>
    private static async Task<(int Mine, int Partners)> GivenAsync(TestClient client, string url)
    {
        var page = await client.GetPageAsync(url);
        var rows = page.QuerySelectorAll("#m1 tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.NotEmpty(rows);
        return (rows.Sum(r => Number(r[1])), rows.Sum(r => Number(r[2])));
    }

    private static int Number(string cell) => int.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static Task AddMomentAsync(AppFactory app, Guid couple, Guid author, string note)
        => app.WithDbAsync(async db =>
        {
            var at = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
            db.SupportMoments.Add(new SupportMoment
            {
                Id = Guid.CreateVersion7(),
                CoupleId = couple,
                AuthorId = author,
                Kind = MomentKind.Moment,
                Direction = MomentDirection.Gave,
                Type = SupportType.Practical,
                Note = note,
                OccurredAtUtc = at,
                CreatedAtUtc = at,
                Visibility = Visibility.Shared,
            });
            await db.SaveChangesAsync();
        });

    private static async Task ReplayAsync(PrivatePostgres standby, bool pause)
    {
        await using var connection = new NpgsqlConnection(standby.ConnectionString + ";Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(pause ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits (at most a minute) until the standby has replayed everything the primary has written so far.</summary>
    private static async Task CaughtUpAsync(PrivatePostgres primary, PrivatePostgres standby)
    {
        long target;
        await using (var connection = new NpgsqlConnection(primary.ConnectionString + ";Database=postgres;Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint", connection);
            target = (long)(await command.ExecuteScalarAsync())!;
        }

        await using var replica = new NpgsqlConnection(standby.ConnectionString + ";Database=postgres;Pooling=false");
        await replica.OpenAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint", replica);
            if ((long)(await command.ExecuteScalarAsync())! >= target)
            {
                return;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "The standby did not catch up within a minute");
            await Task.Delay(50);
        }
    }
}
