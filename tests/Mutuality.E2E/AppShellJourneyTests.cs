using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Playwright;

namespace Mutuality.E2E;

/// <summary>Issue 15: the installed app — manifest, service worker, offline page, and no private page in Cache Storage.</summary>
[Collection(SharedChromium.Collection)]
public sealed class AppShellJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheManifestMeetsTheInstallCriteria_AndEveryPageLinksItWithThemeColoursForLightAndDark()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var checklist = new List<string>();

        var manifestHref = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        Assert.Equal("/manifest.webmanifest", manifestHref);
        var answer = await page.APIRequest.GetAsync(manifestHref!);
        Assert.Equal(200, answer.Status);
        Assert.StartsWith("application/manifest+json", answer.Headers["content-type"], StringComparison.Ordinal);
        checklist.Add("manifest served as application/manifest+json");

        using var manifest = JsonDocument.Parse(await answer.TextAsync());
        var root = manifest.RootElement;
        Assert.Equal("Mutuality", root.GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("short_name").GetString()));
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.StartsWith("/", root.GetProperty("start_url").GetString(), StringComparison.Ordinal);
        Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("theme_color").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("background_color").GetString());
        checklist.Add("name, short_name, display standalone, start_url, theme and background colours");

        var icons = root.GetProperty("icons").EnumerateArray().ToList();
        foreach (var (size, purpose) in new[] { (192, "any"), (512, "any"), (192, "maskable"), (512, "maskable") })
        {
            var icon = icons.Single(i => i.GetProperty("sizes").GetString() == $"{size}x{size}" && i.GetProperty("purpose").GetString() == purpose);
            var png = await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!);
            Assert.Equal(200, png.Status);
            var (width, height) = PngSize(await png.BodyAsync());
            Assert.Equal((size, size), (width, height));
            checklist.Add($"icon {size}x{size} ({purpose}) is a {width}x{height} PNG");
        }

        var apple = await page.Locator("link[rel=apple-touch-icon]").GetAttributeAsync("href");
        Assert.Equal(200, (await page.APIRequest.GetAsync(apple!)).Status);
        checklist.Add("apple-touch-icon");
        var themes = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('meta[name=theme-color]')].map(m => m.media + ' ' + m.content)");
        Assert.Contains(themes, t => t.StartsWith("(prefers-color-scheme: light)", StringComparison.Ordinal));
        Assert.Contains(themes, t => t.StartsWith("(prefers-color-scheme: dark)", StringComparison.Ordinal));
        checklist.Add("theme-color for light and dark");

        // The service worker registers and controls the page (installability needs it, and a fetch handler).
        var scope = await page.EvaluateAsync<string>("() => navigator.serviceWorker.ready.then(r => r.scope)");
        Assert.Equal(browser.BaseUrl + "/", scope);
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null"));
        checklist.Add("service worker registered with scope / and controls the page");
        Assert.Contains("worker-src 'self'", (await page.APIRequest.GetAsync("/")).Headers["content-security-policy"], StringComparison.Ordinal);
        checklist.Add("Content-Security-Policy allows the worker and manifest from this origin only");

        Console.WriteLine("Installability checklist:\n  ✓ " + string.Join("\n  ✓ ", checklist));
    }

    [Fact]
    public async Task AfterBrowsingSignedIn_CacheStorageHoldsOnlyStaticFilesAndTheOfflinePage_AndAPageOpenedOfflineIsTheOfflinePage()
    {
        // Names no static file could contain by chance (htmx has "isSameNode").
        var couple = await browser.App.CreateCoupleAsync("Quillonrobin", "Zephyrsam");
        var page = await browser.SignedInPageAsync(couple.A, "Europe/London", 360);
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null"), "the worker controls the page");

        // Browse signed in: a request with words only Robin and Sam should ever see, then the pages around it.
        var marker = "PRIVATE-" + Guid.NewGuid().ToString("N")[..8];
        await page.GotoAsync("/Requests/New");
        await page.Locator("#need").FillAsync($"A quiet evening, {marker}");
        await page.Locator("input[name='Input.Type']").First.CheckAsync();
        await page.Locator("input[name='Input.Urgency'][value='ThisWeek']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync(new() { Timeout = 60_000 }); // the shared test machine can be slow to answer a post
        await page.WaitForURLAsync("**/Requests/View/**", new() { Timeout = 60_000 });
        var requestPath = new Uri(page.Url).AbsolutePath;
        foreach (var path in new[] { "/", "/Requests", requestPath, "/Moments", "/CheckIns", "/Feed", "/Insights", "/Account/Manage", "/Account/Manage/Notifications" })
        {
            await page.GotoAsync(path);
        }

        // An htmx fragment and a plain fetch, as the pages make them.
        await page.EvaluateAsync("async () => { await fetch('/Feed?handler=List', { headers: { 'HX-Request': 'true' } }); await fetch('/manifest.webmanifest'); }");

        var cached = await page.EvaluateAsync<JsonElement>(
            "async () => { const out = []; for (const name of await caches.keys()) { const c = await caches.open(name); for (const r of await c.keys()) { const res = await c.match(r); const type = res.headers.get('content-type') || ''; const text = /text|json|javascript|svg/.test(type) ? await res.text() : ''; const u = new URL(r.url); out.push({ cache: name, path: u.pathname + u.search, text }); } } return out; }");
        var entries = cached.EnumerateArray().Select(e => (Cache: e.GetProperty("cache").GetString()!, Path: e.GetProperty("path").GetString()!, Text: e.GetProperty("text").GetString()!)).ToList();
        Console.WriteLine($"Cache Storage after browsing signed in ({entries.Count} entries):\n  " + string.Join("\n  ", entries.Select(e => $"{e.Cache} {e.Path}")));
        Assert.Contains(entries, e => e.Path == "/offline.html");
        foreach (var entry in entries)
        {
            var path = entry.Path.Split('?')[0];
            Assert.True(
                path is "/offline.html" or "/favicon.svg" or "/manifest.webmanifest" or "/Mutuality.Web.styles.css" || path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal)
                    || path.StartsWith("/lib/", StringComparison.Ordinal) || path.StartsWith("/icons/", StringComparison.Ordinal),
                $"Cache Storage holds {entry.Path}, which is not a static file");
            Assert.DoesNotContain(marker, entry.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(couple.A.Name, entry.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(couple.B.Name, entry.Text, StringComparison.Ordinal);
        }

        // Sam has one unread item (Robin's request): the app icon's badge gets the same count as the feed's badge.
        // (The Badging API is recorded here; what is under test is that the page hands it the unread count.)
        var sam = await browser.SignedInPageAsync(couple.B, "Europe/London", 360);
        await sam.AddInitScriptAsync("navigator.setAppBadge = n => { window.__appBadge = n; return Promise.resolve(); }; navigator.clearAppBadge = () => { window.__appBadge = 0; return Promise.resolve(); };");
        await sam.GotoAsync("/");
        var shownUnread = await sam.Locator("#feed-unread").TextContentAsync();
        await sam.WaitForFunctionAsync("() => window.__appBadge !== undefined");
        var appBadge = await sam.EvaluateAsync<int>("() => window.__appBadge");
        Console.WriteLine($"Sam's feed badge reads '{shownUnread}'; the app icon badge was set to {appBadge}");
        Assert.True(appBadge >= 1, "an unread item gives the app icon a badge");
        Assert.StartsWith(appBadge.ToString(System.Globalization.CultureInfo.InvariantCulture), shownUnread!.Trim(), StringComparison.Ordinal);
        await sam.Context.CloseAsync();

        // Offline, a page opens as the offline page (from the worker's cache), not as the browser's error.
        await page.Context.SetOfflineAsync(true);
        try
        {
            await page.GotoAsync("/Moments");
            await page.GetByRole(AriaRole.Heading, new() { Name = "You're offline" }).WaitForAsync(new() { Timeout = 15000 });
            Assert.DoesNotContain(marker, await page.ContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.SetOfflineAsync(false);
        }

        await page.Context.CloseAsync();
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
