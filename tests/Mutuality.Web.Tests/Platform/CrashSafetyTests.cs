using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// The embedded database keeps every acknowledged write through a hard kill, and backups round-trip.
/// These run against SQLite in both suite runs: it is the default engine's property being proven.
/// </summary>
/// <summary>Runs the app as a real process on SQLite files, so it runs once (the PostgreSQL pass leaves it out).</summary>
[Trait("Runs", "Once")]
public sealed class CrashSafetyTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "mutuality-crash", Guid.NewGuid().ToString("N"));

    public CrashSafetyTests() => Directory.CreateDirectory(_data);

    private string DbPath => Path.Combine(_data, "mutuality.db");

    private static async Task<bool> RegisterAsync(Uri baseAddress, string email)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var page = await new HtmlParser().ParseDocumentAsync(await http.GetStringAsync("/Account/Register"));
        var token = page.QuerySelector("meta[name=request-verification-token]")!.GetAttribute("content")!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Crash",
            ["Input.TimeZoneId"] = "Europe/London",
            ["Input.Password"] = "a long enough secret",
            ["Input.ConfirmPassword"] = "a long enough secret",
            ["__RequestVerificationToken"] = token,
        });
        var response = await http.PostAsync("/Account/Register", form);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    [Fact]
    public async Task HardKill_MidStream_LosesNoAcknowledgedWrite_AndTheFileIsIntact()
    {
        var acknowledged = new ConcurrentBag<string>();
        await using (var app = await AppProcess.StartAsync(_data))
        {
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                var n = 0;
                while (!stop.IsCancellationRequested)
                {
                    var email = $"crash-{w}-{n++}@example.org";
                    try
                    {
                        if (await RegisterAsync(app.BaseAddress, email))
                        {
                            acknowledged.Add(email);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return; // the server died under us: this write was never acknowledged
                    }
                }
            })).ToList();

            // Kill while the writers are in full flow: after a good number of acknowledged writes.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (acknowledged.Count < 25 && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50);
            }

            app.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.True(acknowledged.Count >= 5, $"only {acknowledged.Count} writes were acknowledged before the kill");

        // The app starts again on the same files (recovering the WAL), and every acknowledged account is there.
        await using (var again = await AppProcess.StartAsync(_data))
        {
            using var http = new HttpClient { BaseAddress = again.BaseAddress };
            Assert.Equal("Healthy", await http.GetStringAsync("/healthz"));
        }

        var connection = new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString();
        using var db = new SqliteConnection(connection);
        db.Open();
        using var check = db.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", (string)check.ExecuteScalar()!);
        var stored = new HashSet<string>();
        using var read = db.CreateCommand();
        read.CommandText = "SELECT Email FROM AspNetUsers";
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                stored.Add(reader.GetString(0));
            }
        }

        var missing = acknowledged.Where(e => !stored.Contains(e)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged writes were lost: {string.Join(", ", missing.Take(5))}");
    }

    [Fact]
    public async Task Backup_ThenRestoreIntoAFreshFolder_RoundTripsWithTheSameChecksum()
    {
        await using (var app = await AppProcess.StartAsync(_data))
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.True(await RegisterAsync(app.BaseAddress, $"backup-{i}@example.org"));
            }

            // An online backup while the app is running.
            var backupFile = Path.Combine(_data, "backup.db");
            var output = new StringWriter();
            Assert.Equal(0, Maintenance.Run(["backup", backupFile, $"--Database:DataFolder={_data}"], output, TextWriter.Null));
            Assert.Contains("checksum", output.ToString(), StringComparison.Ordinal);

            var fresh = Path.Combine(_data, "fresh");
            Directory.CreateDirectory(fresh);
            var restored = new StringWriter();
            Assert.Equal(0, Maintenance.Run(["restore", backupFile, $"--Database:DataFolder={fresh}"], restored, TextWriter.Null));

            var liveSum = Maintenance.Checksum(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
            var restoredSum = Maintenance.Checksum(new SqliteConnectionStringBuilder { DataSource = Path.Combine(fresh, "mutuality.db"), Pooling = false }.ToString());
            Assert.Equal(liveSum, restoredSum);
            Assert.Contains(restoredSum, restored.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Restore_OfAMissingFile_SaysSo()
    {
        var error = new StringWriter();
        Assert.Equal(2, Maintenance.Run(["restore", Path.Combine(_data, "nope.db"), $"--Database:DataFolder={_data}"], TextWriter.Null, error));
        Assert.Contains("no backup", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
