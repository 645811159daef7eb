using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Mutuality.E2E;

/// <summary>
/// Issue 20, item 2 in a real browser: a form sent while our storage is away gets the clear page ("Nothing you sent
/// was saved"), and going back to the form once storage is back finds what was typed still there (site.js keeps it
/// in the tab while a post is sent; the page's "Go back" asks for it back).
/// </summary>
[Collection(SharedChromium.Collection)]
public sealed class StorageAwayJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AMomentSentWhileStorageIsAway_IsRefusedClearly_AndWhatWasTypedIsBackOnTheForm()
    {
        var couple = await browser.App.CreateCoupleAsync();
        var robin = await browser.SignedInPageAsync(couple.A, "Europe/London", 360);
        await robin.GotoAsync("/Moments");
        const string typed = "Made you tea while you were on that long call";
        await robin.Locator("input[name='Input.Direction'][value='Gave']").CheckAsync();
        await robin.Locator("input[name='Input.Type'][value='Practical']").CheckAsync();
        await robin.Locator("#moment-note").FillAsync(typed);

        // The database goes away: its files out of reach, the app's pooled connections closed.
        var folder = browser.App.DataFolder;
        var away = folder + "-away";
        SqliteConnection.ClearAllPools();
        Directory.Move(folder, away);
        try
        {
            await robin.GetByRole(AriaRole.Button, new() { Name = "Save this moment" }).ClickAsync();
            await robin.GetByText("Nothing you sent was saved").First.WaitForAsync();
            await BrowserApp.AssertAccessibleAsync(robin);
            await BrowserApp.AssertNoHorizontalScrollAsync(robin);
        }
        finally
        {
            Directory.Move(away, folder);
        }

        // Storage is back; the person goes back to the form, and their words are there, said plainly.
        await robin.GetByRole(AriaRole.Button, new() { Name = "Go back to what you typed" }).ClickAsync();
        await robin.GetByText("What you typed is back. Send it again when you're ready.").WaitForAsync();
        Assert.Equal(typed, await robin.Locator("#moment-note").InputValueAsync());
        Assert.True(await robin.Locator("input[name='Input.Direction'][value='Gave']").IsCheckedAsync());
        Assert.True(await robin.Locator("input[name='Input.Type'][value='Practical']").IsCheckedAsync());
        await BrowserApp.AssertAccessibleAsync(robin);

        // Sending it now stores it once.
        await robin.GetByRole(AriaRole.Button, new() { Name = "Save this moment" }).ClickAsync();
        await robin.Locator("article.moment-item").GetByText(typed).First.WaitForAsync();
        Assert.Equal(1, await browser.App.WithDbAsync(db => Task.FromResult(db.SupportMoments.Count(m => m.AuthorId == couple.A.Id))));
    }
}
