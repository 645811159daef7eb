using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Tests.Infrastructure;
using PulseRules = Mutuality.Domain.Rituals.Pulse;

namespace Mutuality.Web.Tests.Pulse;

/// <summary>
/// Issue 13 item 6: pulse answers belong to the couple's month, not to each partner's own calendar month. Partners
/// hours apart answering near midnight on the 1st must not file one conversation under two months.
/// </summary>
public sealed class PulseMonthTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static (string Key, string Value)[] Answers(int value)
        => [.. PulseRules.Items.Select(i => ($"Answers[{i.Id}]", value.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    [Fact]
    public async Task PartnersInLondonAndNewYork_AnsweringAtLondonsMidnightOnThe1st_FileOneMonth_AndSeeEachOther()
    {
        // 23:30 UTC on 31 March: already 1 April in London (00:30 BST), still 31 March in New York (19:30 EDT).
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero));
        var couple = await app.CreateCoupleAsync();
        await app.WithDbAsync(async db =>
        {
            var sam = await db.Users.SingleAsync(u => u.Id == couple.B.Id);
            sam.TimeZoneId = "America/New_York";
            await db.SaveChangesAsync();
        });

        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Pulse", Answers(4))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync("/Pulse", Answers(3))).StatusCode);

        var months = await app.WithDbAsync(db => db.PulseAnswers.Where(a => a.CoupleId == couple.Id).Select(a => a.Month).Distinct().ToListAsync());
        Assert.Equal([new DateOnly(2026, 3, 1)], months);

        var robinsPage = await robin.GetPageAsync("/Pulse");
        Assert.Equal(PulseRules.Items.Count, robinsPage.QuerySelectorAll("td[data-partner]").Length);
        Assert.Contains("March 2026", robinsPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
