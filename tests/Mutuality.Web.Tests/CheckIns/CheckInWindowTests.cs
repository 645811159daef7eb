using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Features.CheckIns.Data;
using InsightsQueries = Mutuality.Web.Features.Insights.InsightsQueries;
using UnderstandingModel = Mutuality.Web.Features.Insights.UnderstandingModel;
using UnderstandingNumbers = Mutuality.Web.Features.Insights.UnderstandingNumbers;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.CheckIns;

/// <summary>
/// The check-ins list and Understanding read a window of the history (issue 21): a page of periods, older ones behind a
/// link; the figures shown are the ones a full read of the decrypted check-ins gives.
/// </summary>
public sealed class CheckInWindowTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ManyReveals_AreShownAPageAtATime_WithTheFiguresOfAFullRead()
    {
        var couple = await app.CreateCoupleAsync();
        var robin = couple.A;
        var sam = couple.B;
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var random = new Random(21);
        var contents = new List<(DateOnly Day, CheckInContent Robin, CheckInContent Sam)>();
        var robins = new List<GivingAndSupport>();
        // 62 days both sent (62 reveals, written outside the form so their numbers are copied on first view), then a day
        // only Robin sent (waiting).
        await app.WithDbAsync(async db =>
        {
            for (var back = 63; back >= 1; back--)
            {
                var day = today.AddDays(-back);
                var r = RandomContent(random);
                db.CheckIns.Add(Entry(couple.Id, robin.Id, day, r));
                robins.Add(new GivingAndSupport(day, r.Me.Ratings.AbleToGive, r.Me.Ratings.Supported));
                if (back > 1)
                {
                    var s = RandomContent(random);
                    db.CheckIns.Add(Entry(couple.Id, sam.Id, day, s));
                    contents.Add((day, r, s));
                }
            }

            await db.SaveChangesAsync();
        });

        using var client = await app.SignedInAsync(robin);
        var list = await client.GetPageAsync("/CheckIns");
        var items = list.QuerySelectorAll(".card .plain-list li");
        Assert.Equal(IndexModel.PageSize, items.Length);
        Assert.Contains("waiting", items[0].TextContent, StringComparison.Ordinal);
        Assert.All(items.Skip(1), i => Assert.Contains("revealed", i.TextContent, StringComparison.Ordinal));
        Assert.NotNull(list.QuerySelector("a[href='/CheckIns?p=2']"));
        var last = await client.GetPageAsync("/CheckIns?p=3");
        var lastItems = last.QuerySelectorAll(".card .plain-list li");
        Assert.Equal(63 - (2 * IndexModel.PageSize), lastItems.Length);
        var oldest = lastItems[^1];
        Assert.Contains($"/CheckIns/Reveal/{Periods.Containing(Cadence.Daily, contents[0].Day).Label}", oldest.InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(last.QuerySelector("a[href='/CheckIns?p=2']"));

        // Understanding: the latest 60 reveals, then the other 2; M5 per reveal and M6 as a full read computes them.
        var page = await client.GetPageAsync("/CheckIns/Understanding");
        string[] Rows(AngleSharp.Dom.IDocument d) => [.. d.QuerySelectorAll("table[aria-labelledby='m5-heading'] tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim())))];
        string Row((DateOnly Day, CheckInContent Robin, CheckInContent Sam) c)
            => string.Join("|", Periods.Containing(Cadence.Daily, c.Day).Label, Agreement.Percent(Agreement.Compute(c.Robin.Guess, c.Sam.Me).Overall), Agreement.Percent(Agreement.Compute(c.Sam.Guess, c.Robin.Me).Overall));
        Assert.Equal(contents.Skip(2).Select(Row), Rows(page));
        var older = await client.GetPageAsync("/CheckIns/Understanding?p=2");
        Assert.Equal(contents.Take(2).Select(Row), Rows(older));

        var mine = TruthAndBias.Estimate(contents.Count, [.. contents.SelectMany((c, i) => UnderstandingModel.Observations(c.Robin.Guess.Ratings, c.Sam.Me.Ratings, c.Robin.Me.Ratings, i))]);
        var theirs = TruthAndBias.Estimate(contents.Count, [.. contents.SelectMany((c, i) => UnderstandingModel.Observations(c.Sam.Guess.Ratings, c.Robin.Me.Ratings, c.Sam.Me.Ratings, i))]);
        foreach (var d in new[] { page, older })
        {
            var shown = d.QuerySelectorAll(".m6-method table").Select(t => t.QuerySelectorAll("tbody td").Select(c => c.ChildNodes[0].TextContent.Trim()).First()).ToList();
            Assert.Equal([TruthAndBiasCard.WithSign(mine.Result!.TruthForce.Value), TruthAndBiasCard.WithSign(theirs.Result!.TruthForce.Value)], shown);
        }

        // M7 by week for Robin: the latest weeks of their own check-ins, as from every one of them.
        string[] WeekRows(IEnumerable<WeeklyMeans> w) => [.. w.Select(x => string.Join("|", x.WeekLabel, x.AbleToGive?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—", x.FeltSupported?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—", x.CheckIns))];
        var shownWeeks = page.QuerySelectorAll(".table-wrap[aria-label='Weekly means table'] table")[0].QuerySelectorAll("tbody tr")
            .Select(r => string.Join("|", r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()))).ToArray();
        Assert.Equal(WeekRows(GivingAndSupportWeekly.Compute(robins).TakeLast(UnderstandingModel.Weeks)), shownWeeks);
    }

    /// <summary>
    /// Understanding's numbers (M6 over every reveal) are kept between visits while nothing of the couple's is written,
    /// and computed again after any write: new reveals, and a reveal taken away by deleting an old check-in.
    /// </summary>
    [Fact]
    public async Task UnderstandingNumbers_AreKeptWhileNothingIsWritten_AndEqualAFullReadAfterAWrite()
    {
        var couple = await app.CreateCoupleAsync();
        var robin = couple.A;
        var sam = couple.B;
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var random = new Random(2121);
        var contents = new List<(DateOnly Day, CheckInContent Robin, CheckInContent Sam, Guid SamId)>();
        Task AddAsync(int fromBack, int toBack) => app.WithDbAsync(async db =>
        {
            for (var back = fromBack; back >= toBack; back--)
            {
                var day = today.AddDays(-back);
                var (r, s) = (RandomContent(random), RandomContent(random));
                var samEntry = Entry(couple.Id, sam.Id, day, s);
                db.CheckIns.AddRange(Entry(couple.Id, robin.Id, day, r), samEntry);
                contents.Add((day, r, s, samEntry.Id));
            }

            await db.SaveChangesAsync();
        });
        var caller = new Caller(robin.Id, robin.Name, "UTC", couple.Id, sam.Id, sam.Name);
        async Task<UnderstandingNumbers> LoadAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<InsightsQueries>().UnderstandingAsync(caller, UnderstandingModel.Weeks);
        }

        void AssertFullRead(UnderstandingNumbers numbers)
        {
            Assert.Equal(contents.Select(c => c.Day), numbers.Reveals.Select(r => r.Period.Start));
            var mine = TruthAndBias.Estimate(contents.Count, [.. contents.SelectMany((c, i) => UnderstandingModel.Observations(c.Robin.Guess.Ratings, c.Sam.Me.Ratings, c.Robin.Me.Ratings, i))]);
            Assert.Equal(mine.Result!.TruthForce.Value, numbers.MyReading.Result!.TruthForce.Value, 9);
            Assert.Equal(mine.Result.Reveals, numbers.MyReading.Result.Reveals);
        }

        await AddAsync(75, 41);
        var first = await LoadAsync();
        AssertFullRead(first);
        Assert.Same(first, await LoadAsync());

        await AddAsync(40, 1);
        var afterNew = await LoadAsync();
        Assert.NotSame(first, afterNew);
        AssertFullRead(afterNew);
        Assert.Same(afterNew, await LoadAsync());

        // Sam's check-in of the oldest day goes (an old month): that reveal is gone from every figure.
        await app.WithDbAsync(async db =>
        {
            db.CheckIns.Remove(await db.CheckIns.SingleAsync(c => c.Id == contents[0].SamId));
            await db.SaveChangesAsync();
        });
        contents.RemoveAt(0);
        AssertFullRead(await LoadAsync());
    }

    private static CheckInContent RandomContent(Random random)
    {
        Ratings R() => new(random.Next(1, 8), random.Next(1, 8), random.Next(1, 8));
        string[] words = ["calm", "happy", "resentful", "anxious", "tired"];
        return CheckInContent.Empty with
        {
            Me = CheckInContent.Empty.Me with { Feelings = [new FeelingChoice(words[random.Next(words.Length)], random.Next(1, 4))], Ratings = R() },
            Guess = CheckInContent.Empty.Guess with { Feelings = [new FeelingChoice(words[random.Next(words.Length)], random.Next(1, 4))], Ratings = R() },
        };
    }

    private static CheckInEntry Entry(Guid couple, Guid author, DateOnly day, CheckInContent content) => new()
    {
        Id = Guid.CreateVersion7(),
        CoupleId = couple,
        AuthorId = author,
        Cadence = 1,
        PeriodStart = day,
        PeriodLabel = Periods.Containing(Cadence.Daily, day).Label,
        ContentJson = CheckInJson.Write(content),
        CreatedAtUtc = day.ToDateTime(new TimeOnly(20, 0), DateTimeKind.Utc),
        UpdatedAtUtc = day.ToDateTime(new TimeOnly(20, 0), DateTimeKind.Utc),
        SubmittedAtUtc = day.ToDateTime(new TimeOnly(20, 0), DateTimeKind.Utc),
    };
}
