using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

/// <summary>An app node that counts its attempt and export limits in the shared PostgreSQL database (issue 18, item 5).</summary>
public sealed class LimitedNodeApp(string connectionString, bool inDatabase = true) : AppFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = connectionString,
        ["DataProtection:KeysInDatabase"] = "true",
        ["RateLimits:InDatabase"] = inDatabase ? "true" : "false",
        ["RateLimits:AuthPerMinute"] = "3",
        ["RateLimits:ExportsPerHour"] = "2",
        ["Mail:PublicBaseUrl"] = "https://mutuality.test",
    };
}

/// <summary>
/// Issue 18, item 5: three nodes on one database together allow only the configured attempts — sign-in,
/// registration and joining a partner with a code — and the configured exports; each node alone would allow them all.
/// </summary>
[Trait("Runs", "Once")]
public sealed class LimitsAcrossNodesTests
{
    private static async Task<List<HttpStatusCode>> RoundRobinAsync(IReadOnlyList<TestClient> clients, int count, string url, params (string Key, string Value)[] fields)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await clients[i % clients.Count].PostFormAsync(url, fields)).StatusCode);
        }

        return statuses;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Three_nodes_together_allow_only_the_configured_attempts_to_sign_in_and_register(bool inDatabase)
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_limits_");
        try
        {
            using var a = new LimitedNodeApp(database, inDatabase);
            using var b = new LimitedNodeApp(database, inDatabase);
            using var c = new LimitedNodeApp(database, inDatabase);
            using var toA = a.NewClient();
            using var toB = b.NewClient();
            using var toC = c.NewClient();
            TestClient[] clients = [toA, toB, toC];

            var signIns = await RoundRobinAsync(clients, 9, "/Account/Login", ("Input.Email", "nobody@example.org"), ("Input.Password", "wrong wrong wrong"));
            var registrations = await RoundRobinAsync(clients, 9, "/Account/Register", ("Input.Email", "nobody@example.org"));
            int[] allowed = [Allowed(signIns), Allowed(registrations)];
            Console.WriteLine($"limits across 3 nodes (in database: {inDatabase}): sign-in {allowed[0]}/9, register {allowed[1]}/9 let through (limit 3)");
            if (inDatabase)
            {
                Assert.Equal([3, 3], allowed);
                Assert.All(signIns.Skip(3).Concat(registrations.Skip(3)), x => Assert.Equal(HttpStatusCode.TooManyRequests, x));
            }
            else
            {
                // Each node counts alone: three times as many get through (why the limits are counted in the database).
                Assert.Equal([9, 9], allowed);
            }
        }
        finally
        {
            NodesPostgres.Drop(database);
        }
    }

    [Fact]
    public async Task Three_nodes_together_allow_only_the_configured_join_attempts_and_exports()
    {
        var database = NodesPostgres.CreateMigratedDatabase("mut_limits_");
        try
        {
            using var a = new LimitedNodeApp(database);
            using var b = new LimitedNodeApp(database);
            using var c = new LimitedNodeApp(database);
            var guesser = await a.CreatePersonAsync("Guesser");

            // One sign-in (on node A); the same cookie then goes to every node, as through a balancer.
            var jar = new CookieContainer();
            TestClient[] clients = [.. new[] { a, b, c }.Select(node => new TestClient(node.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar))))];
            await clients[0].SignInAsync(guesser.Email, TestPerson.DefaultPassword);

            var joins = await RoundRobinAsync(clients, 9, "/Couple/Join", ("Code", "ZZZZ-ZZZZ"));
            var exports = await RoundRobinAsync(clients, 6, "/Account/Manage/Export");
            Console.WriteLine($"limits across 3 nodes: join {Allowed(joins)}/9 (limit 3), export {Allowed(exports)}/6 (limit 2) let through");
            Assert.Equal(3, Allowed(joins));
            Assert.Equal(2, Allowed(exports));
            Assert.All(joins.Skip(3).Concat(exports.Skip(2)), x => Assert.Equal(HttpStatusCode.TooManyRequests, x));
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
        finally
        {
            NodesPostgres.Drop(database);
        }
    }

    private static int Allowed(List<HttpStatusCode> statuses) => statuses.Count(x => x != HttpStatusCode.TooManyRequests);
}
