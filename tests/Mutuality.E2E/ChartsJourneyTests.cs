using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Demo;
using Mutuality.Web.Features.Intimacy.Data;
using Mutuality.Web.Features.Pulse.Data;

namespace Mutuality.E2E;

/// <summary>
/// Every page with a chart (issue 19, item 5): each canvas is drawn by the one renderer, has its text alternative,
/// and reads at 360 and 1280 px in light and dark. Screenshots go to MUTUALITY_SCREENSHOTS (when set) to look at.
/// </summary>
[Collection(SharedChromium.Collection)]
public sealed class ChartsJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string[] Pages = ["/Insights?period=3m", "/CheckIns/Understanding", "/Pulse", "/Intimacy"];

    [Fact]
    public async Task EveryChartPage_DrawsEachChart_WithItsTable_At360And1280_LightAndDark()
    {
        await DemoSeeder.SeedAsync(browser.App.Services);
        await SeedPulseAndIntimacyAsync();
        foreach (var (width, scheme) in new[] { (360, ColorScheme.Light), (360, ColorScheme.Dark), (1280, ColorScheme.Light), (1280, ColorScheme.Dark) })
        {
            var page = await browser.NewPageAsync("Europe/London", width);
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.GotoAsync("/Account/Login");
            await page.GetByLabel("E-mail").FillAsync(DemoSeeder.RobinEmail);
            await page.GetByLabel("Password").FillAsync("demo-couple-2026");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Robin" }).WaitForAsync();

            foreach (var url in Pages)
            {
                await page.GotoAsync(url);
                await page.Locator("canvas").First.WaitForAsync();
                await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && Array.from(document.querySelectorAll('canvas')).every(c => Chart.getChart(c))");
                foreach (var canvas in await page.Locator("canvas").AllAsync())
                {
                    Assert.Equal("img", await canvas.GetAttributeAsync("role"));
                    Assert.Contains("table", await canvas.GetAttributeAsync("aria-label") ?? "");
                }

                await BrowserApp.AssertNoHorizontalScrollAsync(page);
                await ShotAsync(page, $"{url.TrimStart('/').Split('?')[0].Replace('/', '-')}-{width}-{scheme.ToString().ToLowerInvariant()}");
            }

            await page.Context.CloseAsync();
        }
    }

    private async Task SeedPulseAndIntimacyAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var robin = await db.Users.SingleAsync(u => u.Email == DemoSeeder.RobinEmail);
        var sam = await db.Users.SingleAsync(u => u.Email == DemoSeeder.SamEmail);
        var couple = await db.Set<CoupleMember>().Where(m => m.UserId == robin.Id && m.LeftAtUtc == null).Select(m => new { Id = m.CoupleId }).SingleAsync();
        var today = DateTime.UtcNow;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (await db.PulseAnswers.AnyAsync(a => a.CoupleId == couple.Id))
        {
            return;
        }

        for (var back = 5; back >= 0; back--)
        {
            var month = thisMonth.AddMonths(-back);
            for (var i = 0; i < Mutuality.Domain.Rituals.Pulse.Items.Count; i++)
            {
                db.PulseAnswers.Add(new PulseAnswer { Id = Guid.NewGuid(), CoupleId = couple.Id, AuthorId = robin.Id, Month = month, ItemId = Mutuality.Domain.Rituals.Pulse.Items[i].Id, Value = 1 + ((back + i) % 5), CreatedAtUtc = today });
                db.PulseAnswers.Add(new PulseAnswer { Id = Guid.NewGuid(), CoupleId = couple.Id, AuthorId = sam.Id, Month = month, ItemId = Mutuality.Domain.Rituals.Pulse.Items[i].Id, Value = 1 + ((back + 2 * i) % 5), CreatedAtUtc = today });
            }
        }

        for (var i = 0; i < Mutuality.Domain.Rituals.Intimacy.Kinds.Count; i++)
        {
            db.IntimacyEntries.Add(new IntimacyEntry { Id = Guid.NewGuid(), CoupleId = couple.Id, AuthorId = robin.Id, Month = thisMonth, Kind = Mutuality.Domain.Rituals.Intimacy.Kinds[i].Id, Fulfilment = 3 + i, Importance = 9 - i, CreatedAtUtc = today });
            db.IntimacyEntries.Add(new IntimacyEntry { Id = Guid.NewGuid(), CoupleId = couple.Id, AuthorId = sam.Id, Month = thisMonth, Kind = Mutuality.Domain.Rituals.Intimacy.Kinds[i].Id, Fulfilment = 8 - i, Importance = 5 + (i % 3), CreatedAtUtc = today });
        }

        await db.SaveChangesAsync();
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MUTUALITY_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
