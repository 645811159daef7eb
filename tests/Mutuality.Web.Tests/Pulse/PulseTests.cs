using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Shared.Charts;
using Mutuality.Web.Tests.Infrastructure;
using PulseRules = Mutuality.Domain.Rituals.Pulse;

namespace Mutuality.Web.Tests.Pulse;

public sealed class PulseTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static (string Key, string Value)[] Answers(int value, string? skip = null)
        => [.. PulseRules.Items.Where(i => i.Id != skip).Select(i => ($"Answers[{i.Id}]", value.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    private Task<int> CountAsync(Guid author) => app.WithDbAsync(db => db.PulseAnswers.CountAsync(a => a.AuthorId == author));

    [Fact]
    public async Task Index_WithoutACouple_RedirectsToOurSpace()
    {
        var person = await app.CreatePersonAsync("Solo");
        using var client = await app.SignedInAsync(person);
        var response = await client.GetAsync("/Pulse");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Couple", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Post_WithoutACouple_RedirectsAndStoresNothing()
    {
        var person = await app.CreatePersonAsync("Solo");
        using var client = await app.SignedInAsync(person);
        var response = await client.PostFormAsync("/Pulse", Answers(4));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await CountAsync(person.Id));
    }

    [Fact]
    public async Task Index_WhenSignedOut_RedirectsToSignIn()
    {
        using var client = app.NewClient();
        var response = await client.GetAsync("/Pulse");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_ShowsEveryStatementAsALabelledRadioGroup()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        var page = await client.GetPageAsync("/Pulse");
        Assert.Equal(PulseRules.Items.Count, page.QuerySelectorAll("fieldset legend").Length);
        Assert.All(page.QuerySelectorAll("input[type=radio]"), radio => Assert.NotNull(page.QuerySelector($"label[for='{radio.Id}']")));
        Assert.Contains("not a clinical test", page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Valid_StoresOneAnswerPerStatement_AndShowsThem()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        var response = await client.PostFormAsync("/Pulse", Answers(4));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PulseRules.Items.Count, await CountAsync(couple.A.Id));
        var page = await client.GetPageAsync("/Pulse");
        Assert.All(page.QuerySelectorAll("td[data-mine]"), cell => Assert.Equal("Mostly", cell.TextContent));
        Assert.Null(page.QuerySelector("form fieldset"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("lots")]
    public async Task Post_AnswerOffTheScale_ShowsTheFormWithAMessage_AndStoresNothing(string bad)
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        var fields = Answers(3, skip: "fun").Append(("Answers[fun]", bad)).ToArray();
        var response = await client.PostFormAsync("/Pulse", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(page.QuerySelectorAll(".field-error"), e => e.TextContent.StartsWith("\u201CWe had moments of fun or lightness together.\u201D: choose", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(couple.A.Id));
    }

    [Fact]
    public async Task Post_MissingStatement_ShowsAMessage_AndStoresNothing()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        var response = await client.PostFormAsync("/Pulse", Answers(3, skip: "safe"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(page.QuerySelectorAll(".field-error"), e => e.TextContent == "\u201CI felt safe bringing up something hard.\u201D: choose one answer.");
        Assert.Equal(0, await CountAsync(couple.A.Id));
    }

    [Fact]
    public async Task Post_SecondTimeInAMonth_IsRefusedWithAMessage_AndKeepsTheFirst()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        await client.PostFormAsync("/Pulse", Answers(2));
        var again = await client.PostFormAsync("/Pulse", Answers(5));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already answered", (await TestClient.ParseAsync(again)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(PulseRules.Items.Count * 2, await app.WithDbAsync(db => db.PulseAnswers.Where(a => a.AuthorId == couple.A.Id).SumAsync(a => a.Value)));
    }

    [Fact]
    public async Task Partner_SeesNothingOfMyAnswers_UntilBothHaveAnswered()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await robin.PostFormAsync("/Pulse", Answers(1));

        // Sam has not answered: nothing of Robin's shows, in the page or the chart data.
        var samPage = await sam.GetPageAsync("/Pulse");
        Assert.NotNull(samPage.QuerySelector("form fieldset"));
        Assert.Null(samPage.QuerySelector("td[data-mine]"));
        Assert.Null(samPage.QuerySelector("td[data-partner]"));
        Assert.Null(samPage.QuerySelector("[data-chart]"));

        // Robin has answered but Sam has not: Robin sees only Robin's own.
        var robinPage = await robin.GetPageAsync("/Pulse");
        Assert.Null(robinPage.QuerySelector("td[data-partner]"));
        Assert.All(robinPage.QuerySelectorAll("td[data-partner-average]"), cell => Assert.Equal("—", cell.TextContent));
        var chart = ChartData.Parse(robinPage.QuerySelector("canvas[data-chart]")!.GetAttribute("data-chart")!);
        Assert.All(chart.Series[1].Data, value => Assert.Null(value));

        await sam.PostFormAsync("/Pulse", Answers(5));
        robinPage = await robin.GetPageAsync("/Pulse");
        Assert.All(robinPage.QuerySelectorAll("td[data-partner]"), cell => Assert.Equal("Completely", cell.TextContent));
        Assert.Equal(PulseRules.Items.Count, robinPage.QuerySelectorAll("td[data-partner]").Length);
        samPage = await sam.GetPageAsync("/Pulse");
        Assert.All(samPage.QuerySelectorAll("td[data-partner]"), cell => Assert.Equal("Not at all", cell.TextContent));
    }

    [Fact]
    public async Task OtherCouple_SeesNoneOfOurAnswers()
    {
        var ours = await app.CreateCoupleAsync();
        var theirs = await app.CreateCoupleAsync("Kim", "Lee");
        using var robin = await app.SignedInAsync(ours.A);
        using var kim = await app.SignedInAsync(theirs.A);
        await robin.PostFormAsync("/Pulse", Answers(1));
        await kim.PostFormAsync("/Pulse", Answers(3));
        var page = await kim.GetPageAsync("/Pulse");
        Assert.All(page.QuerySelectorAll("td[data-mine]"), cell => Assert.Equal("Somewhat", cell.TextContent));
        Assert.Null(page.QuerySelector("td[data-partner]"));
        Assert.Single(page.QuerySelectorAll("td[data-partner-average]"));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        var response = await client.PostFormWithoutTokenAsync("/Pulse", Answers(3));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(couple.A.Id));
    }
}
