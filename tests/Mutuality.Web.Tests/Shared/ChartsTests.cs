using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Demo;
using Mutuality.Web.Features.Intimacy.Data;
using Mutuality.Web.Features.Pulse.Data;
using Mutuality.Web.Features.Shared.Charts;
using Mutuality.Web.Tests.Infrastructure;
using IntimacyRules = Mutuality.Domain.Rituals.Intimacy;
using PulseRules = Mutuality.Domain.Rituals.Pulse;

namespace Mutuality.Web.Tests.Shared;

/// <summary>
/// Issue 19 (item 5): every chart is a canvas[data-chart] holding JSON of the one schema (<see cref="ChartData"/>),
/// drawn by the one renderer (wwwroot/js/charts.js), with its numbers in a table on the same page.
/// </summary>
public sealed partial class ChartsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] ChartPages = ["/Insights?period=3m", "/Insights/Report?period=3m", "/CheckIns/Understanding", "/Pulse", "/Intimacy"];

    [Fact]
    public async Task EveryChartPage_EmitsTheOneSchema_ForEachCanvas_WithItsTable_AndTheOneRenderer()
    {
        await DemoSeeder.SeedAsync(app.Services);
        await AddPulseAndIntimacyAsync();
        var robin = app.NewClient();
        await robin.SignInAsync(DemoSeeder.RobinEmail, "demo-couple-2026");

        var types = new HashSet<ChartType>();
        foreach (var url in ChartPages)
        {
            var page = await robin.GetPageAsync(url);
            var canvases = page.QuerySelectorAll("canvas");
            Assert.True(canvases.Length > 0, $"{url} draws no chart");
            foreach (var canvas in canvases)
            {
                var json = canvas.GetAttribute("data-chart");
                Assert.True(json is not null, $"{url}: a canvas without data-chart");
                var chart = ChartData.Parse(json);
                Assert.True(chart.Problems().Count == 0, $"{url}: {string.Join("; ", chart.Problems())}");
                Assert.Equal("img", canvas.GetAttribute("role"));
                Assert.Contains("the same numbers are in the table", canvas.GetAttribute("aria-label"), StringComparison.Ordinal);
                var section = canvas.Closest("section");
                Assert.True(section?.QuerySelector("table") is not null, $"{url}: a chart without its table in its section");
                types.Add(chart.Type);
            }

            Assert.NotNull(page.QuerySelector("script[src^='/js/charts.js']"));
            Assert.NotNull(page.QuerySelector("script[src^='/lib/chartjs/chart.umd.min.js']"));
        }

        Assert.Equal([ChartType.Line, ChartType.Bar, ChartType.Radar], types.Order());
    }

    [Fact]
    [Trait("Runs", "Once")]
    public void ChartData_IsReadBackStrictly_AndSaysWhatDoesNotFit()
    {
        var chart = new ChartData(ChartType.Line, ["Jan", "Feb"], [new("You", [1, null]), new("Sam", [2, 3], Dashed: true, Colour: 1)]) { Min = 0, Max = 5, Unit = "of 5" };
        var json = chart.ToJson();
        Assert.Contains("\"type\":\"line\"", json, StringComparison.Ordinal);
        var back = ChartData.Parse(json);
        Assert.Equal(chart.Labels, back.Labels);
        Assert.Equal(chart.Series[1].Data, back.Series[1].Data);
        Assert.Equal((chart.Min, chart.Max, chart.Unit, chart.SpanGaps), (back.Min, back.Max, back.Unit, back.SpanGaps));

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => ChartData.Parse("""{"type":"pie","labels":[],"series":[]}"""));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => ChartData.Parse("""{"labels":["a"],"series":[{"name":"x","values":[1]}]}"""));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => ChartData.Parse("""{"type":"bar","labels":["a"],"series":[],"colours":[]}"""));

        var uneven = new ChartData(ChartType.Bar, ["a", "b"], [new("You", [1])]) { Min = 3, Max = 3 };
        Assert.Equal(2, uneven.Problems().Count);
    }

    /// <summary>
    /// The guard: a canvas in any view is drawn from the schema (the chart tag helper, <c>chart="…"</c>), never from
    /// a hand-written data attribute; and no script but charts.js makes a Chart.
    /// </summary>
    [Fact]
    [Trait("Runs", "Once")]
    public void EveryCanvas_InTheViews_UsesTheChartSchema_AndOnlyChartsJsDraws()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Mutuality.Web");
        var wrong = new List<string>();
        foreach (var view in Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories))
        {
            foreach (Match canvas in CanvasTag().Matches(File.ReadAllText(view)))
            {
                if (!canvas.Value.Contains(" chart=\"", StringComparison.Ordinal) || DataChartAttribute().IsMatch(canvas.Value))
                {
                    wrong.Add($"{Path.GetRelativePath(web, view)}: {canvas.Value}");
                }
            }
        }

        foreach (var script in Directory.EnumerateFiles(Path.Combine(web, "wwwroot", "js"), "*.js"))
        {
            if (Path.GetFileName(script) != "charts.js" && NewChart().IsMatch(File.ReadAllText(script)))
            {
                wrong.Add($"{Path.GetRelativePath(web, script)} draws a chart itself");
            }
        }

        Assert.True(wrong.Count == 0, "Charts outside the one schema and renderer:\n" + string.Join('\n', wrong));
    }

    private async Task AddPulseAndIntimacyAsync()
    {
        await app.WithDbAsync(async db =>
        {
            var people = await db.Users.Where(u => u.Email == DemoSeeder.RobinEmail || u.Email == DemoSeeder.SamEmail).Select(u => u.Id).ToListAsync();
            var couple = await db.Set<Data.CoupleMember>().Where(m => m.UserId == people[0] && m.LeftAtUtc == null).Select(m => m.CoupleId).SingleAsync();
            if (await db.PulseAnswers.AnyAsync(a => a.CoupleId == couple))
            {
                return;
            }

            var now = app.Clock.GetUtcNow().UtcDateTime;
            var month = new DateOnly(now.Year, now.Month, 1);
            foreach (var person in people)
            {
                for (var back = 0; back < 3; back++)
                {
                    foreach (var item in PulseRules.Items)
                    {
                        db.PulseAnswers.Add(new PulseAnswer { Id = Guid.NewGuid(), CoupleId = couple, AuthorId = person, Month = month.AddMonths(-back), ItemId = item.Id, Value = 1 + back, CreatedAtUtc = now });
                    }
                }

                foreach (var kind in IntimacyRules.Kinds)
                {
                    db.IntimacyEntries.Add(new IntimacyEntry { Id = Guid.NewGuid(), CoupleId = couple, AuthorId = person, Month = month, Kind = kind.Id, Fulfilment = 4, Importance = 8, CreatedAtUtc = now });
                }
            }

            await db.SaveChangesAsync();
        });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mutuality.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Mutuality.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"<canvas\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex CanvasTag();

    [GeneratedRegex(@"\sdata-[\w-]*chart[\w-]*=", RegexOptions.IgnoreCase)]
    private static partial Regex DataChartAttribute();

    [GeneratedRegex(@"new\s+(window\.)?Chart\s*\(")]
    private static partial Regex NewChart();
}
