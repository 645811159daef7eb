using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mutuality.Web.Features.Feed;
using Mutuality.Web.Features.ScheduledMail;
using Mutuality.Web.Infrastructure.Intents;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// One node of the cluster test: the real app on a real Kestrel port on loopback, on the PostgreSQL database it shares
/// with the other nodes (keys, signals, limits and background work all there). Each response says which node answered
/// (<c>X-Cluster-Node</c>), and the node counts the requests it served.
/// </summary>
public sealed class ClusterNode : AppFactory
{
    private readonly string _connectionString;
    private readonly string _certificatePath;
    private int _served;

    public ClusterNode(string name, string connectionString, string certificatePath)
    {
        Name = name;
        _connectionString = connectionString;
        _certificatePath = certificatePath;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public const string CertificatePassword = "cluster-test";

    public string Name { get; }

    /// <summary>The operator's certificate that encrypts the key ring in the database, kept outside it (a PFX file).</summary>
    public static string MakeCertificate()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mutuality-cluster-{Guid.NewGuid():N}.pfx");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Mutuality key ring (cluster test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    public int Served => Volatile.Read(ref _served);

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = _connectionString,
        ["Nodes:Several"] = "true", // signals, limits and the checks of several-node mode, as docs/operations.md sets it
        ["DataProtection:KeysInDatabase"] = "true",
        ["DataProtection:CertificatePath"] = _certificatePath,
        ["DataProtection:CertificatePassword"] = CertificatePassword,
        ["Mail:PublicBaseUrl"] = "https://mutuality.test",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new Tagging(this)));
    }

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

    /// <summary>A hard stop of the node's web server: the listening socket closes and every open connection is cut
    /// at once, requests in flight included, with no draining (the in-process stand-in for SIGKILL).</summary>
    public async Task KillAsync()
        => await Services.GetRequiredService<IServer>().StopAsync(new CancellationToken(canceled: true));

    private sealed class Tagging(ClusterNode node) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, rest) =>
            {
                Interlocked.Increment(ref node._served);
                context.Response.Headers["X-Cluster-Node"] = node.Name;
                await rest(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// Issue 18, the cluster test: a private database on the run's PostgreSQL, three app nodes on loopback ports with one
/// shared configuration, and a YARP load balancer in front (round robin, passive health checks). Through the balancer:
/// requests rotate across the nodes and stay signed in; a write through one node reaches an SSE feed held open on
/// another; an export asked for through one node is built once and downloaded through every node; a digest due on all
/// three at once is sent once; "sign out everywhere else" takes effect on every node; and a node stopped hard during a
/// stream of writes loses no acknowledged write, the clients seeing no error after a retry (safe: the moment form
/// carries an intent key). Every wait is bounded; nothing asserts a time. It prints one line, <c>cluster: …</c>.
/// </summary>
[Trait("Runs", "Once")]
public sealed class ClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60); // so a broken cluster fails, not a speed claim

    [Fact]
    public async Task Three_nodes_behind_a_balancer_act_as_one_app_and_a_node_stopped_mid_stream_loses_no_acknowledged_write()
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_cluster_");
        var certificate = ClusterNode.MakeCertificate();
        var nodes = new List<ClusterNode>();
        WebApplication? balancer = null;
        try
        {
            // The first node makes the shared key ring; the others start on it.
            nodes.Add(new ClusterNode("n1", database, certificate));
            nodes.Add(new ClusterNode("n2", database, certificate));
            nodes.Add(new ClusterNode("n3", database, certificate));
            foreach (var node in nodes)
            {
                await node.ListeningAsync();
            }

            balancer = await StartBalancerAsync(nodes);
            var front = new Uri(balancer.Urls.First());
            var couple = await nodes[0].CreateCoupleAsync();

            // 1. Sign in, then every following request lands on the next node and stays signed in.
            using var robin = Browser(front);
            await robin.SignInAsync(couple.A.Email, TestPerson.DefaultPassword);
            var rotation = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                var response = await robin.GetAsync("/Couple");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                rotation.Add(NodeOf(response));
            }

            Assert.Equal(3, rotation.Distinct().Count());
            Assert.All(rotation.Zip(rotation.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));

            // 2. Sam's feed stream, held open on one node, hears Robin's shared moments written through the others.
            using var sam = Browser(front);
            await sam.SignInAsync(couple.B.Email, TestPerson.DefaultPassword);
            var signals = await SignalsAcrossNodesAsync(robin, sam);

            // 3. An export asked for through one node is built once and downloaded through every node.
            var asked = await robin.PostFormAsync("/Account/Manage/Export", [], "/Account/Manage/Export");
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            var job = await ExportTests.WaitForReadyAsync(nodes[0], couple.A.Id);
            var link = $"/Account/Manage/Export?handler=Download&id={job.Id}";
            var downloads = new List<(string Node, byte[] Zip)>();
            for (var i = 0; i < 3; i++)
            {
                var response = await robin.GetAsync(link);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                downloads.Add((NodeOf(response), await response.Content.ReadAsByteArrayAsync()));
            }

            Assert.Equal(3, downloads.Select(d => d.Node).Distinct().Count());
            Assert.All(downloads, d => Assert.Equal(downloads[0].Zip, d.Zip));
            Assert.NotEmpty(downloads[0].Zip);
            Assert.Equal(1, await nodes[0].WithDbAsync(db => db.ExportJobs.CountAsync(j => j.UserId == couple.A.Id)));

            // 4. A weekly digest due on all three nodes at once is sent once.
            var saved = await sam.PostFormAsync("/Account/Manage/Email", ("DigestDay", ((int)DayOfWeek.Monday).ToString(CultureInfo.InvariantCulture)), ("DigestHour", "18"), ("WeeklyDigest", "true"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var digests = await DigestsSentAsync(nodes, couple.B.Email);
            Assert.Equal(1, digests);

            // 5. "Sign out everywhere else" on one node stops the other sessions on every node.
            await SignOutEverywhereElseAsync(nodes, front, robin, couple.A);

            // 6. A node stopped hard during a stream of writes: every write is acknowledged after at most a retry,
            // and every acknowledged write is there, once.
            var writes = await WritesAcrossAKillAsync(nodes[2], robin);
            // Notes are sealed at rest: read them through the app's model and count them here.
            var stored = (await nodes[0].WithDbAsync(db => db.SupportMoments.AsNoTracking().Where(m => m.CoupleId == couple.Id).Select(m => m.Note).ToListAsync()))
                .Where(n => n.StartsWith("w-", StringComparison.Ordinal)).CountBy(n => n).ToDictionary();
            var lost = writes.Acknowledged.Count(n => !stored.ContainsKey(n));
            var duplicates = stored.Values.Sum(c => c - 1);
            Assert.Equal(writes.Sent, writes.Acknowledged.Count);
            Assert.Equal(0, lost);
            Assert.Equal(0, duplicates);
            Assert.Empty(stored.Keys.Except(writes.Acknowledged));

            var requests = nodes.Sum(n => n.Served);
            var crossed = signals.Where(s => s.Crossed).Select(s => s.Milliseconds).Order().ToList();
            TestReport.Write(output, $"cluster: 3 nodes, {requests} requests ({string.Join("/", nodes.Select(n => n.Served))} per node), {lost} lost, "
                + $"signals p50 {crossed[crossed.Count / 2]} ms ({crossed.Count} across nodes), duplicates {duplicates}; "
                + $"{writes.Acknowledged.Count} writes acknowledged across a node stopped after {writes.KilledAfter}, {writes.Retried} retried; "
                + $"export built 1, downloaded through {downloads.Select(d => d.Node).Distinct().Count()} nodes; digests sent {digests}");
        }
        finally
        {
            if (balancer is not null)
            {
                await balancer.DisposeAsync();
            }

            foreach (var node in nodes)
            {
                node.Dispose();
            }

            NodesPostgres.Drop(database);
            File.Delete(certificate);
        }
    }

    private static string NodeOf(HttpResponseMessage response)
        => response.Headers.TryGetValues("X-Cluster-Node", out var values) ? values.Single() : throw new InvalidOperationException($"No node named on a {(int)response.StatusCode} answer");

    /// <summary>A browser talking to the balancer: its own cookies, no redirects followed.</summary>
    private static TestClient Browser(Uri front)
        => new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = front,
            Timeout = Bound,
        });

    /// <summary>YARP 2.3.0 on a loopback port: one route, the three nodes, round robin, passive health checks.</summary>
    private static async Task<WebApplication> StartBalancerAsync(IEnumerable<ClusterNode> nodes)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig
            {
                RouteId = "app",
                ClusterId = "nodes",
                Match = new RouteMatch { Path = "{**rest}" },
                Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }], // as a balancer in front of the app is set up
            }],
            [new ClusterConfig
            {
                ClusterId = "nodes",
                LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
                HealthCheck = new HealthCheckConfig { Passive = new PassiveHealthCheckConfig { Enabled = true } },
                Destinations = nodes.ToDictionary(n => n.Name, n => new DestinationConfig { Address = n.Address.ToString() }),
            }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        return app;
    }

    /// <summary>Posts Robin's moment form as the page renders it: a fresh intent key, so a repeat of the same body is
    /// answered "already sent" rather than saved twice.</summary>
    private static async Task<HttpResponseMessage> PostMomentAsync(TestClient client, string token, Guid intent, string note, string visibility = "Shared")
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            [OneRowPerIntentFilter.FieldName] = intent.ToString(),
            [OneRowPerIntentFilter.PathFieldName] = "/Moments",
            ["Input.Direction"] = "Gave",
            ["Input.Type"] = "Practical",
            ["Input.Visibility"] = visibility,
            ["Input.Note"] = note,
        });
        return await client.Http.PostAsync("/Moments", content);
    }

    private static async Task<List<(bool Crossed, long Milliseconds)>> SignalsAcrossNodesAsync(TestClient robin, TestClient sam)
    {
        using var wait = new CancellationTokenSource(Bound * 3);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Feed?handler=Stream");
        using var response = await sam.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, wait.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var streamNode = NodeOf(response);
        await using var stream = await response.Content.ReadAsStreamAsync(wait.Token);
        using var reader = new StreamReader(stream);
        async Task<int> NextCountAsync()
        {
            while (await reader.ReadLineAsync(wait.Token) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    return int.Parse(line["data: ".Length..], CultureInfo.InvariantCulture);
                }
            }

            throw new InvalidOperationException("The feed stream ended");
        }

        var unread = await NextCountAsync();
        var token = await robin.TokenAsync();
        var signals = new List<(bool, long)>();
        for (var i = 0; i < 6; i++)
        {
            var watch = Stopwatch.StartNew();
            var posted = await PostMomentAsync(robin, token, Guid.NewGuid(), $"signal {i}");
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var expected = unread + 1;
            while ((unread = await NextCountAsync()) < expected)
            {
            }

            signals.Add((NodeOf(posted) != streamNode, watch.ElapsedMilliseconds));
        }

        // Round robin put at least two of the six writes on a node other than the stream's.
        Assert.True(signals.Count(s => s.Item1) >= 2, $"the writes all landed on the stream's node {streamNode}");
        return signals;
    }

    private static async Task<int> DigestsSentAsync(List<ClusterNode> nodes, string email)
    {
        // 18:00 in New York on Monday 2 March is 23:00 UTC: due on all three nodes at once.
        var due = new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);
        foreach (var node in nodes)
        {
            node.Clock.SetUtcNow(due);
        }

        async Task RunAsync(ClusterNode node)
        {
            await using var scope = node.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScheduledMailRunner>().RunDueAsync(due);
        }

        await Task.WhenAll(nodes.Select(node => Task.Run(() => RunAsync(node))));

        // Whatever a node's own worker was doing has finished once a run on that node gets the gate.
        foreach (var node in nodes)
        {
            await RunAsync(node);
        }

        return nodes.SelectMany(node => Mailbox.To(node, email))
            .Count(m => m.Subject?.StartsWith("Your week in Mutuality", StringComparison.Ordinal) == true);
    }

    private static async Task SignOutEverywhereElseAsync(List<ClusterNode> nodes, Uri front, TestClient laptop, TestPerson robin)
    {
        async Task<HashSet<Guid>> LiveSessionsAsync() => [.. await nodes[0].WithDbAsync(db => db.UserSessions.Where(s => s.UserId == robin.Id && s.RevokedAtUtc == null).Select(s => s.Id).ToListAsync())];

        var before = await LiveSessionsAsync();
        using var phone = Browser(front);
        await phone.SignInAsync(robin.Email, TestPerson.DefaultPassword);
        using var tablet = Browser(front);
        await tablet.SignInAsync(robin.Email, TestPerson.DefaultPassword);
        var others = (await LiveSessionsAsync()).Except(before).ToList();
        Assert.Equal(2, others.Count);

        // Each device is known on every node before the sign-out (every node has let its session in).
        foreach (var device in new[] { phone, tablet })
        {
            var seen = new HashSet<string>();
            for (var i = 0; i < 3; i++)
            {
                var response = await device.GetAsync("/Couple");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                seen.Add(NodeOf(response));
            }

            Assert.Equal(3, seen.Count);
        }

        var forgotten = nodes.ToDictionary(n => n.Name, n => others.Select(n.ForgottenAsync).ToList());
        var signedOut = await laptop.PostFormAsync("/Account/Manage/Security?handler=SignOutOthers", [], "/Account/Manage/Security");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var handledBy = NodeOf(signedOut);
        foreach (var (node, heard) in forgotten.Where(f => f.Key != handledBy))
        {
            await Task.WhenAll(heard).WaitAsync(Bound);
        }

        foreach (var device in new[] { phone, tablet })
        {
            var seen = new HashSet<string>();
            for (var i = 0; i < 3; i++)
            {
                var response = await device.GetAsync("/Couple");
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/Account/Login", new Uri(front, response.Headers.Location!).AbsolutePath);
                seen.Add(NodeOf(response));
            }

            Assert.Equal(3, seen.Count);
        }

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/Couple")).StatusCode);
    }

    private sealed record Writes(int Sent, List<string> Acknowledged, int Retried, int KilledAfter);

    /// <summary>Forty moments, one after another; once fifteen are acknowledged the victim node is stopped hard while
    /// the writes go on. A write whose answer is a transport error or a 5xx (the balancer's 502 for the cut node) is
    /// sent again, the same body with the same intent key, to the next node, until it is acknowledged (bounded).</summary>
    private static async Task<Writes> WritesAcrossAKillAsync(ClusterNode victim, TestClient robin)
    {
        const int total = 40;
        const int killAfter = 15;
        var token = await robin.TokenAsync();
        var acknowledged = new List<string>();
        var retried = 0;
        var reachedKillPoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var kill = Task.Run(async () =>
        {
            await reachedKillPoint.Task;
            await victim.KillAsync();
        });

        var runId = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < total; i++)
        {
            var note = $"w-{runId}-{i}";
            var intent = Guid.NewGuid();
            using var give = new CancellationTokenSource(Bound);
            for (var attempt = 0; ; attempt++)
            {
                Assert.False(give.IsCancellationRequested, $"write {i} was not acknowledged within the bound");
                HttpResponseMessage? response = null;
                try
                {
                    response = await PostMomentAsync(robin, token, intent, note, "Private");
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                if (response is { StatusCode: HttpStatusCode.Redirect })
                {
                    acknowledged.Add(note);
                    break;
                }

                Assert.True(response is null || (int)response.StatusCode >= 500, $"write {i}: {(int?)response?.StatusCode} is neither an acknowledgement nor a failure to retry");
                retried++;
                await Task.Delay(50, CancellationToken.None);
            }

            if (acknowledged.Count == killAfter)
            {
                reachedKillPoint.SetResult();
            }
        }

        await kill.WaitAsync(Bound);
        return new Writes(total, acknowledged, retried, killAfter);
    }
}
