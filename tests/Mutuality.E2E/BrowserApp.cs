using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.E2E;

/// <summary>
/// The real app on real Kestrel (a free port) for one journey class, driven by the run's one headless Chromium
/// (<see cref="SharedChromium"/>): every page is a new browser context, closed when the class is done.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public AppFactory App { get; } = new();

    public IBrowser Browser => SharedChromium.Current;

    public string BaseUrl { get; private set; } = string.Empty;

    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        return Task.CompletedTask;
    }

    public async Task<IPage> NewPageAsync(string timeZone = "Europe/London", int width = 1024)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            TimezoneId = timeZone,
            Locale = "en-GB",
            ViewportSize = new() { Width = width, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Runs axe-core on the page as it is and fails with a readable list of any WCAG 2 A/AA violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        var problems = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(problems.Count == 0, $"axe found {problems.Count} violation(s) on {page.Url}:\n{string.Join('\n', problems)}");
    }

    /// <summary>Signs in through the real form and waits for the home page's greeting.</summary>
    public static async Task SignInAsync(IPage page, TestPerson person)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(TestPerson.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Hello, {person.Name}" }).WaitForAsync();
    }

    /// <summary>A new browser page in this zone and width, signed in as the person.</summary>
    public async Task<IPage> SignedInPageAsync(TestPerson person, string zone, int width = 1024)
    {
        var page = await NewPageAsync(zone, width);
        await SignInAsync(page, person);
        return page;
    }

    /// <summary>
    /// Follows a link of the main menu as a person would: on a phone the less used ones wait under "More", which
    /// is opened first (and must then show the link).
    /// </summary>
    public static async Task FollowMenuLinkAsync(IPage page, string name)
    {
        var link = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        if (!await link.IsVisibleAsync())
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).Locator("summary", new() { HasText = "More" }).ClickAsync();
            await AssertAccessibleAsync(page);
        }

        await link.ClickAsync();
    }

    /// <summary>Nothing on the page is wider than the viewport (no sideways scrolling on a phone).</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} scrolls sideways: content {widths[0]}px in a {widths[1]}px viewport");
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        await App.DisposeAsync();
    }
}
