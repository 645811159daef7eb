using Microsoft.Playwright;
using Mutuality.Web.Tests.Infrastructure;
using IntimacyRules = Mutuality.Domain.Rituals.Intimacy;
using PulseRules = Mutuality.Domain.Rituals.Pulse;

namespace Mutuality.E2E;

[Collection(SharedChromium.Collection)]
public sealed class RitualsJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task BothPartners_MakeTheirIntimacyMapAndPulse_AndSeeEachOthersOnlyAfterBoth()
    {
        var couple = await browser.App.CreateCoupleAsync();
        var robin = await browser.NewPageAsync("Europe/London");
        var sam = await browser.NewPageAsync("America/New_York", width: 360);
        await BrowserApp.SignInAsync(robin, couple.A);
        await BrowserApp.SignInAsync(sam, couple.B);

        foreach (var (page, fulfilment) in new[] { (robin, "3"), (sam, "8") })
        {
            await BrowserApp.FollowMenuLinkAsync(page, "Intimacy map");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Our intimacy map" }).WaitForAsync();
            await BrowserApp.AssertAccessibleAsync(page);
            await BrowserApp.AssertNoHorizontalScrollAsync(page);
            foreach (var kind in IntimacyRules.Kinds)
            {
                var group = page.GetByRole(AriaRole.Group, new() { Name = kind.Name, Exact = true });
                await group.GetByLabel("How fulfilled it feels now (0–10)").FillAsync(fulfilment);
                await group.GetByLabel("How much it matters to me (0–10)").FillAsync("9");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Save my map" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Where the biggest gaps are" }).WaitForAsync();
            await page.Locator("canvas#intimacy-chart").WaitForAsync();
            await BrowserApp.AssertAccessibleAsync(page);
            await BrowserApp.AssertNoHorizontalScrollAsync(page);

            await BrowserApp.FollowMenuLinkAsync(page, "Our pulse");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Our pulse" }).WaitForAsync();
            await BrowserApp.AssertAccessibleAsync(page);
            foreach (var item in PulseRules.Items)
            {
                await page.GetByRole(AriaRole.Group, new() { Name = item.Statement }).GetByLabel("Mostly").CheckAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Month by month" }).WaitForAsync();
            await BrowserApp.AssertAccessibleAsync(page);
            await BrowserApp.AssertNoHorizontalScrollAsync(page);
        }

        // Both have rated: Robin now sees Sam's numbers beside their own.
        await robin.GotoAsync("/Intimacy");
        Assert.Equal(14, await robin.Locator("td[data-partner]").CountAsync());
        Assert.Equal("8", (await robin.Locator("td[data-partner]").First.TextContentAsync())!.Trim());
        await BrowserApp.AssertAccessibleAsync(robin);

        // On Sam's phone the four-column table scrolls inside its box, and its title stays on the screen.
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await sam.EmulateMediaAsync(new() { ColorScheme = scheme });
            await sam.GotoAsync("/Intimacy");
            Assert.Equal(14, await sam.Locator("td[data-partner]").CountAsync());
            var title = await sam.Locator(".table-title").BoundingBoxAsync();
            Assert.NotNull(title);
            Assert.True(title.X >= 0 && title.X + title.Width <= 360, $"the table title runs from {title.X} to {title.X + title.Width} on a 360 px screen");
            await BrowserApp.AssertAccessibleAsync(sam);
            await BrowserApp.AssertNoHorizontalScrollAsync(sam);
            var file = Path.Combine(Path.GetTempPath(), $"intimacy-both-360-{scheme.ToString().ToLowerInvariant()}.png");
            await sam.ScreenshotAsync(new() { Path = file, FullPage = true });
            Console.WriteLine("Screenshot: " + file);
        }
    }
}
