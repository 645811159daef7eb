using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Questions;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Questions;

/// <summary>
/// The daily question over HTTP in couples across time zones: one question per couple's day (the zone of the partner who
/// joined first), no repeats, never deeper two days running, and asking for tomorrow. Each test has its own app: it moves the clock.
/// </summary>
public sealed class QuestionPickerHttpTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    /// <summary>A couple whose first partner lives in <paramref name="firstZone"/> and joined an hour before the other.</summary>
    private async Task<TestCouple> CoupleAsync(string firstZone, string secondZone)
    {
        var couple = await app.CreateCoupleAsync();
        await app.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == couple.A.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, firstZone));
            await db.Users.Where(u => u.Id == couple.B.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, secondZone));
            await db.CoupleMembers.Where(m => m.UserId == couple.B.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.JoinedAtUtc, m => m.JoinedAtUtc.AddHours(1)));
        });
        return couple;
    }

    private static async Task<string> QuestionTextAsync(TestClient client)
        => (await client.GetPageAsync("/Questions")).QuerySelector("#question-heading")!.TextContent.Trim();

    [Fact]
    public async Task PartnersInZonesADayApart_SeeTheSameQuestion_ForTheCouplesDay()
    {
        // 11:30 UTC on 2 March: already 3 March in Auckland (Robin, who made the space), still 2 March in Los Angeles (Sam).
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 11, 30, 0, TimeSpan.Zero));
        var couple = await CoupleAsync("Pacific/Auckland", "America/Los_Angeles");
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);

        var samSees = await QuestionTextAsync(sam);
        Assert.Equal(samSees, await QuestionTextAsync(robin));
        var days = await app.WithDbAsync(db => db.DailyQuestions.Where(q => q.CoupleId == couple.Id).Select(q => q.Day).ToListAsync());
        Assert.Equal([new DateOnly(2026, 3, 3)], days);

        // At 10:59 UTC next day it is still 3 March... no: 23:59 on 3 March in Auckland is 10:59 UTC on 3 March.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 10, 59, 0, TimeSpan.Zero));
        Assert.Equal(samSees, await QuestionTextAsync(sam));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 11, 1, 0, TimeSpan.Zero));
        Assert.NotEqual(samSees, await QuestionTextAsync(sam));
    }

    [Fact]
    public async Task OverSixtyDays_NoQuestionRepeats_AndNoDeeperOneComesTwoDaysRunning()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
        var couple = await CoupleAsync("America/New_York", "Asia/Tokyo");
        using var sam = await app.SignedInAsync(couple.B);
        var seen = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            seen.Add(await QuestionTextAsync(sam));
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        var depths = seen.Select(t => QuestionLibrary.All.Single(q => q.Text == t).Depth).ToList();
        for (var i = 1; i < depths.Count; i++)
        {
            Assert.False(depths[i - 1] == QuestionDepth.Deeper && depths[i] == QuestionDepth.Deeper, $"Days {i - 1} and {i} were both deeper.");
        }

        Assert.Contains(QuestionDepth.Deeper, depths);
    }

    [Fact]
    public async Task AskingForTomorrow_MakesItTomorrowsQuestionForBoth_AndASecondAskIsRefusedKindly()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.Zero));
        var couple = await CoupleAsync("Europe/London", "Australia/Sydney");
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var todayText = await QuestionTextAsync(robin);
        var today = QuestionLibrary.All.Single(q => q.Text == todayText);
        var chosen = QuestionLibrary.All.First(q => q.Depth == QuestionDepth.Light && q.Text != todayText);

        var ask = await robin.PostFormAsync("/Questions/Ask?handler=Ask", ("QuestionId", chosen.Id));
        Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        Assert.Contains("Robin has chosen tomorrow's question", (await sam.GetPageAsync("/Questions")).MainText(), StringComparison.Ordinal);

        var again = await sam.PostFormAsync("/Questions/Ask?handler=Ask", ("QuestionId", QuestionLibrary.All[^1].Id));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already been chosen", (await TestClient.ParseAsync(again)).MainText(), StringComparison.Ordinal);

        // Tomorrow in London (the couple's zone), both see the asked question, marked as Robin's choice.
        app.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(chosen.Text, await QuestionTextAsync(sam));
        Assert.Equal(chosen.Text, await QuestionTextAsync(robin));
        Assert.Contains("Robin chose this one for you both today", (await sam.GetPageAsync("/Questions")).MainText(), StringComparison.Ordinal);
        Assert.NotEqual(today, chosen);
    }

    [Theory]
    [InlineData("zz99")]
    [InlineData("")]
    [InlineData("<b>km01</b>")]
    public async Task AskingForSomethingNotInTheLibrary_GetsAClearMessage_AndChangesNothing(string id)
    {
        var couple = await CoupleAsync("Europe/London", "America/New_York");
        using var robin = await app.SignedInAsync(couple.A);
        var response = await robin.PostFormAsync("/Questions/Ask?handler=Ask", ("QuestionId", id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("isn't in the library", (await TestClient.ParseAsync(response)).MainText(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.DailyQuestions.CountAsync(q => q.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task AfterADeeperDay_AskingForADeeperQuestion_IsRefused_WithTheReason()
    {
        var couple = await CoupleAsync("Europe/London", "America/New_York");
        var deeper = QuestionLibrary.All.Where(q => q.Depth == QuestionDepth.Deeper).Take(2).ToList();
        var day = DailyQuestions.DayOf(app.Clock.GetUtcNow().UtcDateTime, "Europe/London");
        await app.WithDbAsync(async db =>
        {
            db.DailyQuestions.Add(new Web.Features.Questions.Data.DailyQuestionEntry { Id = Guid.CreateVersion7(), CoupleId = couple.Id, Day = day, QuestionId = deeper[0].Id, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        using var robin = await app.SignedInAsync(couple.A);
        var response = await robin.PostFormAsync("/Questions/Ask?handler=Ask", ("QuestionId", deeper[1].Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("never come two days running", (await TestClient.ParseAsync(response)).MainText(), StringComparison.Ordinal);
    }
}
