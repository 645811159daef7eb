using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Repair;

public sealed class RepairTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Marker(string what) => $"{what}-{Guid.NewGuid():N}";

    private static KeyValuePair<string, string>[] SideFields(string feelings, string saw = "You saw me as distant", string mine = "I went quiet", string yours = "Your sigh stung")
        => [new("Side.FeelingsAndNeeds", feelings), new("Side.HowYouSawIt", saw), new("Side.MyImpactOnYou", mine), new("Side.YourImpactOnMe", yours)];

    private static async Task<Guid> OpenAsync(TestClient client, string title = "The dishes on Sunday")
    {
        var response = await client.SubmitFormAsync("/Repair", "main form[method=post]", ("Input.Title", title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>Every route of the feature, GET, as the given client: (url, html).</summary>
    private static async Task<List<(string Url, string Html)>> SweepAsync(TestClient client, Guid conflictId)
    {
        var result = new List<(string, string)>();
        foreach (var url in new[] { "/", "/Repair", $"/Repair/Conflict/{conflictId}", "/Repair/Guide/rebuilding-trust", "/Repair/Guide/old-beliefs", "/Monthly", "/Monthly/Talk", "/Monthly/Prepare" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
            result.Add((url, await response.Content.ReadAsStringAsync()));
        }

        return result;
    }

    [Fact]
    public async Task Open_WithANeutralTitle_ListsItForBoth_AndShowsAScriptTitleAsText()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        const string title = "<script>alert(1)</script> Sunday";
        var id = await OpenAsync(robin, title);
        var list = await sam.GetPageAsync("/Repair");
        Assert.Equal(title, list.QuerySelector($".conflict-list a[href='/Repair/Conflict/{id}']")!.TextContent);
        var detail = await sam.GetPageAsync($"/Repair/Conflict/{id}");
        Assert.Equal(title, detail.QuerySelector("main h1")!.TextContent);
        Assert.DoesNotContain(detail.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.NotNull(detail.QuerySelector("main a[href='/Help']"));
    }

    [Theory]
    [InlineData("", "Title: this can't be empty.")]
    [InlineData("   ", "Title: this can't be empty.")]
    public async Task Open_WithoutATitle_ShowsTheFieldMessage_AndStoresNothing(string title, string message)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var response = await robin.PostFormAsync("/Repair", [new("Input.Title", title)], "/Repair");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await TestClient.ParseAsync(response)).FieldErrors());
        Assert.False(await app.WithDbAsync(db => db.ConflictRecords.AnyAsync(c => c.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task Open_WithATooLongTitle_ShowsTheFieldMessage_AndStoresNothing()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var response = await robin.PostFormAsync("/Repair", [new("Input.Title", new string('t', Conflicts.TitleMax + 1))], "/Repair");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await TestClient.ParseAsync(response)).FieldErrors(), e => e.StartsWith("Title: use at most", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.ConflictRecords.AnyAsync(c => c.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task Side_BeforeSharing_PartnerSeesItOnNoRoute_AfterSharing_OnTheConflictPage()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var id = await OpenAsync(robin);
        var parts = new[] { Marker("feel"), Marker("saw"), Marker("mine"), Marker("yours") };
        var saved = await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=SaveSide", SideFields(parts[0], parts[1], parts[2], parts[3]), "/Repair");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(parts[0], (await robin.GetPageAsync($"/Repair/Conflict/{id}")).QuerySelector("#Side_FeelingsAndNeeds")!.TextContent, StringComparison.Ordinal);

        foreach (var (url, html) in await SweepAsync(sam, id))
        {
            Assert.All(parts, p => Assert.False(html.Contains(p, StringComparison.Ordinal), $"{url} showed Robin's unshared side to Sam"));
        }

        Assert.Contains("Robin hasn't shared their side yet", (await sam.GetPageAsync($"/Repair/Conflict/{id}")).MainText(), StringComparison.Ordinal);

        var shared = await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=ShareSide", SideFields(parts[0], parts[1], parts[2], parts[3]), "/Repair");
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        var after = (await sam.GetPageAsync($"/Repair/Conflict/{id}")).MainText();
        Assert.All(parts, p => Assert.Contains(p, after, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Side_SharingWithAPartMissing_SaysWhy_AndStaysPrivate()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var id = await OpenAsync(robin);
        var response = await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=ShareSide", SideFields("I felt alone", yours: ""), "/Repair");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("Write all four parts", page.MainText(), StringComparison.Ordinal);
        Assert.Equal("I felt alone", page.QuerySelector("#Side_FeelingsAndNeeds")!.TextContent.Trim());
        Assert.False(await app.WithDbAsync(db => db.ConflictSides.AnyAsync(s => s.ConflictId == id)));
    }

    [Fact]
    public async Task Side_TooLong_ShowsTheFieldMessage_AndStoresNothing()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var id = await OpenAsync(robin);
        var response = await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=SaveSide", SideFields(new string('x', Conflicts.PartMax + 1)), "/Repair");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await TestClient.ParseAsync(response)).FieldErrors(), e => e.StartsWith("My feelings and needs: use at most", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.ConflictSides.AnyAsync(s => s.ConflictId == id)));
    }

    [Fact]
    public async Task BothShare_RepairAttempt_ThenAnAgreementResolvesIt_AndNothingChangesAfter()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var id = await OpenAsync(robin);
        await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=ShareSide", SideFields("Robin felt alone"), "/Repair");

        var early = await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=Resolve", [new("Resolve.Who", "Both"), new("Resolve.What", "Talk on Sundays")], "/Repair");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("once you've both shared your sides", (await TestClient.ParseAsync(early)).MainText(), StringComparison.Ordinal);

        await sam.PostFormAsync($"/Repair/Conflict/{id}?handler=ShareSide", SideFields("Sam felt unheard"), "/Repair");
        var apology = await sam.PostFormAsync($"/Repair/Conflict/{id}?handler=Attempt", [new("Attempt.Kind", "Apology"), new("Attempt.Text", "I'm sorry I raised my voice.")], "/Repair");
        Assert.Equal(HttpStatusCode.Redirect, apology.StatusCode);
        Assert.Contains("I'm sorry I raised my voice.", (await robin.GetPageAsync($"/Repair/Conflict/{id}")).QuerySelector(".attempt-list")!.TextContent, StringComparison.Ordinal);

        var resolved = await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=Resolve", [new("Resolve.Who", "Both"), new("Resolve.What", "A walk after hard talks")], "/Repair");
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var record = await app.WithDbAsync(db => db.ConflictRecords.SingleAsync(c => c.Id == id));
        Assert.Equal(ConflictStatus.Resolved, record.Status);
        var agreement = await app.WithDbAsync(db => db.RitualAgreements.SingleAsync(a => a.ConflictId == id));
        Assert.Null(agreement.OwnerId);
        Assert.Equal("A walk after hard talks", agreement.What);

        var samPage = await sam.GetPageAsync($"/Repair/Conflict/{id}");
        Assert.Equal("Resolved", samPage.QuerySelector(".conflict-status")!.TextContent);
        Assert.Contains("A walk after hard talks", samPage.MainText(), StringComparison.Ordinal);
        Assert.Contains("A walk after hard talks", (await sam.GetPageAsync("/Monthly")).MainText(), StringComparison.Ordinal);

        var late = await sam.PostFormAsync($"/Repair/Conflict/{id}?handler=Attempt", [new("Attempt.Kind", "TryAgain")], "/Repair");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("This conflict is resolved", (await TestClient.ParseAsync(late)).MainText(), StringComparison.Ordinal);
        var again = await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=Resolve", [new("Resolve.Who", "Me"), new("Resolve.What", "Another")], "/Repair");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.RitualAgreements.CountAsync(a => a.ConflictId == id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.RepairAttempts.CountAsync(a => a.ConflictId == id)));
    }

    [Fact]
    public async Task Resolve_WithBadFields_ShowsEachMessage_AndStaysOpen()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var id = await OpenAsync(robin);
        await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=ShareSide", SideFields("a"), "/Repair");
        await sam.PostFormAsync($"/Repair/Conflict/{id}?handler=ShareSide", SideFields("b"), "/Repair");
        var response = await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=Resolve", [new("Resolve.What", ""), new("Resolve.DueOn", "2020-01-01")], "/Repair");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await TestClient.ParseAsync(response)).FieldErrors();
        Assert.Contains(errors, e => e.StartsWith("Who:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("What:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("By when:", StringComparison.Ordinal));
        Assert.Equal(ConflictStatus.Open, await app.WithDbAsync(db => db.ConflictRecords.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.RitualAgreements.AnyAsync(a => a.ConflictId == id)));
    }

    [Fact]
    public async Task BreakRequest_StartsATwentyMinuteTimerForBoth_AndCannotStack()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var id = await OpenAsync(robin);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=Attempt", [new("Attempt.Kind", "BreakRequest")], "/Repair")).StatusCode);
        var page = await sam.GetPageAsync($"/Repair/Conflict/{id}");
        var end = DateTime.Parse(page.QuerySelector(".break-timer time")!.GetAttribute("datetime")!, null, System.Globalization.DateTimeStyles.RoundtripKind);
        Assert.Equal(now.AddMinutes(20), end.ToUniversalTime());

        var second = await sam.PostFormAsync($"/Repair/Conflict/{id}?handler=Attempt", [new("Attempt.Kind", "BreakRequest")], "/Repair");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("A break is already running", (await TestClient.ParseAsync(second)).MainText(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.RepairAttempts.CountAsync(a => a.ConflictId == id)));
    }

    [Theory]
    [InlineData("Apology", "", "Your words: this can't be empty.")]
    [InlineData("Custom", " ", "Your words: this can't be empty.")]
    [InlineData("Flowers", "hi", "Kind of repair: choose one of the options.")]
    public async Task Attempt_WithBadFields_ShowsTheFieldMessage_AndStoresNothing(string kind, string text, string message)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var id = await OpenAsync(robin);
        var response = await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=Attempt", [new("Attempt.Kind", kind), new("Attempt.Text", text)], "/Repair");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await TestClient.ParseAsync(response)).FieldErrors());
        Assert.False(await app.WithDbAsync(db => db.RepairAttempts.AnyAsync(a => a.ConflictId == id)));
    }

    public static TheoryData<string, string> ConflictRoutes => new()
    {
        { "GET", "" },
        { "POST", "SaveSide" },
        { "POST", "ShareSide" },
        { "POST", "Attempt" },
        { "POST", "Resolve" },
    };

    [Theory]
    [MemberData(nameof(ConflictRoutes))]
    public async Task ConflictRoutes_ForAnotherCouple_OrNoCouple_OrAnUnknownId_Return404_AndChangeNothing(string method, string handler)
    {
        var theirs = await app.CreateCoupleAsync("Ada", "Lee");
        using var ada = await app.SignedInAsync(theirs.A);
        var id = await OpenAsync(ada, "Their private matter");
        var outsiders = new[] { (await app.CreateCoupleAsync()).A, await app.CreatePersonAsync("Loner") };
        foreach (var outsider in outsiders)
        {
            using var client = await app.SignedInAsync(outsider);
            foreach (var target in new[] { id, Guid.NewGuid() })
            {
                var url = $"/Repair/Conflict/{target}" + (handler.Length > 0 ? $"?handler={handler}" : "");
                var response = method == "GET"
                    ? await client.GetAsync(url)
                    : await client.PostFormAsync(url, [.. SideFields("x"), new("Attempt.Kind", "TryAgain"), new("Resolve.Who", "Both"), new("Resolve.What", "x")]);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} as {outsider.Name}: {(int)response.StatusCode}");
            }
        }

        Assert.False(await app.WithDbAsync(db => db.ConflictSides.AnyAsync(s => s.ConflictId == id)));
        Assert.False(await app.WithDbAsync(db => db.RepairAttempts.AnyAsync(a => a.ConflictId == id)));
        Assert.Equal(ConflictStatus.Open, await app.WithDbAsync(db => db.ConflictRecords.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task RepairList_ShowsOnlyTheCallersCouple()
    {
        var theirs = await app.CreateCoupleAsync("Ada", "Lee");
        using var ada = await app.SignedInAsync(theirs.A);
        var title = Marker("their-title");
        await OpenAsync(ada, title);
        var mine = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(mine.A);
        Assert.DoesNotContain(title, (await robin.GetPageAsync("/Repair")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepairIndex_WithoutAPartner_SendsYouToInviteThem()
    {
        var loner = await app.CreatePersonAsync("Loner");
        using var client = await app.SignedInAsync(loner);
        var response = await client.GetAsync("/Repair");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Couple", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Repair", [new("Input.Title", "x")])).StatusCode);
    }

    [Theory]
    [InlineData("rebuilding-trust")]
    [InlineData("old-beliefs")]
    public async Task Guide_ReflectionsAreSavedForTheAuthorOnly_NeverShownToThePartner(string slug)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var page = await robin.GetPageAsync($"/Repair/Guide/{slug}");
        Assert.NotNull(page.QuerySelector("main a[href='/Help']"));
        var first = page.QuerySelector("textarea")!.GetAttribute("name")!;
        var secret = Marker("reflection");
        var saved = await robin.PostFormAsync($"/Repair/Guide/{slug}", [new(first, secret)], $"/Repair/Guide/{slug}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(secret, (await robin.GetPageAsync($"/Repair/Guide/{slug}")).QuerySelector("textarea")!.TextContent, StringComparison.Ordinal);

        var id = await OpenAsync(sam);
        foreach (var (url, html) in await SweepAsync(sam, id))
        {
            Assert.False(html.Contains(secret, StringComparison.Ordinal), $"{url} showed Robin's reflection to Sam");
        }
    }

    [Fact]
    public async Task Guide_TooLongReflection_ShowsTheFieldMessage_AndStoresNothing()
    {
        var person = await app.CreatePersonAsync("Alone");
        using var client = await app.SignedInAsync(person);
        var response = await client.PostFormAsync("/Repair/Guide/old-beliefs", [new("Reflections[size]", new string('x', 4001))], "/Repair/Guide/old-beliefs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await TestClient.ParseAsync(response)).FieldErrors(), e => e.StartsWith("Size check: use at most", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.GuideReflections.AnyAsync(r => r.AuthorId == person.Id)));
    }

    [Fact]
    public async Task Guide_UnknownSlug_Returns404()
    {
        var person = await app.CreatePersonAsync("Alone");
        using var client = await app.SignedInAsync(person);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Repair/Guide/nothing-here")).StatusCode);
    }

    [Fact]
    public async Task TrustGuide_OpensWithASafetyCheck()
    {
        var person = await app.CreatePersonAsync("Alone");
        using var client = await app.SignedInAsync(person);
        var page = await client.GetPageAsync("/Repair/Guide/rebuilding-trust");
        Assert.Contains("are you afraid of your partner", page.QuerySelector(".safety-check")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepairPages_HaveNoInlineScriptsStylesOrHandlers_EvenShowingErrors()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var id = await OpenAsync(robin);
        await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=Attempt", [new("Attempt.Kind", "BreakRequest")], "/Repair");
        var pages = new List<AngleSharp.Html.Dom.IHtmlDocument>();
        foreach (var url in new[] { "/Repair", $"/Repair/Conflict/{id}", "/Repair/Guide/rebuilding-trust", "/Repair/Guide/old-beliefs" })
        {
            pages.Add(await robin.GetPageAsync(url));
        }

        pages.Add(await TestClient.ParseAsync(await robin.PostFormAsync($"/Repair/Conflict/{id}?handler=Resolve", [new("Resolve.What", "x")], "/Repair")));
        pages.Add(await TestClient.ParseAsync(await robin.PostFormAsync("/Repair", [new("Input.Title", "")], "/Repair")));
        Assert.Contains(pages[^2].FieldErrors(), e => e.Contains("once you've both shared", StringComparison.Ordinal));
        foreach (var page in pages)
        {
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline <script> found"));
            Assert.Empty(page.QuerySelectorAll("style"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task RitualPages_WhenAnonymous_RedirectToSignIn()
    {
        using var client = app.NewClient();
        foreach (var url in new[] { "/Monthly", "/Monthly/Prepare", "/Monthly/Talk", "/Repair", $"/Repair/Conflict/{Guid.NewGuid()}", "/Repair/Guide/old-beliefs" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
