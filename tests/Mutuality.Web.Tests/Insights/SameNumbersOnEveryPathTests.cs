using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Domain.Insights;
using Mutuality.Domain.People;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Demo;
using Mutuality.Web.Features.Feed;
using Mutuality.Web.Features.Insights;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Insights;

/// <summary>
/// Issue 13 item 6, same numbers on every path: the SQL aggregates behind Insights (grouped per chart point in the
/// database) equal the domain's own functions (<see cref="Measures.ForWindow"/>) run over the same facts row by row,
/// for both partners, every chart point and every period, on whichever provider the suite runs (both in the full
/// command). The history is the demo couple's (moments, responses, pebbles, requests in every state) plus random
/// private moments of each partner, which must count only in their author's view.
/// </summary>
public sealed class SameNumbersOnEveryPathTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task InsightsSqlAggregates_EqualTheDomainMeasures_ForBothPartners_EveryChartPoint_EveryPeriod()
    {
        await DemoSeeder.SeedAsync(app.Services);
        var (couple, robin, sam) = await app.WithDbAsync(async db =>
        {
            var r = await db.Users.SingleAsync(u => u.Email == DemoSeeder.RobinEmail);
            var s = await db.Users.SingleAsync(u => u.Email == DemoSeeder.SamEmail);
            var c = await db.CoupleMembers.Where(m => m.UserId == r.Id && m.LeftAtUtc == null).Select(m => m.CoupleId).SingleAsync();
            return (c, r, s);
        });

        var random = new Random(1309);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 40; i++)
            {
                var at = now.AddMinutes(-random.Next(1, 120 * 24 * 60));
                db.SupportMoments.Add(new SupportMoment
                {
                    Id = Guid.CreateVersion7(),
                    CoupleId = couple,
                    AuthorId = random.Next(2) == 0 ? robin.Id : sam.Id,
                    Kind = random.Next(4) == 0 ? MomentKind.Pebble : MomentKind.Moment,
                    Direction = random.Next(2) == 0 ? MomentDirection.Gave : MomentDirection.Received,
                    Type = (SupportType)random.Next(1, 6),
                    Note = "A random moment.",
                    OccurredAtUtc = at,
                    CreatedAtUtc = at,
                    Visibility = random.Next(3) == 0 ? Visibility.Private : Visibility.Shared,
                });
            }

            await db.SaveChangesAsync();
        });

        var checkedPoints = 0;
        foreach (var (me, partner) in new[] { (robin, sam), (sam, robin) })
        {
            var caller = new Caller(me.Id, me.DisplayName, me.TimeZoneId, couple, partner.Id, partner.DisplayName, partner.TimeZoneId);
            var zone = TimeZones.FindOrUtc(me.TimeZoneId);
            var today = TimeZones.LocalDay(now, zone);
            foreach (var key in new[] { "4w", "3m", "1y", "all" })
            {
                await using var scope = app.Services.CreateAsyncScope();
                var insights = scope.ServiceProvider.GetRequiredService<InsightsQueries>();
                var feed = scope.ServiceProvider.GetRequiredService<FeedQueries>();
                var firstDay = await insights.FirstDayAsync(caller);
                var (period, errors) = InsightPeriods.Parse(key, null, null, today, firstDay);
                Assert.Empty(errors);
                var data = await insights.LoadAsync(caller, period);

                foreach (var point in data.Points)
                {
                    var moments = await feed.MomentFactsAsync(caller, point.StartUtc, point.EndUtc);
                    var requests = await feed.RequestFactsAsync(caller, point.StartUtc, point.EndUtc);
                    var domain = Measures.ForWindow(me.Id, partner.Id, moments, requests, point.StartUtc, point.EndUtc, now);
                    var sql = data.Support[point.Index];
                    var where = $"{me.DisplayName}, {key}, point {point.Label}";
                    Assert.True(domain.Balance == sql.Balance, $"{where}: balance {sql.Balance} in SQL, {domain.Balance} in the domain");
                    Assert.True(domain.TurningToward == sql.TurningToward, $"{where}: turning toward {sql.TurningToward} vs {domain.TurningToward}");
                    Assert.True(domain.RequestsMet == sql.RequestsMet, $"{where}: requests met {sql.RequestsMet} vs {domain.RequestsMet}");
                    Assert.True(domain.TypeMatching == sql.TypeMatching, $"{where}: type matching {sql.TypeMatching} vs {domain.TypeMatching}");
                    Assert.True(domain.Helped == sql.Helped, $"{where}: helped {sql.Helped} vs {domain.Helped}");
                    checkedPoints++;
                }

                var start = data.Points[0].StartUtc;
                var end = data.Points[^1].EndUtc;
                var whole = Measures.ForWindow(me.Id, partner.Id, await feed.MomentFactsAsync(caller, start, end), await feed.RequestFactsAsync(caller, start, end), start, end, now);
                Assert.Equal(whole.Balance, data.SupportTotal.Balance);
                Assert.Equal(whole.TurningToward, data.SupportTotal.TurningToward);
                Assert.Equal(whole.RequestsMet, data.SupportTotal.RequestsMet);
                Assert.Equal(whole.TypeMatching, data.SupportTotal.TypeMatching);
                Assert.Equal(whole.Helped, data.SupportTotal.Helped);
            }
        }

        // Something was compared: the demo's history spans many chart points with things in them.
        Assert.True(checkedPoints > 40, $"only {checkedPoints} chart points");
        Console.WriteLine($"Same numbers on every path: {checkedPoints} chart points × M1–M4 equal in SQL and in the domain, for both partners.");
    }
}
