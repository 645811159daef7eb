using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Data;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

public sealed class PlatformTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Healthz_WithAWorkingDatabase_ReportsHealthy()
    {
        using var client = app.NewClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Migrations_ForThisProvider_MatchTheModel()
    {
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, $"The {AppFactory.Provider} migrations are behind the model: run scripts/migrations-add.sh");
        var applied = await app.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).Count());
        Assert.Equal(0, applied);
    }

    [Fact]
    [Trait("Runs", "Once")]
    public async Task Sqlite_RunsInWalModeWithNormalSync()
    {
        Assert.True(AppFactory.Provider == "Sqlite", "This test is about SQLite's files; the PostgreSQL pass leaves it out (--filter \"Runs!=Once\").");

        var (mode, sync) = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            var journal = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous;";
            var synchronous = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return (journal, synchronous);
        });
        Assert.Equal("wal", mode);
        Assert.Equal(1, sync); // 1 = NORMAL
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/Help")]
    public async Task Pages_CarryStrictSecurityHeaders(string url)
    {
        using var client = app.NewClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    public async Task Pages_HaveNoInlineScriptsOrStyles(string url)
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync(url);
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline <script> found"));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Htmx_IsVendoredAndServed()
    {
        using var client = app.NewClient();
        var response = await client.GetAsync("/lib/htmx/htmx.min.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("htmx", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = app.NewClient();
        var response = await client.PostFormWithoutTokenAsync("/Account/Login", ("Input.Email", "a@example.org"), ("Input.Password", "whatever-it-is"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task BenchmarkBaseline_IsNotServedByANormalStart()
    {
        using var client = app.NewClient();
        var response = await client.PostFormWithoutTokenAsync("/bench/bare-moment");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UnknownPage_Gives404WithAFriendlyPage()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/no/such/page", HttpStatusCode.NotFound);
        Assert.Contains("couldn't find", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CouplePages_WhenAnonymous_RedirectToSignIn()
    {
        using var client = app.NewClient();
        foreach (var url in new[] { "/Couple", "/Couple/Join", "/Couple/Leave", "/Account/Manage", "/Account/Manage/TwoFactor" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
