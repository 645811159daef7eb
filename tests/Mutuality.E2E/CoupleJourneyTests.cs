using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.E2E;

[Collection(SharedChromium.Collection)]
public sealed partial class CoupleJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private async Task RegisterAndConfirmAsync(IPage page, string email, string name, string password)
    {
        await page.GotoAsync("/Account/Register");
        await BrowserApp.AssertAccessibleAsync(page);
        await BrowserApp.AssertNoHorizontalScrollAsync(page);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync(name);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Password again").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail" }).WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(page);

        // Issue 16: the link opened in the browser that registered confirms and signs in.
        await page.GotoAsync(Mailbox.LinkTo(browser.App, email, "/Account/ConfirmEmail"));
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {name}" }).WaitForAsync();
        await page.GetByText("your e-mail is confirmed, and you're signed in").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task TwoPeople_SignUp_Invite_AndJoin_ThenSeeEachOther()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var robinEmail = $"robin-{suffix}@example.org";
        var samEmail = $"sam-{suffix}@example.org";

        // Robin, on a laptop in London.
        var robin = await browser.NewPageAsync("Europe/London");
        await RegisterAndConfirmAsync(robin, robinEmail, "Robin", "robin's long secret");
        await robin.GetByRole(AriaRole.Link, new() { Name = "Start our space" }).ClickAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
        await robin.GetByRole(AriaRole.Button, new() { Name = "Start our space and invite my partner" }).ClickAsync();
        await robin.GetByRole(AriaRole.Heading, new() { Name = "Your invitation is ready" }).WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
        var code = (await robin.Locator("#invite-code").TextContentAsync())!.Trim();
        Assert.Matches(CodePattern(), code);

        // Sam, on a 360 px phone in New York: the time zone comes from the browser.
        var sam = await browser.NewPageAsync("America/New_York", width: 360);
        await RegisterAndConfirmAsync(sam, samEmail, "Sam", "sam's long secret!");
        Assert.Equal("America/New_York", await browser.App.WithDbAsync(db => db.Users.Where(u => u.Email == samEmail).Select(u => u.TimeZoneId).SingleAsync()));
        await sam.GetByRole(AriaRole.Link, new() { Name = "I have a code from my partner" }).ClickAsync();
        await BrowserApp.AssertAccessibleAsync(sam);
        await BrowserApp.AssertNoHorizontalScrollAsync(sam);
        await sam.GetByLabel("Invitation code").FillAsync(code.ToLowerInvariant());
        await sam.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await sam.GetByRole(AriaRole.Heading, new() { Name = "Hello, Sam" }).WaitForAsync();
        Assert.Equal("Robin", (await sam.Locator("main .partner-name").First.TextContentAsync())!.Trim());
        await BrowserApp.AssertAccessibleAsync(sam);
        await BrowserApp.AssertNoHorizontalScrollAsync(sam);

        // Robin now sees Sam.
        await robin.GotoAsync("/Couple");
        Assert.Equal("Sam", (await robin.Locator("main .partner-name").TextContentAsync())!.Trim());
        await BrowserApp.AssertAccessibleAsync(robin);
        await robin.GotoAsync("/");
        await robin.GetByRole(AriaRole.Heading, new() { Name = "Hello, Robin" }).WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
    }

    [Fact]
    public async Task AnUsedInvitationLink_SaysSoPlainly()
    {
        var couple = await browser.App.CreateCoupleAsync();
        var loner = await browser.App.CreatePersonAsync("Loner");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(loner.Email);
        await page.GetByLabel("Password").FillAsync(TestPerson.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("/Couple/Join/not-a-real-invitation-token");
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.Contains("don't recognise", await page.GetByRole(AriaRole.Alert).TextContentAsync(), StringComparison.Ordinal);
        await BrowserApp.AssertAccessibleAsync(page);
        Assert.NotEqual(Guid.Empty, couple.Id);
    }

    [GeneratedRegex("^[A-Z2-9]{4}-[A-Z2-9]{4}$")]
    private static partial Regex CodePattern();
}
