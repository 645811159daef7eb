using Microsoft.Playwright;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.E2E;

[Collection(SharedChromium.Collection)]
public sealed class CheckInJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private Task<IPage> SignInAsync(TestPerson person, string zone, int width) => browser.SignedInPageAsync(person, zone, width);

    internal static async Task FillAsync(IPage page, string me, string guess, int meStress, int guessStress)
    {
        // Feelings are chips and scales are boxes: a person taps the words and numbers they see.
        await page.Locator($"label[for='Input-MeFeelings-{me}']").ClickAsync();
        await page.Locator("label[for='Input-MeSupported-5']").ClickAsync();
        await page.Locator("label[for='Input-MeAbleToGive-4']").ClickAsync();
        await page.Locator($"label[for='Input-MeStress-{meStress}']").ClickAsync();
        await page.Locator($"label[for='Input-GuessFeelings-{guess}']").ClickAsync();
        await page.Locator("label[for='Input-GuessSupported-5']").ClickAsync();
        await page.Locator("label[for='Input-GuessAbleToGive-5']").ClickAsync();
        await page.Locator($"label[for='Input-GuessStress-{guessStress}']").ClickAsync();
    }

    [Fact]
    public async Task BothPartnersCheckIn_TheRevealOpensOnlyAfterTheSecond_AndShowsAgreement()
    {
        var couple = await browser.App.CreateCoupleAsync();
        var robin = await SignInAsync(couple.A, "Europe/London", 1024);
        var sam = await SignInAsync(couple.B, "America/New_York", 360);

        // Robin checks in; the draft saves itself while typing.
        await robin.GetByRole(AriaRole.Link, new() { Name = "Check in today" }).ClickAsync();
        await robin.GetByRole(AriaRole.Heading, new() { Name = "Check in", Exact = false }).First.WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
        await FillAsync(robin, "tired", "anxious", meStress: 5, guessStress: 6);
        await robin.GetByText("Draft saved at").WaitForAsync();
        await robin.GetByRole(AriaRole.Button, new() { Name = "Send my check-in" }).ClickAsync();
        await robin.GetByText("Waiting for Sam").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);

        // Sam, on a phone, sees only that it's time to check in: nothing of Robin's answers.
        await sam.ReloadAsync();
        var samHome = await sam.Locator("main").InnerTextAsync();
        Assert.Contains("Check in today", samHome);
        Assert.DoesNotContain("tired", samHome);
        await sam.GotoAsync("/CheckIns/Form");
        await BrowserApp.AssertAccessibleAsync(sam);
        await BrowserApp.AssertNoHorizontalScrollAsync(sam);
        await FillAsync(sam, "worried", "tired", meStress: 6, guessStress: 4);
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send my check-in" }).ClickAsync();

        // The second to send sees the reveal at once.
        await sam.GetByRole(AriaRole.Heading, new() { Name = "How well you read Robin" }).WaitForAsync();
        Assert.Contains("You saw that they felt ‘tired’", await sam.Locator("main").InnerTextAsync());
        await BrowserApp.AssertAccessibleAsync(sam);
        await BrowserApp.AssertNoHorizontalScrollAsync(sam);

        // Robin's waiting page becomes the reveal; "worried" for "anxious" earns half credit.
        await robin.ReloadAsync();
        await robin.GetByRole(AriaRole.Heading, new() { Name = "How well you read Sam" }).WaitForAsync();
        var robinText = await robin.Locator("main").InnerTextAsync();
        Assert.Contains("You guessed ‘anxious’, they felt ‘worried’", robinText);
        Assert.Contains("Overall:", robinText);
        await BrowserApp.AssertAccessibleAsync(robin);

        await robin.GotoAsync("/CheckIns/Understanding");
        await robin.GetByText("Not enough data yet — 7 more check-ins together").First.WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
        await robin.GotoAsync("/CheckIns/Settings");
        await BrowserApp.AssertAccessibleAsync(robin);
        await robin.GotoAsync("/");
        await robin.GetByText(new System.Text.RegularExpressions.Regex("Your reveal for .+ is ready")).First.WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
    }
}
