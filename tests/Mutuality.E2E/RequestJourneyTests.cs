using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.E2E;

[Collection(SharedChromium.Collection)]
public sealed partial class RequestJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private Task<IPage> SignInAsync(TestPerson person, string zone, int width = 1024) => browser.SignedInPageAsync(person, zone, width);

    [Fact]
    public async Task Robin_Asks_SamSeesItLive_ProposesATime_RobinAccepts_SamMarksDone_RobinClosesWithThanks()
    {
        var couple = await browser.App.CreateCoupleAsync();
        var robin = await SignInAsync(couple.A, "Europe/London");
        var sam = await SignInAsync(couple.B, "America/New_York", width: 360);
        await BrowserApp.AssertAccessibleAsync(sam);

        // Sam has the feed open.
        await sam.GetByRole(AriaRole.Link, new() { NameRegex = FeedLink() }).ClickAsync();
        await sam.GetByRole(AriaRole.Heading, new() { Name = "Feed", Exact = true }).WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(sam);
        await BrowserApp.AssertNoHorizontalScrollAsync(sam);

        // Robin makes a request, a little later.
        browser.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await robin.GetByRole(AriaRole.Link, new() { Name = "Requests", Exact = true }).ClickAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
        await robin.GetByRole(AriaRole.Link, new() { Name = "Make a request" }).First.ClickAsync();
        await robin.GetByLabel("How I feel").FillAsync("Wobbly after a hard day.");
        await robin.GetByLabel("What I need").FillAsync("Could you call me tonight and just listen?");
        await robin.GetByRole(AriaRole.Radio, new() { NameRegex = Emotional() }).CheckAsync();
        await robin.GetByRole(AriaRole.Radio, new() { Name = "Today" }).CheckAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
        await robin.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await robin.GetByRole(AriaRole.Heading, new() { Name = "You asked for emotional support" }).WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
        var requestUrl = robin.Url;

        // It appears in Sam's feed without a reload.
        var asked = sam.GetByRole(AriaRole.Link, new() { Name = "Robin asked for emotional support" });
        await asked.WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(sam);
        await asked.ClickAsync();
        await sam.GetByText("Could you call me tonight and just listen?").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(sam);
        await BrowserApp.AssertNoHorizontalScrollAsync(sam);
        await sam.GetByLabel("Can we do it at …").FillAsync("2026-03-02T19:30");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Propose this time" }).ClickAsync();
        await sam.GetByText("Time proposed.").WaitForAsync();

        // Robin accepts the time.
        await robin.GotoAsync(requestUrl);
        await robin.GetByText("Proposed time:").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
        await robin.GetByRole(AriaRole.Button, new() { Name = "Accept the proposed time" }).ClickAsync();
        await robin.GetByText("Accepted.", new() { Exact = true }).WaitForAsync();

        // Sam marks it done, with the support actually given.
        await sam.ReloadAsync();
        await sam.GetByRole(AriaRole.Radio, new() { Name = "Emotional", Exact = true }).CheckAsync();
        await BrowserApp.AssertAccessibleAsync(sam);
        await sam.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
        await sam.GetByText("Marked as done.").WaitForAsync();

        // Robin closes it as met, with a thank-you.
        await robin.ReloadAsync();
        await robin.GetByRole(AriaRole.Radio, new() { Name = "Met", Exact = true }).CheckAsync();
        await robin.GetByLabel("Thank-you note (optional)").FillAsync("Thank you, that was exactly it.");
        await BrowserApp.AssertAccessibleAsync(robin);
        await robin.GetByRole(AriaRole.Button, new() { Name = "Close the request" }).ClickAsync();
        await robin.GetByText("Closed. Thank you for saying how it went.").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);

        // Both see the whole history, on the request and in their feeds.
        foreach (var (page, other) in new[] { (robin, "Sam"), (sam, "Robin") })
        {
            await page.GotoAsync(requestUrl);
            var history = page.Locator(".request-history");
            await Assertions.Expect(history).ToContainTextAsync("can we do it at");
            await Assertions.Expect(history).ToContainTextAsync("accepted the proposed time");
            await Assertions.Expect(history).ToContainTextAsync("marked it done (emotional support)");
            await Assertions.Expect(history).ToContainTextAsync("closed it as met. Thank you, that was exactly it.");
            await BrowserApp.AssertAccessibleAsync(page);

            await page.GotoAsync("/Feed");
            var feed = page.Locator("#feed-items");
            await Assertions.Expect(feed).ToContainTextAsync("asked for emotional support");
            await Assertions.Expect(feed).ToContainTextAsync("closed it as met");
            await Assertions.Expect(feed).ToContainTextAsync($"{other}");
            await BrowserApp.AssertAccessibleAsync(page);
        }

        await robin.GotoAsync("/");
        await robin.GetByRole(AriaRole.Heading, new() { Name = "This week" }).WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
    }

    [Fact]
    public async Task Robin_RecordsAMomentAndSendsAPebble_SamRespondsAndReacts()
    {
        var couple = await browser.App.CreateCoupleAsync();
        var robin = await SignInAsync(couple.A, "Europe/London", width: 360);
        var sam = await SignInAsync(couple.B, "America/New_York");

        await robin.GetByRole(AriaRole.Link, new() { Name = "Moments", Exact = true }).ClickAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
        await BrowserApp.AssertNoHorizontalScrollAsync(robin);
        await robin.GetByRole(AriaRole.Radio, new() { Name = "I gave support" }).CheckAsync();
        await robin.GetByRole(AriaRole.Radio, new() { NameRegex = Practical() }).CheckAsync();
        await robin.GetByLabel("Note").FillAsync("Picked up the prescription on the way home.");
        await robin.GetByRole(AriaRole.Button, new() { Name = "Save this moment" }).ClickAsync();
        await robin.GetByText("Saved and shared with Sam.").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);

        await robin.GetByRole(AriaRole.Link, new() { Name = "Send a pebble instead" }).ClickAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
        await BrowserApp.AssertNoHorizontalScrollAsync(robin);
        await robin.GetByRole(AriaRole.Button, new() { Name = "Thinking of you." }).ClickAsync();
        await robin.GetByText("Your pebble is on its way to Sam.").WaitForAsync();

        await sam.GotoAsync("/Feed");
        await sam.GetByText("Robin sent you a pebble").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(sam);
        await sam.GetByRole(AriaRole.Button, new() { Name = "♥ Love it" }).ClickAsync();
        await sam.GetByText("You reacted: ♥ Love it").WaitForAsync();
        await sam.GetByRole(AriaRole.Link, new() { Name = "Robin gave you practical support" }).ClickAsync();
        await BrowserApp.AssertAccessibleAsync(sam);
        await sam.GetByRole(AriaRole.Radio, new() { Name = "This helped" }).CheckAsync();
        await sam.Locator("label[for='rating-5']").ClickAsync(); // issue 16: the rating sits under "This helped"
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save my response" }).ClickAsync();
        await sam.GetByText("Thank you — your response is saved.").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(sam);

        await robin.GotoAsync("/Feed");
        await robin.GetByText("Sam responded to your practical support: This helped (5 of 5)").WaitForAsync();
        await robin.GetByText("Sam reacted to your pebble: ♥ Love it").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
    }

    [GeneratedRegex("^Practical")]
    private static partial Regex Practical();

    [GeneratedRegex("^Feed")]
    private static partial Regex FeedLink();

    [GeneratedRegex("^Emotional")]
    private static partial Regex Emotional();
}
