using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Features.Feed;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Tests.Infrastructure;
using Npgsql;

namespace Mutuality.Web.Tests.Platform;

/// <summary>An app node whose live feed signals cross nodes through PostgreSQL LISTEN/NOTIFY (issue 18, item 3).</summary>
public sealed class SignallingNodeApp(string connectionString) : AppFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = connectionString,
        ["DataProtection:KeysInDatabase"] = "true",
        ["Nodes:SharedSignals"] = "true",
        ["Mail:PublicBaseUrl"] = "https://mutuality.test",
    };

    public async Task ListeningAsync() => await Services.GetRequiredService<FeedRelay>().Listening;
}

/// <summary>
/// Issue 18, item 3: a write on one node reaches a feed page open on another; the signal carries ids only; a node whose
/// listening connection broke reconnects and tells its open pages to refresh.
/// </summary>
[Trait("Runs", "Once")]
public sealed partial class SignalsAcrossNodesTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30); // a bound so a broken relay fails, not a speed claim

    [GeneratedRegex("^[0-9a-f]{32}:[0-9a-f]{32}$")]
    private static partial Regex IdsOnly();

    private static async Task RecordAsync(TestClient client, string visibility, string note)
    {
        var response = await client.PostFormAsync("/Moments", ("Input.Direction", "Gave"), ("Input.Type", "Practical"), ("Input.Visibility", visibility), ("Input.Note", note));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_shared_moment_written_on_one_node_signals_the_partners_page_on_another_with_ids_only_and_a_private_one_sends_nothing()
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_signal_");
        try
        {
            using var a = new SignallingNodeApp(database);
            var couple = await a.CreateCoupleAsync();
            using var robin = await a.SignedInAsync(couple.A);
            await a.ListeningAsync();
            using var c = new SignallingNodeApp(database);
            _ = c.Services;
            await c.ListeningAsync();

            // Everything on the channel, as any other listener would see it.
            var payloads = new List<string>();
            await using var spy = new NpgsqlConnection(database);
            await spy.OpenAsync();
            spy.Notification += (_, e) => { lock (payloads) { payloads.Add(e.Payload); } };
            await using (var listen = new NpgsqlCommand($"LISTEN {FeedRelay.Channel}", spy))
            {
                await listen.ExecuteNonQueryAsync();
            }

            using var sam = c.Services.GetRequiredService<FeedNotifier>().Subscribe(couple.B.Id);
            await RecordAsync(robin, "Private", "only mine");
            var watch = Stopwatch.StartNew();
            await RecordAsync(robin, "Shared", "for both of us");
            Assert.True(await sam.WaitAsync(Bound, CancellationToken.None), "the page on the other node heard nothing");
            Console.WriteLine($"signals across nodes: write-to-page {watch.ElapsedMilliseconds} ms (includes the POST)");

            using var wait = new CancellationTokenSource(Bound);
            while (true)
            {
                lock (payloads)
                {
                    if (payloads.Count > 0)
                    {
                        break;
                    }
                }

                await spy.WaitAsync(wait.Token);
            }

            lock (payloads)
            {
                var payload = Assert.Single(payloads); // the private moment sent nothing
                Assert.Matches(IdsOnly(), payload);
                Assert.EndsWith(couple.B.Id.ToString("N"), payload, StringComparison.Ordinal);
                Assert.DoesNotContain("both", payload, StringComparison.Ordinal);
            }
        }
        finally
        {
            NodesPostgres.Drop(database);
        }
    }

    [Fact]
    public async Task A_node_whose_listening_connection_broke_reconnects_tells_its_open_pages_to_refresh_and_hears_the_next_write()
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_signal_");
        try
        {
            using var a = new SignallingNodeApp(database);
            var couple = await a.CreateCoupleAsync();
            using var robin = await a.SignedInAsync(couple.A);
            using var c = new SignallingNodeApp(database);
            _ = c.Services;
            await c.ListeningAsync();
            using var sam = c.Services.GetRequiredService<FeedNotifier>().Subscribe(couple.B.Id);

            // Every node's listener loses its connection (as in a database restart or a network cut).
            await using (var admin = new NpgsqlConnection(database))
            {
                await admin.OpenAsync();
                await using var kill = new NpgsqlCommand("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mutuality-feed-listener' AND datname = current_database()) t", admin);
                Assert.True((long)(await kill.ExecuteScalarAsync())! >= 1);
            }

            Assert.True(await sam.WaitAsync(Bound, CancellationToken.None), "the open page was not told to refresh after the reconnect");

            // Back on the channel: the next shared write on the other node reaches the page. Wait until the listener is
            // back for certain: a write before the LISTEN would be lost (and then covered by the refresh just seen).
            await WaitForListenerAsync(database);
            await RecordAsync(robin, "Shared", "after the cut");
            Assert.True(await sam.WaitAsync(Bound, CancellationToken.None), "the page heard nothing after the reconnect");
        }
        finally
        {
            NodesPostgres.Drop(database);
        }
    }

    private static async Task WaitForListenerAsync(string database)
    {
        await using var admin = new NpgsqlConnection(database);
        await admin.OpenAsync();
        using var wait = new CancellationTokenSource(Bound);
        while (true)
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mutuality-feed-listener' AND datname = current_database() AND query LIKE 'LISTEN%'", admin);
            if ((long)(await count.ExecuteScalarAsync(wait.Token))! >= 2)
            {
                return;
            }

            await Task.Delay(100, wait.Token);
        }
    }
}
