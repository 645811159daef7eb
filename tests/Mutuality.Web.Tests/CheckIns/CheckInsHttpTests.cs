using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.CheckIns;

public sealed partial class CheckInsHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    // The test clock starts at 2026-03-02 09:00 UTC: Monday in London (Robin) and in New York (Sam).
    private const string Today = "2026-03-02";

    /// <summary>A complete check-in with unique markers: shared texts, private texts, feelings and ratings.</summary>
    private static List<KeyValuePair<string, string>> Complete(string marker, string feeling = "resentful", int intensity = 3, int stress = 7, string guess = "calm")
    {
        var fields = new Dictionary<string, string>
        {
            [$"Input.MeFeelings[{feeling}]"] = intensity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.MeSupported"] = "2",
            ["Input.MeAbleToGive"] = "3",
            ["Input.MeStress"] = stress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Input.GuessFeelings[{guess}]"] = "2",
            ["Input.GuessSupported"] = "5",
            ["Input.GuessAbleToGive"] = "5",
            ["Input.GuessStress"] = "2",
            ["Input.MeDesires"] = $"SHARED-DESIRE-{marker}",
            ["Input.ShareMeDesires"] = "true",
            ["Input.MeGoalsNow"] = $"PRIVATE-GOAL-{marker}",
            ["Input.ShareMeGoalsNow"] = "false",
            ["Input.ImpactWhatIDid"] = $"SHARED-IMPACT-{marker}",
            ["Input.ShareImpactWhatIDid"] = "true",
            ["Input.ImpactHowItLanded"] = $"PRIVATE-LANDED-{marker}",
            ["Input.ShareImpactHowItLanded"] = "false",
            ["Input.ImpactQuestion"] = $"SHARED-QUESTION-{marker}",
            ["Input.ShareImpactQuestion"] = "true",
            ["Input.YourImpactWhat"] = $"PRIVATE-YOURIMPACT-{marker}",
            ["Input.YourImpactTone"] = "Negative",
            ["Input.YourImpactOldAssociation"] = "true",
        };
        return [.. fields];
    }

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string key, string value)
        => [.. fields.Where(f => f.Key != key), new(key, value)];

    /// <summary>Sends a check-in; on success follows the redirect once, as a browser would (showing the one-off status).</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(TestClient client, List<KeyValuePair<string, string>> fields, string period = Today)
    {
        var response = await client.PostFormAsync($"/CheckIns/Form/{period}?handler=Submit", fields);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location)
        {
            (await client.GetAsync(location.ToString())).Dispose();
        }

        return response;
    }

    private static async Task<HttpResponseMessage> DraftAsync(TestClient client, List<KeyValuePair<string, string>> fields, string period = Today)
        => await client.PostFormAsync($"/CheckIns/Form/{period}?handler=Draft", fields);

    private static readonly string[] ViewerGetRoutes =
    [
        "/", "/CheckIns", "/CheckIns/Form", $"/CheckIns/Form/{Today}", $"/CheckIns/Reveal/{Today}", "/CheckIns/Understanding", "/CheckIns/Settings",
    ];

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\"|name=\"__RequestVerificationToken\" value=\"|name=\"request-verification-token\" content=\")[^\"]*\"")]
    private static partial Regex TokenPattern();

    /// <summary>Status code and body of every GET route and the POST routes that answer about the period, tokens removed.</summary>
    private static async Task<Dictionary<string, string>> SnapshotAsync(TestClient client)
    {
        var result = new Dictionary<string, string>();
        foreach (var route in ViewerGetRoutes)
        {
            var response = await client.GetAsync(route);
            var body = await response.Content.ReadAsStringAsync();
            result[route] = $"{(int)response.StatusCode} {response.Headers.Location} {TokenPattern().Replace(body, "$1\"")}";
        }

        foreach (var handler in new[] { "Thank", "Answer" })
        {
            var response = await client.PostFormAsync($"/CheckIns/Reveal/{Today}?handler={handler}", ("ReplyText", "hello"));
            result["POST " + handler] = $"{(int)response.StatusCode} {TokenPattern().Replace(await response.Content.ReadAsStringAsync(), "$1\"")}";
        }

        return result;
    }

    private static void AssertSame(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        foreach (var (route, body) in before)
        {
            Assert.True(body == after[route], $"{route} changed when the partner acted: the seal leaked.");
        }
    }

    private static void AssertNoneContain(Dictionary<string, string> snapshot, params string[] secrets)
    {
        foreach (var (route, body) in snapshot)
        {
            foreach (var secret in secrets)
            {
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{route} shows '{secret}'.");
            }
        }
    }

    private Task<int> CountCheckInsAsync(Guid authorId)
        => app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.AuthorId == authorId));

    [Fact]
    public async Task EveryRoute_BeforeTheViewerSends_LooksTheSameWhetherThePartnerDraftedSentOrDidNothing()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var baseline = await SnapshotAsync(robin);

        Assert.Equal(HttpStatusCode.OK, (await DraftAsync(sam, Complete("sam1"))).StatusCode);
        var afterDraft = await SnapshotAsync(robin);
        AssertSame(baseline, afterDraft);

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(sam, Complete("sam1"))).StatusCode);
        var afterSend = await SnapshotAsync(robin);
        AssertSame(baseline, afterSend);
        AssertNoneContain(afterSend, "sam1", "resentful (very)");
        Assert.Contains("Check in for today to see the reveal", (await robin.GetPageAsync($"/CheckIns/Reveal/{Today}")).MainText());
    }

    [Fact]
    public async Task EveryRoute_AfterTheViewerSends_SaysOnlyWaiting_WhetherThePartnerDraftedOrNot()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(robin, Complete("robin2", feeling: "hopeful", intensity: 1, stress: 3))).StatusCode);
        var waiting = await SnapshotAsync(robin);
        Assert.Contains("Waiting for", waiting[$"/CheckIns/Reveal/{Today}"]);
        Assert.Contains("Waiting for your partner", waiting["/"]);

        Assert.Equal(HttpStatusCode.OK, (await DraftAsync(sam, Complete("sam2"))).StatusCode);
        var afterDraft = await SnapshotAsync(robin);
        AssertSame(waiting, afterDraft);
        AssertNoneContain(afterDraft, "sam2", "resentful (very)");
        Assert.Equal(HttpStatusCode.NotFound, (await robin.PostFormAsync($"/CheckIns/Reveal/{Today}?handler=Answer", ("ReplyText", "x"))).StatusCode);
    }

    [Fact]
    public async Task Reveal_AfterBothSend_ShowsSharedFieldsAndAgreement_ButNeverPrivateOnes()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await SubmitAsync(robin, Complete("robin3", feeling: "calm", intensity: 2, stress: 2, guess: "anxious"));
        await SubmitAsync(sam, Complete("sam3"));

        var page = await robin.GetPageAsync($"/CheckIns/Reveal/{Today}");
        var text = page.MainText();
        Assert.Contains("SHARED-DESIRE-sam3", text);
        Assert.Contains("SHARED-IMPACT-sam3", text);
        Assert.Contains("SHARED-QUESTION-sam3", text);
        Assert.Contains("resentful (very)", text);
        Assert.Contains("You guessed ‘anxious’, they felt ‘resentful’", text);
        // Robin guessed stress 2; Sam said 7: 1 − 5/6.
        Assert.Contains("Their stress was higher than you thought: you guessed 2, they said 7", text);
        Assert.NotNull(page.QuerySelector("#agreement-overall"));

        var afterReveal = await SnapshotAsync(robin);
        AssertNoneContain(afterReveal, "PRIVATE-GOAL-sam3", "PRIVATE-LANDED-sam3", "PRIVATE-YOURIMPACT-sam3", "old association of theirs", "it felt negative");

        // Sam sees Robin's shared side; Robin's private fields stay Robin's.
        var samView = await SnapshotAsync(sam);
        Assert.Contains("SHARED-DESIRE-robin3", samView[$"/CheckIns/Reveal/{Today}"]);
        AssertNoneContain(samView, "PRIVATE-GOAL-robin3", "PRIVATE-LANDED-robin3", "PRIVATE-YOURIMPACT-robin3");

        // The author still sees their own private fields.
        Assert.Contains("PRIVATE-GOAL-robin3", (await robin.GetPageAsync($"/CheckIns/Form/{Today}")).MainText());
    }

    [Fact]
    public async Task Reveal_ForSomeoneOutsideTheCouple_IsNotFound_AndNoCoupleRedirects()
    {
        var couple = await app.CreateCoupleAsync();
        var other = await app.CreateCoupleAsync("Alex", "Kim");
        var loner = await app.CreatePersonAsync("Jo");
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await SubmitAsync(robin, Complete("robin4"));
        await SubmitAsync(sam, Complete("sam4"));

        using var alex = await app.SignedInAsync(other.A);
        var alexView = await SnapshotAsync(alex);
        Assert.Contains("Check in for today to see the reveal", alexView[$"/CheckIns/Reveal/{Today}"]);
        Assert.StartsWith("404", alexView["POST Thank"]);
        Assert.StartsWith("404", alexView["POST Answer"]);
        AssertNoneContain(alexView, "robin4", "sam4");
        foreach (var bad in new[] { "/CheckIns/Reveal/not-a-period", "/CheckIns/Reveal/2026-13-40", "/CheckIns/Form/nonsense", $"/CheckIns/Reveal/{Guid.NewGuid()}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await alex.GetAsync(bad)).StatusCode);
        }

        using var jo = await app.SignedInAsync(loner);
        var joView = await SnapshotAsync(jo);
        foreach (var route in ViewerGetRoutes.Where(r => r != "/"))
        {
            Assert.StartsWith("302 /Couple", joView[route]);
        }

        Assert.StartsWith("200", joView["/"]);
        AssertNoneContain(joView, "robin4", "sam4");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(jo, Complete("jo"))).StatusCode);
        Assert.Equal(0, await CountCheckInsAsync(loner.Id));
    }

    public static TheoryData<string, string, string> InvalidSubmissions() => new()
    {
        { "unknown word", "Input.MeFeelings[melancholic]", "2" },
        { "intensity too high", "Input.MeFeelings[sad]", "4" },
        { "intensity zero-ish", "Input.GuessFeelings[sad]", "-1" },
        { "rating out of range", "Input.MeStress", "8" },
        { "oversized text", "Input.MeDesires", new string('x', 501) },
        { "oversized private text", "Input.YourImpactWhat", new string('y', 2000) },
        { "missing rating", "Input.GuessStress", "" },
    };

    [Theory]
    [MemberData(nameof(InvalidSubmissions))]
    public async Task Submit_Invalid_ShowsAFieldMessageAndStoresNothing(string because, string key, string value)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var response = await SubmitAsync(robin, With(Complete("bad"), key, value));
        Assert.True(response.StatusCode == HttpStatusCode.OK, because);
        var page = await TestClient.ParseAsync(response);
        Assert.NotEmpty(page.FieldErrors());
        Assert.Equal(0, await CountCheckInsAsync(couple.A.Id));
    }

    [Fact]
    public async Task Submit_ForAFuturePeriod_IsRefusedAndStoresNothing()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var page = await TestClient.ParseAsync(await SubmitAsync(robin, Complete("future"), period: "2026-03-03"));
        Assert.Contains(page.FieldErrors(), e => e.Contains("hasn't started", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await DraftAsync(robin, Complete("future"), period: "2026-03-03")).StatusCode);
        Assert.Equal(0, await CountCheckInsAsync(couple.A.Id));
    }

    [Fact]
    public async Task Submit_Twice_KeepsTheFirstAndSaysItWasAlreadySent()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(robin, Complete("first"))).StatusCode);
        var second = await SubmitAsync(robin, Complete("second"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("already checked in", (await TestClient.ParseAsync(second)).MainText());
        Assert.Equal(HttpStatusCode.Conflict, (await DraftAsync(robin, Complete("third"))).StatusCode);
        var json = await app.WithDbAsync(db => db.CheckIns.Where(c => c.AuthorId == couple.A.Id).Select(c => c.ContentJson).SingleAsync());
        Assert.Contains("first", json);
        Assert.DoesNotContain("second", json);
        Assert.DoesNotContain("third", json);
    }

    [Fact]
    public async Task Draft_IsSavedAsOneTypes_AndComesBackOnTheForm()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var response = await DraftAsync(robin, [new("Input.MeFeelings[tired]", "2"), new("Input.MeDesires", "half-typed thought")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Draft saved", await response.Content.ReadAsStringAsync());

        var form = await robin.GetPageAsync("/CheckIns/Form");
        Assert.Equal("half-typed thought", form.QuerySelector("#Input-MeDesires")?.TextContent);
        Assert.Equal("2", form.QuerySelector("#Input-MeFeelings-tired[checked]")?.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("form[hx-post][hx-trigger*='delay:800ms']"));

        var bad = await DraftAsync(robin, [new("Input.MeDesires", new string('z', 600))]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var json = await app.WithDbAsync(db => db.CheckIns.Where(c => c.AuthorId == couple.A.Id).Select(c => c.ContentJson).SingleAsync());
        Assert.Contains("half-typed thought", json);
    }

    [Fact]
    public async Task Form_AfterSending_IsReadOnly()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await SubmitAsync(robin, Complete("ro"));
        var form = await robin.GetPageAsync("/CheckIns/Form");
        Assert.Null(form.QuerySelector("form.checkin-form"));
        Assert.Contains("can't be changed", form.MainText());
    }

    [Fact]
    public async Task Replies_AfterTheReveal_ThankAndAnswer_AreSeenByThePartner()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await SubmitAsync(robin, Complete("r5"));
        await SubmitAsync(sam, Complete("s5"));

        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync($"/CheckIns/Reveal/{Today}?handler=Thank", ("ReplyText", "THANKS-r5"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync($"/CheckIns/Reveal/{Today}?handler=Answer", ("ReplyText", "ANSWER-r5"))).StatusCode);
        var again = await robin.PostFormAsync($"/CheckIns/Reveal/{Today}?handler=Answer", ("ReplyText", "ANSWER-again"));
        Assert.Contains("already answered", (await TestClient.ParseAsync(again)).MainText());
        var empty = await sam.PostFormAsync($"/CheckIns/Reveal/{Today}?handler=Answer", ("ReplyText", "  "));
        Assert.Contains("Your answer: this can't be empty.", (await TestClient.ParseAsync(empty)).MainText());

        var samText = (await sam.GetPageAsync($"/CheckIns/Reveal/{Today}")).MainText();
        Assert.Contains("Robin thanked you for telling them: THANKS-r5", samText);
        Assert.Contains("Robin answered your question: ANSWER-r5", samText);
        Assert.Equal(2, await app.WithDbAsync(db => db.CheckInReplies.CountAsync(r => r.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task Cadence_OnePartnerProposes_TheOtherAgrees_ThenTheWeeklyFormIsUsed()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/CheckIns/Settings?handler=Propose", ("cadence", "Weekly"))).StatusCode);
        Assert.Contains("daily", (await robin.GetPageAsync("/CheckIns/Settings")).QuerySelector("#cadence")!.TextContent);

        // Robin cannot agree to their own proposal.
        var self = await robin.PostFormAsync("/CheckIns/Settings?handler=Agree");
        Assert.Contains("no change from your partner", (await TestClient.ParseAsync(self)).MainText());

        Assert.Contains("Robin suggests checking in weekly", (await sam.GetPageAsync("/CheckIns/Settings")).MainText());
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync("/CheckIns/Settings?handler=Agree")).StatusCode);
        Assert.Contains("weekly", (await robin.GetPageAsync("/CheckIns/Settings")).QuerySelector("#cadence")!.TextContent);
        Assert.Contains("this week, 2 \u2013 8 Mar", (await robin.GetPageAsync("/CheckIns/Form")).MainText());

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(robin, Complete("wk"), period: "2026-W10")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(sam, Complete("wk2"), period: "2026-W10")).StatusCode);
        Assert.Contains("SHARED-DESIRE-wk2", (await robin.GetPageAsync("/CheckIns/Reveal/2026-W10")).MainText());
    }

    [Fact]
    public async Task Reminder_PastThePersonsLocalTime_ShowsOnTheHomePanel()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        Assert.DoesNotContain("It's your check-in time", (await robin.GetPageAsync("/")).MainText());

        // 09:00 UTC is 09:00 in London and 04:00 in New York.
        await robin.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", "08:30"));
        await sam.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", "08:30"));
        Assert.Contains("It's your check-in time", (await robin.GetPageAsync("/")).MainText());
        Assert.DoesNotContain("It's your check-in time", (await sam.GetPageAsync("/")).MainText());

        var bad = await robin.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", "25:99"));
        Assert.Contains("Reminder time:", (await TestClient.ParseAsync(bad)).MainText());
    }

    [Fact]
    public async Task Understanding_BelowEightReveals_SaysHowManyMore()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await SubmitAsync(robin, Complete("u1"));
        await SubmitAsync(sam, Complete("u2"));
        var text = (await robin.GetPageAsync("/CheckIns/Understanding")).MainText();
        Assert.Contains("Not enough data yet — 7 more check-ins together", text);
        Assert.Contains(Today, text);
    }

    [Fact]
    public async Task EveryForm_CarriesTheAntiforgeryToken_SoABrowserPostWorks()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var formPage = await robin.GetPageAsync("/CheckIns/Form");
        await SubmitAsync(robin, Complete("af1"));
        await SubmitAsync(sam, Complete("af2"));
        var pages = new[] { formPage, await robin.GetPageAsync($"/CheckIns/Reveal/{Today}"), await robin.GetPageAsync("/CheckIns/Settings") };
        var forms = pages.SelectMany(p => p.QuerySelectorAll("main form[method=post]")).ToList();
        Assert.True(forms.Count >= 5, $"expected the check-in, thanks, answer, cadence and reminder forms, found {forms.Count}");
        Assert.All(forms, f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
    }

    [Fact]
    public async Task Submit_TwiceAtTheSameMoment_StoresExactlyOne()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var token = await robin.TokenAsync();
        async Task<HttpStatusCode> Post(string marker)
        {
            using var content = new FormUrlEncodedContent(Complete(marker).Append(new("__RequestVerificationToken", token)));
            using var response = await robin.Http.PostAsync($"/CheckIns/Form/{Today}?handler=Submit", content);
            return response.StatusCode;
        }

        var results = await Task.WhenAll(Post("race1"), Post("race2"));
        Assert.Single(results, s => s == HttpStatusCode.Redirect);
        Assert.Equal(1, await CountCheckInsAsync(couple.A.Id));
    }

    [Fact]
    public async Task Reveal_YourImpactSharedOnPurpose_ShowsItsToneAndTheOldAssociationNote()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await SubmitAsync(robin, Complete("r6"));
        await SubmitAsync(sam, With(Complete("s6"), "Input.ShareYourImpact", "true"));
        var text = (await robin.GetPageAsync($"/CheckIns/Reveal/{Today}")).MainText();
        Assert.Contains("PRIVATE-YOURIMPACT-s6", text); // its visibility was switched to "share"
        Assert.Contains("it felt negative", text);
        Assert.Contains("old association of theirs", text);
    }
}
