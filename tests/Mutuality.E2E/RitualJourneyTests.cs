using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.E2E;

[Collection(SharedChromium.Collection)]
public sealed class RitualJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private Task<IPage> SignInAsync(TestPerson person, string zone, int width = 1024) => browser.SignedInPageAsync(person, zone, width);

    private static async Task CheckAsync(IPage page)
    {
        await BrowserApp.AssertAccessibleAsync(page);
        await BrowserApp.AssertNoHorizontalScrollAsync(page);
    }

    private static async Task NextTurnAsync(IPage page)
    {
        // Mark the current document, then wait for a document without the mark: waiting for a load state instead raced
        // (it could watch the page being replaced, or return before the post had moved the turn on).
        await page.EvaluateAsync("() => document.body.dataset.stale = '1'");
        await page.Locator("form[action*='handler=Next'] button").ClickAsync();
        await page.Locator("body:not([data-stale])").WaitForAsync(new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task MonthlyCheckIn_PreparedPrivately_TalkedThroughInTurns_WithABreak_AndAnAgreement()
    {
        var couple = await browser.App.CreateCoupleAsync();
        var robin = await SignInAsync(couple.A, "Europe/London");
        var sam = await SignInAsync(couple.B, "America/New_York", width: 360);

        await BrowserApp.FollowMenuLinkAsync(robin, "Monthly");
        await robin.GetByRole(AriaRole.Heading, new() { Name = "Monthly check-in", Exact = true }).WaitForAsync();
        await CheckAsync(robin);
        await robin.GetByLabel("Day of the month").SelectOptionAsync("12");
        await robin.GetByRole(AriaRole.Button, new() { Name = "Save our day" }).ClickAsync();
        await robin.GetByText("Your check-in day is now the 12th").WaitForAsync();
        await CheckAsync(robin);

        await robin.GetByRole(AriaRole.Link, new() { Name = "Prepare privately" }).ClickAsync();
        await CheckAsync(robin);
        await robin.GetByLabel("Appreciations").FillAsync("You cooked all week when I was tired.");
        await robin.GetByLabel("One hard thing").FillAsync("The late calls left me drained.");
        await robin.GetByRole(AriaRole.Button, new() { Name = "Save and share with Sam" }).ClickAsync();
        await robin.GetByText("Saved and shared.").WaitForAsync();
        await CheckAsync(robin);

        await sam.GotoAsync("/Monthly/Prepare");
        await sam.GetByLabel("Appreciations").FillAsync("Your voice notes on my commute.");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save privately" }).ClickAsync();
        await sam.GetByText("Saved privately.").WaitForAsync();
        await CheckAsync(sam);

        // Robin opens talk mode and speaks first.
        await robin.GotoAsync("/Monthly/Talk");
        await CheckAsync(robin);
        await robin.GetByRole(AriaRole.Button, new() { Name = "Start talking — I'll speak first" }).ClickAsync();
        await robin.GetByText("Your turn to speak").WaitForAsync();
        await CheckAsync(robin);

        // Sam, on a phone, sees Robin's shared notes and the listener prompt.
        await sam.GotoAsync("/Monthly/Talk");
        await sam.GetByText("Robin's turn to speak").WaitForAsync();
        Assert.Contains("You cooked all week", await sam.Locator(".speaker-notes").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("say back in your own words", await sam.Locator(".listener-prompt").TextContentAsync(), StringComparison.Ordinal);
        await CheckAsync(sam);
        await NextTurnAsync(sam);
        await sam.GetByText("Your turn to speak").WaitForAsync();

        // A break: the end time comes from the server, the countdown from our script.
        await robin.ReloadAsync();
        await robin.GetByRole(AriaRole.Button, new() { Name = "Pause — let's take a break" }).ClickAsync();
        await robin.GetByText("You're taking a break.").WaitForAsync();
        // The script fills the countdown (the test server's clock is fixed in the past, so it may already say the break is over).
        await robin.Locator(".countdown").WaitForAsync();
        await CheckAsync(robin);
        await robin.GetByRole(AriaRole.Button, new() { Name = "We're ready to carry on" }).ClickAsync();
        await robin.GetByText("Sam's turn to speak").WaitForAsync();

        while (!await robin.GetByRole(AriaRole.Heading, new() { Name = "Agreements for next month" }).IsVisibleAsync())
        {
            await NextTurnAsync(robin);
        }

        await CheckAsync(robin);
        await robin.GetByLabel("Both of us").CheckAsync();
        await robin.GetByLabel("What", new() { Exact = true }).FillAsync("A phone-free walk on Sunday mornings");
        await robin.GetByRole(AriaRole.Button, new() { Name = "Save this agreement" }).ClickAsync();
        await robin.GetByText("Agreement saved.").WaitForAsync();
        await CheckAsync(robin);
        await NextTurnAsync(robin);
        await robin.GetByRole(AriaRole.Button, new() { Name = "We're done for this month" }).ClickAsync();
        await robin.GetByText("You've finished this month's check-in").WaitForAsync();
        await CheckAsync(robin);

        await sam.GotoAsync("/Monthly");
        Assert.Contains("A phone-free walk on Sunday mornings", await sam.Locator(".agreement-list").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("voice notes", await robin.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await CheckAsync(sam);
        await sam.GotoAsync("/");
        await sam.GetByRole(AriaRole.Heading, new() { Name = "Monthly check-in" }).WaitForAsync();
        await CheckAsync(sam);
    }

    private static async Task WriteSideAsync(IPage page, string who)
    {
        await page.GetByLabel("My feelings and needs").FillAsync($"{who}: I felt brushed off and I need to be asked first.");
        await page.GetByLabel("How I think you saw it").FillAsync($"{who}: you probably felt rushed.");
        await page.GetByLabel("My impact on you").FillAsync($"{who}: my tone was sharp.");
        await page.GetByLabel("Your impact on me").FillAsync($"{who}: the sigh stung, maybe more than it should.");
    }

    [Fact]
    public async Task Conflict_BothSidesWrittenAndShared_RepairAttempt_ThenResolvedWithAnAgreement()
    {
        var couple = await browser.App.CreateCoupleAsync();
        var robin = await SignInAsync(couple.A, "Europe/London");
        var sam = await SignInAsync(couple.B, "America/New_York", width: 360);

        await BrowserApp.FollowMenuLinkAsync(robin, "Repair");
        await CheckAsync(robin);
        await robin.GetByLabel("Title").FillAsync("Plans for the long weekend");
        await robin.GetByRole(AriaRole.Button, new() { Name = "Open a conflict record" }).ClickAsync();
        await robin.GetByRole(AriaRole.Heading, new() { Name = "Plans for the long weekend" }).WaitForAsync();
        await CheckAsync(robin);
        await WriteSideAsync(robin, "Robin");
        await robin.GetByRole(AriaRole.Button, new() { Name = "Save privately" }).ClickAsync();
        await robin.GetByText("Saved privately.").WaitForAsync();

        // Sam can't see Robin's draft.
        await sam.GotoAsync("/Repair");
        await sam.GetByRole(AriaRole.Link, new() { Name = "Plans for the long weekend" }).ClickAsync();
        await sam.GetByText("Robin hasn't shared their side yet").WaitForAsync();
        await CheckAsync(sam);

        await robin.GetByRole(AriaRole.Button, new() { Name = "Share my side" }).ClickAsync();
        await robin.GetByText("Your side is shared.").WaitForAsync();
        await CheckAsync(robin);

        await sam.ReloadAsync();
        await sam.GetByText("Robin: I felt brushed off").WaitForAsync();
        await WriteSideAsync(sam, "Sam");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Share my side" }).ClickAsync();
        await sam.GetByText("Your side is shared.").WaitForAsync();
        await sam.GetByLabel("An apology").CheckAsync();
        await sam.GetByLabel("Your words").FillAsync("I'm sorry I sighed and walked off. Can we talk it through tonight?");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send to Robin" }).ClickAsync();
        await sam.GetByText("Sent to Robin.").WaitForAsync();
        await CheckAsync(sam);

        await robin.ReloadAsync();
        await robin.GetByText("I'm sorry I sighed and walked off.").WaitForAsync();
        await robin.GetByLabel("Both of us").CheckAsync();
        await robin.GetByLabel("What we agree").FillAsync("Check the calendar together before saying yes to plans");
        await CheckAsync(robin);
        await robin.GetByRole(AriaRole.Button, new() { Name = "Agree and resolve" }).ClickAsync();
        await robin.GetByText("Resolved. Your agreement").WaitForAsync();
        Assert.Equal("Resolved", (await robin.Locator(".conflict-status").TextContentAsync())!.Trim());
        await CheckAsync(robin);
        Assert.Equal(ConflictStatus.Resolved, await browser.App.WithDbAsync(db => db.ConflictRecords.Where(c => c.CoupleId == couple.Id).Select(c => c.Status).SingleAsync()));

        foreach (var guide in new[] { "Rebuilding trust after a betrayal", "Noticing old beliefs that get in the way of love" })
        {
            await sam.GotoAsync("/Repair");
            await sam.GetByRole(AriaRole.Link, new() { Name = guide }).ClickAsync();
            await sam.GetByRole(AriaRole.Heading, new() { Name = guide }).WaitForAsync();
            await CheckAsync(sam);
            await sam.Locator("textarea").First.FillAsync("Something true for me today.");
            await sam.GetByRole(AriaRole.Button, new() { Name = "Save my reflections" }).ClickAsync();
            await sam.GetByText("Only you can see your reflections.").WaitForAsync();
            await CheckAsync(sam);
        }
    }
}
