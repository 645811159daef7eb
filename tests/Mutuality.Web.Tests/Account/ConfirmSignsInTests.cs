using System.Net;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Account;

/// <summary>Issue 16: confirming the e-mail signs you in — in the browser that registered, soon after — and nowhere else.</summary>
public sealed class ConfirmSignsInTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Password = "a long enough secret";

    private static async Task<string> RegisterAsync(AppFactory app, TestClient client)
    {
        var email = $"p-{Guid.NewGuid():N}@example.org";
        var registered = await client.SubmitFormAsync("/Account/Register", "main form[method=post]",
            ("Input.Email", email), ("Input.DisplayName", "Robin"), ("Input.TimeZoneId", "Europe/London"), ("Input.Password", Password), ("Input.ConfirmPassword", Password));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return Mailbox.LinkTo(app, email, "/Account/ConfirmEmail");
    }

    [Fact]
    public async Task TheLinkOpenedInTheBrowserThatRegistered_ConfirmsAndSignsIn()
    {
        using var client = app.NewClient();
        var link = await RegisterAsync(app, client);
        var confirmed = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/", confirmed.Headers.Location!.OriginalString);
        var home = await client.GetPageAsync("/");
        Assert.Contains("Welcome, Robin", home.MainText(), StringComparison.Ordinal);
        Assert.Contains("you're signed in", home.QuerySelector(".status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLinkOpenedInAnotherBrowser_ConfirmsButStillAsksForThePassword()
    {
        using var registering = app.NewClient();
        var link = await RegisterAsync(app, registering);
        using var elsewhere = app.NewClient();
        var page = await elsewhere.GetPageAsync(link);
        Assert.Contains("your e-mail is confirmed", page.MainText(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href^='/Account/Login']"));
        Assert.DoesNotContain("Welcome, Robin", (await elsewhere.GetPageAsync("/")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameBrowser_ConfirmingAgainOrTooLate_StillAsksForThePassword()
    {
        // Opened a second time after signing out (the address is already confirmed): no sign-in by link.
        using var client = app.NewClient();
        var link = await RegisterAsync(app, client);
        using (var elsewhere = app.NewClient())
        {
            Assert.Contains("confirmed", (await elsewhere.GetPageAsync(link)).MainText(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        Assert.DoesNotContain("Welcome, Robin", (await client.GetPageAsync("/")).MainText(), StringComparison.Ordinal);

        // Registered more than an hour before opening the link.
        using var late = app.NewClient();
        var lateLink = await RegisterAsync(app, late);
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.OK, (await late.GetAsync(lateLink)).StatusCode);
        Assert.DoesNotContain("Welcome, Robin", (await late.GetPageAsync("/")).MainText(), StringComparison.Ordinal);
    }
}
