using System.Globalization;
using Mutuality.Domain.Insights;
using Mutuality.Domain.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Domain.Tests.Insights;

public sealed class AgreementTrendTests(ITestOutputHelper output)
{
    /// <summary>
    /// Per-reveal agreement (0–1) for both partners: level + change·(time in the later half), an SD of 0.14 per reveal of
    /// which half is shared by the two partners' guesses at that reveal, and an AR(1) carry-over of 0.3 between reveals.
    /// Returns chart points of <paramref name="perPoint"/> reveals each.
    /// </summary>
    private static (List<AgreementPoint> Mine, List<AgreementPoint?> Partners) Simulate(Random random, int points, int perPoint, double change)
    {
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var sd = 0.14;
        double carryMine = 0, carryTheirs = 0;
        var mine = new List<AgreementPoint>();
        var partners = new List<AgreementPoint?>();
        for (var i = -10; i < points * perPoint; i++)
        {
            var shared = Normal() * sd * Math.Sqrt(0.5);
            carryMine = (0.3 * carryMine) + ((shared + (Normal() * sd * Math.Sqrt(0.5))) * Math.Sqrt(1 - 0.09));
            carryTheirs = (0.3 * carryTheirs) + ((shared + (Normal() * sd * Math.Sqrt(0.5))) * Math.Sqrt(1 - 0.09));
            if (i < 0)
            {
                continue;
            }

            var point = i / perPoint;
            var level = 0.7 + (point >= points / 2 ? change : 0);
            var a = Math.Clamp(level + carryMine, 0, 1);
            var b = Math.Clamp(level + carryTheirs, 0, 1);
            if (i % perPoint == 0)
            {
                mine.Add(new AgreementPoint(0, 0, 0));
                partners.Add(new AgreementPoint(0, 0, 0));
            }

            var m = mine[point];
            mine[point] = new AgreementPoint(m.Reveals + 1, m.Sum + a, m.SumOfSquares + (a * a));
            var p = partners[point]!;
            partners[point] = new AgreementPoint(p.Reveals + 1, p.Sum + b, p.SumOfSquares + (b * b));
        }

        return (mine, partners);
    }

    [Theory]
    [InlineData("4 weeks, daily check-ins", 4, 7)]
    [InlineData("4 weeks, check-ins most days", 4, 4)]
    [InlineData("3 months, weekly check-ins", 13, 1)]
    [InlineData("1 year, weekly check-ins", 53, 1)]
    public void UnchangedCouples_AreToldOfATrendInAtMostFivePercentOfCases(string scenario, int points, int perPoint)
    {
        var random = new Random(4400 + (points * 10) + perPoint);
        const int couples = 2000;
        var told = 0;
        for (var i = 0; i < couples; i++)
        {
            var (mine, partners) = Simulate(random, points, perPoint, 0);
            told += AgreementTrend.Of(mine, partners) is AgreementTrendKind.Rising or AgreementTrendKind.Dipped ? 1 : 0;
        }

        var rate = (double)told / couples;
        TestReport.Write(output, $"M5 false trend ({scenario}, no real change, {couples} couples): told 'rising' or 'dipped' in {rate.ToString("0.0%", CultureInfo.InvariantCulture)} (limit 5 %)");
        Assert.True(rate <= 0.05, $"{rate:P1} of unchanged couples were told of a trend");
    }

    [Fact]
    public void ARealRiseOfFifteenPoints_IsReportedToMostCouplesOverAYearOfWeeklyCheckIns()
    {
        var random = new Random(4501);
        var told = 0;
        for (var i = 0; i < 500; i++)
        {
            var (mine, partners) = Simulate(random, 53, 1, 0.15);
            told += AgreementTrend.Of(mine, partners) == AgreementTrendKind.Rising ? 1 : 0;
        }

        TestReport.Write(output, $"M5 real rise of 15 points over a year of weekly check-ins: told 'rising' in {told / 5.0:0.0}% of 500 couples");
        Assert.True(told >= 300, $"only {told} of 500");
    }

    [Fact]
    public void FewRevealsPerHalf_SayNothingAboutATrend()
    {
        AgreementPoint[] mine = [new(2, 0.4, 0.08), new(2, 1.9, 1.805)];
        Assert.Equal(AgreementTrendKind.NotEnough, AgreementTrend.Of(mine, [null, null]));
    }
}
