using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Tests.Infrastructure;
using Npgsql;

namespace Mutuality.Web.Tests.Faults;

/// <summary>
/// The app on a database that stops taking writes while it runs. On SQLite its folder is a small real file system the
/// test fills to the last byte (SQLite answers "database or disk is full"); on PostgreSQL the database is made
/// read-only (<c>default_transaction_read_only</c>), so every write is refused as on a server whose disk is full.
/// </summary>
public sealed class WritesRefusedApp : AppFactory
{
    private readonly SmallDisk? _disk = Provider == "Sqlite" ? SmallDisk.Mount(16) : null;

    public string SqliteFolder => Path.Combine(_disk!.Path, "data");

    /// <summary>What /healthz must say while writes are refused.</summary>
    public string ExpectedReason => _disk is null ? "the database is read-only" : $"the disk is full at {SqliteFolder}";

    protected override IDictionary<string, string?> ExtraSettings => _disk is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?> { ["Database:DataFolder"] = SqliteFolder };

    public async Task RefuseWritesAsync()
    {
        if (_disk is not null)
        {
            // The write-ahead log gives back its space first, so the next write must grow a file on a disk with no room.
            await WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
            _disk.Fill();
            return;
        }

        await AdminAsync($"ALTER DATABASE \"{DatabaseName()}\" SET default_transaction_read_only = on");
    }

    public async Task AllowWritesAsync()
    {
        if (_disk is not null)
        {
            _disk.Free();
            return;
        }

        await AdminAsync($"ALTER DATABASE \"{DatabaseName()}\" RESET default_transaction_read_only");
    }

    private string DatabaseName()
        => new NpgsqlConnectionStringBuilder(WithScope(sp => sp.GetRequiredService<Mutuality.Web.Data.AppDbContext>().Database.GetConnectionString())).Database!;

    private static async Task AdminAsync(string sql)
    {
        await using (var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("MUTUALITY_TEST_PG") + ";Database=postgres;Pooling=false"))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }

        // The setting holds for new sessions: the pooled ones are closed so the app's next query opens one.
        NpgsqlConnection.ClearAllPools();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _disk is not null)
        {
            SqliteConnection.ClearPool(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(SqliteFolder, "mutuality.db"), Pooling = true, DefaultTimeout = 30 }.ToString()));
            _disk.Dispose();
        }
    }
}

/// <summary>Issue 20, item 5: honest health, and pages that write on a read still show what they can.</summary>
public sealed class WritesRefusedTests
{
    private static List<KeyValuePair<string, string>> Moment(string note) =>
    [
        new("Input.Direction", "Gave"), new("Input.Type", "Practical"), new("Input.Note", note), new("Input.Visibility", "Shared"),
        new("__Intent", Guid.NewGuid().ToString()), new("__IntentPath", "/Moments"),
    ];

    [Fact]
    public async Task WhenTheDatabaseTakesNoWrites_HealthSaysWhy_PagesThatWriteOnAReadStillShow_AndAFormGetsTheClearPage()
    {
        using var app = new WritesRefusedApp();
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        using var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync("/Moments", Moment("a walk by the river"))).StatusCode);
        Assert.Equal("Healthy", await (await anonymous.GetAsync("/healthz")).Content.ReadAsStringAsync());

        await app.RefuseWritesAsync();

        // Health fails, and says why.
        var health = await anonymous.GetAsync("/healthz");
        var reason = await health.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.StartsWith("Unhealthy: ", reason, StringComparison.Ordinal);
        Assert.Contains(app.ExpectedReason, reason, StringComparison.Ordinal);

        // The feed marks itself read on a read: it is shown all the same (and stays unread).
        var feed = await robin.GetPageAsync("/Feed");
        Assert.Contains("a walk by the river", feed.Body!.TextContent, StringComparison.Ordinal);
        using (var list = new HttpRequestMessage(HttpMethod.Get, "/Feed?handler=List"))
        {
            list.Headers.Add("HX-Request", "true");
            var fragment = await robin.Http.SendAsync(list);
            Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
            Assert.Contains("a walk by the river", await fragment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(await app.WithDbAsync(db => db.FeedCursors.AnyAsync(c => c.UserId == couple.A.Id)), "The feed was marked read on a database that takes no writes?");

        // The home page (today's question is picked on the first visit of the day) and the insights (which store the
        // numbers of new check-ins) are shown.
        await robin.GetPageAsync("/");
        Assert.False(await app.WithDbAsync(db => db.DailyQuestions.AnyAsync(q => q.CoupleId == couple.Id)), "Today's question was stored on a database that takes no writes?");
        await robin.GetPageAsync("/Insights");

        // Signing in writes a session row: the person is signed in all the same.
        using (var samAgain = app.NewClient())
        {
            await samAgain.SignInAsync(couple.B.Email, TestPerson.DefaultPassword);
            var home = await samAgain.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("Sign out", await home.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        // A form that writes gets the clear page: nothing was saved.
        var refused = await robin.PostFormAsync("/Moments", Moment("this cannot be kept"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains(StorageUnavailable.Headline, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.AllowWritesAsync();

        Assert.Equal("Healthy", await (await anonymous.GetAsync("/healthz")).Content.ReadAsStringAsync());
        await robin.GetPageAsync("/Feed");
        Assert.True(await app.WithDbAsync(db => db.FeedCursors.AnyAsync(c => c.UserId == couple.A.Id)), "The feed is marked read again once writes work.");
        var notes = await app.WithDbAsync(db => db.SupportMoments.Where(m => m.CoupleId == couple.Id).Select(m => m.Note).ToListAsync());
        Assert.Equal(["a walk by the river"], notes);
    }
}

/// <summary>Issue 20, item 5: the app as a real process, started again on a disk that is full.</summary>
[Trait("Runs", "Once")]
public sealed class FullDiskStartTests
{
    [Fact]
    public async Task OnAFullDisk_TheAppStarts_SaysTheDiskIsFull_AndServesAgainOnceThereIsSpace()
    {
        using var disk = SmallDisk.Mount(16);
        var data = Path.Combine(disk.Path, "data");
        await using (var first = await AppProcess.StartAsync(data))
        {
            using var http = new HttpClient { BaseAddress = first.BaseAddress };
            Assert.Equal("Healthy", await http.GetStringAsync("/healthz"));
            first.KillHard();
        }

        // As after a clean stop: the write-ahead log and its index are folded back into the file and removed, so the
        // next start has to create them.
        using (var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "mutuality.db"), Pooling = false }.ToString()))
        {
            db.Open();
            using var read = db.CreateCommand();
            read.CommandText = "SELECT count(*) FROM __EFMigrationsHistory";
            Assert.True(Convert.ToInt64(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        }

        disk.Fill();
        await using var again = await AppProcess.StartAsync(data);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = again.BaseAddress };

        Assert.Contains($"the disk is full at {data}", again.Output, StringComparison.Ordinal);
        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains($"the disk is full at {data}", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var home = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, home.StatusCode);
        Assert.NotNull(home.Headers.RetryAfter);
        Assert.Contains(StorageUnavailable.Headline, await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);

        disk.Free();

        // The app tries again every few seconds; wait (bounded) until it has.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60) && (await client.GetAsync("/healthz")).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(500);
        }

        Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }
}
