using Microsoft.Playwright;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.E2E;

/// <summary>
/// Issue 16: a new couple's first ten minutes on a 360 px phone — register, confirm, invite by code, join, record a
/// moment, send a request, check in — with axe clean, no sideways scrolling and every tap target at least 24 px on
/// every page. Set MUTUALITY_SHOTS to a folder to keep a screenshot of each page (light, or dark with
/// MUTUALITY_SHOTS_DARK=1; another width with MUTUALITY_SHOTS_WIDTH).
/// </summary>
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

    private static async Task CheckPageAsync(IPage page, string name)
    {
        await BrowserApp.AssertAccessibleAsync(page);
        await BrowserApp.AssertNoHorizontalScrollAsync(page);
        var small = await page.EvaluateAsync<string[]>(SmallTargets);
        Assert.True(small.Length == 0, $"{page.Url} has tap targets under 24 px: {string.Join("; ", small)}");
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
        await page.GotoAsync(Mailbox.LinkTo(browser.App, email, "/Account/ConfirmEmail"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Thank you — your e-mail is confirmed" }).WaitForAsync();
        await CheckPageAsync(page, $"{shotPrefix}-confirmed");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {name}" }).WaitForAsync();
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

        // A request.
        await sam.GotoAsync("/Requests/New");
        Assert.False(await sam.GetByLabel("By when").IsVisibleAsync());
        await CheckPageAsync(sam, "10-request-new");
        await sam.GetByLabel("What I need").FillAsync("A walk together on Saturday morning");
        await sam.Locator("fieldset", new() { Has = sam.Locator("legend", new() { HasText = "Kind of support" }) }).GetByText("Practical", new() { Exact = true }).ClickAsync();
        await sam.GetByText("By a date and time", new() { Exact = true }).ClickAsync();
        Assert.True(await sam.GetByLabel("By when").IsVisibleAsync());
        await sam.GetByText("This week", new() { Exact = true }).ClickAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await sam.WaitForURLAsync(url => !url.EndsWith("/Requests/New", StringComparison.Ordinal));
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
}
