using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Features.CheckIns.Data;

namespace Mutuality.E2E;

/// <summary>
/// Issue 13: the Understanding page and the Insights M5/M6 cards of couples with 8, 12 and 40 check-ins together, at
/// 360 px. The wording must say how sure it is: ranges in words, never "± SE", "settles after about 20" while few.
/// Screenshots go to MUTUALITY_SCREENSHOTS (when set) for a person to look at.
/// </summary>
[Collection(SharedChromium.Collection)]
public sealed class HonestNumbersJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private async Task<Web.Tests.Infrastructure.TestCouple> CoupleWithRevealsAsync(int reveals, int seed)
    {
        var couple = await browser.App.CreateCoupleAsync("Robin", "Sam");
        var random = new Random(seed);
        var now = browser.App.Clock.GetUtcNow().UtcDateTime;
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var k = 1; k <= reveals; k++)
        {
            var day = DateOnly.FromDateTime(now).AddDays(-k);
            int R(double v) => Math.Clamp((int)Math.Round(v), 1, 7);
            double Noise() => random.NextDouble() - 0.5;
            var robinOwn = new Ratings(R(4 + (2 * Noise())), R(5 + (2 * Noise())), R(3 + (2 * Noise())));
            var samOwn = new Ratings(R(5 + (3 * Noise())), R(4 + (3 * Noise())), R(4 + (3 * Noise())));

            // Robin reads Sam as a point less supported than Sam says; Sam guesses Robin closely.
            var robinGuess = new Ratings(R(samOwn.Supported!.Value - 1 + Noise()), R(samOwn.AbleToGive!.Value + Noise()), R(samOwn.Stress!.Value + (2 * Noise())));
            var samGuess = new Ratings(R(robinOwn.Supported!.Value + Noise()), R(robinOwn.AbleToGive!.Value + Noise()), R(robinOwn.Stress!.Value + Noise()));
            CheckInEntry Entry(Guid author, Ratings own, Ratings guess, string felt, string guessed) => new()
            {
                Id = Guid.CreateVersion7(),
                CoupleId = couple.Id,
                AuthorId = author,
                Cadence = (int)Cadence.Daily,
                PeriodStart = day,
                PeriodLabel = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ContentJson = CheckInJson.Write(CheckInContent.Empty with
                {
                    Me = StateReport.Empty with { Feelings = [new(felt, 2)], Ratings = own },
                    Guess = StateReport.Empty with { Feelings = [new(guessed, 2)], Ratings = guess },
                }),
                CreatedAtUtc = now.AddDays(-k),
                UpdatedAtUtc = now.AddDays(-k),
                SubmittedAtUtc = now.AddDays(-k),
            };
            db.CheckIns.Add(Entry(couple.A.Id, robinOwn, robinGuess, k % 2 == 0 ? "calm" : "tired", k % 3 == 0 ? "happy" : "content"));
            db.CheckIns.Add(Entry(couple.B.Id, samOwn, samGuess, k % 3 == 0 ? "content" : "hopeful", k % 2 == 0 ? "calm" : "tired"));
        }

        await db.SaveChangesAsync();
        return couple;
    }

    private static async Task ShotAsync(IPage page, string name, ILocator? part = null)
    {
        if (Environment.GetEnvironmentVariable("MUTUALITY_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, name + ".png");
            if (part is null)
            {
                await page.ScreenshotAsync(new() { Path = path, FullPage = true });
            }
            else
            {
                await part.ScreenshotAsync(new() { Path = path });
            }
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(40)]
    public async Task UnderstandingAndInsights_SayHowSureEachNumberIs_At360px(int reveals)
    {
        var couple = await CoupleWithRevealsAsync(reveals, 1300 + reveals);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await browser.SignedInPageAsync(couple.A, "Europe/London", 360);
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });

            await page.GotoAsync("/CheckIns/Understanding");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Understanding each other" }).WaitForAsync();
            var text = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("±", text);
            Assert.DoesNotContain("docs/measures.md", text);
            Assert.Contains($"from {reveals} check-ins together", text);
            Assert.Equal(reveals < 20, text.Contains("this settles after about 20", StringComparison.Ordinal));
            Assert.Equal(2, await page.Locator("details.m6-method").CountAsync());
            await page.Locator("details.m6-method summary").First.ClickAsync();
            Assert.Contains("likely between", await page.Locator("details.m6-method").First.InnerTextAsync());
            await BrowserApp.AssertNoHorizontalScrollAsync(page);
            await ShotAsync(page, $"understanding-{reveals}-{scheme.ToString().ToLowerInvariant()}-360");

            await page.GotoAsync("/Insights?period=3m");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Insights", Exact = true }).WaitForAsync();
            if (scheme == ColorScheme.Light)
            {
                // Dark mode switched while the page is open: the charts are drawn again in the dark colours.
                const string tickColour = "() => Chart.getChart(document.querySelector('canvas[data-chart]')).options.scales.x.ticks.color";
                await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && Chart.getChart(document.querySelector('canvas[data-chart]'))");
                var light = await page.EvaluateAsync<string>(tickColour);
                await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
                await page.WaitForFunctionAsync($"() => ({tickColour})() !== '{light}'");
                await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
            }

            var card = page.Locator("#m5");
            var cardText = await card.InnerTextAsync();
            Assert.DoesNotContain("±", cardText);
            Assert.DoesNotContain("docs/measures.md", cardText);
            Assert.Contains($"from {reveals} check-ins together", cardText);
            await card.Locator("details.m6-method summary").First.ClickAsync();
            await BrowserApp.AssertNoHorizontalScrollAsync(page);
            await ShotAsync(page, $"insights-m5-m6-{reveals}-{scheme.ToString().ToLowerInvariant()}-360", card);

            await page.GotoAsync("/Insights/HowItWorks");
            await page.GetByRole(AriaRole.Heading, new() { Name = "How the numbers are worked out" }).WaitForAsync();
            if (reveals == 8)
            {
                await ShotAsync(page, $"how-it-works-{scheme.ToString().ToLowerInvariant()}-360");
            }

            await page.Context.CloseAsync();
        }
    }
}
