using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Insights;
using Mutuality.Domain.Support;

namespace Mutuality.Domain.Tests.Insights;

public sealed class InsightSeriesTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly DateTime Start = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>For random facts, the tallies (what the database groups by) give exactly the numbers of <see cref="Measures"/>.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void TalliesPerWeek_GiveTheSameNumbersAsTheMeasuresOnRows(int seed)
    {
        var random = new Random(seed);
        var now = Start.AddDays(30);
        var moments = Enumerable.Range(0, 120).Select(_ =>
        {
            var response = random.Next(4) switch { 0 => (MomentResponseKind?)null, 1 => MomentResponseKind.Helped, 2 => MomentResponseKind.NotQuite, _ => MomentResponseKind.HadNotNoticed };
            return new MomentFact(random.Next(2) == 0 ? A : B, random.Next(2) == 0 ? MomentDirection.Gave : MomentDirection.Received, random.Next(5) == 0 ? MomentKind.Pebble : MomentKind.Moment,
                Start.AddHours(random.Next(0, 24 * 28)), response, response == MomentResponseKind.Helped ? random.Next(1, 6) : null);
        }).ToList();
        var requests = Enumerable.Range(0, 40).Select(_ =>
        {
            var created = Start.AddHours(random.Next(0, 24 * 28));
            var window = created.AddHours(random.Next(2, 72));
            var answered = random.Next(3) == 0 ? (DateTime?)null : created.AddHours(random.Next(1, 96));
            var given = answered is not null && random.Next(2) == 0 ? (SupportType?)random.Next(1, 6) : null;
            var state = (RequestState)random.Next(1, 8);
            var requester = random.Next(2) == 0 ? A : B;
            return new RequestFact(requester, requester == A ? B : A, (SupportType)random.Next(1, 6), created, window, state, answered, given,
                given is null ? null : answered!.Value.AddHours(random.Next(1, 200)), state == RequestState.Closed ? (RequestOutcome)random.Next(1, 4) : null);
        }).ToList();

        var weeks = Enumerable.Range(0, 5).Select(i => (Start: Start.AddDays(7 * i), End: Start.AddDays(7 * (i + 1)))).ToList();
        int? WeekOf(DateTime t) => weeks.FindIndex(w => t >= w.Start && t < w.End) is var i and >= 0 ? i : null;

        var momentTallies = moments.Where(m => WeekOf(m.OccurredAtUtc) is not null).Select(m => InsightSeries.TallyOf(m, WeekOf(m.OccurredAtUtc)!.Value)).ToList();
        var requestTallies = requests.Where(r => WeekOf(r.CreatedAtUtc) is not null).Select(r => InsightSeries.TallyOf(r, WeekOf(r.CreatedAtUtc)!.Value, now)).ToList();
        var doneTallies = requests.Where(r => r.DoneAtUtc is { } d && WeekOf(d) is not null).Select(r => new DoneTally(WeekOf(r.DoneAtUtc!.Value)!.Value, r.PartnerId, 1)).ToList();
        var series = InsightSeries.PerPoint(weeks.Count, A, B, momentTallies, requestTallies, doneTallies);

        for (var i = 0; i < weeks.Count; i++)
        {
            var expected = Measures.ForWindow(A, B, moments, requests, weeks[i].Start, weeks[i].End, now);
            Assert.Equal(expected.Balance, series[i].Balance);
            Assert.Equal(expected.TurningToward, series[i].TurningToward);
            Assert.Equal(expected.RequestsMet, series[i].RequestsMet);
            Assert.Equal(expected.TypeMatching, series[i].TypeMatching);
            Assert.Equal(expected.Helped, series[i].Helped);
        }

        var whole = Measures.ForWindow(A, B, moments, requests, weeks[0].Start, weeks[^1].End, now);
        var total = InsightSeries.Of(A, B, momentTallies, requestTallies, doneTallies);
        Assert.Equal(whole.Balance, total.Balance);
        Assert.Equal(whole.TurningToward, total.TurningToward);
    }

    [Fact]
    public void Tallies_WithCounts_AddUp()
    {
        MomentTally[] moments = [new(0, A, MomentDirection.Gave, MomentKind.Moment, null, false, 3), new(0, A, MomentDirection.Received, MomentKind.Moment, MomentResponseKind.Helped, true, 2)];
        var balance = InsightSeries.BalanceOf(A, B, moments, [new DoneTally(0, B, 4)]);
        Assert.Equal(new Balance(3, 6, 3, 0, Measures.BalanceMinimum), balance);
    }

    /// <summary>M6 from sums gives the same estimates and standard errors as M6 from rows.</summary>
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void TruthAndBias_FromSums_MatchesRows(int seed)
    {
        var random = new Random(seed);
        var reveals = 14;
        var observations = new List<PerceptionObservation>();
        for (var i = 0; i < reveals; i++)
        {
            foreach (var rating in Enum.GetValues<RatingKind>())
            {
                var t = random.Next(1, 8);
                var s = random.Next(1, 8);
                observations.Add(new PerceptionObservation(rating, Math.Clamp(Math.Round((0.6 * t) + (0.3 * s) + random.Next(-1, 2)), 1, 7), t, s));
            }
        }

        var rows = TruthAndBias.Estimate(reveals, observations).Result!;
        var sums = TruthAndBias.EstimateFromSums(reveals, [.. Enum.GetValues<RatingKind>().Select(r => PerceptionSums.Of(r, observations))]).Result!;
        Assert.Equal(rows.Observations, sums.Observations);
        Assert.Equal(rows.TruthForce.Value, sums.TruthForce.Value, 9);
        Assert.Equal(rows.AssumedSimilarity.Value, sums.AssumedSimilarity.Value, 9);
        Assert.Equal(rows.DirectionalBias.Value, sums.DirectionalBias.Value, 9);
        // The standard errors differ on purpose: rows give cluster-robust ones by reveal, sums only the classical ones.
        Assert.Equal(rows.ResidualSd, sums.ResidualSd, 9);
    }

    [Fact]
    public void TruthAndBias_FromSums_BelowTheMinimum_SaysHowManyMore()
    {
        var outcome = TruthAndBias.EstimateFromSums(5, []);
        Assert.Null(outcome.Result);
        Assert.Equal(3, outcome.RevealsNeeded);
    }
}
