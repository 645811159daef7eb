using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.E2E;

/// <summary>Questions for two (issue 17) in two browsers at phone width: the seal, the reveal, and asking for tomorrow.</summary>
[Collection(SharedChromium.Collection)]
public sealed partial class QuestionsJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\"|name=\"__RequestVerificationToken\" value=\"|name=\"request-verification-token\" content=\")[^\"]*\"")]
    private static partial Regex TokenPattern();

    private static readonly string[] SamRoutes = ["/", "/Questions", "/Questions/Ask", "/Feed", "/Insights"];

    /// <summary>The raw HTML of Sam's pages, fetched with Sam's own cookies, antiforgery tokens taken out.</summary>
    private static async Task<Dictionary<string, string>> RawPagesAsync(IPage page)
    {
        var result = new Dictionary<string, string>();
        foreach (var route in SamRoutes)
        {
            var response = await page.Context.APIRequest.GetAsync(route);
            result[route] = $"{response.Status} {TokenPattern().Replace(await response.TextAsync(), "$1\"")}";
        }

        return result;
    }

    /// <summary>Screenshots at the page's width in light and dark, when MUTUALITY_SCREENSHOTS names a folder.</summary>
    private static async Task ShootAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MUTUALITY_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{page.ViewportSize!.Width}-{scheme.ToString().ToLowerInvariant()}.png"), FullPage = true });
        }

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
    }

    [Fact]
    public async Task BothSeeTodaysQuestion_SamsPagesStayTheSameWhenRobinAnswers_BothSeeTheReveal_AndRobinAsksForTomorrow()
    {
        var couple = await browser.App.CreateCoupleAsync();
        var robin = await browser.SignedInPageAsync(couple.A, "Europe/London", 360);
        var sam = await browser.SignedInPageAsync(couple.B, "America/New_York", 360);

        // Both see today's question, from the menu and the home panel.
        await BrowserApp.FollowMenuLinkAsync(robin, "Questions");
        var question = (await robin.Locator("#question-heading").InnerTextAsync()).Trim();
        await sam.GotoAsync("/");
        Assert.Contains(question, await sam.Locator("main").InnerTextAsync());
        await sam.GotoAsync("/Questions");
        Assert.Equal(question, (await sam.Locator("#question-heading").InnerTextAsync()).Trim());
        await BrowserApp.AssertAccessibleAsync(sam);
        await BrowserApp.AssertNoHorizontalScrollAsync(sam);
        await ShootAsync(sam, "questions-today");
        var samBefore = await RawPagesAsync(sam);

        // Robin answers (a guess question also gets a choice and a guess).
        if (await robin.Locator("input[name='Input.Choice']").CountAsync() > 0)
        {
            await robin.Locator("input[name='Input.Choice']").First.CheckAsync();
            await robin.Locator("input[name='Input.Guess']").Last.CheckAsync();
        }

        await robin.GetByLabel(new Regex("^(Your answer|Anything you'd like to add)")).FillAsync("Robin's own words for today");
        await robin.GetByRole(AriaRole.Button, new() { Name = "Save my answer" }).ClickAsync();
        await robin.GetByText("You'll see Sam's answer once you've both answered.").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
        await ShootAsync(robin, "questions-waiting");

        // Sam's pages are byte-identical to before (tokens aside): nothing says Robin answered.
        var samAfter = await RawPagesAsync(sam);
        foreach (var (route, body) in samBefore)
        {
            Assert.True(body == samAfter[route], $"Sam's {route} changed when Robin answered: the seal leaked.");
        }

        // Sam answers; both see the reveal.
        await sam.ReloadAsync();
        if (await sam.Locator("input[name='Input.Choice']").CountAsync() > 0)
        {
            await sam.Locator("input[name='Input.Choice']").Last.CheckAsync();
            await sam.Locator("input[name='Input.Guess']").First.CheckAsync();
        }

        await sam.GetByLabel(new Regex("^(Your answer|Anything you'd like to add)")).FillAsync("Sam's words, after Robin");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save my answer" }).ClickAsync();
        await sam.GetByText("Robin's own words for today").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(sam);
        await BrowserApp.AssertNoHorizontalScrollAsync(sam);
        await ShootAsync(sam, "questions-reveal");
        await robin.ReloadAsync();
        await robin.GetByText("Sam's words, after Robin").WaitForAsync();
        await robin.GetByRole(AriaRole.Button, new() { Name = "Send a heart" }).ClickAsync();
        await robin.GetByText("Your heart was sent.").WaitForAsync();

        // Robin asks Sam a question of Robin's choosing for tomorrow.
        await robin.GetByRole(AriaRole.Link, new() { Name = "Ask Sam a question" }).ClickAsync();
        await robin.GetByRole(AriaRole.Link, new() { Name = "Memories" }).ClickAsync();
        await BrowserApp.AssertAccessibleAsync(robin);
        await BrowserApp.AssertNoHorizontalScrollAsync(robin);
        await ShootAsync(robin, "questions-ask");
        var firstMemory = robin.Locator(".question-item").First;
        var asked = (await firstMemory.Locator("p").First.InnerTextAsync()).Split(" light")[0].Split(" deeper")[0].Trim();
        await firstMemory.GetByRole(AriaRole.Button, new() { Name = "Ask this tomorrow" }).ClickAsync();
        await robin.GetByText("Tomorrow's question for you both:").First.WaitForAsync();
        Assert.Contains(asked, await robin.Locator("main").InnerTextAsync());
        await sam.ReloadAsync();
        await sam.GetByText("Robin has chosen tomorrow's question for you both.").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(sam);

        // The same pages on a wide screen: no sideways scroll, and screenshots to look at.
        await sam.SetViewportSizeAsync(1280, 900);
        await sam.ReloadAsync();
        await BrowserApp.AssertNoHorizontalScrollAsync(sam);
        await ShootAsync(sam, "questions-reveal");
        await robin.SetViewportSizeAsync(1280, 900);
        await robin.GotoAsync("/Questions/Ask");
        await BrowserApp.AssertNoHorizontalScrollAsync(robin);
        await ShootAsync(robin, "questions-ask");
    }
}
