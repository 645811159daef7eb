using Microsoft.Playwright;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.E2E;

/// <summary>
/// Issue 16: a new couple's first ten minutes on a 360 px phone — register, confirm (which signs in), invite by code,
/// join, work through the first steps, record a moment, send a request, check in — with axe clean, no sideways
/// scrolling, every tap target at least 24 px and every wide table saying it scrolls, on every page. Set MUTUALITY_SHOTS to a folder to keep a screenshot of each page (light, or dark with
/// MUTUALITY_SHOTS_DARK=1; another width with MUTUALITY_SHOTS_WIDTH).
/// </summary>
[Collection(SharedChromium.Collection)]
public sealed class EverydayPhoneJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string? Shots = Environment.GetEnvironmentVariable("MUTUALITY_SHOTS");

    private static int Width => int.TryParse(Environment.GetEnvironmentVariable("MUTUALITY_SHOTS_WIDTH"), out var w) ? w : 360;

    /// <summary>
    /// The size of every control a finger aims at: buttons, form controls (or, for a visually hidden box, the label
    /// that stands for it), summaries, and links that are not part of a sentence (WCAG 2.2 target size exempts those).
    /// </summary>
    private const string SmallTargets = """
        () => {
          const small = [];
          const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; };
          const inSentence = a => { const p = a.parentElement; if (!p) return false; const text = p.textContent.replace(a.textContent, '').trim(); return /^(P|LI|DD|TD|SPAN|SMALL|FOOTER)$/.test(p.tagName) && text.length > 0 && getComputedStyle(a).display === 'inline'; };
          for (const e of document.querySelectorAll('button, input:not([type=hidden]), select, textarea, summary, a[href]')) {
            let target = e;
            if (e.tagName === 'INPUT' && e.getBoundingClientRect().width <= 2) { target = e.labels && e.labels[0]; if (!target) continue; }
            if (!visible(target)) continue;
            if (e.tagName === 'A' && (inSentence(e) || e.classList.contains('skip-link'))) continue;
            const r = target.getBoundingClientRect();
            if (r.height < 24 || r.width < 24) small.push(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.name ? '[name=' + e.name + ']' : ''} "${(target.textContent || '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
          }
          return small;
        }
        """;

    /// <summary>Tables wider than their box that do not say so (a hint before them and the "is-scrollable" mark).</summary>
    private const string SilentWideTables = """
        () => [...document.querySelectorAll('.table-wrap')]
          .filter(w => w.scrollWidth > w.clientWidth + 1 && !(w.classList.contains('is-scrollable') && w.previousElementSibling && w.previousElementSibling.classList.contains('table-scroll-hint')))
          .map(w => (w.getAttribute('aria-label') || w.querySelector('caption')?.textContent || 'a table').trim())
        """;

    private static async Task CheckPageAsync(IPage page, string name)
    {
        await BrowserApp.AssertAccessibleAsync(page);
        await BrowserApp.AssertNoHorizontalScrollAsync(page);
        var small = await page.EvaluateAsync<string[]>(SmallTargets);
        Assert.True(small.Length == 0, $"{page.Url} has tap targets under 24 px: {string.Join("; ", small)}");
        var silent = await page.EvaluateAsync<string[]>(SilentWideTables);
        Assert.True(silent.Length == 0, $"{page.Url} has tables wider than the screen that don't say so: {string.Join("; ", silent)}");
        if (!string.IsNullOrEmpty(Shots))
        {
            Directory.CreateDirectory(Shots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}.png"), FullPage = true });
        }
    }

    private async Task<IPage> PhoneAsync(string zone)
    {
        var page = await browser.NewPageAsync(zone, Width);
        if (Environment.GetEnvironmentVariable("MUTUALITY_SHOTS_DARK") == "1")
        {
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        }

        return page;
    }

    private async Task RegisterAsync(IPage page, string email, string name, string password, string shotPrefix)
    {
        await page.GotoAsync("/Account/Register");
        await CheckPageAsync(page, $"{shotPrefix}-register");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync(name);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Password again").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail" }).WaitForAsync();
        await CheckPageAsync(page, $"{shotPrefix}-check-email");

        // Confirming in the browser that registered signs in: no password again.
        await page.GotoAsync(Mailbox.LinkTo(browser.App, email, "/Account/ConfirmEmail"));
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {name}" }).WaitForAsync();
        await page.GetByText("your e-mail is confirmed, and you're signed in").WaitForAsync();
        await CheckPageAsync(page, $"{shotPrefix}-welcome");
    }

    [Fact]
    public async Task ANewCouple_OnAPhone_RegistersJoinsRecordsAsksAndChecksIn_WithEveryPageUsableByThumb()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var robin = await PhoneAsync("Europe/London");
        await RegisterAsync(robin, $"robin-{suffix}@example.org", "Robin", "robin's long secret", "01-robin");
        await robin.GetByRole(AriaRole.Link, new() { Name = "Start our space" }).ClickAsync();
        await CheckPageAsync(robin, "02-our-space");
        await robin.GetByRole(AriaRole.Button, new() { Name = "Start our space and invite my partner" }).ClickAsync();
        await robin.GetByRole(AriaRole.Heading, new() { Name = "Your invitation is ready" }).WaitForAsync();
        await CheckPageAsync(robin, "03-invitation");
        var code = (await robin.Locator("#invite-code").TextContentAsync())!.Trim();

        var sam = await PhoneAsync("America/New_York");
        await RegisterAsync(sam, $"sam-{suffix}@example.org", "Sam", "sam's long secret!", "04-sam");
        await sam.GetByRole(AriaRole.Link, new() { Name = "I have a code from my partner" }).ClickAsync();
        await CheckPageAsync(sam, "05-join");
        await sam.GetByLabel("Invitation code").FillAsync(code);
        await sam.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await sam.GetByRole(AriaRole.Heading, new() { Name = "Hello, Sam" }).WaitForAsync();
        await CheckPageAsync(sam, "06-home-joined");

        // The first steps: each ticks itself off on home; the moment comes below, and then the card is gone.
        var steps = sam.Locator(".first-steps");
        Assert.Equal(5, await steps.Locator("li[data-done='false']").CountAsync());
        await steps.GetByRole(AriaRole.Link, new() { Name = "Choose your check-in rhythm and a reminder time" }).ClickAsync();
        await CheckPageAsync(sam, "06a-rhythm");
        await sam.GetByLabel("Remind me at").FillAsync("20:30");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save my reminder" }).ClickAsync();
        await sam.GotoAsync("/");
        await steps.Locator("li[data-step='rhythm'][data-done='true']").WaitForAsync();
        await steps.GetByRole(AriaRole.Link, new() { Name = "Send Robin a pebble" }).ClickAsync();
        await CheckPageAsync(sam, "06b-pebble");
        await sam.Locator("button.pebble").First.ClickAsync();
        await sam.GetByText("Your pebble is on its way to Robin.").WaitForAsync();
        await sam.GotoAsync("/");
        await steps.GetByRole(AriaRole.Link, new() { Name = "Pick your day for the monthly check-in" }).ClickAsync();
        await CheckPageAsync(sam, "06c-monthly");
        await sam.GetByLabel("Day of the month").SelectOptionAsync("15");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save our day" }).ClickAsync();
        await sam.GotoAsync("/");
        await steps.GetByRole(AriaRole.Link, new() { Name = "Choose what notifies you (on this phone too)" }).ClickAsync();
        await CheckPageAsync(sam, "06d-notifications");
        await sam.Locator("form", new() { Has = sam.Locator("input[name=kinds]") }).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await sam.GotoAsync("/");
        Assert.Equal(["moment"], await steps.Locator("li[data-done='false']").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.step)"));
        await CheckPageAsync(sam, "06e-home-one-step-left");

        // A moment: first refused (no kind chosen), answering at the top with the summary focused, then saved.
        await sam.GotoAsync("/Moments");
        await CheckPageAsync(sam, "07-moments");
        var kinds = sam.Locator("fieldset", new() { Has = sam.Locator("legend", new() { HasText = "Kind of support" }) });
        var wraps = await kinds.Locator(".choice-text strong").EvaluateAllAsync<int[]>(
            "els => els.map(e => { const range = document.createRange(); range.selectNodeContents(e); return range.getClientRects().length; })");
        Assert.All(wraps, lines => Assert.Equal(1, lines)); // "Emotional" is never broken across lines
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save this moment" }).ClickAsync();
        var summary = sam.Locator("[data-error-summary]");
        await summary.WaitForAsync();
        Assert.True(await summary.EvaluateAsync<bool>("e => document.activeElement === e && e.getBoundingClientRect().top < window.innerHeight"));
        await CheckPageAsync(sam, "08-moments-refused");
        await summary.Locator("a").First.ClickAsync();
        Assert.Equal("Input.Type", await sam.EvaluateAsync<string>("() => document.activeElement.name"));
        await sam.GetByText("I gave support").ClickAsync();
        await kinds.GetByText("Emotional", new() { Exact = true }).ClickAsync();
        await sam.GetByLabel("Note").FillAsync("Listened after the long call");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save this moment" }).ClickAsync();
        await sam.Locator(".moment-note", new() { HasText = "Listened after the long call" }).WaitForAsync();
        await CheckPageAsync(sam, "09-moment-saved");
        await sam.GotoAsync("/");
        await sam.GetByRole(AriaRole.Heading, new() { Name = "Hello, Sam" }).WaitForAsync();
        Assert.Equal(0, await steps.CountAsync()); // every first step done: the card is gone

        // A request.
        await sam.GotoAsync("/Requests/New");
        Assert.False(await sam.GetByLabel("By when").IsVisibleAsync());
        await CheckPageAsync(sam, "10-request-new");
        await sam.GetByLabel("What I need").FillAsync("A walk together on Saturday morning");
        await sam.Locator("fieldset", new() { Has = sam.Locator("legend", new() { HasText = "Kind of support" }) }).GetByText("Practical", new() { Exact = true }).ClickAsync();
        await sam.GetByText("On a date", new() { Exact = true }).ClickAsync();
        Assert.True(await sam.GetByLabel("By when").IsVisibleAsync());
        await sam.GetByText("Today", new() { Exact = true }).ClickAsync();
        Assert.False(await sam.GetByLabel("By when").IsVisibleAsync());
        // Sending runs the gentle phrasing check on the server: on a busy machine that can take longer than a click waits.
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync(new() { Timeout = 90_000 });
        await sam.WaitForURLAsync(url => url.Contains("/Requests/View/", StringComparison.Ordinal), new() { Timeout = 90_000 });
        await sam.GetByText("Hoped for by the end of today.").WaitForAsync();
        await CheckPageAsync(sam, "11-request-sent");

        // The daily check-in: chips and one-row scales.
        await sam.GotoAsync("/CheckIns/Form");
        await CheckPageAsync(sam, "12-checkin-form");
        var rows = await sam.Locator(".rating-scale").First.Locator(".rating-option").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().top)");
        Assert.Equal(7, rows.Length);
        Assert.All(rows, top => Assert.Equal(rows[0], top)); // 1 to 7 on one line
        await sam.Locator("label[for='Input-MeFeelings-tired']").ClickAsync();
        await sam.Locator("label[for='Input-MeFeelings-tired-3']").ClickAsync();
        await sam.Locator("label[for='Input-MeSupported-5']").ClickAsync();
        await sam.Locator("label[for='Input-MeAbleToGive-4']").ClickAsync();
        await sam.Locator("label[for='Input-MeStress-3']").ClickAsync();
        await sam.Locator("label[for='Input-GuessFeelings-calm']").ClickAsync();
        await sam.Locator("label[for='Input-GuessSupported-5']").ClickAsync();
        await sam.Locator("label[for='Input-GuessAbleToGive-5']").ClickAsync();
        await sam.Locator("label[for='Input-GuessStress-2']").ClickAsync();
        await sam.GetByText("Draft saved at").WaitForAsync();
        // Far down the long form the menu is still at the top of the screen.
        Assert.Equal(0, await sam.Locator(".site-header").EvaluateAsync<double>("h => { window.scrollTo(0, document.body.scrollHeight); return Math.round(h.getBoundingClientRect().top); }"));
        await CheckPageAsync(sam, "13-checkin-filled");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send my check-in" }).ClickAsync();
        await sam.GetByText("Waiting for Robin").First.WaitForAsync();
        Assert.Contains("tired (very)", await sam.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await CheckPageAsync(sam, "14-reveal-waiting");

        // Robin's reveal is closed until Robin checks in: said plainly.
        await robin.GotoAsync("/CheckIns/Reveal/" + await sam.EvaluateAsync<string>("() => location.pathname.split('/').pop()"));
        await CheckPageAsync(robin, "15-reveal-not-open");
        await robin.GotoAsync("/");
        await CheckPageAsync(robin, "16-home-robin");
        await sam.GotoAsync("/");
        await CheckPageAsync(sam, "17-home-sam");
    }

    [Fact]
    public async Task OnAWideScreen_TheMenuIsOneRow_AndSignOutLooksLikeItsNeighbours()
    {
        var couple = await browser.App.CreateCoupleAsync();
        var wide = await browser.NewPageAsync("Europe/London", 1440);
        await BrowserApp.SignInAsync(wide, couple.A);
        var tops = await wide.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.site-header .brand, .site-header .quick-exit, .nav a, .nav button')].filter(e => e.getBoundingClientRect().width > 0).map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))");
        Assert.True(tops.Max() - tops.Min() <= 4, $"the menu's items sit at {string.Join(", ", tops)}px");
        var looks = await wide.EvaluateAsync<string[]>("() => [document.querySelector('.nav a[href=\\'/Account/Manage\\']'), document.querySelector('.nav button.link-button')].map(e => { const s = getComputedStyle(e); return [s.color, s.textDecorationLine, s.fontSize, s.fontWeight].join(' '); })");
        Assert.Equal(looks[0], looks[1]);
        await BrowserApp.AssertAccessibleAsync(wide);
        if (!string.IsNullOrEmpty(Shots))
        {
            Directory.CreateDirectory(Shots);
            await wide.ScreenshotAsync(new() { Path = Path.Combine(Shots, "20-wide-menu.png") });
        }
    }
}
