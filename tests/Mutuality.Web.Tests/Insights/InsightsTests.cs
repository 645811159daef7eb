using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Insights;
using Mutuality.Domain.Support;
using Mutuality.Web.Features.Demo;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Requests.Data;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Insights;

public sealed class InsightsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private Task AddMomentAsync(Guid couple, Guid author, MomentDirection direction, DateTime at, Visibility visibility = Visibility.Shared)
        => app.WithDbAsync(async db =>
        {
            db.SupportMoments.Add(new SupportMoment
            {
                Id = Guid.CreateVersion7(),
                CoupleId = couple,
                AuthorId = author,
                Kind = MomentKind.Moment,
                Direction = direction,
                Type = SupportType.Practical,
                Note = "Did the shopping.",
                OccurredAtUtc = at,
                CreatedAtUtc = at,
                Visibility = visibility,
            });
            await db.SaveChangesAsync();
        });

    private Task AddLateAnsweredRequestAsync(TestCouple couple, bool fromA, DateTime created)
        => app.WithDbAsync(async db =>
        {
            db.SupportRequests.Add(new SupportRequest
            {
                Id = Guid.CreateVersion7(),
                CoupleId = couple.Id,
                RequesterId = fromA ? couple.A.Id : couple.B.Id,
                PartnerId = fromA ? couple.B.Id : couple.A.Id,
                Feeling = "Tired.",
                Need = "A quiet evening.",
                AskedType = SupportType.Companionship,
                Urgency = Urgency.Now,
                WindowEndsUtc = created.AddHours(2),
                State = RequestState.Accepted,
                FirstAnsweredAtUtc = created.AddHours(5),
                CreatedAtUtc = created,
                UpdatedAtUtc = created,
            });
            await db.SaveChangesAsync();
        });

    private static string[] Row(AngleSharp.Html.Dom.IHtmlDocument page, string section, int row)
        => [.. page.QuerySelectorAll($"#{section} tbody tr")[row].Children.Select(c => c.TextContent.Trim())];

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var client = app.NewClient();
        foreach (var url in new[] { "/Insights", "/Insights/Report?period=all" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithoutACouple_RedirectsToOurSpace()
    {
        var solo = await app.CreatePersonAsync("Solo");
        using var client = await app.SignedInAsync(solo);
        foreach (var url in new[] { "/Insights", "/Insights/Report" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Couple", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task EmptyCouple_ShowsEverySection_WithKindNotEnoughDataYet()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        var page = await client.GetPageAsync("/Insights");
        foreach (var id in new[] { "m1", "m2", "m5", "m7", "m8", "m9" })
        {
            Assert.NotNull(page.QuerySelector($"#{id} .insight-reading"));
            Assert.NotNull(page.QuerySelector($"#{id} .measure-note"));
        }

        Assert.StartsWith("Not enough data yet", page.QuerySelector("#m1 .insight-reading")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Not enough data yet", page.QuerySelector("#m2 .insight-reading")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll("#m1 tbody tr").Length);
    }

    [Theory]
    [InlineData("/Insights?period=decade", "Period:")]
    [InlineData("/Insights?period=custom&from=2026-02-30&to=2026-03-01", "From:")]
    [InlineData("/Insights?period=custom&from=2026-02-01", "To:")]
    [InlineData("/Insights?period=custom&from=2026-03-01&to=2026-02-01", "To:")]
    [InlineData("/Insights?period=custom&from=%3Cscript%3E&to=x", "From:")]
    [InlineData("/Insights/Report?period=9999", "Period:")]
    public async Task BadPeriod_ShowsAFieldMessage_AndTheLastFourWeeks(string url, string message)
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        var page = await client.GetPageAsync(url);
        Assert.Contains(page.QuerySelectorAll(".form-errors li"), li => li.TextContent.Trim().StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(4, page.QuerySelectorAll("#m1 tbody tr").Length);
    }

    [Fact]
    public async Task Periods_ChooseTheirChartPoints()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        Assert.Equal(13, (await client.GetPageAsync("/Insights?period=3m")).QuerySelectorAll("#m1 tbody tr").Length);
        Assert.Equal(52, (await client.GetPageAsync("/Insights?period=1y")).QuerySelectorAll("#m1 tbody tr").Length);
        Assert.Equal(1, (await client.GetPageAsync("/Insights?period=all")).QuerySelectorAll("#m1 tbody tr").Length);
        var custom = await client.GetPageAsync("/Insights?period=custom&from=2026-02-10&to=2026-02-20");
        Assert.Empty(custom.QuerySelectorAll(".form-errors"));
        Assert.Equal(2, custom.QuerySelectorAll("#m1 tbody tr").Length);
        Assert.Equal("Week of 9 Feb 2026", custom.QuerySelector("#m1 tbody tr th")!.TextContent);
    }

    /// <summary>Issue 13 item 7: a week's share from two requests would read 0 % (or 100 %) on noise alone.</summary>
    [Fact]
    public async Task ChartPoint_FromFewerThanFourRequests_IsTooFew_NotAZeroOrAHundred()
    {
        var couple = await app.CreateCoupleAsync();
        var sparseWeek = Now.AddDays(-16);
        await AddLateAnsweredRequestAsync(couple, true, sparseWeek);
        await AddLateAnsweredRequestAsync(couple, true, sparseWeek.AddHours(1));
        var fullWeek = Now.AddDays(-9);
        for (var i = 0; i < 4; i++)
        {
            await AddLateAnsweredRequestAsync(couple, false, fullWeek.AddHours(i));
        }

        using var client = await app.SignedInAsync(couple.A);
        var page = await client.GetPageAsync("/Insights?period=4w");
        var cells = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith("Requests per", StringComparison.Ordinal))
            .QuerySelectorAll("tbody tr").Select(r => r.Children[1].TextContent.Trim()).ToList();
        Assert.Contains("too few (2)", cells);
        Assert.Contains("0%", cells);
        Assert.Equal("0%", cells[^1]); // the whole period: six requests, none answered in their window

        var chart = Mutuality.Web.Features.Shared.Charts.ChartData.Parse(page.QuerySelectorAll("canvas[data-chart]")
            .Single(c => c.GetAttribute("aria-label")!.Contains("requests answered in time", StringComparison.Ordinal)).GetAttribute("data-chart")!);
        Assert.Equal(1, chart.Series[0].Data.Count(v => v is not null));
    }

    [Fact]
    public async Task PrivateMoments_CountOnlyInTheirAuthorsView()
    {
        var couple = await app.CreateCoupleAsync();
        var yesterday = Now.AddDays(-1); // Sunday 1 March: in this week's row for London, and for New York
        await AddMomentAsync(couple.Id, couple.A.Id, MomentDirection.Gave, yesterday, Visibility.Shared);
        await AddMomentAsync(couple.Id, couple.A.Id, MomentDirection.Gave, yesterday.AddHours(1), Visibility.Private);
        await AddMomentAsync(couple.Id, couple.A.Id, MomentDirection.Received, yesterday.AddHours(2), Visibility.Private);
        await AddMomentAsync(couple.Id, couple.B.Id, MomentDirection.Gave, yesterday.AddHours(3), Visibility.Shared);

        using var robin = await app.SignedInAsync(couple.A);
        var mine = await robin.GetPageAsync("/Insights?period=custom&from=2026-02-23&to=2026-03-01");
        Assert.Equal(["Week of 23 Feb 2026", "2", "2", "100%", "3"], Row(mine, "m1", 0));

        using var sam = await app.SignedInAsync(couple.B);
        var theirs = await sam.GetPageAsync("/Insights?period=custom&from=2026-02-23&to=2026-03-01");
        Assert.Equal(["Week of 23 Feb 2026", "1", "1", "100%", "2"], Row(theirs, "m1", 0));
        Assert.Contains("you gave 1 and Robin gave 1", theirs.QuerySelector("#m1 .insight-reading")!.TextContent, StringComparison.Ordinal);

        var report = await sam.GetPageAsync("/Insights/Report?period=custom&from=2026-02-23&to=2026-03-01");
        Assert.Equal(["Week of 23 Feb 2026", "1", "1", "100%", "2"], Row(report, "m1", 0));
        Assert.Contains("Robin's private items are not included", report.QuerySelector(".report-privacy")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nudge_ReceivingMore_IsShownToTheReceiverOnly_AndDismissalPersists()
    {
        var couple = await app.CreateCoupleAsync();
        for (var i = 0; i < 6; i++)
        {
            await AddMomentAsync(couple.Id, couple.B.Id, MomentDirection.Gave, Now.AddDays(-1 - i));
        }

        using var robin = await app.SignedInAsync(couple.A);
        var page = await robin.GetPageAsync("/Insights");
        var nudge = page.QuerySelector($"[data-nudge='{Nudges.ReceivingMore}']");
        Assert.NotNull(nudge);
        Assert.Contains("Why am I seeing this?", nudge!.QuerySelector("details summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("you gave 0 of the 6", nudge.QuerySelector("details")!.TextContent, StringComparison.Ordinal);

        using var sam = await app.SignedInAsync(couple.B);
        Assert.Null((await sam.GetPageAsync("/Insights")).QuerySelector($"[data-nudge='{Nudges.ReceivingMore}']"));

        var key = nudge.QuerySelector("input[name=periodKey]")!.GetAttribute("value")!;
        var response = await robin.PostFormAsync("/Insights?handler=Dismiss&period=4w", ("kind", Nudges.ReceivingMore), ("periodKey", key));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Insights?period=4w", response.Headers.Location!.ToString());
        Assert.Null((await robin.GetPageAsync("/Insights")).QuerySelector($"[data-nudge='{Nudges.ReceivingMore}']"));
        Assert.Null((await robin.GetPageAsync("/Insights?period=1y")).QuerySelector($"[data-nudge='{Nudges.ReceivingMore}']"));
        Assert.Equal(1, await app.WithDbAsync(db => db.InsightDismissals.CountAsync(d => d.UserId == couple.A.Id)));
    }

    [Fact]
    public async Task Dismissal_IsPerPerson()
    {
        var couple = await app.CreateCoupleAsync();
        for (var i = 0; i < 3; i++)
        {
            await AddLateAnsweredRequestAsync(couple, fromA: true, Now.AddDays(-3 - i));
            await AddLateAnsweredRequestAsync(couple, fromA: false, Now.AddDays(-3 - i));
        }

        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var selector = $"[data-nudge='{Nudges.LateAnswers}']";
        var nudge = (await robin.GetPageAsync("/Insights")).QuerySelector(selector);
        Assert.NotNull(nudge);
        Assert.NotNull((await sam.GetPageAsync("/Insights")).QuerySelector(selector));

        var key = nudge!.QuerySelector("input[name=periodKey]")!.GetAttribute("value")!;
        var response = await robin.PostFormAsync("/Insights?handler=Dismiss", ("kind", Nudges.LateAnswers), ("periodKey", key));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await robin.GetPageAsync("/Insights")).QuerySelector(selector));
        Assert.NotNull((await sam.GetPageAsync("/Insights")).QuerySelector(selector));
    }

    [Fact]
    public async Task Dismiss_NeedsTheAntiforgeryToken_AndAKnownKind()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var noToken = await robin.PostFormWithoutTokenAsync("/Insights?handler=Dismiss", ("kind", Nudges.LateAnswers), ("periodKey", "2026-03"));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var unknown = await robin.PostFormAsync("/Insights?handler=Dismiss", ("kind", "everything"), ("periodKey", "2026-03"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.InsightDismissals.CountAsync(d => d.UserId == couple.A.Id)));
    }

    [Fact]
    public async Task DemoCouple_DashboardAndReport_RenderEveryChartWithReadingAndTable()
    {
        await DemoSeeder.SeedAsync(app.Services);
        using var robin = app.NewClient();
        await robin.SignInAsync(DemoSeeder.RobinEmail, "demo-couple-2026");
        foreach (var url in new[] { "/Insights?period=3m", "/Insights/Report?period=3m" })
        {
            var page = await robin.GetPageAsync(url);
            Assert.DoesNotContain("docs/", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal); // issue 13 item 8: no repository paths
            foreach (var id in new[] { "m1", "m2", "m5", "m7", "m8", "m9" })
            {
                var reading = page.QuerySelector($"#{id} .insight-reading")!.TextContent;
                Assert.False(reading.StartsWith("Not enough", StringComparison.Ordinal) || reading.StartsWith("No ", StringComparison.Ordinal), $"{id}: {reading}");
                Assert.NotNull(page.QuerySelector($"#{id} canvas[data-chart]"));
                Assert.NotEmpty(page.QuerySelectorAll($"#{id} table tbody tr"));
                Assert.Contains($"({id.ToUpperInvariant()}", page.QuerySelector($"#{id} .measure-note")!.TextContent, StringComparison.Ordinal);
            }

            Assert.Equal(2, page.QuerySelectorAll("#m5 .m6-reading").Length);
        }

        var dashboard = await robin.GetPageAsync("/Insights?period=3m");
        Assert.NotNull(dashboard.QuerySelector("a[href='/Insights/Report?period=3m']"));
        var all = await robin.GetPageAsync("/Insights?period=all");
        Assert.True(all.QuerySelectorAll("#m1 tbody tr").Length >= 16);
    }
}
