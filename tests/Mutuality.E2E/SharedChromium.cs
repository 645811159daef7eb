using Microsoft.Playwright;

namespace Mutuality.E2E;

/// <summary>
/// One headless Chromium for the whole E2E run (launching one costs seconds on a busy machine). Every journey class
/// is in this collection; each keeps its own app (<see cref="BrowserApp"/>) and each page gets a new browser context,
/// so cookies, storage and service workers stay apart as they did with a browser per class.
/// </summary>
public sealed class SharedChromium : IAsyncLifetime
{
    public const string Collection = "Chromium";

    private static IBrowser? _current;
    private IPlaywright? _playwright;

    /// <summary>The browser of the run; only journey classes in the <see cref="Collection"/> collection may ask.</summary>
    public static IBrowser Current => _current
        ?? throw new InvalidOperationException($"No shared Chromium: put the journey class in [Collection(SharedChromium.Collection)].");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _current = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MUTUALITY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.CloseAsync();
            _current = null;
        }

        _playwright?.Dispose();
    }
}

/// <summary>Every journey class carries <c>[Collection(SharedChromium.Collection)]</c> and so shares the browser.</summary>
[CollectionDefinition(SharedChromium.Collection)]
public sealed class SharedChromiumDefinition : ICollectionFixture<SharedChromium>;
