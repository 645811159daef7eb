using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Tests.Infrastructure;
using IntimacyRules = Mutuality.Domain.Rituals.Intimacy;
using PulseRules = Mutuality.Domain.Rituals.Pulse;

namespace Mutuality.Web.Tests.Everyday;

/// <summary>Issue 16, the rest: what a new couple trips over on the home page, requests, moments, insights and the first week.</summary>
public sealed class EverydayRestTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<Guid> AskAsync(TestClient client, string urgency = "Today")
    {
        var response = await client.PostFormAsync("/Requests/New", ("Input.Need", "A walk together on Saturday"), ("Input.Type", "Practical"), ("Input.Urgency", urgency));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static async Task RecordAsync(TestClient client, string note)
        => Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Moments", ("Input.Direction", "Gave"), ("Input.Type", "Emotional"), ("Input.Note", note), ("Input.Visibility", "Shared"))).StatusCode);

    private static async Task<string?> StatusAfterAsync(TestClient client, HttpResponseMessage post)
    {
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var page = await client.GetPageAsync(post.Headers.Location!.OriginalString);
        return page.QuerySelector("main .status")?.TextContent;
    }

    private static (string, string)[] Map(int fulfilment, int importance)
        => [.. IntimacyRules.Kinds.SelectMany(k => new[]
            {
                ($"Ratings[{k.Id}.fulfilment]", fulfilment.ToString(CultureInfo.InvariantCulture)),
                ($"Ratings[{k.Id}.importance]", importance.ToString(CultureInfo.InvariantCulture)),
            })];

    [Fact]
    public async Task TheHomePanelFromThePartner_ListsOnlyThePartnersOwnSteps()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var id = await AskAsync(robin);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync($"/Requests/View/{id}?handler=TakeOn")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync($"/Requests/View/{id}?handler=Done", ("GivenType", "Practical"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync($"/Requests/View/{id}?handler=Close", ("Outcome", "Met"))).StatusCode);

        var panel = (await robin.GetPageAsync("/")).QuerySelector("section[aria-labelledby='feed-heading']")!;
        var heads = panel.QuerySelectorAll(".feed-head").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(2, heads.Count);
        Assert.All(heads, h => Assert.StartsWith("Sam ", h, StringComparison.Ordinal));
        Assert.DoesNotContain("You ", panel.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSecondToMakeTheIntimacyMap_IsToldBothMapsAreThere_NotToWaitForThem()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        Assert.Contains("once you've both rated", await StatusAfterAsync(sam, await sam.PostFormAsync("/Intimacy", Map(5, 8))), StringComparison.Ordinal);

        var status = await StatusAfterAsync(robin, await robin.PostFormAsync("/Intimacy", Map(6, 7)));
        Assert.DoesNotContain("once you've both", status, StringComparison.Ordinal);
        Assert.Contains("both your maps", status, StringComparison.Ordinal);
        Assert.NotEmpty((await robin.GetPageAsync("/Intimacy")).QuerySelectorAll("td[data-partner]"));
    }

    [Fact]
    public async Task TheSecondToAnswerThePulse_IsToldBothAnswersAreThere_NotToWaitForThem()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var answers = PulseRules.Items.Select(i => ($"Answers[{i.Id}]", "3")).ToArray();
        Assert.Contains("once you've both answered", await StatusAfterAsync(sam, await sam.PostFormAsync("/Pulse", answers)), StringComparison.Ordinal);
        var status = await StatusAfterAsync(robin, await robin.PostFormAsync("/Pulse", answers));
        Assert.DoesNotContain("once you've both", status, StringComparison.Ordinal);
        Assert.Contains("both answered", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATodayRequest_ReadsByTheEndOfToday_AndThePartnerSeesTheTimeInTheirOwnZone()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var id = await AskAsync(robin);
        Assert.Equal("Hoped for by the end of today.", (await robin.GetPageAsync($"/Requests/View/{id}")).QuerySelector(".request-by-when")!.TextContent.Trim());
        // Robin's midnight in London is 19:00 the same day for Sam in New York.
        Assert.Equal("Hoped for by 19:00 today, your time.", (await sam.GetPageAsync($"/Requests/View/{id}")).QuerySelector(".request-by-when")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheByWhenField_IsHiddenUntilOnADateIsChosen()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var page = await robin.GetPageAsync("/Requests/New");
        Assert.NotNull(page.QuerySelector("[data-shown-when='Input.Urgency=At'][hidden]"));
        Assert.Contains(page.QuerySelectorAll("label.choice"), l => l.TextContent.Trim() == "On a date");
        var refused = await TestClient.ParseAsync(await robin.PostFormAsync("/Requests/New", ("Input.Need", "A hug"), ("Input.Type", "Emotional"), ("Input.Urgency", "At"), ("Input.At", "")));
        var field = refused.QuerySelector("[data-shown-when='Input.Urgency=At']")!;
        Assert.False(field.HasAttribute("hidden"));
    }

    [Fact]
    public async Task TheMomentResponse_PutsTheRatingUnderThisHelped_AndWhatWouldHelpUnderNotQuite_Only()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await RecordAsync(robin, "Made tea");
        var id = await app.WithDbAsync(db => db.SupportMoments.Where(m => m.AuthorId == couple.A.Id).Select(m => m.Id).SingleAsync());
        var page = await sam.GetPageAsync($"/Moments/View/{id}");
        Assert.Null(page.QuerySelector("select[name=Rating]"));
        var rating = page.QuerySelector("[data-shown-when='Kind=Helped'][hidden]")!;
        Assert.Equal(5, rating.QuerySelectorAll("input[type=radio][name=Rating]").Length);
        Assert.Equal("Helped", rating.PreviousElementSibling!.QuerySelector("input[name=Kind]")!.GetAttribute("value"));
        var help = page.QuerySelector("[data-shown-when='Kind=NotQuite'][hidden]")!;
        Assert.NotNull(help.QuerySelector("textarea[name=WhatWouldHelp]"));
        Assert.Equal("NotQuite", help.PreviousElementSibling!.QuerySelector("input[name=Kind]")!.GetAttribute("value"));

        // Words left in the hidden "What would help" are not kept with another choice.
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync($"/Moments/View/{id}?handler=Respond", ("Kind", "Helped"), ("Rating", "4"), ("WhatWouldHelp", "typed before changing my mind"))).StatusCode);
        var stored = await app.WithDbAsync(db => db.SupportMoments.Where(m => m.Id == id).Select(m => new { m.ResponseKind, m.ResponseRating, m.ResponseNote }).SingleAsync());
        Assert.Equal((MomentResponseKind.Helped, 4, (string?)null), (stored.ResponseKind!.Value, stored.ResponseRating!.Value, stored.ResponseNote));
    }

    [Fact]
    public async Task AClosedRequestsTag_SaysHowItWent()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var id = await AskAsync(robin);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync($"/Requests/View/{id}?handler=TakeOn")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync($"/Requests/View/{id}?handler=Done", ("GivenType", "Practical"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync($"/Requests/View/{id}?handler=Close", ("Outcome", "PartlyMet"))).StatusCode);
        Assert.Equal("Partly met", (await robin.GetPageAsync($"/Requests/View/{id}")).QuerySelector(".request-state")!.TextContent.Trim());
        Assert.Equal("Partly met", (await sam.GetPageAsync("/Requests")).QuerySelector(".request-list .tag")!.TextContent.Trim());
    }

    [Fact]
    public async Task RegisteringWithoutThePasswordAgain_SaysSoInTheAppsWords()
    {
        using var client = app.NewClient();
        var page = await TestClient.ParseAsync(await client.PostFormAsync("/Account/Register",
            ("Input.Email", $"p-{Guid.NewGuid():N}@example.org"), ("Input.DisplayName", "Robin"), ("Input.TimeZoneId", "Europe/London"), ("Input.Password", "a long enough secret")));
        Assert.Contains("Password again: please type the same password a second time.", page.FieldErrors());
        Assert.DoesNotContain("field is required", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExportsExpiry_IsShownInThePersonsOwnZone()
    {
        var person = await app.CreatePersonAsync("Robin", "America/New_York");
        using var client = await app.SignedInAsync(person);
        await app.WithDbAsync(async db =>
        {
            db.ExportJobs.Add(new Web.Features.Account.Privacy.ExportJob
            {
                Id = Guid.CreateVersion7(),
                UserId = person.Id,
                Status = Web.Features.Account.Privacy.ExportStatus.Ready,
                Percent = 100,
                RequestedAtUtc = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc),
                ReadyAtUtc = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc),
                ExpiresAtUtc = new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc),
                FileName = "x.zip",
            });
            await db.SaveChangesAsync();
        });
        var text = (await client.GetPageAsync("/Account/Manage/Export")).MainText();
        Assert.Contains("until Tue 3 Mar 2026, 04:00, your time", text, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGapOfOne_IsOnePoint()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Intimacy", Map(5, 6))).StatusCode);
        var gaps = (await robin.GetPageAsync("/Intimacy")).QuerySelectorAll(".intimacy-gap p").Select(p => p.TextContent).ToList();
        Assert.Contains("For you: 1 point. ", gaps);
        Assert.DoesNotContain(gaps, g => g.Contains("1 points", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DatesTypedOnInsights_ChooseThemselves_WithoutPickingChooseDates()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var page = await robin.GetPageAsync("/Insights?shown=4w&period=4w&from=2026-02-02&to=2026-02-15");
        Assert.Equal("custom", page.QuerySelector("#period option[selected]")!.GetAttribute("value"));
        Assert.Contains("from 2 Feb 2026 to 15 Feb 2026", page.MainText(), StringComparison.Ordinal);

        // Picking another preset while the dates of the custom period are still in the boxes is a choice too.
        var preset = await robin.GetPageAsync("/Insights?shown=custom&period=3m&from=2026-02-02&to=2026-02-15");
        Assert.Equal("3m", preset.QuerySelector("#period option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("from=1990-01-01&to=2026-03-01", "From: 1 Jan 1990 is out of range")]
    [InlineData("from=2026-02-01&to=1999-12-31", "To: 31 Dec 1999 is out of range")]
    [InlineData("from=2026-02-30&to=2026-03-01", "From: enter a real date")]
    [InlineData("from=2026-04-01&to=2026-04-02", "From: 1 Apr 2026 is still to come")]
    public async Task AnInsightsDateProblem_IsSaidOnce_InItsOwnWords(string dates, string message)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var page = await robin.GetPageAsync("/Insights?period=custom&" + dates);
        var text = page.QuerySelector("main")!.TextContent;
        var first = text.IndexOf(message, StringComparison.Ordinal);
        Assert.True(first >= 0, text);
        Assert.Equal(-1, text.IndexOf(message, first + 1, StringComparison.Ordinal));
        Assert.Single(page.QuerySelectorAll("[data-error-summary] li"));
        Assert.NotNull(page.QuerySelector("input[aria-invalid='true']"));
    }

    [Fact]
    public async Task Moments_ArePagedLikeTheFeed_SoTheOldestCanBeReached()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        for (var i = 1; i <= 21; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Moments", ("Input.Direction", "Gave"), ("Input.Type", "Emotional"), ("Input.Note", $"moment {i}"),
                ("Input.OccurredAt", $"2026-02-{i:00}T12:00"), ("Input.Visibility", "Shared"))).StatusCode);
        }

        var first = await robin.GetPageAsync("/Moments");
        Assert.Equal(20, first.QuerySelectorAll(".moment-item").Length);
        var older = first.QuerySelector("nav.pager a[href^='/Moments?p=2']");
        Assert.NotNull(older);
        var second = await robin.GetPageAsync(older.GetAttribute("href")!);
        Assert.Single(second.QuerySelectorAll(".moment-item"));
        Assert.Equal("moment 1", second.QuerySelector(".moment-note")!.TextContent.Trim());
        Assert.NotNull(second.QuerySelector("nav.pager a[href^='/Moments?p=1']"));
    }

    [Fact]
    public async Task TheFirstStepsCard_TicksItselfOff_AndGoesWhenAllAreDone()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var home = await robin.GetPageAsync("/");
        Assert.Equal(5, home.QuerySelectorAll(".first-steps li[data-done='false']").Length);
        Assert.Null((await robin.GetPageAsync("/")).QuerySelector(".first-steps li[data-done='true']"));

        await RecordAsync(robin, "Made tea");
        Assert.Equal("true", (await robin.GetPageAsync("/")).QuerySelector(".first-steps li[data-step='moment']")!.GetAttribute("data-done"));

        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Moments/Pebble", ("Text", "Thinking of you"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", "08:00"), ("EmailReminders", "false"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Monthly?handler=Day", ("Input.DayOfMonth", "15"))).StatusCode);
        Assert.Equal("notifications", Assert.Single((await robin.GetPageAsync("/")).QuerySelectorAll(".first-steps li[data-done='false']")).GetAttribute("data-step"));
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Account/Manage/Notifications?handler=Preferences", ("kinds", "PartnerRequest"))).StatusCode);
        Assert.Null((await robin.GetPageAsync("/")).QuerySelector(".first-steps"));
    }

    [Fact]
    public async Task TheFirstStepsCard_IsForANewCouple_NotForOneThatJoinedOverFourWeeksAgo()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        Assert.NotNull((await robin.GetPageAsync("/")).QuerySelector(".first-steps"));

        var longAgo = app.Clock.GetUtcNow().UtcDateTime - Mutuality.Web.Features.Home.FirstSteps.ShownFor - TimeSpan.FromDays(1);
        await app.WithDbAsync(db => db.CoupleMembers.Where(m => m.CoupleId == couple.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.JoinedAtUtc, longAgo)));
        Assert.Null((await robin.GetPageAsync("/")).QuerySelector(".first-steps"));
    }

    [Theory]
    [InlineData("/Moments")]
    [InlineData("/Requests")]
    [InlineData("/CheckIns")]
    [InlineData("/Feed")]
    [InlineData("/Repair")]
    [InlineData("/Pulse")]
    [InlineData("/")]
    public async Task AnEmptyPage_SaysWhatToDoFirst_InOneLine(string url)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var page = await robin.GetPageAsync(url);
        var first = page.QuerySelectorAll("p.empty[data-first-step]");
        var line = Assert.Single(first).TextContent.Trim();
        Assert.Matches("^(No|Nothing|None)[^.]* — [^.]*(to start|above|takes about a minute)[^.]*\\.$", line);
    }
}
