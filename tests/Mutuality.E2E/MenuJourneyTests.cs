using Microsoft.Playwright;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.E2E;

/// <summary>The main menu: on a phone the less used pages wait under "More"; on a wider screen everything is in view.</summary>
[Collection(SharedChromium.Collection)]
public sealed class MenuJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task OnAPhone_MoreOpensAndCloses_WithQuickExitAtTheTop_OnAWideScreen_AllIsInView()
    {
        var couple = await browser.App.CreateCoupleAsync();
        var phone = await browser.NewPageAsync("Europe/London", 360);
        await BrowserApp.SignInAsync(phone, couple.A);
        var menu = phone.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var insights = menu.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true });
        var more = menu.Locator("summary", new() { HasText = "More" });

        // Closed at first: the everyday links are in view, the rest is not.
        Assert.True(await menu.GetByRole(AriaRole.Link, new() { Name = "Moments", Exact = true }).IsVisibleAsync());
        Assert.False(await insights.IsVisibleAsync());
        // The name and Quick exit share the top line (the exact height depends on the fonts installed).
        var top = await phone.EvaluateAsync<double[]>("() => [document.querySelector('.brand').getBoundingClientRect().top, document.getElementById('quick-exit').getBoundingClientRect().top]");
        Assert.True(Math.Abs(top[0] - top[1]) < 24, $"the name is at {top[0]}px and Quick exit at {top[1]}px");

        // Open: every page is reachable, nothing scrolls sideways, axe is content; Escape closes it again.
        await more.ClickAsync();
        await insights.WaitForAsync();
        Assert.True(await menu.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).IsVisibleAsync());
        await BrowserApp.AssertAccessibleAsync(phone);
        await BrowserApp.AssertNoHorizontalScrollAsync(phone);
        await phone.Keyboard.PressAsync("Escape");
        await insights.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // A tap elsewhere closes it too; a link in it goes where it says.
        await more.ClickAsync();
        await insights.WaitForAsync();
        await phone.Mouse.ClickAsync(8, 400); // the page's left margin, clear of the drop-down
        await insights.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await BrowserApp.FollowMenuLinkAsync(phone, "Insights");
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Insights", Exact = true }).WaitForAsync();

        // On a wider screen the same links are all in view without opening anything.
        var wide = await browser.NewPageAsync("Europe/London", 1024);
        await BrowserApp.SignInAsync(wide, couple.B);
        var wideMenu = wide.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        Assert.True(await wideMenu.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true }).IsVisibleAsync());
        Assert.False(await wideMenu.Locator("summary", new() { HasText = "More" }).IsVisibleAsync());
        await BrowserApp.AssertAccessibleAsync(wide);
    }
}
