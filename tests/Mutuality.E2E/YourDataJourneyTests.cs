using Microsoft.Playwright;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.E2E;

/// <summary>The person's own data pages in a real browser: e-mail choices, a download, and deleting with the wrong password.</summary>
[Collection(SharedChromium.Collection)]
public sealed class YourDataJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task EmailChoices_ADownload_AndDeletionThatAsksForThePassword_OnAPhone()
    {
        var couple = await browser.App.CreateCoupleAsync();
        var page = await browser.NewPageAsync("Europe/London", 360);
        await BrowserApp.SignInAsync(page, couple.A);

        await page.GotoAsync("/Account/Manage/Email");
        await page.GetByRole(AriaRole.Heading, new() { Name = "E-mails", Exact = true }).WaitForAsync();
        await page.GetByLabel("Send me the weekly digest").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.GetByText("Saved. Your weekly digest comes on").WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await BrowserApp.AssertNoHorizontalScrollAsync(page);

        await page.GotoAsync("/Account/Manage/Export");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Download your data" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Prepare a new download" }).ClickAsync();
        // The page asks the server every two seconds until the file is ready (htmx; no inline script).
        await page.GetByRole(AriaRole.Link, new() { Name = "Download the ZIP" }).WaitForAsync(new() { Timeout = 60_000 });
        await BrowserApp.AssertAccessibleAsync(page);
        await BrowserApp.AssertNoHorizontalScrollAsync(page);

        await page.GotoAsync("/Account/Manage/Delete");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Delete your account?" }).WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByLabel("Your password").FillAsync("not-my-password-at-all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and everything I wrote" }).ClickAsync();
        await page.GetByText("Nothing has been deleted").First.WaitForAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await BrowserApp.AssertNoHorizontalScrollAsync(page);
        await page.Context.CloseAsync();
    }
}
