using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Demo;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.CheckIns;

public sealed class CheckInDemoTests(AppFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task DemoCouple_HasSixteenPlusWeeksOfReveals_AndTheUnderstandingViewReadsTruthAndBias()
    {
        await DemoSeeder.SeedAsync(app.Services);
        using var robin = app.NewClient();
        await robin.SignInAsync(DemoSeeder.RobinEmail, "demo-couple-2026");

        var page = await robin.GetPageAsync("/CheckIns/Understanding");
        var rows = page.QuerySelectorAll("details table tbody tr");
        Assert.True(rows.Length >= 16, $"expected at least 16 reveals, found {rows.Length}");

        var readings = page.QuerySelectorAll(".m6-reading").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(2, readings.Count);
        readings.ForEach(output.WriteLine);
        output.WriteLine(string.Join(" | ", page.QuerySelectorAll(".m6-reading + .table-wrap td").Select(t => t.TextContent)));
        Assert.StartsWith("Your guesses", readings[0]);
        Assert.StartsWith("Sam's guesses", readings[1]);

        // The demo is built so that Sam projects his own state more than Robin does (b₂), and Robin tracks Sam more closely (b₁).
        double Estimate(int table, string measure)
        {
            // The numbers sit behind "How this is worked out"; the cell starts with the signed estimate ("+0.41", "−0.12").
            var row = page.QuerySelectorAll(".m6-method table").ElementAt(table).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(measure, StringComparison.Ordinal));
            var value = row.QuerySelector("td")!.ChildNodes[0].TextContent.Trim().Replace('−', '-');
            return double.Parse(value, CultureInfo.InvariantCulture);
        }

        Assert.True(Estimate(1, "assumed similarity") > Estimate(0, "assumed similarity"));
        Assert.True(Estimate(0, "truth force") > Estimate(1, "truth force"));

        // The current week: Robin has sent, Sam has not, so Robin waits and Sam is invited to check in.
        Assert.Contains("Waiting for your partner", (await robin.GetPageAsync("/")).MainText());
        using var sam = app.NewClient();
        await sam.SignInAsync(DemoSeeder.SamEmail, "demo-couple-2026");
        var samHome = (await sam.GetPageAsync("/")).MainText();
        Assert.Contains("Check in this week", samHome);
        Assert.Equal(2 * 20 + 1, await app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.SubmittedAtUtc != null)));
    }
}
