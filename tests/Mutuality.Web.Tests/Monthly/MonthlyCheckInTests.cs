using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Monthly;

public sealed class MonthlyCheckInTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Marker(string what) => $"{what}-{Guid.NewGuid():N}";

    /// <summary>Every page of the feature a partner can open, for the privacy sweeps.</summary>
    private static readonly string[] MonthlyRoutes = ["/", "/Monthly", "/Monthly/Prepare", "/Monthly/Talk", "/Repair"];

    private static async Task<string> AllTextAsync(TestClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Walks talk mode through every turn as this client, collecting each page's HTML.</summary>
    private static async Task<List<string>> WalkTalkAsync(TestClient client)
    {
        var pages = new List<string>();
        for (var turn = 0; turn < TalkMode.Topics.Count * 2; turn++)
        {
            var page = await client.GetPageAsync("/Monthly/Talk");
            pages.Add(page.DocumentElement.OuterHtml);
            var form = page.QuerySelector("form[action*='handler=Next']");
            if (form is null)
            {
                break;
            }

            var fields = form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
                .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!));
            var moved = await client.PostFormAsync("/Monthly/Talk?handler=Next", fields, "/Monthly/Talk");
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        pages.Add((await client.GetPageAsync("/Monthly/Talk")).DocumentElement.OuterHtml);
        return pages;
    }

    [Fact]
    public async Task SetDay_ShowsTheNextCheckInInEachPartnersOwnZone()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var saved = await robin.PostFormAsync("/Monthly?handler=Day", [new("Input.DayOfMonth", "15")], "/Monthly");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var expected = MonthlyRhythm.NextOccurrence(15, app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var page = await robin.GetPageAsync("/Monthly");
        Assert.Contains(expected.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), page.QuerySelector(".next-checkin")!.TextContent, StringComparison.Ordinal);
        Assert.True(expected >= today);
        Assert.Equal(15, await app.WithDbAsync(db => db.MonthlyRhythms.Where(r => r.CoupleId == couple.Id).Select(r => r.DayOfMonth).SingleAsync()));

        using var sam = await app.SignedInAsync(couple.B);
        Assert.Contains("15th", (await sam.GetPageAsync("/Monthly")).QuerySelector("select option[selected]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("29")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task SetDay_OutsideOneTo28_ShowsTheFieldMessage_AndStoresNothing(string day)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var response = await robin.PostFormAsync("/Monthly?handler=Day", [new("Input.DayOfMonth", day)], "/Monthly");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await TestClient.ParseAsync(response)).FieldErrors();
        Assert.Contains(errors, e => e.StartsWith("Day of the month:", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.MonthlyRhythms.AnyAsync(r => r.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task Preparation_BeforeSharing_PartnerSeesItOnNoRoute_AfterSharing_InTalkMode()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var secrets = new[] { Marker("thanks"), Marker("well"), Marker("hard"), Marker("need") };
        var saved = await robin.PostFormAsync("/Monthly/Prepare?handler=Save",
            [new("Input.Appreciations", secrets[0]), new("Input.WentWell", secrets[1]), new("Input.HardThing", secrets[2]), new("Input.NeedNextMonth", secrets[3])], "/Monthly/Prepare");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(secrets[2], (await robin.GetPageAsync("/Monthly/Prepare")).QuerySelector("#Input_HardThing")!.TextContent, StringComparison.Ordinal);

        // Sam starts talk mode and walks every turn; Robin's private notes appear nowhere for Sam.
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync("/Monthly/Talk?handler=Start", [], "/Monthly/Talk")).StatusCode);
        var before = new List<string>();
        foreach (var url in MonthlyRoutes)
        {
            before.Add(await AllTextAsync(sam, url));
        }

        before.AddRange(await WalkTalkAsync(sam));
        foreach (var html in before)
        {
            Assert.All(secrets, s => Assert.DoesNotContain(s, html, StringComparison.Ordinal));
        }

        Assert.Contains("You've finished this month's check-in", string.Join(' ', before[^1]), StringComparison.Ordinal);

        // Robin shares; Sam reopens the talk and walks it again: now each note shows on its own topic.
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Monthly/Prepare?handler=Share",
            [new("Input.Appreciations", secrets[0]), new("Input.WentWell", secrets[1]), new("Input.HardThing", secrets[2]), new("Input.NeedNextMonth", secrets[3])], "/Monthly/Prepare")).StatusCode);
        await app.WithDbAsync(db => db.MonthlyCheckIns.Where(c => c.CoupleId == couple.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TopicIndex, 0).SetProperty(c => c.Speaker, TalkSpeaker.Starter).SetProperty(c => c.FinishedAtUtc, (DateTime?)null)));
        var after = string.Join('\n', await WalkTalkAsync(sam));
        Assert.All(secrets, s => Assert.Contains(s, after, StringComparison.Ordinal));
        Assert.Contains("Robin is ready", await AllTextAsync(sam, "/Monthly"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preparation_TooLong_ShowsTheFieldMessage_AndStoresNothing()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var response = await robin.PostFormAsync("/Monthly/Prepare?handler=Share",
            [new("Input.Appreciations", "fine"), new("Input.HardThing", new string('x', Preparation.MaxLength + 1))], "/Monthly/Prepare");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(page.FieldErrors(), e => e.StartsWith("One hard thing: use at most", StringComparison.Ordinal));
        Assert.Equal("fine", page.QuerySelector("#Input_Appreciations")!.TextContent.Trim());
        Assert.False(await app.WithDbAsync(db => db.MonthlyPreparations.AnyAsync(p => p.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task Preparation_ShareEmpty_SaysWhy_AndStoresNothing()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var response = await robin.PostFormAsync("/Monthly/Prepare?handler=Share", [new("Input.Appreciations", "   ")], "/Monthly/Prepare");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Write at least one part", (await TestClient.ParseAsync(response)).MainText(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MonthlyPreparations.AnyAsync(p => p.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task Preparation_IsStoredEncrypted()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var secret = Marker("cipher");
        await robin.PostFormAsync("/Monthly/Prepare?handler=Save", [new("Input.HardThing", secret)], "/Monthly/Prepare");
        var raw = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"HardThing\" AS \"Value\" FROM \"MonthlyPreparations\"").ToListAsync());
        Assert.NotEmpty(raw);
        Assert.DoesNotContain(raw, r => r.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TalkMode_ShowsWhoseTurn_AndTheListenerPrompt_OnBothPhones()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await robin.PostFormAsync("/Monthly/Talk?handler=Start", [], "/Monthly/Talk");

        var robinView = (await robin.GetPageAsync("/Monthly/Talk")).MainText();
        var samView = (await sam.GetPageAsync("/Monthly/Talk")).MainText();
        Assert.Contains("Your turn to speak", robinView, StringComparison.Ordinal);
        Assert.Contains("Robin's turn to speak", samView, StringComparison.Ordinal);
        Assert.Contains("You're listening", samView, StringComparison.Ordinal);
        Assert.Contains("say back in your own words", samView, StringComparison.Ordinal);
        Assert.Contains("Appreciations", samView, StringComparison.Ordinal);

        var next = await sam.PostFormAsync("/Monthly/Talk?handler=Next", [new("topic", "0"), new("speaker", "Starter"), new("finished", "false")], "/Monthly/Talk");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("Sam's turn to speak", (await robin.GetPageAsync("/Monthly/Talk")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TalkMode_TwoPhonesPressingNextAtOnce_MoveItOnlyOnce()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await robin.PostFormAsync("/Monthly/Talk?handler=Start", [], "/Monthly/Talk");
        (string, string)[] shown = [("topic", "0"), ("speaker", "Starter"), ("finished", "false")];
        await robin.PostFormAsync("/Monthly/Talk?handler=Next", shown.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), "/Monthly/Talk");
        await sam.PostFormAsync("/Monthly/Talk?handler=Next", shown.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), "/Monthly/Talk");

        var state = await app.WithDbAsync(db => db.MonthlyCheckIns.Where(c => c.CoupleId == couple.Id).Select(c => new { c.TopicIndex, c.Speaker }).SingleAsync());
        Assert.Equal(0, state.TopicIndex);
        Assert.Equal(TalkSpeaker.Other, state.Speaker);
        Assert.Contains("moved the conversation on", (await sam.GetPageAsync("/Monthly/Talk")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_StartsATwentyMinuteBreak_WithTheEndTimeRenderedByTheServer()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await robin.PostFormAsync("/Monthly/Talk?handler=Start", [], "/Monthly/Talk");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Monthly/Talk?handler=Pause", [], "/Monthly/Talk")).StatusCode);

        var page = await robin.GetPageAsync("/Monthly/Talk");
        var end = DateTime.Parse(page.QuerySelector(".break-timer time")!.GetAttribute("datetime")!, null, System.Globalization.DateTimeStyles.RoundtripKind);
        Assert.Equal(now.AddMinutes(20), end.ToUniversalTime());
        Assert.NotNull(page.QuerySelector("[data-countdown-until]"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/rituals.js']"));

        // No moving on during the break; "we're ready" ends it.
        await robin.PostFormAsync("/Monthly/Talk?handler=Next", [new("topic", "0"), new("speaker", "Starter"), new("finished", "false")], "/Monthly/Talk");
        Assert.Contains("You're on a break", (await robin.GetPageAsync("/Monthly/Talk")).MainText(), StringComparison.Ordinal);
        await robin.PostFormAsync("/Monthly/Talk?handler=Resume", [], "/Monthly/Talk");
        Assert.Null((await robin.GetPageAsync("/Monthly/Talk")).QuerySelector(".break-timer"));
    }

    private async Task MoveToTopicAsync(Guid coupleId, TalkTopic topic)
        => await app.WithDbAsync(db => db.MonthlyCheckIns.Where(c => c.CoupleId == coupleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TopicIndex, (int)topic).SetProperty(c => c.Speaker, TalkSpeaker.Starter)));

    [Fact]
    public async Task Agreement_IsRecorded_AndShownAsText_EvenWithAScriptPayload()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await robin.PostFormAsync("/Monthly/Talk?handler=Start", [], "/Monthly/Talk");
        await MoveToTopicAsync(couple.Id, TalkTopic.NewAgreements);
        const string payload = "<script>alert('x')</script> walk on Sundays";
        var due = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(20);
        var saved = await robin.PostFormAsync("/Monthly/Talk?handler=Agreement",
            [new("Agreement.Who", "You"), new("Agreement.What", payload), new("Agreement.DueOn", due.ToString("yyyy-MM-dd"))], "/Monthly/Talk");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stored = await app.WithDbAsync(db => db.RitualAgreements.SingleAsync(a => a.CoupleId == couple.Id));
        Assert.Equal(couple.B.Id, stored.OwnerId);
        Assert.Equal(due, stored.DueOn);
        var samPage = await sam.GetPageAsync("/Monthly");
        Assert.Equal(payload, samPage.QuerySelector(".agreement-what")!.TextContent);
        Assert.Equal("You", samPage.QuerySelector(".agreement-who")!.TextContent);
        Assert.DoesNotContain(samPage.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agreement_WithBadFields_ShowsEachMessage_AndStoresNothing()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await robin.PostFormAsync("/Monthly/Talk?handler=Start", [], "/Monthly/Talk");
        await MoveToTopicAsync(couple.Id, TalkTopic.NewAgreements);
        var response = await robin.PostFormAsync("/Monthly/Talk?handler=Agreement",
            [new("Agreement.Who", "Neighbour"), new("Agreement.What", " "), new("Agreement.DueOn", "2020-01-01")], "/Monthly/Talk");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await TestClient.ParseAsync(response)).FieldErrors();
        Assert.Contains(errors, e => e.StartsWith("Who:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("What:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("By when:", StringComparison.Ordinal));

        var unreadable = await robin.PostFormAsync("/Monthly/Talk?handler=Agreement",
            [new("Agreement.Who", "Both"), new("Agreement.What", "Walk"), new("Agreement.DueOn", "soon")], "/Monthly/Talk");
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        Assert.Contains((await TestClient.ParseAsync(unreadable)).FieldErrors(), e => e.StartsWith("By when:", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.RitualAgreements.AnyAsync(a => a.CoupleId == couple.Id)));
    }

    private async Task<Guid> EarlierAgreementAsync(TestCouple couple, string what)
    {
        var id = Guid.CreateVersion7();
        await app.WithDbAsync(async db =>
        {
            var month = new DateOnly(2025, 1, 1).AddMonths(Random.Shared.Next(0, 12));
            var earlier = new MonthlyCheckIn { Id = Guid.CreateVersion7(), CoupleId = couple.Id, Month = month, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(-30) };
            db.MonthlyCheckIns.Add(earlier);
            db.RitualAgreements.Add(new RitualAgreement { Id = id, CoupleId = couple.Id, CreatedById = couple.A.Id, What = what, CheckInId = earlier.Id, CreatedAtUtc = earlier.CreatedAtUtc });
            await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task LastMonthsAgreements_ComeBackForReview_AndCanBeCarriedOn_Once()
    {
        var couple = await app.CreateCoupleAsync();
        var id = await EarlierAgreementAsync(couple, "Phone-free dinners");
        using var sam = await app.SignedInAsync(couple.B);
        await sam.PostFormAsync("/Monthly/Talk?handler=Start", [], "/Monthly/Talk");
        await MoveToTopicAsync(couple.Id, TalkTopic.LastMonthsAgreements);
        var page = await sam.GetPageAsync("/Monthly/Talk");
        Assert.Contains("Phone-free dinners", page.QuerySelector("#review")!.TextContent, StringComparison.Ordinal);

        var missing = await sam.PostFormAsync($"/Monthly/Talk?handler=Review&id={id}", [], "/Monthly/Talk");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("How did it go: choose", (await TestClient.ParseAsync(missing)).MainText(), StringComparison.Ordinal);

        var reviewed = await sam.PostFormAsync($"/Monthly/Talk?handler=Review&id={id}", [new("outcome", "PartlyKept"), new("carryOn", "true")], "/Monthly/Talk");
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var rows = await app.WithDbAsync(db => db.RitualAgreements.Where(a => a.CoupleId == couple.Id).OrderBy(a => a.CreatedAtUtc).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(AgreementOutcome.PartlyKept, rows[0].Outcome);
        Assert.True(rows[0].CarriedOn);
        Assert.Null(rows[1].Outcome);
        Assert.Equal(id, rows[1].CarriedOnFromId);

        var again = await sam.PostFormAsync($"/Monthly/Talk?handler=Review&id={id}", [new("outcome", "Kept")], "/Monthly/Talk");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already been looked back on", (await TestClient.ParseAsync(again)).MainText(), StringComparison.Ordinal);
        Assert.Equal(AgreementOutcome.PartlyKept, await app.WithDbAsync(db => db.RitualAgreements.Where(a => a.Id == id).Select(a => a.Outcome).SingleAsync()));
        Assert.Contains("Partly kept", (await sam.GetPageAsync("/Monthly")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_OfAnotherCouplesAgreement_Returns404_AndChangesNothing()
    {
        var mine = await app.CreateCoupleAsync();
        var other = await app.CreateCoupleAsync("Ada", "Lee");
        var theirs = await EarlierAgreementAsync(other, "Their agreement");
        using var robin = await app.SignedInAsync(mine.A);
        var response = await robin.PostFormAsync($"/Monthly/Talk?handler=Review&id={theirs}", [new("outcome", "Kept")], "/Monthly/Talk");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var unknown = await robin.PostFormAsync($"/Monthly/Talk?handler=Review&id={Guid.NewGuid()}", [new("outcome", "Kept")], "/Monthly/Talk");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.RitualAgreements.Where(a => a.Id == theirs).Select(a => a.Outcome).SingleAsync()));
        Assert.DoesNotContain("Their agreement", (await robin.GetPageAsync("/Monthly")).MainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Monthly")]
    [InlineData("/Monthly/Prepare")]
    [InlineData("/Monthly/Talk")]
    public async Task MonthlyPages_WithoutAPartner_SendYouToInviteThem_NeverA500(string url)
    {
        var loner = await app.CreatePersonAsync("Loner");
        using var client = await app.SignedInAsync(loner);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Couple", response.Headers.Location!.OriginalString);
        var post = await client.PostFormAsync(url == "/Monthly" ? "/Monthly?handler=Day" : url + "?handler=" + (url.EndsWith("Talk", StringComparison.Ordinal) ? "Start" : "Save"), [new("Input.DayOfMonth", "3")]);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.MonthlyCheckIns.AnyAsync(c => c.CoupleId == Guid.Empty)));
    }

    [Fact]
    public async Task Review_WithoutACouple_Returns404()
    {
        var loner = await app.CreatePersonAsync("Loner");
        using var client = await app.SignedInAsync(loner);
        var response = await client.PostFormAsync($"/Monthly/Talk?handler=Review&id={Guid.NewGuid()}", [new("outcome", "Kept")]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TalkPosition_PolledByHtmx_SaysNothingUntilThePartnerMovesOn_ThenTheNoticeAndStops_AndCarriesNoText()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var secret = Marker("notes");
        await robin.PostFormAsync("/Monthly/Prepare?handler=Share", [new("Input.Appreciations", secret)], "/Monthly/Prepare");
        await robin.PostFormAsync("/Monthly/Talk?handler=Start", [], "/Monthly/Talk");

        // The page polls with htmx (no script of its own), asking with the position it shows.
        var page = await sam.GetPageAsync("/Monthly/Talk");
        var poll = page.QuerySelector("[hx-trigger='every 5s'][hx-get]")!;
        Assert.Equal("status", poll.GetAttribute("role"));
        var url = poll.GetAttribute("hx-get")!;
        Assert.StartsWith("/Monthly/Talk?handler=Position&shown=", url, StringComparison.Ordinal);

        var before = await sam.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(string.Empty, await before.Content.ReadAsStringAsync());

        await robin.PostFormAsync("/Monthly/Talk?handler=Next", [new("topic", "0"), new("speaker", "Starter"), new("finished", "false")], "/Monthly/Talk");
        var after = await sam.GetAsync(url);
        Assert.Equal(286, (int)after.StatusCode); // htmx swaps it in and stops polling
        var notice = await after.Content.ReadAsStringAsync();
        Assert.Contains("moved the conversation on", notice, StringComparison.Ordinal);
        Assert.Contains("href=\"/Monthly/Talk\"", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TalkPosition_WithoutAPartner_Returns404()
    {
        var loner = await app.CreatePersonAsync("Loner");
        using var client = await app.SignedInAsync(loner);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Monthly/Talk?handler=Position")).StatusCode);
    }

    [Fact]
    public async Task MonthlyPages_HaveNoInlineScriptsStylesOrHandlers_EvenShowingErrors()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await robin.PostFormAsync("/Monthly/Talk?handler=Start", [], "/Monthly/Talk");
        await robin.PostFormAsync("/Monthly/Talk?handler=Pause", [], "/Monthly/Talk");
        var pages = new List<AngleSharp.Html.Dom.IHtmlDocument>();
        foreach (var url in new[] { "/", "/Monthly", "/Monthly/Prepare", "/Monthly/Talk" })
        {
            pages.Add(await robin.GetPageAsync(url));
        }

        pages.Add(await TestClient.ParseAsync(await robin.PostFormAsync("/Monthly?handler=Day", [new("Input.DayOfMonth", "40")], "/Monthly")));
        foreach (var page in pages)
        {
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline <script> found"));
            Assert.Empty(page.QuerySelectorAll("style"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }
}
