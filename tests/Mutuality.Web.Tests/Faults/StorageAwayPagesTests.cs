using System.Net;
using Microsoft.Data.Sqlite;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Faults;

/// <summary>
/// Issue 20, item 2: while the database cannot be reached, the pages people get need no database: the clear 503 page
/// with Retry-After (a small fragment for htmx), never an empty 500, and never a redirect to sign-in for someone signed
/// in. The SQLite file is taken away (its folder moved, the pooled connections closed), so every new connection fails
/// to open it. About SQLite's files, so it runs once; the PostgreSQL stop is DatabaseRestartFaultTests.
/// </summary>
[Trait("Runs", "Once")]
public sealed class StorageAwayPagesTests
{
    [Fact]
    public async Task WithTheDatabaseAway_SignedInPeopleGetTheClearPage_HtmxGetsTheFragment_AndNobodyIsSentToSignIn()
    {
        using var app = new AppFactory();
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var token = await robin.TokenAsync("/Moments");
        var file = Path.Combine(app.DataFolder, "mutuality.db");
        var away = Path.Combine(Path.GetTempPath(), "mutuality-away-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(away);

        // The database goes away: its files moved out of reach, the app's open connections closed.
        SqliteConnection.ClearPool(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 }.ToString()));
        foreach (var part in new[] { "mutuality.db", "mutuality.db-wal", "mutuality.db-shm" }.Where(p => File.Exists(Path.Combine(app.DataFolder, p))))
        {
            File.Move(Path.Combine(app.DataFolder, part), Path.Combine(away, part));
        }

        Directory.Move(app.DataFolder, app.DataFolder + "-gone");
        try
        {
            foreach (var page in new[] { "/", "/Moments", "/Feed", "/Account/Manage", "/no-such-page" })
            {
                var response = await robin.GetAsync(page);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"GET {page}: {(int)response.StatusCode} {response.Headers.Location}");
                Assert.Contains(StorageUnavailable.Headline, body, StringComparison.Ordinal);
                Assert.Contains("Nothing you sent was saved", body, StringComparison.Ordinal);
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Contains("<html", body, StringComparison.Ordinal);
            }

            using (var htmx = new HttpRequestMessage(HttpMethod.Get, "/Feed?handler=List"))
            {
                htmx.Headers.Add("HX-Request", "true");
                var fragment = await robin.Http.SendAsync(htmx);
                var body = await fragment.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, fragment.StatusCode);
                Assert.Contains("data-storage-away", body, StringComparison.Ordinal);
                Assert.DoesNotContain("<html", body, StringComparison.Ordinal);
            }

            using var form = new FormUrlEncodedContent(
            [
                new("Input.Direction", "Gave"), new("Input.Type", "Practical"), new("Input.Note", "sent while away"), new("Input.Visibility", "Shared"),
                new("__Intent", Guid.NewGuid().ToString()), new("__IntentPath", "/Moments"), new("__RequestVerificationToken", token),
            ]);
            var post = await robin.Http.PostAsync("/Moments", form);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
            Assert.Contains(StorageUnavailable.Headline, await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // Someone not signed in reaching for the sign-in page gets the same clear page, not an empty 500.
            using var visitor = app.NewClient();
            var login = await visitor.GetAsync("/Account/Login");
            Assert.True(login.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"GET /Account/Login: {(int)login.StatusCode}");
            Assert.NotEqual(0, (await login.Content.ReadAsStringAsync()).Length);
        }
        finally
        {
            Directory.Move(app.DataFolder + "-gone", app.DataFolder);
            foreach (var part in Directory.GetFiles(away))
            {
                File.Move(part, Path.Combine(app.DataFolder, Path.GetFileName(part)));
            }

            Directory.Delete(away);
        }

        // Back: the same person, still signed in, sees their home page.
        var home = await robin.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Sign out", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
