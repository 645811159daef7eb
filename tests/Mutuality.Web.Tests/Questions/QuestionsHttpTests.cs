using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Domain.Questions;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Questions;

/// <summary>Questions for two over HTTP (issue 17): the seal, passing, asking, validation, and the picker across zones.</summary>
public sealed partial class QuestionsHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\"|name=\"__RequestVerificationToken\" value=\"|name=\"request-verification-token\" content=\")[^\"]*\"")]
    private static partial Regex TokenPattern();

    /// <summary>Answers today's question through the form (a guess question gets a choice and a guess as well).</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(TestClient client, string text, string? note = null)
    {
        var page = await client.GetPageAsync("/Questions");
        var fields = new List<KeyValuePair<string, string>> { new("Input.Text", text) };
        if (page.QuerySelector("input[name='Input.Choice']") is not null)
        {
            fields.Add(new("Input.Choice", "0"));
            fields.Add(new("Input.Guess", "1"));
        }

        if (note is not null)
        {
            fields.Add(new("Input.Note", note));
        }

        return await client.PostFormAsync("/Questions?handler=Answer", fields);
    }

    private static string Day(AppFactory factory, string zone = "Europe/London")
        => DailyQuestions.DayOf(factory.Clock.GetUtcNow().UtcDateTime, zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Everything the viewer can reach about questions, with antiforgery tokens taken out.</summary>
    private static async Task<Dictionary<string, string>> SnapshotAsync(TestClient client, string day)
    {
        var result = new Dictionary<string, string>();
        foreach (var route in new[] { "/", "/Questions", $"/Questions/{day}", "/Questions/Ask", "/Questions/Ask?favourites=true", "/Feed", "/Insights", "/Insights/Report", "/Monthly/Prepare" })
        {
            var response = await client.GetAsync(route);
            var body = await response.Content.ReadAsStringAsync();
            result[route] = $"{(int)response.StatusCode} {response.Headers.Location} {TokenPattern().Replace(body, "$1\"")}";
        }

        foreach (var handler in new[] { "Reply", "Heart", "More", "Bring" })
        {
            var response = await client.PostFormAsync($"/Questions?handler={handler}", ("ReplyText", "hello"));
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

    [Fact]
    public async Task BeforeAnswering_EveryPageOfTheViewer_IsByteIdentical_WhetherThePartnerAnsweredOrNot()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var day = Day(app);
        var before = await SnapshotAsync(sam, day);

        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(robin, "ROBIN-SECRET-ANSWER", "ROBIN-PRIVATE-NOTE")).StatusCode);
        var after = await SnapshotAsync(sam, day);

        AssertSame(before, after);
        Assert.All(after.Values, body => Assert.DoesNotContain("ROBIN-SECRET", body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BeforeAnswering_EveryPageOfTheViewer_IsByteIdentical_WhetherThePartnerPassedOrNot()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var day = Day(app);
        var before = await SnapshotAsync(sam, day);

        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Questions?handler=Pass")).StatusCode);

        AssertSame(before, await SnapshotAsync(sam, day));
    }

    [Fact]
    public async Task AfterAnswering_TheViewersPages_AreTheSame_WhetherThePartnerHasNotAnsweredOrPassed()
    {
        // Waiting looks the same either way: a pass is learned only when the day's question closes for both.
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(sam, "Sam's answer")).StatusCode);
        var waiting = (await sam.GetPageAsync("/Questions")).MainText();
        Assert.Contains("once you've both answered", waiting, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Questions?handler=Pass")).StatusCode);
        var closed = (await sam.GetPageAsync("/Questions")).MainText();
        Assert.Contains("Robin passed on this one", closed, StringComparison.Ordinal);

        // Robin, who passed, never sees Sam's answer.
        var robinPage = (await robin.GetPageAsync("/Questions")).MainText();
        Assert.DoesNotContain("Sam's answer", robinPage, StringComparison.Ordinal);
        Assert.Contains("You passed on this one", robinPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePartnersAnswerThatOpensTheDay_ReachesTheFeedBadgeAndLiveSignal_OfTheOneWhoAnsweredFirst_AndNothingBefore()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var notifier = app.Services.GetRequiredService<Web.Features.Shared.FeedNotifier>();
        using var robinListens = notifier.Subscribe(couple.A.Id);
        using var samListens = notifier.Subscribe(couple.B.Id);
        static async Task<string> BadgeAsync(TestClient client) => (await client.GetPageAsync("/Help")).QuerySelector("#feed-unread")!.TextContent.Trim().Split(" ")[0];
        await robin.GetAsync("/Feed");
        await sam.GetAsync("/Feed");
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        // Robin answers first: nothing reaches Sam, not even a signal (the seal).
        await AnswerAsync(robin, "ROBIN-FIRST");
        Assert.False(samListens.TryTake(), "Sam's page was signalled that Robin answered: the seal leaked.");
        Assert.Equal("0", await BadgeAsync(sam));
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        // Sam's answer opens the day: Robin is told, and the feed shows it as new; Sam made it happen and is not.
        await AnswerAsync(sam, "SAM-SECOND");
        Assert.True(robinListens.TryTake(), "Robin's open pages were not told that the day's answers opened.");
        Assert.Equal("1", await BadgeAsync(robin));
        Assert.Equal("0", await BadgeAsync(sam));
        var feed = await robin.GetPageAsync("/Feed");
        Assert.Contains("SAM-SECOND", feed.MainText(), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("0", await BadgeAsync(robin));
    }

    [Fact]
    public async Task WhenBothAnswered_BothSeeBothAnswers_ButNeverTheOthersPrivateNote()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await AnswerAsync(robin, "ROBIN-WORDS", "ROBIN-NOTE");
        await AnswerAsync(sam, "SAM-WORDS", "SAM-NOTE");

        var robinSees = (await robin.GetPageAsync("/Questions")).MainText();
        var samSees = (await sam.GetPageAsync("/Questions")).MainText();
        Assert.Contains("SAM-WORDS", robinSees, StringComparison.Ordinal);
        Assert.Contains("ROBIN-WORDS", samSees, StringComparison.Ordinal);
        Assert.Contains("ROBIN-NOTE", robinSees, StringComparison.Ordinal);
        Assert.DoesNotContain("ROBIN-NOTE", samSees, StringComparison.Ordinal);
        Assert.DoesNotContain("SAM-NOTE", robinSees, StringComparison.Ordinal);

        // A reply, a heart and "tell me more" reach the partner; "tell me more" can become a request.
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync("/Questions?handler=Reply", ("ReplyText", "Thank you for that"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync("/Questions?handler=Heart")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync("/Questions?handler=More")).StatusCode);
        var robinNow = (await robin.GetPageAsync("/Questions")).MainText();
        Assert.Contains("Sam replied: Thank you for that", robinNow, StringComparison.Ordinal);
        Assert.Contains("Sam sent a heart", robinNow, StringComparison.Ordinal);
        Assert.Contains("Sam would love to hear more", robinNow, StringComparison.Ordinal);
        var samPage = await sam.GetPageAsync("/Questions");
        Assert.Contains(samPage.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("/Requests/New?need=", StringComparison.Ordinal));

        // A second heart is refused kindly, not a 500.
        var again = await sam.PostFormAsync("/Questions?handler=Heart");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already sent a heart", (await TestClient.ParseAsync(again)).MainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "write a few words, or pass")]
    [InlineData("   ", "write a few words, or pass")]
    public async Task AnEmptyAnswer_GetsAClearMessage_AndNothingIsStored(string text, string message)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);

        // A free-text question for today (a guess question accepts an empty comment).
        await SetTodayAsync(couple, QuestionLibrary.All.First(q => !q.IsGuess));
        var response = await robin.PostFormAsync("/Questions?handler=Answer", ("Input.Text", text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await TestClient.ParseAsync(response)).MainText(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.QuestionAnswers.CountAsync(a => a.AuthorId == couple.A.Id)));
    }

    [Fact]
    public async Task ATooLongAnswerOrNote_GetsAClearMessage_AndKeepsWhatWasTyped()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var longText = new string('x', QuestionReveal.MaxAnswerLength + 1);
        var response = await robin.PostFormAsync("/Questions?handler=Answer", ("Input.Text", longText), ("Input.Note", longText), ("Input.Choice", "0"), ("Input.Guess", "0"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("Your answer: use at most", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("Your private note: use at most", page.MainText(), StringComparison.Ordinal);
        Assert.Equal(longText, page.QuerySelector("#answer-text")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.QuestionAnswers.CountAsync(a => a.AuthorId == couple.A.Id)));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("99")]
    [InlineData("abc")]
    public async Task AChoiceOutOfRange_OnAGuessQuestion_IsRefusedKindly(string choice)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await SetTodayAsync(couple, QuestionLibrary.All.First(q => q.IsGuess));
        var response = await robin.PostFormAsync("/Questions?handler=Answer", ("Input.Choice", choice), ("Input.Guess", choice));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Please choose the answer that fits you", (await TestClient.ParseAsync(response)).MainText(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.QuestionAnswers.CountAsync(a => a.AuthorId == couple.A.Id)));
    }

    [Fact]
    public async Task AnsweringTwice_IsRefusedKindly_AndKeepsTheFirstAnswer()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await AnswerAsync(robin, "FIRST");
        var second = await robin.PostFormAsync("/Questions?handler=Answer", ("Input.Text", "SECOND"), ("Input.Choice", "0"), ("Input.Guess", "0"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("already answered or passed", (await TestClient.ParseAsync(second)).MainText(), StringComparison.Ordinal);
        Assert.Equal("FIRST", await app.WithDbAsync(db => db.QuestionAnswers.Where(a => a.AuthorId == couple.A.Id).Select(a => a.Text).SingleAsync()));
    }

    /// <summary>Makes <paramref name="question"/> the couple's question for today (the couple's zone is the first partner's, London).</summary>
    private Task SetTodayAsync(TestCouple couple, Question question)
    {
        var day = DailyQuestions.DayOf(app.Clock.GetUtcNow().UtcDateTime, "Europe/London");
        return app.WithDbAsync(async db =>
        {
            db.DailyQuestions.Add(new Web.Features.Questions.Data.DailyQuestionEntry { Id = Guid.CreateVersion7(), CoupleId = couple.Id, Day = day, QuestionId = question.Id, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task ARevealedQuestion_ReachesTheFeed_TheInsightsLine_AndWhenBrought_TheMonthlyPreparation()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var question = QuestionLibrary.All.First(q => !q.IsGuess && q.Category == QuestionCategory.Memories);
        await SetTodayAsync(couple, question);
        Assert.Contains("No questions shared together yet this month", (await sam.GetPageAsync("/Insights")).MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(question.Text, (await sam.GetPageAsync("/Monthly/Prepare")).MainText(), StringComparison.Ordinal);

        await AnswerAsync(robin, "FEED-ROBIN");
        await AnswerAsync(sam, "FEED-SAM");
        var feed = (await sam.GetPageAsync("/Feed")).MainText();
        Assert.Contains($"You both answered “{question.Text}”", feed, StringComparison.Ordinal);
        Assert.Contains("Robin: FEED-ROBIN", feed, StringComparison.Ordinal);
        Assert.Contains("This month you've shared one question together, most often about memories", (await sam.GetPageAsync("/Insights")).MainText(), StringComparison.Ordinal);
        Assert.Contains("FEED-ROBIN", (await sam.GetPageAsync("/Insights/Report")).MainText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Questions?handler=Bring")).StatusCode);
        Assert.Contains(question.Text, (await sam.GetPageAsync("/Monthly/Prepare")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImportedAnswer_GoesThroughTheFormsChecks_AndABadOneStopsTheImportWithAMessage()
    {
        var person = await app.CreatePersonAsync("Kim");
        var tooLong = new string('x', QuestionReveal.MaxAnswerLength + 1);
        Web.Features.Shared.PersonalData.ExportDocument Doc(string text) => new(1, null, null, null, [], [], [], [], [], [], [], [], [], [],
            [new(Guid.CreateVersion7(), "me", new DateOnly(2026, 2, 1), "km01", "", false, text, null, null, "a note", new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc))]);

        await using var scope = app.Services.CreateAsyncScope();
        var bad = await scope.ServiceProvider.GetRequiredService<Web.Features.Account.Privacy.DataImporter>().ImportAsync(person.Id, Doc(tooLong));
        Assert.False(bad.IsSuccess);
        Assert.Contains("Your answer: use at most", bad.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.QuestionAnswers.CountAsync(a => a.AuthorId == person.Id)));
    }

    [Fact]
    public async Task AnImportedFavourite_MustBeALibraryQuestion_AndABadOneStoresNothingAtAll()
    {
        var person = await app.CreatePersonAsync("Kim");
        var kept = new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc);
        Web.Features.Shared.PersonalData.ExportDocument Doc(params string[] questionIds) => new(1, null, null, null, [], [], [], [], [], [], [], [], [], [],
            [new(Guid.CreateVersion7(), "me", new DateOnly(2026, 2, 1), "km01", "", false, "An answer of mine", null, null, "", kept)])
        {
            QuestionFavourites = [.. questionIds.Select(id => new Web.Features.Shared.PersonalData.ExportQuestionFavourite(Guid.CreateVersion7(), id, "", kept))],
        };

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var bad = await scope.ServiceProvider.GetRequiredService<Web.Features.Account.Privacy.DataImporter>().ImportAsync(person.Id, Doc("km02", "no-such-question"));
            Assert.False(bad.IsSuccess);
            Assert.Contains("isn't in the library (no-such-question)", bad.Error!.Message, StringComparison.Ordinal);
            Assert.Equal(0, await app.WithDbAsync(db => db.QuestionAnswers.CountAsync(a => a.AuthorId == person.Id)));
            Assert.Equal(0, await app.WithDbAsync(db => db.QuestionFavourites.CountAsync(f => f.UserId == person.Id)));
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The same question kept in two earlier spaces is one favourite here.
            var good = await scope.ServiceProvider.GetRequiredService<Web.Features.Account.Privacy.DataImporter>().ImportAsync(person.Id, Doc("km02", "km02", "km03"));
            Assert.True(good.IsSuccess, good.Error?.Message);
            var stored = await app.WithDbAsync(db => db.QuestionFavourites.Where(f => f.UserId == person.Id).Select(f => f.QuestionId).OrderBy(q => q).ToListAsync());
            Assert.Equal(["km02", "km03"], stored);
        }
    }

    [Fact]
    public async Task APastDayThatDoesNotExist_OrIsNotADate_IsNotFound()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        Assert.Equal(HttpStatusCode.NotFound, (await robin.GetAsync("/Questions/2020-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await robin.GetAsync("/Questions/not-a-day")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await robin.GetAsync("/Questions/2999-01-01")).StatusCode);
    }

    [Fact]
    public async Task AnotherCouple_NeverSeesThisCouplesAnswers_ForTheSameDay()
    {
        var couple = await app.CreateCoupleAsync();
        var others = await app.CreateCoupleAsync("Alex", "Jo");
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        using var alex = await app.SignedInAsync(others.A);
        await AnswerAsync(robin, "ROBIN-OWN-WORDS");
        await AnswerAsync(sam, "SAM-OWN-WORDS");
        await AnswerAsync(alex, "ALEX-WORDS");
        var alexPage = (await alex.GetPageAsync("/Questions")).MainText() + (await alex.GetPageAsync($"/Questions/{Day(app)}")).MainText();
        Assert.DoesNotContain("ROBIN-OWN-WORDS", alexPage, StringComparison.Ordinal);
        Assert.DoesNotContain("SAM-OWN-WORDS", alexPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InviteesWithoutAPartnerYet_AreSentToMakeACouple_FromAsking()
    {
        var single = await app.CreatePersonAsync("Kim");
        using var kim = await app.SignedInAsync(single);
        var response = await kim.GetAsync("/Questions");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kim.GetAsync("/Questions/Ask")).StatusCode);
    }
}
