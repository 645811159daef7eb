using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutuality.Web.Features.Notifications;
using Mutuality.Web.Features.Notifications.Data;

namespace Mutuality.E2E;

/// <summary>
/// Issue 15: a notice reaches Sam's service worker and shows without content. pushManager.subscribe cannot reach a
/// push service offline, so the outbox row the app queued is delivered to the worker through the DevTools protocol
/// (ServiceWorker.deliverPushMessage) — exactly the JSON the push service would carry, encrypted, to the browser.
/// </summary>
[Collection(SharedChromium.Collection)]
public sealed class PushJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task RobinMakesARequest_SamsWorkerShowsRobinSentYouARequest_WithoutItsText_AndItsPageIsTheRequest()
    {
        var couple = await browser.App.CreateCoupleAsync();
        await browser.App.WithDbAsync(db =>
        {
            db.PushDevices.Add(new PushDevice
            {
                Id = Guid.NewGuid(),
                UserId = couple.B.Id,
                Channel = DeviceChannel.WebPush,
                Name = "Sam's phone",
                Endpoint = "https://push.example/sam",
                EndpointHash = Notices.Hash("https://push.example/sam"),
                P256dh = "x",
                Auth = "y",
                CreatedAtUtc = browser.App.Clock.GetUtcNow().UtcDateTime,
            });
            return db.SaveChangesAsync();
        });

        var robin = await browser.SignedInPageAsync(couple.A, "Europe/London", 1024);
        await robin.GotoAsync("/Requests/New");
        await robin.Locator("#need").FillAsync("Dinner together on Friday, phones away");
        await robin.Locator("input[name='Input.Type']").First.CheckAsync();
        await robin.Locator("input[name='Input.Urgency'][value='ThisWeek']").CheckAsync();
        await robin.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync(new() { Timeout = 60_000 }); // the shared test machine can be slow to answer a post
        await robin.WaitForURLAsync("**/Requests/View/**", new() { Timeout = 60_000 });
        var requestPath = new Uri(robin.Url).AbsolutePath;

        var item = await browser.App.WithDbAsync(db => db.NotificationOutbox.AsNoTracking().SingleAsync(o => o.UserId == couple.B.Id));
        var payload = NotificationSender.Payload(item);
        Assert.DoesNotContain("Dinner", payload, StringComparison.Ordinal);

        var sam = await browser.SignedInPageAsync(couple.B, "Europe/London", 360);
        await sam.Context.GrantPermissionsAsync(["notifications"], new() { Origin = browser.BaseUrl });
        var cdp = await sam.Context.NewCDPSessionAsync(sam);
        var registrationId = new TaskCompletionSource<string>();
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var r in e!.Value.GetProperty("registrations").EnumerateArray())
            {
                if (!r.GetProperty("isDeleted").GetBoolean())
                {
                    registrationId.TrySetResult(r.GetProperty("registrationId").GetString()!);
                }
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");
        await sam.EvaluateAsync("() => navigator.serviceWorker.ready");
        var id = await registrationId.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new Dictionary<string, object> { ["origin"] = browser.BaseUrl, ["registrationId"] = id, ["data"] = payload });

        var shown = await sam.EvaluateAsync<JsonElement>(
            "async () => { const r = await navigator.serviceWorker.ready; for (let i = 0; i < 50; i++) { const n = await r.getNotifications(); if (n.length) { return { title: n[0].title, body: n[0].body, url: n[0].data.url }; } await new Promise(x => setTimeout(x, 100)); } return null; }");
        Console.WriteLine($"Sam's notification: {shown}");
        Assert.Equal("Mutuality", shown.GetProperty("title").GetString());
        Assert.Equal("Robin sent you a request", shown.GetProperty("body").GetString());
        Assert.Equal(requestPath, shown.GetProperty("url").GetString());

        // The tap: the worker's own "notificationclick" handler runs on the notification it showed (the browser cannot
        // click an operating-system notification here, so the event is dispatched inside the worker), and Sam's open
        // page is taken to the request itself.
        await sam.GotoAsync("/");
        var browserCdp = await browser.Browser.NewBrowserCDPSessionAsync();
        var answers = new System.Collections.Concurrent.ConcurrentDictionary<int, TaskCompletionSource<string>>();
        browserCdp.Event("Target.receivedMessageFromTarget").OnEvent += (_, e) =>
        {
            using var message = JsonDocument.Parse(e!.Value.GetProperty("message").GetString()!);
            if (message.RootElement.TryGetProperty("id", out var answered) && answers.TryGetValue(answered.GetInt32(), out var waiting))
            {
                waiting.TrySetResult(message.RootElement.GetRawText());
            }
        };

        // Each browser context (Robin's, Sam's) has its own worker for this site: the one showing the notice is Sam's.
        const string click = "self.registration.getNotifications().then(list => { if (!list.length) { return 'none'; } "
            + "self.dispatchEvent(new NotificationEvent('notificationclick', { notification: list[0] })); return 'clicked'; })";
        var targets = await browserCdp.SendAsync("Target.getTargets");
        var outcome = "";
        var next = 0;
        foreach (var target in targets!.Value.GetProperty("targetInfos").EnumerateArray()
            .Where(t => t.GetProperty("type").GetString() == "service_worker" && t.GetProperty("url").GetString()!.StartsWith(browser.BaseUrl, StringComparison.Ordinal)))
        {
            var attached = await browserCdp.SendAsync("Target.attachToTarget", new Dictionary<string, object> { ["targetId"] = target.GetProperty("targetId").GetString()!, ["flatten"] = false });
            var answer = answers.GetOrAdd(++next, _ => new TaskCompletionSource<string>());
            await browserCdp.SendAsync("Target.sendMessageToTarget", new Dictionary<string, object>
            {
                ["sessionId"] = attached!.Value.GetProperty("sessionId").GetString()!,
                ["message"] = JsonSerializer.Serialize(new { id = next, method = "Runtime.evaluate", @params = new { expression = click, awaitPromise = true } }),
            });
            outcome = await answer.Task.WaitAsync(TimeSpan.FromSeconds(15));
            if (outcome.Contains("\"clicked\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        Assert.Contains("\"clicked\"", outcome, StringComparison.Ordinal);
        await sam.WaitForURLAsync("**" + requestPath, new() { Timeout = 30_000 });
        Assert.Contains("Dinner together on Friday", await sam.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNotificationsPage_IsAccessibleOnAPhone_AndSaysHowToInstallOnAnIPhone()
    {
        var couple = await browser.App.CreateCoupleAsync();
        foreach (var (scheme, width) in new[] { (ColorScheme.Light, 360), (ColorScheme.Dark, 360), (ColorScheme.Light, 1280), (ColorScheme.Dark, 1280) })
        {
            var page = await browser.SignedInPageAsync(couple.A, "Europe/London", width);
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.GotoAsync("/Account/Manage/Notifications");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Exact = true }).WaitForAsync();
            await page.Locator("summary", new() { HasText = "On an iPhone or iPad" }).ClickAsync();
            await BrowserApp.AssertAccessibleAsync(page);
            await BrowserApp.AssertNoHorizontalScrollAsync(page);
            Assert.Contains("Add to Home Screen", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            var file = Path.Combine(Path.GetTempPath(), $"phone-notifications-{width}-{scheme.ToString().ToLowerInvariant()}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            Console.WriteLine("Screenshot: " + file);
            await page.Context.CloseAsync();
        }
    }
    [Fact]
    public async Task YourTurn_TurnedOnTogether_SamsHomeSaysOnlyThatRobinCheckedIn_ReadableOnAPhoneAndWide()
    {
        var couple = await browser.App.CreateCoupleAsync();

        // Robin asks; Sam agrees: both clicks on the notifications page.
        var robin = await browser.SignedInPageAsync(couple.A, "Europe/London", 1280);
        await robin.GotoAsync("/Account/Manage/Notifications");
        await robin.GetByRole(AriaRole.Button, new() { Name = $"Ask {couple.B.Name} to turn it on with me" }).ClickAsync();
        await robin.Locator("#your-turn").GetByText($"It starts when {couple.B.Name} turns it on too").WaitForAsync();
        var sam = await browser.SignedInPageAsync(couple.B, "Europe/London", 360);
        await sam.GotoAsync("/Account/Manage/Notifications");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Turn it on for both of us" }).ClickAsync();
        await sam.Locator("#your-turn").GetByText("On for both of you.").WaitForAsync();
        await sam.Context.CloseAsync();

        // Robin checks in with words Sam must not see before the reveal.
        await robin.GotoAsync("/CheckIns/Form");
        await CheckInJourneyTests.FillAsync(robin, "tired", "anxious", meStress: 5, guessStress: 6);
        await robin.GetByRole(AriaRole.Button, new() { Name = "Send my check-in" }).ClickAsync();
        await robin.GetByText($"Waiting for {couple.B.Name}").WaitForAsync();

        foreach (var (scheme, width) in new[] { (ColorScheme.Light, 360), (ColorScheme.Dark, 360), (ColorScheme.Light, 1280), (ColorScheme.Dark, 1280) })
        {
            var page = await browser.SignedInPageAsync(couple.B, "Europe/London", width);
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var line = page.Locator("[data-partner-checked-in]");
            await line.WaitForAsync();
            Assert.Equal($"{couple.A.Name} has checked in for today. Your turn, when you're ready.", (await line.InnerTextAsync()).Trim());
            var main = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("tired", main, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("anxious", main, StringComparison.OrdinalIgnoreCase);
            await BrowserApp.AssertAccessibleAsync(page);
            await BrowserApp.AssertNoHorizontalScrollAsync(page);
            var file = Path.Combine(Path.GetTempPath(), $"phone-your-turn-{width}-{scheme.ToString().ToLowerInvariant()}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            Console.WriteLine("Screenshot: " + file);
            await page.Context.CloseAsync();
        }
    }
}
