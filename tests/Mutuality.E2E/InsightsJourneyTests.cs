using Microsoft.Playwright;
using Mutuality.Web.Features.Demo;

namespace Mutuality.E2E;

[Collection(SharedChromium.Collection)]
public sealed class InsightsJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task DemoCouple_InsightsAndReport_DrawEveryChart_AndAxeFindsNothing_LightDarkAnd360px()
    {
        await DemoSeeder.SeedAsync(browser.App.Services);
        foreach (var (width, scheme) in new[] { (1024, ColorScheme.Light), (360, ColorScheme.Dark) })
        {
            var page = await browser.NewPageAsync("Europe/London", width);
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.GotoAsync("/Account/Login");
            await page.GetByLabel("E-mail").FillAsync(DemoSeeder.RobinEmail);
            await page.GetByLabel("Password").FillAsync("demo-couple-2026");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Robin" }).WaitForAsync();

            await page.GotoAsync("/Insights?period=3m");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Insights", Exact = true }).WaitForAsync();
            await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && document.querySelectorAll('canvas[data-chart]').length > 0 && Array.from(document.querySelectorAll('canvas[data-chart]')).every(c => Chart.getChart(c))");
            Assert.Equal(6, await page.Locator("canvas[data-chart]").CountAsync());
            await page.Locator("#m1 details summary").ClickAsync();
            await BrowserApp.AssertAccessibleAsync(page);
            await BrowserApp.AssertNoHorizontalScrollAsync(page);

            var report = await page.GetByRole(AriaRole.Link, new() { Name = "Printable report for this period" }).GetAttributeAsync("href");
            Assert.Equal("/Insights/Report?period=3m", report);
            await page.GotoAsync(report!);
            await page.GetByRole(AriaRole.Heading, new() { Name = "Insights report" }).WaitForAsync();
            await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && Array.from(document.querySelectorAll('canvas[data-chart]')).every(c => Chart.getChart(c))");
            await BrowserApp.AssertAccessibleAsync(page);
            await BrowserApp.AssertNoHorizontalScrollAsync(page);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            Assert.False(await page.Locator("header.site-header").IsVisibleAsync());
            Assert.False(await page.Locator("#quick-exit").IsVisibleAsync());
            await page.Context.CloseAsync();
        }
    }
}
