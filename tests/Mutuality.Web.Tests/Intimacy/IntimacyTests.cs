using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Shared.Charts;
using Mutuality.Web.Tests.Infrastructure;
using IntimacyRules = Mutuality.Domain.Rituals.Intimacy;

namespace Mutuality.Web.Tests.Intimacy;

public sealed class IntimacyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static (string Key, string Value)[] Map(int fulfilment, int importance, string? skip = null)
        => [.. IntimacyRules.Kinds.SelectMany(k => new[]
            {
                ($"Ratings[{k.Id}.fulfilment]", fulfilment.ToString(CultureInfo.InvariantCulture)),
                ($"Ratings[{k.Id}.importance]", importance.ToString(CultureInfo.InvariantCulture)),
            }).Where(f => f.Item1 != skip)];

    private Task<int> CountAsync(Guid author) => app.WithDbAsync(db => db.IntimacyEntries.CountAsync(e => e.AuthorId == author));

    [Fact]
    public async Task Index_WithoutACouple_RedirectsToOurSpace()
    {
        var person = await app.CreatePersonAsync("Solo");
        using var client = await app.SignedInAsync(person);
        var response = await client.GetAsync("/Intimacy");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Couple", response.Headers.Location!.ToString());
        var post = await client.PostFormAsync("/Intimacy", Map(5, 5));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(0, await CountAsync(person.Id));
    }

    [Fact]
    public async Task Index_ShowsSevenKindsWithExplanationsAndLabelledInputs()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        var page = await client.GetPageAsync("/Intimacy");
        Assert.Equal(7, page.QuerySelectorAll("fieldset legend").Length);
        Assert.Equal(14, page.QuerySelectorAll("input[type=number]").Length);
        Assert.All(page.QuerySelectorAll("input[type=number]"), input => Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']")));
        Assert.Contains(IntimacyRules.Kinds[4].Explanation, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("ten")]
    public async Task Post_OffTheScale_ShowsAFieldMessage_AndStoresNothing(string bad)
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        var fields = Map(5, 5, skip: "Ratings[future.importance]").Append(("Ratings[future.importance]", bad)).ToArray();
        var response = await client.PostFormAsync("/Intimacy", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(page.QuerySelectorAll(".field-error"), e => e.TextContent.StartsWith("Future-oriented (how much it matters):", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(couple.A.Id));
    }

    [Fact]
    public async Task Post_Valid_StoresSevenRatings_ShowsMyMapAndGapsWithIdeas()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        var fields = Map(7, 7, skip: "Ratings[playful.fulfilment]").Append(("Ratings[playful.fulfilment]", "2")).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Intimacy", fields)).StatusCode);
        Assert.Equal(7, await CountAsync(couple.A.Id));
        var page = await client.GetPageAsync("/Intimacy");
        var gap = Assert.Single(page.QuerySelectorAll("[data-gap]"));
        Assert.Equal("playful", gap.GetAttribute("data-gap"));
        Assert.Contains("For you: 5 points.", gap.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, gap.QuerySelectorAll("li").Length);
        Assert.NotNull(page.QuerySelector("canvas[data-chart]"));
        Assert.Equal(7, page.QuerySelectorAll("td[data-mine]").Length);
    }

    [Fact]
    public async Task GapIdeas_CanBeSentAsAPebble_OrTurnedIntoARequest()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        var fields = Map(7, 7, skip: "Ratings[playful.fulfilment]").Append(("Ratings[playful.fulfilment]", "2")).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Intimacy", fields)).StatusCode);
        var gap = Assert.Single((await client.GetPageAsync("/Intimacy")).QuerySelectorAll("[data-gap]"));
        var pebbleLink = gap.QuerySelector("a[href^='/Moments/Pebble?idea=']")!.GetAttribute("href")!;
        var requestLink = gap.QuerySelector("a[href^='/Requests/New?need=']")!.GetAttribute("href")!;
        var idea = Uri.UnescapeDataString(pebbleLink["/Moments/Pebble?idea=".Length..]);

        var pebble = await client.GetPageAsync(pebbleLink);
        Assert.Equal(idea, pebble.QuerySelector("#pebble-text")!.GetAttribute("value"));
        var request = await client.GetPageAsync(requestLink);
        Assert.Equal(idea, request.QuerySelector("#need")!.TextContent.Trim());

        // Oversized ideas are not put in the box (the page still opens).
        var long1 = await client.GetPageAsync("/Moments/Pebble?idea=" + new string('x', 5000));
        Assert.True(string.IsNullOrEmpty(long1.QuerySelector("#pebble-text")!.GetAttribute("value")));
    }

    [Fact]
    public async Task Post_SecondTimeInAMonth_IsRefused_AndKeepsTheFirst()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        await client.PostFormAsync("/Intimacy", Map(3, 4));
        var again = await client.PostFormAsync("/Intimacy", Map(9, 9));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already made your map", (await TestClient.ParseAsync(again)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(21, await app.WithDbAsync(db => db.IntimacyEntries.Where(e => e.AuthorId == couple.A.Id).SumAsync(e => e.Fulfilment)));
    }

    [Fact]
    public async Task Partner_SeesNothingOfMyMap_UntilBothHaveRated()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await robin.PostFormAsync("/Intimacy", Map(1, 9));

        var samPage = await sam.GetPageAsync("/Intimacy");
        Assert.NotNull(samPage.QuerySelector("form fieldset"));
        Assert.Null(samPage.QuerySelector("td[data-mine]"));
        Assert.Null(samPage.QuerySelector("td[data-partner]"));
        Assert.Null(samPage.QuerySelector("[data-gap]"));

        var robinPage = await robin.GetPageAsync("/Intimacy");
        Assert.Null(robinPage.QuerySelector("td[data-partner]"));
        var chart = ChartData.Parse(robinPage.QuerySelector("canvas[data-chart]")!.GetAttribute("data-chart")!);
        Assert.Equal(["You: fulfilled", "You: matters"], chart.Series.Select(s => s.Label));

        await sam.PostFormAsync("/Intimacy", Map(8, 8));
        robinPage = await robin.GetPageAsync("/Intimacy");
        Assert.Equal(14, robinPage.QuerySelectorAll("td[data-partner]").Length);
        Assert.All(robinPage.QuerySelectorAll("td[data-partner]"), cell => Assert.Equal("8", cell.TextContent));
        samPage = await sam.GetPageAsync("/Intimacy");
        Assert.Contains(samPage.QuerySelectorAll("td[data-partner]"), cell => cell.TextContent == "1");
        Assert.Contains("For Robin: 8 points.", samPage.QuerySelector("[data-gap]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherCouple_SeesNoneOfOurMap()
    {
        var ours = await app.CreateCoupleAsync();
        var theirs = await app.CreateCoupleAsync("Kim", "Lee");
        using var robin = await app.SignedInAsync(ours.A);
        using var kim = await app.SignedInAsync(theirs.A);
        await robin.PostFormAsync("/Intimacy", Map(1, 9));
        await kim.PostFormAsync("/Intimacy", Map(6, 6));
        var page = await kim.GetPageAsync("/Intimacy");
        Assert.All(page.QuerySelectorAll("td[data-mine]"), cell => Assert.Equal("6", cell.TextContent));
        Assert.Null(page.QuerySelector("td[data-partner]"));
        Assert.Null(page.QuerySelector("[data-gap]"));
    }
}
