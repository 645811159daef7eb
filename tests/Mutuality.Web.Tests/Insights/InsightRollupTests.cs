using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Insights;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Features.Demo;
using Mutuality.Web.Features.Insights;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Requests.Data;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using Visibility = Mutuality.Domain.Support.Visibility;

namespace Mutuality.Web.Tests.Insights;

/// <summary>
/// Issue 21 item 1: the monthly rollup behind "all time" (docs/adr/0004, "Monthly rollup") gives exactly what a full
/// recomputation gives. A generated history of 14 months, then writes of every kind the write paths make, each kind
/// at least once (the kinds in a fixed order, the rows and dates they touch drawn from a seeded random) —
/// new, back-dated, edited, made private or shared, responded to and deleted moments; requests answered, done in
/// another month, with windows still open, bulk-updated; check-ins added unread (as an import does), deleted, and
/// their numbers reset in bulk; the clock moving on — and after each, every figure of "all time" equals a load with
/// no rollup, for both partners and for viewers in zones 14 hours either side of UTC (month edges), on whichever
/// provider the suite runs (both in the full command). Writes go straight through EF and bulk SQL: the rollup is kept
/// right by database triggers, so whichever path writes, the database sees the same.
/// </summary>
public sealed class InsightRollupTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Fact]
    public async Task RolledUpAllTime_EqualsAFullRecomputation_AfterRandomWrites_ForEveryViewerAndZone()
    {
        var email = $"rollup-{Guid.NewGuid():N}@example.org";
        BenchHistory.Generated generated;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var history = new BenchHistory(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<UserManager<AppUser>>(), app.Clock);
            generated = await history.GenerateAsync(email, "rollup-history-2026", 420, CancellationToken.None);
        }

        var couple = generated.CoupleId;
        var (robin, sam) = await app.WithDbAsync(async db => (
            await db.Users.SingleAsync(u => u.Email == email),
            await db.Users.SingleAsync(u => u.Email == generated.PartnerEmail)));

        // Each partner in their own zone, and Robin's view from the far edges of the clock (UTC+14 and UTC−11).
        Caller View(AppUser me, AppUser partner, string zone) => new(me.Id, me.DisplayName, zone, couple, partner.Id, partner.DisplayName, partner.TimeZoneId);
        Caller[] viewers =
        [
            View(robin, sam, robin.TimeZoneId), View(sam, robin, sam.TimeZoneId),
            View(robin, sam, "Pacific/Kiritimati"), View(sam, robin, "Pacific/Pago_Pago"),
        ];

        Assert.Equal(Enumerable.Range(0, Kinds), Writes.Distinct().Order());
        var random = new Random(2121);
        var rolledUp = 0;
        var compared = 0;
        for (var step = 0; step <= Writes.Length; step++)
        {
            if (step > 0)
            {
                await WriteAsync(Writes[step - 1], random, couple, robin.Id, sam.Id);
            }

            foreach (var viewer in viewers)
            {
                var (withRollup, points) = await LoadAsync(viewer, true);
                var (recomputed, _) = await LoadAsync(viewer, false);
                Assert.True(withRollup.Points.Count > 12, "all time is charted by month for this history");
                var a = Rounded(JsonSerializer.Serialize(withRollup, Json));
                var b = Rounded(JsonSerializer.Serialize(recomputed, Json));
                if (a != b)
                {
                    var at = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i]);
                    Assert.Fail($"step {step}, {viewer.DisplayName} in {viewer.TimeZoneId}: the rollup differs from a recomputation near …{a[Math.Max(0, at - 200)..Math.Min(a.Length, at + 100)]}… vs …{b[Math.Max(0, at - 200)..Math.Min(b.Length, at + 100)]}…");
                }

                rolledUp += points;
                compared++;
            }
        }

        // The rollup was used, not only recomputed: most completed months came from it after the first load.
        Assert.True(rolledUp > compared * 6, $"only {rolledUp} chart points came from the rollup in {compared} loads");
        TestReport.Write(output, $"Rollup = recomputation: {compared} loads of all time after {Writes.Length} writes of all {Kinds} kinds, {rolledUp} chart points from the rollup.");
    }

    private const int Kinds = 13;

    /// <summary>
    /// The kinds of write, in order (see <see cref="WriteAsync"/>): time passes first (so the months written to are
    /// rolled up), then every kind once, then time passes again and the kinds that move rows between months, delete or
    /// add unread rows run once more against the newly completed month. This replaced 40 draws of a random kind (the
    /// slowest web test by far, and it did not promise every kind): the same kinds, each at least once, in 20 writes.
    /// </summary>
    private static readonly int[] Writes = [12, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0, 1, 4, 8, 9, 11];

    /// <summary>
    /// Every fractional number to 12 significant digits: a database adds up floating-point agreement scores in whatever
    /// order its plan reads them (PostgreSQL differs in the last bit between two plans of the same query, rollup or not).
    /// </summary>
    private static string Rounded(string json) => System.Text.RegularExpressions.Regex.Replace(
        json, @"-?\d+\.\d+(E[-+]?\d+)?", m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture).ToString("G12", System.Globalization.CultureInfo.InvariantCulture));

    private async Task<(InsightsData Data, int RolledUp)> LoadAsync(Caller caller, bool rollup)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var insights = scope.ServiceProvider.GetRequiredService<InsightsQueries>();
        var today = insights.Today(caller);
        var (period, errors) = InsightPeriods.Parse("all", null, null, today, await insights.FirstDayAsync(caller));
        Assert.Empty(errors);
        var data = await insights.LoadAsync(caller, period, rollup);
        return (data, insights.LastRolledUpPoints);
    }

    private Task WriteAsync(int kind, Random random, Guid couple, Guid robin, Guid sam) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        DateTime Past() => now.AddMinutes(-random.Next(60, 400 * 24 * 60));
        Guid Anyone() => random.Next(2) == 0 ? robin : sam;
        async Task<SupportMoment> SomeMoment() => await db.SupportMoments.Where(m => m.CoupleId == couple).OrderBy(m => m.Id).Skip(random.Next(await db.SupportMoments.CountAsync(m => m.CoupleId == couple))).FirstAsync();
        async Task<SupportRequest> SomeRequest() => await db.SupportRequests.Where(r => r.CoupleId == couple).OrderBy(r => r.Id).Skip(random.Next(await db.SupportRequests.CountAsync(r => r.CoupleId == couple))).FirstAsync();
        async Task<CheckInEntry> SomeCheckIn() => await db.CheckIns.Where(c => c.CoupleId == couple).OrderBy(c => c.Id).Skip(random.Next(await db.CheckIns.CountAsync(c => c.CoupleId == couple))).FirstAsync();
        switch (kind)
        {
            case 0: // a new moment, back-dated anywhere in the history, private or shared
                var at = Past();
                db.SupportMoments.Add(new SupportMoment
                {
                    Id = Guid.CreateVersion7(),
                    CoupleId = couple,
                    AuthorId = Anyone(),
                    Kind = random.Next(5) == 0 ? MomentKind.Pebble : MomentKind.Moment,
                    Direction = random.Next(2) == 0 ? MomentDirection.Gave : MomentDirection.Received,
                    Type = (SupportType)random.Next(1, 6),
                    Note = "Back-dated.",
                    OccurredAtUtc = at,
                    CreatedAtUtc = now,
                    Visibility = random.Next(3) == 0 ? Visibility.Private : Visibility.Shared,
                });
                break;
            case 1: // a moment moved to another day (possibly another month)
                var moved = await SomeMoment();
                moved.OccurredAtUtc = Past();
                break;
            case 2: // made private, or shared again
                var hidden = await SomeMoment();
                hidden.Visibility = hidden.Visibility == Visibility.Private ? Visibility.Shared : Visibility.Private;
                break;
            case 3: // responded to
                var answered = await SomeMoment();
                answered.ResponseKind = MomentResponseKind.Helped;
                answered.ResponseRating = random.Next(1, 6);
                answered.RespondedAtUtc = now;
                break;
            case 4: // deleted
                db.SupportMoments.Remove(await SomeMoment());
                break;
            case 5: // a request done weeks later, in another month
                var done = await SomeRequest();
                done.State = RequestState.Done;
                done.FirstAnsweredAtUtc ??= done.CreatedAtUtc.AddHours(1);
                done.GivenType = (SupportType)random.Next(1, 6);
                done.Outcome = RequestOutcome.Met;
                done.DoneAtUtc = done.CreatedAtUtc.AddDays(random.Next(0, 60));
                break;
            case 6: // a request made long ago whose window is still open (an "at" date up to 90 days ahead)
                var asked = now.AddDays(-random.Next(20, 80));
                db.SupportRequests.Add(new SupportRequest
                {
                    Id = Guid.CreateVersion7(),
                    CoupleId = couple,
                    RequesterId = robin,
                    PartnerId = sam,
                    Feeling = "tired",
                    Need = "A hand.",
                    AskedType = SupportType.Practical,
                    Urgency = Urgency.At,
                    WindowEndsUtc = asked.AddDays(random.Next(1, 90)),
                    RequesterTimeZoneId = "Europe/London",
                    State = RequestState.Open,
                    CreatedAtUtc = asked,
                    UpdatedAtUtc = asked,
                });
                break;
            case 7: // bulk: every open request of one month closed (ExecuteUpdate, no change tracking)
                var month = Past();
                var from = new DateTime(month.Year, month.Month, 1, 0, 0, 0, DateTimeKind.Utc);
                await db.SupportRequests.Where(r => r.CoupleId == couple && r.CreatedAtUtc >= from && r.CreatedAtUtc < from.AddMonths(1) && r.State == RequestState.Open)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RequestState.Closed));
                break;
            case 8: // a check-in added unread for a day the partner also sent (as an import or another device writes it)
                var source = await SomeCheckIn();
                var day = source.PeriodStart.AddDays(-random.Next(0, 3));
                var author = source.AuthorId;
                if (!await db.CheckIns.AnyAsync(c => c.AuthorId == author && c.Cadence == source.Cadence && c.PeriodStart == day && c.CoupleId == couple))
                {
                    var sent = day.ToDateTime(new TimeOnly(20, 0), DateTimeKind.Utc);
                    db.CheckIns.Add(new CheckInEntry
                    {
                        Id = Guid.CreateVersion7(),
                        CoupleId = couple,
                        AuthorId = author,
                        Cadence = source.Cadence,
                        PeriodStart = day,
                        PeriodLabel = new CheckInPeriod(Cadence.Daily, day).Label,
                        ContentJson = source.ContentJson,
                        CreatedAtUtc = sent,
                        UpdatedAtUtc = sent,
                        SubmittedAtUtc = sent,
                    });
                }

                break;
            case 9: // a check-in deleted
                db.CheckIns.Remove(await SomeCheckIn());
                break;
            case 10: // bulk: one month's check-in numbers reset, to be read again (as a rule change's migration does)
                var reset = (await SomeCheckIn()).PeriodStart;
                var first = new DateOnly(reset.Year, reset.Month, 1);
                await db.CheckIns.Where(c => c.CoupleId == couple && c.PeriodStart >= first && c.PeriodStart < first.AddMonths(1))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.FactsState, (int?)null).SetProperty(c => c.GuessAgreement, (double?)null));
                break;
            case 11: // bulk: one partner's moments of a month deleted (as leaving a couple or deleting an account does)
                var gone = Past();
                var who = Anyone();
                await db.SupportMoments.Where(m => m.CoupleId == couple && m.AuthorId == who && m.OccurredAtUtc >= gone.AddDays(-10) && m.OccurredAtUtc < gone)
                    .ExecuteDeleteAsync();
                break;
            default: // time passes: open windows end, the current month completes
                app.Clock.Advance(TimeSpan.FromHours(random.Next(1, 24 * 20)));
                break;
        }

        await db.SaveChangesAsync();
    });
}
