using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Domain.Support;
using Mutuality.Web.Features.Feed;
using Mutuality.Web.Features.Moments.Data;
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

    /// <summary>Completes when this node has forgotten <paramref name="session"/> on another node's signal.</summary>
    public Task ForgottenAsync(Guid session)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Services.GetRequiredService<FeedRelay>().SessionForgotten += id =>
        {
            if (id == session)
            {
                heard.TrySetResult();
            }
        };
        return heard.Task;
    }
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

    [Fact]
    public async Task Healthz_says_when_the_listener_is_reconnecting_and_why_and_is_healthy_again_once_it_listens()
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_signal_");
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        await using var admin = new NpgsqlConnection(NodesPostgres.BaseConnection); // another database: one cannot shut its own
        await admin.OpenAsync();
        try
        {
            using var a = new SignallingNodeApp(database);
            await a.ListeningAsync();
            using var browser = a.NewClient();
            var client = browser.Http;
            Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));

            // The listener's connection is cut and the database takes no new connections for a while, so it cannot
            // come straight back (connections already open, like the node's pooled ones, stay).
            await using (var shut = new NpgsqlCommand($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false", admin))
            {
                await shut.ExecuteNonQueryAsync();
            }

            await using (var kill = new NpgsqlCommand("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mutuality-feed-listener' AND datname = @name) t", admin))
            {
                kill.Parameters.AddWithValue("name", name);
                Assert.Equal(1L, await kill.ExecuteScalarAsync());
            }

            var down = await PollHealthAsync(client, body => body.Contains("live feed listener is not listening", StringComparison.Ordinal));
            Assert.Contains("reconnecting", down, StringComparison.Ordinal);
            Assert.DoesNotContain("Password", down, StringComparison.OrdinalIgnoreCase);

            // /readyz leaves the listener out: the node still answers correctly (and its pooled connections still work).
            var ready = await client.GetAsync("/readyz");
            Assert.DoesNotContain("listener", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            await using (var open = new NpgsqlCommand($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true", admin))
            {
                await open.ExecuteNonQueryAsync();
            }

            Assert.Equal("Healthy", await PollHealthAsync(client, body => body == "Healthy"));
        }
        finally
        {
            await using (var open = new NpgsqlCommand($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true", admin))
            {
                await open.ExecuteNonQueryAsync();
            }

            await admin.CloseAsync();
            NodesPostgres.Drop(database);
        }
    }

    /// <summary>Asks /healthz until its body satisfies <paramref name="wanted"/> (bounded, so a stuck listener fails).</summary>
    private static async Task<string> PollHealthAsync(HttpClient client, Func<string, bool> wanted)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var body = "";
        while (!wait.IsCancellationRequested)
        {
            body = await (await client.GetAsync("/healthz", CancellationToken.None)).Content.ReadAsStringAsync(CancellationToken.None);
            if (wanted(body))
            {
                return body;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        Assert.Fail("/healthz never said what was expected; last: " + body);
        return body;
    }

    [Fact]
    public async Task A_signal_goes_out_with_its_write_so_a_rolled_back_write_signals_nothing()
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_signal_");
        try
        {
            using var a = new SignallingNodeApp(database);
            var couple = await a.CreateCoupleAsync();
            await a.ListeningAsync();
            var payloads = new List<string>();
            await using var spy = new NpgsqlConnection(database);
            await spy.OpenAsync();
            spy.Notification += (_, e) => { lock (payloads) { payloads.Add(e.Payload); } };
            await using (var listen = new NpgsqlCommand($"LISTEN {FeedRelay.Channel}", spy))
            {
                await listen.ExecuteNonQueryAsync();
            }

            var notifier = a.Services.GetRequiredService<FeedNotifier>();
            using var samHere = notifier.Subscribe(couple.B.Id);
            SupportMoment SharedBy(TestPerson author) => new()
            {
                Id = Guid.CreateVersion7(),
                CoupleId = couple.Id,
                AuthorId = author.Id,
                Direction = MomentDirection.Gave,
                Type = SupportType.Practical,
                Visibility = Visibility.Shared,
                OccurredAtUtc = a.Clock.GetUtcNow().UtcDateTime,
                CreatedAtUtc = a.Clock.GetUtcNow().UtcDateTime,
            };

            // Robin's shared moment, signalled to Sam inside its transaction, which then rolls back (an error after the save).
            var rolledBack = SharedBy(couple.A);
            await a.WithDbAsync(async db =>
            {
                await using var write = await notifier.BeginAsync(db);
                db.SupportMoments.Add(rolledBack);
                await db.SaveChangesAsync();
                write.MomentChanged(couple.B.Id, null, Visibility.Shared);
            });

            // Sam's shared moment, signalled to Robin, committed.
            var committed = SharedBy(couple.B);
            await a.WithDbAsync(async db =>
            {
                await using var write = await notifier.BeginAsync(db);
                db.SupportMoments.Add(committed);
                await db.SaveChangesAsync();
                write.MomentChanged(couple.A.Id, null, Visibility.Shared);
                await write.CommitAsync();
            });

            // Notifications arrive in commit order: had the rolled-back one left, it would be first.
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
                var payload = Assert.Single(payloads);
                Assert.EndsWith(couple.A.Id.ToString("N"), payload, StringComparison.Ordinal);
            }

            Assert.False(samHere.TryTake(), "this node's page was told of a write that rolled back");
            Assert.False(await a.WithDbAsync(db => db.SupportMoments.AnyAsync(m => m.Id == rolledBack.Id)));
            Assert.True(await a.WithDbAsync(db => db.SupportMoments.AnyAsync(m => m.Id == committed.Id)));
        }
        finally
        {
            NodesPostgres.Drop(database);
        }
    }

    [Fact]
    public async Task Signing_out_on_one_node_stops_a_copy_of_the_cookie_on_another_and_so_does_signing_out_everywhere_else()
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_signal_");
        try
        {
            using var a = new SignallingNodeApp(database);
            var robin = await a.CreatePersonAsync("Robin");
            await a.ListeningAsync();
            using var b = new SignallingNodeApp(database);
            _ = b.Services;
            await b.ListeningAsync();

            // Signing out: the cookie copied to node B worked there (B now remembers the session as live) and stops.
            var (laptop, laptopJar) = Browser(a);
            await laptop.SignInAsync(robin.Email, TestPerson.DefaultPassword);
            using var copy = b.CreateDefaultClient(new Uri("http://localhost"));
            copy.DefaultRequestHeaders.Add("Cookie", laptopJar.GetCookieHeader(new Uri("http://localhost/")));
            Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/Couple")).StatusCode);
            var session = await LatestSessionAsync(a, robin);
            var forgotten = b.ForgottenAsync(session);
            Assert.Equal(HttpStatusCode.Redirect, (await laptop.PostFormAsync("/Account/Logout", [], "/")).StatusCode);
            await forgotten.WaitAsync(Bound);
            await AssertSignedOutAsync(copy);

            // "Sign out everywhere else" from the laptop on node A: the phone, signed in on node B, is out at its next request.
            (laptop, _) = Browser(a);
            await laptop.SignInAsync(robin.Email, TestPerson.DefaultPassword);
            var (phone, _) = Browser(b);
            await phone.SignInAsync(robin.Email, TestPerson.DefaultPassword);
            Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Couple")).StatusCode);
            var phoneSession = await LatestSessionAsync(a, robin);
            forgotten = b.ForgottenAsync(phoneSession);
            Assert.Equal(HttpStatusCode.Redirect, (await laptop.PostFormAsync("/Account/Manage/Security?handler=SignOutOthers", [], "/Account/Manage/Security")).StatusCode);
            await forgotten.WaitAsync(Bound);
            await AssertSignedOutAsync(phone.Http);
            Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/Couple")).StatusCode);
        }
        finally
        {
            NodesPostgres.Drop(database);
        }
    }

    private static (TestClient Client, CookieContainer Jar) Browser(AppFactory node)
    {
        var jar = new CookieContainer();
        return (new TestClient(node.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar))), jar);
    }

    private static Task<Guid> LatestSessionAsync(AppFactory node, TestPerson person)
        => node.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == person.Id && s.RevokedAtUtc == null).OrderByDescending(s => s.CreatedAtUtc).ThenByDescending(s => s.Id).Select(s => s.Id).FirstAsync());

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        var after = await client.GetAsync("/Couple");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
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
