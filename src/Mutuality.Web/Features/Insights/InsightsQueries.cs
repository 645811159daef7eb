using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Insights;
using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Features.Feed;
using Mutuality.Web.Infrastructure.Couples;
using IntimacyRules = Mutuality.Domain.Rituals.Intimacy;
using PulseRules = Mutuality.Domain.Rituals.Pulse;

namespace Mutuality.Web.Features.Insights;

/// <summary>Per chart point, for one person: mean "able to give" and "felt supported" (M7) and mean agreement of their guesses (M5).</summary>
public sealed record PersonPoint(int CheckIns, double? AbleToGive, double? FeltSupported, int Reveals, double? Agreement, double AgreementSquares = 0);

/// <summary>One month of the intimacy map: mean unmet gap (importance above fulfilment, 0–10) over the seven kinds.</summary>
public sealed record GapMonth(DateOnly Month, double? Mine, double? Partner);

/// <summary>One month of the pulse (M9): mean of the five answers (1–5).</summary>
public sealed record PulsePoint(DateOnly Month, double? Mine, double? Partner);

/// <summary>
/// One revealed period as the Understanding page needs it: the viewer's and the partner's guesses and own ratings, and
/// each one's M5 agreement (the viewer's guess against the partner's answer, and the reverse), copied out of the
/// check-ins once (<see cref="CheckIns.CheckInFacts.FillAsync"/>).
/// </summary>
public sealed record RevealNumbers(CheckInPeriod Period, Ratings MyGuess, Ratings MyOwn, Ratings TheirGuess, Ratings TheirOwn, double? MyAgreement, double? TheirAgreement)
{
    /// <summary>M6 observations for one reveal (number <paramref name="reveal"/> in time order): guess J of the target, the target's own T, and the perceiver's own S, per rating.</summary>
    public static IEnumerable<PerceptionObservation> Observations(Ratings guess, Ratings target, Ratings perceiver, int reveal)
    {
        (RatingKind Kind, int? J, int? T, int? S)[] items =
            [(RatingKind.Supported, guess.Supported, target.Supported, perceiver.Supported), (RatingKind.AbleToGive, guess.AbleToGive, target.AbleToGive, perceiver.AbleToGive), (RatingKind.Stress, guess.Stress, target.Stress, perceiver.Stress)];
        foreach (var (kind, j, t, s) in items)
        {
            if (j is { } jv && t is { } tv && s is { } sv)
            {
                yield return new PerceptionObservation(kind, jv, tv, sv, reveal);
            }
        }
    }
}

/// <summary>
/// Everything the Understanding page shows, for one viewer: every reveal (oldest first; the page shows a slice), M6 per
/// perceiver over all of them, and M7 by week for the viewer (their own check-ins) and the partner (revealed ones).
/// </summary>
public sealed record UnderstandingNumbers(IReadOnlyList<RevealNumbers> Reveals, TruthAndBiasOutcome MyReading, TruthAndBiasOutcome TheirReading, IReadOnlyList<WeeklyMeans> MyWeeks, IReadOnlyList<WeeklyMeans> TheirWeeks);

/// <summary>Everything the dashboard and the report show, for one viewer and one period.</summary>
public sealed record InsightsData(
    InsightPeriod Period,
    IReadOnlyList<InsightBucket> Points,
    IReadOnlyList<PointMeasures> Support,
    PointMeasures SupportTotal,
    IReadOnlyList<PersonPoint> Mine,
    IReadOnlyList<PersonPoint> Partners,
    TruthAndBiasOutcome MyReading,
    TruthAndBiasOutcome PartnersReading,
    IReadOnlyList<GapMonth> Gaps,
    IReadOnlyList<IntimacyGap> LatestGaps,
    DateOnly? LatestGapMonth,
    IReadOnlyList<PulsePoint> Pulse,
    IReadOnlyList<Nudge> Nudges);

/// <summary>
/// Reads the insights for one viewer. Every query is bounded by the period's dates on an index, and the measures are
/// added up in SQL per chart point (docs/adr/0004-insights-aggregation.md), so the work follows the period, not the
/// whole history. Privacy: the partner's private moments are filtered out in SQL; the partner's check-ins count only
/// once revealed; the partner's pulse and map only for months both answered.
/// </summary>
public sealed class InsightsQueries(AppDbContext db, FeedQueries feed, CheckInFacts checkInFacts, TimeProvider clock, IMemoryCache cache)
{
    /// <summary>How long an unused viewer's monthly rollup stays in memory.</summary>
    private static readonly TimeSpan RollupIdle = TimeSpan.FromMinutes(30);

    /// <summary>
    /// One completed local month's tallies for one viewer (bucket index 0), kept while the couple's change counters for
    /// that month (<see cref="Data.InsightVersion"/>) are unchanged. The M6 reveal rows are kept one per reveal, as the
    /// cluster-robust intervals and the raw mean gaps need them (issue 13): nothing is pre-summed.
    /// </summary>
    private sealed record MonthRollup(long Version, MomentTally[] Moments, RequestTally[] Requests, DoneTally[] Done, CheckInRow[] CheckIns, RevealRow[] Reveals);

    /// <summary>Whose rollup: the viewer's view (privacy), of this couple, with this partner, in this zone (month bounds).</summary>
    private sealed record RollupKey(Guid Couple, Guid Viewer, Guid Partner, string Zone);

    /// <summary>One month's revealed periods for one viewer, kept while the couple's change counter for that month is unchanged.</summary>
    private sealed record MonthReveals(long Version, RevealNumbers[] Rows);

    /// <summary>Whose revealed periods: the viewer's, with this partner (check-in periods are days: no zone).</summary>
    private sealed record RevealHistoryKey(Guid Couple, Guid Viewer, Guid Partner);

    /// <summary>Whose Understanding numbers: the viewer's, with this partner, for this many weeks of M7.</summary>
    private sealed record UnderstandingKey(Guid Couple, Guid Viewer, Guid Partner, int Weeks);

    /// <summary>The Understanding numbers as computed under these change counters (every month of the couple).</summary>
    private sealed record KeptUnderstanding(Dictionary<string, long> Versions, UnderstandingNumbers Numbers);

    /// <summary>For tests: how many chart points the last load took from the monthly rollup.</summary>
    internal int LastRolledUpPoints { get; private set; }

    private sealed class MomentRow
    {
        public int Bucket { get; set; }

        public Guid AuthorId { get; set; }

        public int Direction { get; set; }

        public int Kind { get; set; }

        public int? Response { get; set; }

        public int RatedFour { get; set; }

        public long N { get; set; }
    }

    private sealed class RequestRow
    {
        public int Bucket { get; set; }

        public int State { get; set; }

        public int Answered { get; set; }

        public int InWindow { get; set; }

        public int Ended { get; set; }

        public int? Outcome { get; set; }

        public int Fulfilled { get; set; }

        public int Matched { get; set; }

        public long N { get; set; }
    }

    private sealed class DoneRow
    {
        public int Bucket { get; set; }

        public Guid GiverId { get; set; }

        public long N { get; set; }
    }

    private sealed class CheckInRow
    {
        public int Bucket { get; set; }

        public Guid AuthorId { get; set; }

        public long N { get; set; }

        public long Able { get; set; }

        public long AbleN { get; set; }

        public long Supported { get; set; }

        public long SupportedN { get; set; }

        public double? Agreement { get; set; }

        public double? AgreementSquares { get; set; }

        public long AgreementN { get; set; }

        public CheckInRow At(int bucket) => new()
        {
            Bucket = bucket,
            AuthorId = AuthorId,
            N = N,
            Able = Able,
            AbleN = AbleN,
            Supported = Supported,
            SupportedN = SupportedN,
            Agreement = Agreement,
            AgreementSquares = AgreementSquares,
            AgreementN = AgreementN,
        };
    }

    /// <summary>One revealed period: both partners' guesses (g) and own ratings (m) for supported (s), able to give (a), stress (t).</summary>
    private sealed class RevealRow
    {
        public DateOnly PeriodStart { get; set; }

        public int? Mgs { get; set; }

        public int? Mms { get; set; }

        public int? Mga { get; set; }

        public int? Mma { get; set; }

        public int? Mgt { get; set; }

        public int? Mmt { get; set; }

        public int? Pgs { get; set; }

        public int? Pms { get; set; }

        public int? Pga { get; set; }

        public int? Pma { get; set; }

        public int? Pgt { get; set; }

        public int? Pmt { get; set; }
    }

    /// <summary>One revealed period with both partners' six ratings and M5 agreements (m = the viewer, p = the partner).</summary>
    private sealed class RevealNumbersRow
    {
        public int Cadence { get; set; }

        public DateOnly PeriodStart { get; set; }

        public int? Mgs { get; set; }

        public int? Mms { get; set; }

        public int? Mga { get; set; }

        public int? Mma { get; set; }

        public int? Mgt { get; set; }

        public int? Mmt { get; set; }

        public int? Pgs { get; set; }

        public int? Pms { get; set; }

        public int? Pga { get; set; }

        public int? Pma { get; set; }

        public int? Pgt { get; set; }

        public int? Pmt { get; set; }

        public double? Ma { get; set; }

        public double? Pa { get; set; }

        public RevealNumbers ToNumbers() => new(
            new CheckInPeriod((Cadence)Cadence, PeriodStart), new Ratings(Mgs, Mga, Mgt), new Ratings(Mms, Mma, Mmt), new Ratings(Pgs, Pga, Pgt), new Ratings(Pms, Pma, Pmt), Ma, Pa);
    }

    private sealed class SumsRow
    {
        public Guid PerceiverId { get; set; }

        public int Rating { get; set; }

        public long N { get; set; }

        public double J { get; set; }

        public double T { get; set; }

        public double S { get; set; }

        public double JJ { get; set; }

        public double TT { get; set; }

        public double SS { get; set; }

        public double JT { get; set; }

        public double JS { get; set; }

        public double TS { get; set; }
    }

    /// <summary>The viewer's local day now.</summary>
    public DateOnly Today(Caller caller) => TimeZones.LocalDay(clock.GetUtcNow().UtcDateTime, TimeZones.FindOrUtc(caller.TimeZoneId));

    /// <summary>The viewer's local day of the couple's first activity they may see (for "all time"), or null.</summary>
    public async Task<DateOnly?> FirstDayAsync(Caller caller, CancellationToken ct = default)
    {
        var couple = caller.CoupleId!.Value;
        var zone = TimeZones.FindOrUtc(caller.TimeZoneId);
        var moment = await db.SupportMoments.AsNoTracking()
            .Where(m => m.CoupleId == couple && (m.AuthorId == caller.UserId || m.Visibility == Domain.Support.Visibility.Shared))
            .MinAsync(m => (DateTime?)m.OccurredAtUtc, ct);
        var request = await db.SupportRequests.AsNoTracking().Where(r => r.CoupleId == couple).MinAsync(r => (DateTime?)r.CreatedAtUtc, ct);
        // Only the viewer's own sent check-ins: every revealed one of the partner's has one of the viewer's for the same
        // period, and an unrevealed one must not move the range (the seal: not even whether it exists reaches the viewer).
        var checkIn = await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == couple && c.AuthorId == caller.UserId && c.SubmittedAtUtc != null)
            .MinAsync(c => (DateOnly?)c.PeriodStart, ct);
        DateOnly?[] days = [moment is { } m ? TimeZones.LocalDay(m, zone) : null, request is { } r ? TimeZones.LocalDay(r, zone) : null, checkIn];
        return days.Where(d => d is not null).Min();
    }

    public Task<InsightsData> LoadAsync(Caller caller, InsightPeriod period, CancellationToken ct = default) => LoadAsync(caller, period, true, ct);

    /// <summary>
    /// Loads the insights; with <paramref name="rollup"/>, a period charted by month takes each completed month it has
    /// already added up from memory while that month's change counters are unchanged (docs/adr/0004, "Monthly rollup"),
    /// and asks the database only for the rest. Without it, everything is recomputed (the property test compares both).
    /// </summary>
    internal async Task<InsightsData> LoadAsync(Caller caller, InsightPeriod period, bool rollup, CancellationToken ct = default)
    {
        var couple = caller.CoupleId!.Value;
        var me = caller.UserId;
        var partner = caller.PartnerId ?? Guid.Empty;
        var zone = TimeZones.FindOrUtc(caller.TimeZoneId);
        var now = clock.GetUtcNow().UtcDateTime;
        var points = InsightPeriods.Buckets(period, zone);
        var fromDay = points[0].Start;
        var toDay = points[^1].EndExclusive;

        // The nudges look at the last 16 weeks of reveals whatever the period, so those are read too (still bounded).
        var sixteenWeeks = TimeZones.MondayOf(TimeZones.LocalDay(now, zone)).AddDays(-15 * 7);

        // Completed months already added up (monthly charts only): valid while their change counters are unchanged.
        var cached = new Dictionary<int, MonthRollup>();
        ConcurrentDictionary<DateOnly, MonthRollup>? store = null;
        Dictionary<string, long> versions = [];
        if (rollup && period.Size == BucketSize.Month)
        {
            store = cache.GetOrCreate(new RollupKey(couple, me, partner, zone.Id), e =>
            {
                e.SlidingExpiration = RollupIdle;
                return new ConcurrentDictionary<DateOnly, MonthRollup>();
            })!;
            versions = await VersionsAsync(couple, ct);
            foreach (var p in points)
            {
                if (p.EndUtc <= now && store.TryGetValue(p.Start, out var month) && month.Version == VersionOf(versions, p.Start))
                {
                    cached[p.Index] = month;
                }
            }
        }

        // Copy the numbers out of check-ins not read yet, for the months still to add up (and the nudges' 16 weeks). A
        // copy is a write, which moves its month's counter: the counters are read again and the loop fills what that
        // uncovered (a write by someone else in between), so no month is kept with numbers not yet copied.
        List<InsightBucket> missing = [];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            missing = [.. points.Where(p => !cached.ContainsKey(p.Index))];
            var fillFrom = missing.Count > 0 && missing[0].Start < sixteenWeeks ? missing[0].Start : sixteenWeeks;
            if (await checkInFacts.FillAsync(couple, fillFrom, toDay, ct) == 0 || store is null)
            {
                break;
            }

            versions = await VersionsAsync(couple, ct);
            foreach (var (index, month) in cached.ToList())
            {
                if (month.Version != VersionOf(versions, points[index].Start))
                {
                    cached.Remove(index);
                }
            }

            missing = [.. points.Where(p => !cached.ContainsKey(p.Index))];
        }

        LastRolledUpPoints = cached.Count;

        // M1–M4, added up per chart point in SQL.
        var moments = await QueryAsync<MomentRow>(missing, false, """
            SELECT w.i AS "Bucket", m."AuthorId" AS "AuthorId", m."Direction" AS "Direction", m."Kind" AS "Kind", m."ResponseKind" AS "Response",
                   CASE WHEN m."ResponseRating" >= 4 THEN 1 ELSE 0 END AS "RatedFour", COUNT(*) AS "N"
            FROM w JOIN "SupportMoments" m ON m."CoupleId" = {0} AND m."OccurredAtUtc" >= w.s AND m."OccurredAtUtc" < w.e
            WHERE m."Visibility" = 1 OR m."AuthorId" = {1}
            GROUP BY w.i, m."AuthorId", m."Direction", m."Kind", m."ResponseKind", CASE WHEN m."ResponseRating" >= 4 THEN 1 ELSE 0 END
            """, [couple, me], ct);
        var requests = await QueryAsync<RequestRow>(missing, false, """
            SELECT w.i AS "Bucket", r."State" AS "State",
                   CASE WHEN r."FirstAnsweredAtUtc" IS NULL THEN 0 ELSE 1 END AS "Answered",
                   CASE WHEN r."FirstAnsweredAtUtc" <= r."WindowEndsUtc" THEN 1 ELSE 0 END AS "InWindow",
                   CASE WHEN r."WindowEndsUtc" <= {1} THEN 1 ELSE 0 END AS "Ended",
                   r."Outcome" AS "Outcome",
                   CASE WHEN r."GivenType" IS NULL THEN 0 ELSE 1 END AS "Fulfilled",
                   CASE WHEN r."GivenType" = r."AskedType" THEN 1 ELSE 0 END AS "Matched",
                   COUNT(*) AS "N"
            FROM w JOIN "SupportRequests" r ON r."CoupleId" = {0} AND r."CreatedAtUtc" >= w.s AND r."CreatedAtUtc" < w.e
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
            """, [couple, now], ct);
        var done = await QueryAsync<DoneRow>(missing, false, """
            SELECT w.i AS "Bucket", r."PartnerId" AS "GiverId", COUNT(*) AS "N"
            FROM w JOIN "SupportRequests" r ON r."CoupleId" = {0} AND r."DoneAtUtc" >= w.s AND r."DoneAtUtc" < w.e
            GROUP BY 1, 2
            """, [couple], ct);

        var momentTallies = moments.Select(r => new MomentTally(r.Bucket, r.AuthorId, (MomentDirection)r.Direction, (MomentKind)r.Kind, (MomentResponseKind?)r.Response, r.RatedFour == 1, (int)r.N)).ToList();
        var requestTallies = requests.Select(r => new RequestTally(r.Bucket, (RequestState)r.State, r.Answered == 1, r.InWindow == 1, r.Ended == 1, (RequestOutcome?)r.Outcome, r.Fulfilled == 1, r.Matched == 1, (int)r.N)).ToList();
        var doneTallies = done.Select(r => new DoneTally(r.Bucket, r.GiverId, (int)r.N)).ToList();

        // M5 and M7 per chart point: the viewer's own check-ins, and the partner's only once revealed (FactsState 2).
        var checkIns = await QueryAsync<CheckInRow>(missing, true, """
            SELECT w.i AS "Bucket", c."AuthorId" AS "AuthorId", COUNT(*) AS "N",
                   COALESCE(SUM(c."MeAbleToGive"), 0) AS "Able", COUNT(c."MeAbleToGive") AS "AbleN",
                   COALESCE(SUM(c."MeSupported"), 0) AS "Supported", COUNT(c."MeSupported") AS "SupportedN",
                   SUM(c."GuessAgreement") AS "Agreement", SUM(c."GuessAgreement" * c."GuessAgreement") AS "AgreementSquares", COUNT(c."GuessAgreement") AS "AgreementN"
            FROM w JOIN "CheckIns" c ON c."CoupleId" = {0} AND c."PeriodStart" >= w.s AND c."PeriodStart" < w.e
            WHERE c."SubmittedAtUtc" IS NOT NULL AND (c."AuthorId" = {1} OR c."FactsState" = 2)
            GROUP BY w.i, c."AuthorId"
            """, [couple, me], ct);

        // M6 over the period, from the revealed periods' ratings (one short row per reveal): the cluster-robust
        // intervals need to know which ratings came from the same reveal, which sums cannot tell.
        var liveReveals = missing.Count == 0 ? [] : await RevealRowsAsync(couple, me, partner, missing[0].Start, toDay, ct);
        var revealRows = new List<RevealRow>();
        if (store is null)
        {
            revealRows = liveReveals;
        }
        else
        {
            // Per month, in time order: a kept month's reveal rows, or the live ones that fall in a month not kept.
            var byMonth = liveReveals.ToLookup(r => TimeZones.MonthOf(r.PeriodStart));
            foreach (var p in points)
            {
                revealRows.AddRange(cached.TryGetValue(p.Index, out var month) ? month.Reveals : byMonth[p.Start]);
            }

            // Keep what was just added up for a completed month whose answer windows have all ended (the only figure
            // that changes with time alone), under the counter read before the queries: a write since then leaves the
            // kept month looking out of date, so it is added up again next time, never the reverse.
            foreach (var p in missing)
            {
                var index = p.Index;
                if (p.EndUtc <= now && requestTallies.All(r => r.Bucket != index || r.WindowEnded))
                {
                    store[p.Start] = new MonthRollup(
                        VersionOf(versions, p.Start),
                        [.. momentTallies.Where(t => t.Bucket == index).Select(t => t with { Bucket = 0 })],
                        [.. requestTallies.Where(t => t.Bucket == index).Select(t => t with { Bucket = 0 })],
                        [.. doneTallies.Where(t => t.Bucket == index).Select(t => t with { Bucket = 0 })],
                        [.. checkIns.Where(r => r.Bucket == index).Select(r => r.At(0))],
                        [.. byMonth[p.Start]]);
                }
            }

            foreach (var (index, month) in cached)
            {
                momentTallies.AddRange(month.Moments.Select(t => t with { Bucket = index }));
                requestTallies.AddRange(month.Requests.Select(t => t with { Bucket = index }));
                doneTallies.AddRange(month.Done.Select(t => t with { Bucket = index }));
                checkIns.AddRange(month.CheckIns.Select(r => r.At(index)));
            }
        }

        var support = InsightSeries.PerPoint(points.Count, me, partner, momentTallies, requestTallies, doneTallies);
        var supportTotal = InsightSeries.Of(me, partner, momentTallies, requestTallies, doneTallies);

        IReadOnlyList<PersonPoint> Person(Guid who)
        {
            var rows = checkIns.Where(r => r.AuthorId == who).ToDictionary(r => r.Bucket);
            return [.. points.Select(p => rows.TryGetValue(p.Index, out var r)
                ? new PersonPoint((int)r.N, r.AbleN == 0 ? null : (double)r.Able / r.AbleN, r.SupportedN == 0 ? null : (double)r.Supported / r.SupportedN, (int)r.AgreementN, r.AgreementN == 0 ? null : r.Agreement / r.AgreementN, r.AgreementSquares ?? 0)
                : new PersonPoint(0, null, null, 0, null))];
        }

        TruthAndBiasOutcome Reading(bool mineAsPerceiver) => TruthAndBias.Estimate(revealRows.Count, [.. revealRows.SelectMany((r, i) => Observations(r, mineAsPerceiver, i))]);

        var (gaps, latestGaps, latestMonth) = await GapsAsync(caller, fromDay, toDay, ct);
        var pulse = await PulseAsync(caller, fromDay, toDay, ct);
        var nudges = await NudgesAsync(caller, zone, now, ct);

        return new InsightsData(period, points, support, supportTotal, Person(me), caller.PartnerId is null ? [] : Person(partner),
            Reading(true), Reading(false), gaps, latestGaps, latestMonth, pulse, nudges);
    }

    /// <summary>
    /// The Understanding page's numbers (<see cref="UnderstandingNumbers"/>). M6 is fitted over every reveal, so it is
    /// kept in memory with the couple's change counters (<see cref="Data.InsightVersion"/>) read before it was computed:
    /// while no counter has moved (no check-in written, copied or deleted, nothing else of the couple's either) a visit
    /// reads the counters, one short query, and nothing else (issue 21: the page then costs the same after five years as
    /// after one month). A write during the computation leaves the kept numbers under older counters, so they are
    /// computed again on the next visit, never the reverse.
    /// </summary>
    public async Task<UnderstandingNumbers> UnderstandingAsync(Caller caller, int weeks, CancellationToken ct = default)
    {
        var couple = caller.CoupleId!.Value;
        var key = new UnderstandingKey(couple, caller.UserId, caller.PartnerId ?? Guid.Empty, weeks);
        var versions = await VersionsAsync(couple, ct);
        if (cache.Get<KeptUnderstanding>(key) is { } kept && SameVersions(kept.Versions, versions))
        {
            return kept.Numbers;
        }

        // The counters kept are the ones read after any numbers were copied for this read (a copy is a write).
        (var reveals, versions) = await RevealHistoryAndVersionsAsync(caller, versions, ct);
        var mine = TruthAndBias.Estimate(reveals.Count, [.. reveals.SelectMany((r, i) => RevealNumbers.Observations(r.MyGuess, r.TheirOwn, r.MyOwn, i))]);
        var theirs = TruthAndBias.Estimate(reveals.Count, [.. reveals.SelectMany((r, i) => RevealNumbers.Observations(r.TheirGuess, r.MyOwn, r.TheirOwn, i))]);
        var myWeeks = GivingAndSupportWeekly.Compute(await RecentOwnRatingsAsync(caller, weeks, ct)).TakeLast(weeks).ToList();
        var theirWeeks = GivingAndSupportWeekly.Compute(reveals.Select(r => new GivingAndSupport(r.Period.Start, r.TheirOwn.AbleToGive, r.TheirOwn.Supported))).TakeLast(weeks).ToList();
        var numbers = new UnderstandingNumbers(reveals, mine, theirs, myWeeks, theirWeeks);
        cache.Set(key, new KeptUnderstanding(versions, numbers), new MemoryCacheEntryOptions { SlidingExpiration = RollupIdle });
        return numbers;
    }

    /// <summary>Whether two reads of the couple's change counters are the same (counters only grow; a month is never removed).</summary>
    private static bool SameVersions(Dictionary<string, long> a, Dictionary<string, long> b)
        => a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>
    /// Every period the viewer and their partner both sent a check-in for through the app (revealed), oldest first, with
    /// the numbers the Understanding page shows (M5 per reveal, M6 over all of them, the partner's weekly M7). Read from
    /// the numbers copied out of the check-ins, never decrypting one, and kept per month in memory while that month's
    /// change counter (<see cref="Data.InsightVersion"/>, moved by every write of a check-in) is unchanged, as the
    /// dashboard's monthly rollup does (docs/adr/0004): a visit reads the counters and the months written since.
    /// </summary>
    public async Task<IReadOnlyList<RevealNumbers>> RevealHistoryAsync(Caller caller, CancellationToken ct = default)
        => caller.CoupleId is { } couple ? (await RevealHistoryAndVersionsAsync(caller, await VersionsAsync(couple, ct), ct)).Reveals : [];

    /// <summary>
    /// <see cref="RevealHistoryAsync"/> from the counters just read, with the counters its months were read under (read
    /// again after numbers were copied).
    /// </summary>
    private async Task<(IReadOnlyList<RevealNumbers> Reveals, Dictionary<string, long> Versions)> RevealHistoryAndVersionsAsync(Caller caller, Dictionary<string, long> versions, CancellationToken ct)
    {
        if (caller.CoupleId is not { } couple || caller.PartnerId is not { } partner)
        {
            return ([], versions);
        }

        var me = caller.UserId;
        // A reveal needs one of the viewer's own check-ins sent through the app: theirs bound the months to look at.
        var range = await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == couple && c.AuthorId == me && c.SubmittedAtUtc != null && !c.Imported)
            .GroupBy(c => c.CoupleId)
            .Select(g => new { First = g.Min(c => c.PeriodStart), Last = g.Max(c => c.PeriodStart) })
            .FirstOrDefaultAsync(ct);
        if (range is null)
        {
            return ([], versions);
        }

        List<DateOnly> months = [];
        for (var m = new DateOnly(range.First.Year, range.First.Month, 1); m <= range.Last; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        var store = cache.GetOrCreate(new RevealHistoryKey(couple, me, partner), e =>
        {
            e.SlidingExpiration = RollupIdle;
            return new ConcurrentDictionary<DateOnly, MonthReveals>();
        })!;

        // The months whose counter moved since they were kept (or never kept). Numbers not yet copied are copied first;
        // a copy is a write that moves its month's counter, so the counters are read again after one.
        var kept = new Dictionary<DateOnly, MonthReveals>();
        List<DateOnly> missing = [];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            kept.Clear();
            foreach (var m in months)
            {
                if (store.TryGetValue(m, out var month) && month.Version == VersionOf(versions, m))
                {
                    kept[m] = month;
                }
            }

            missing = [.. months.Where(m => !kept.ContainsKey(m))];
            if (missing.Count == 0 || await checkInFacts.FillAsync(couple, missing[0], range.Last.AddDays(1), ct) == 0)
            {
                break;
            }

            versions = await VersionsAsync(couple, ct);
        }

        var live = missing.Count == 0 ? [] : await RevealNumbersAsync(couple, me, partner, missing[0], range.Last.AddDays(1), ct);
        var byMonth = live.ToLookup(r => new DateOnly(r.Period.Start.Year, r.Period.Start.Month, 1));
        var result = new List<RevealNumbers>();
        foreach (var m in months)
        {
            if (kept.TryGetValue(m, out var month))
            {
                result.AddRange(month.Rows);
                continue;
            }

            // Kept under the counter read before the query: a write since then leaves it looking out of date, so it is
            // read again next time, never the reverse.
            RevealNumbers[] rows = [.. byMonth[m]];
            store[m] = new MonthReveals(VersionOf(versions, m), rows);
            result.AddRange(rows);
        }

        return (result, versions);
    }

    /// <summary>
    /// The viewer's own latest sent check-ins (imported ones too) with their "able to give" and "felt supported", enough
    /// for the last <paramref name="weeks"/> local weeks that have any (M7 by week): the latest rows only, never the
    /// whole history. Numbers not yet copied out of those check-ins are copied first.
    /// </summary>
    public async Task<IReadOnlyList<GivingAndSupport>> RecentOwnRatingsAsync(Caller caller, int weeks, CancellationToken ct = default)
    {
        var couple = caller.CoupleId!.Value;
        // At most 8 check-ins fall in one week (seven daily and one weekly), so this many rows hold the last `weeks`
        // weeks whole once the oldest week read (perhaps cut) is left out.
        var take = (weeks + 1) * 8;
        for (var attempt = 0; ; attempt++)
        {
            var rows = await db.CheckIns.AsNoTracking()
                .Where(c => c.CoupleId == couple && c.AuthorId == caller.UserId && c.SubmittedAtUtc != null)
                .OrderByDescending(c => c.PeriodStart).Take(take)
                .Select(c => new { c.PeriodStart, c.FactsState, c.MeAbleToGive, c.MeSupported })
                .ToListAsync(ct);
            if (attempt == 0 && rows.Any(r => r.FactsState == null)
                && await checkInFacts.FillAsync(couple, rows[^1].PeriodStart, rows[0].PeriodStart.AddDays(1), ct) > 0)
            {
                continue;
            }

            var result = rows.Select(r => new GivingAndSupport(r.PeriodStart, r.MeAbleToGive, r.MeSupported)).Reverse().ToList();
            if (rows.Count == take)
            {
                var oldestWeek = Periods.Containing(Cadence.Weekly, rows[^1].PeriodStart).Start;
                result.RemoveAll(r => r.PeriodStart < oldestWeek.AddDays(7));
            }

            return result;
        }
    }

    /// <summary>The revealed periods (both sent, numbers copied) in the date range, in time order, viewer's and partner's side by side.</summary>
    private async Task<List<RevealNumbers>> RevealNumbersAsync(Guid couple, Guid me, Guid partner, DateOnly fromDay, DateOnly toDay, CancellationToken ct)
    {
        var sql = new StringBuilder("SELECT c.\"Cadence\" AS \"Cadence\", c.\"PeriodStart\" AS \"PeriodStart\"");
        foreach (var (who, param) in new[] { ("M", "{3}"), ("P", "{4}") })
        {
            foreach (var (key, col) in new[] { ("s", "Supported"), ("a", "AbleToGive"), ("t", "Stress") })
            {
                sql.Append(CultureInfo.InvariantCulture, $"""
                    , MAX(CASE WHEN c."AuthorId" = {param} THEN c."Guess{col}" END) AS "{who}g{key}", MAX(CASE WHEN c."AuthorId" = {param} THEN c."Me{col}" END) AS "{who}m{key}"
                    """);
            }

            sql.Append(CultureInfo.InvariantCulture, $"""
                , MAX(CASE WHEN c."AuthorId" = {param} THEN c."GuessAgreement" END) AS "{who}a"
                """);
        }

        sql.Append("""

            FROM "CheckIns" c
            WHERE c."CoupleId" = {0} AND c."PeriodStart" >= {1} AND c."PeriodStart" < {2} AND c."FactsState" = 2 AND c."AuthorId" IN ({3}, {4})
            GROUP BY c."Cadence", c."PeriodStart"
            HAVING COUNT(*) = 2
            ORDER BY c."PeriodStart", c."Cadence"
            """);
        var rows = await db.Database.SqlQuery<RevealNumbersRow>(FormattableStringFactory.Create(sql.ToString(), couple, fromDay, toDay, me, partner)).ToListAsync(ct);
        return [.. rows.Select(r => r.ToNumbers())];
    }

    /// <summary>Dismisses a nudge for this person only; dismissing twice is fine.</summary>
    public async Task DismissAsync(Caller caller, string kind, string periodKey, CancellationToken ct = default)
    {
        if (await db.InsightDismissals.AnyAsync(d => d.UserId == caller.UserId && d.Kind == kind && d.PeriodKey == periodKey, ct))
        {
            return;
        }

        db.InsightDismissals.Add(new Data.InsightDismissal { Id = Guid.CreateVersion7(), UserId = caller.UserId, Kind = kind, PeriodKey = periodKey, DismissedAtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Dismissed twice at once: the unique index kept one, which is all we need.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>M6 observations of one revealed period for one perceiver (the viewer, or the partner).</summary>
    private static IEnumerable<PerceptionObservation> Observations(RevealRow r, bool mineAsPerceiver, int reveal)
    {
        (RatingKind Kind, int? J, int? T, int? S)[] items = mineAsPerceiver
            ? [(RatingKind.Supported, r.Mgs, r.Pms, r.Mms), (RatingKind.AbleToGive, r.Mga, r.Pma, r.Mma), (RatingKind.Stress, r.Mgt, r.Pmt, r.Mmt)]
            : [(RatingKind.Supported, r.Pgs, r.Mms, r.Pms), (RatingKind.AbleToGive, r.Pga, r.Mma, r.Pma), (RatingKind.Stress, r.Pgt, r.Mmt, r.Pmt)];
        foreach (var (kind, j, t, s) in items)
        {
            if (j is { } jv && t is { } tv && s is { } sv)
            {
                yield return new PerceptionObservation(kind, jv, tv, sv, reveal);
            }
        }
    }

    /// <summary>The revealed periods (both sent) in the date range, in time order, with both partners' six ratings side by side.</summary>
    private async Task<List<RevealRow>> RevealRowsAsync(Guid couple, Guid me, Guid partner, DateOnly fromDay, DateOnly toDay, CancellationToken ct)
    {
        var sql = new StringBuilder("SELECT MIN(c.\"PeriodStart\") AS \"PeriodStart\"");
        foreach (var (who, param) in new[] { ("M", "{3}"), ("P", "{4}") })
        {
            foreach (var (key, col) in new[] { ("s", "Supported"), ("a", "AbleToGive"), ("t", "Stress") })
            {
                sql.Append(CultureInfo.InvariantCulture, $"""
                    , MAX(CASE WHEN c."AuthorId" = {param} THEN c."Guess{col}" END) AS "{who}g{key}", MAX(CASE WHEN c."AuthorId" = {param} THEN c."Me{col}" END) AS "{who}m{key}"
                    """);
            }
        }

        sql.Append("""

            FROM "CheckIns" c
            WHERE c."CoupleId" = {0} AND c."PeriodStart" >= {1} AND c."PeriodStart" < {2} AND c."FactsState" = 2
            GROUP BY c."Cadence", c."PeriodStart"
            HAVING COUNT(*) = 2
            ORDER BY MIN(c."PeriodStart"), c."Cadence"
            """);
        return await db.Database.SqlQuery<RevealRow>(FormattableStringFactory.Create(sql.ToString(), couple, fromDay, toDay, me, partner)).ToListAsync(ct);
    }

    private static PerceptionSums ToSums(SumsRow s) => new((RatingKind)s.Rating, s.N, s.J, s.T, s.S, s.JJ, s.TT, s.SS, s.JT, s.JS, s.TS);

    /// <summary>The couple's change counters per UTC month (<see cref="Data.InsightVersion"/>): a few dozen short rows.</summary>
    private async Task<Dictionary<string, long>> VersionsAsync(Guid couple, CancellationToken ct)
        => await db.InsightVersions.AsNoTracking().Where(v => v.CoupleId == couple).ToDictionaryAsync(v => v.Month, v => v.Version, ct);

    /// <summary>A local month's counter: the UTC month of the same name (writes mark every month a local month could hold them in).</summary>
    private static long VersionOf(Dictionary<string, long> versions, DateOnly month)
        => versions.GetValueOrDefault(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));

    /// <summary>M6 sums per perceiver and rating, over revealed check-ins (both sent) in the date range.</summary>
    private async Task<List<SumsRow>> SumsAsync(Guid couple, Guid me, Guid partner, DateOnly fromDay, DateOnly toDay, CancellationToken ct)
    {
        // One read of the covering index: each revealed period (both sent) becomes one row holding both partners'
        // ratings side by side; each perceiver's and rating's sums are then taken from those rows. (A self-join of
        // CheckIns let SQLite's planner pick a range scan for the inner side: quadratic in the history.)
        (string Key, string Col)[] ratings = [("s", "Supported"), ("a", "AbleToGive"), ("t", "Stress")];
        var sql = new StringBuilder("WITH t AS (SELECT ");
        foreach (var (who, param) in new[] { ("m", "{3}"), ("p", "{4}") })
        {
            foreach (var (key, col) in ratings)
            {
                sql.Append(CultureInfo.InvariantCulture, $"""MAX(CASE WHEN c."AuthorId" = {param} THEN c."Guess{col}" END) AS {who}g{key}, """);
                sql.Append(CultureInfo.InvariantCulture, $"""MAX(CASE WHEN c."AuthorId" = {param} THEN c."Me{col}" END) AS {who}m{key}, """);
            }
        }

        sql.Append("""
            COUNT(*) AS n
            FROM "CheckIns" c
            WHERE c."CoupleId" = {0} AND c."PeriodStart" >= {1} AND c."PeriodStart" < {2} AND c."FactsState" = 2
            GROUP BY c."Cadence", c."PeriodStart"
            HAVING COUNT(*) = 2)
            """);
        var first = true;
        foreach (var (who, other, param) in new[] { ("m", "p", "{3}"), ("p", "m", "{4}") })
        {
            for (var r = 0; r < ratings.Length; r++)
            {
                var key = ratings[r].Key;
                string J = $"{who}g{key}", T = $"{other}m{key}", S = $"{who}m{key}";
                sql.Append(first ? " " : " UNION ALL ");
                first = false;
                sql.Append(CultureInfo.InvariantCulture, $$"""
                    SELECT {{param}} AS "PerceiverId", {{r}} AS "Rating", COUNT(*) AS "N",
                      SUM(1.0 * {{J}}) AS "J", SUM(1.0 * {{T}}) AS "T", SUM(1.0 * {{S}}) AS "S",
                      SUM(1.0 * {{J}} * {{J}}) AS "JJ", SUM(1.0 * {{T}} * {{T}}) AS "TT", SUM(1.0 * {{S}} * {{S}}) AS "SS",
                      SUM(1.0 * {{J}} * {{T}}) AS "JT", SUM(1.0 * {{J}} * {{S}}) AS "JS", SUM(1.0 * {{T}} * {{S}}) AS "TS"
                    FROM t
                    WHERE {{J}} IS NOT NULL AND {{T}} IS NOT NULL AND {{S}} IS NOT NULL
                    HAVING COUNT(*) > 0
                    """);
            }
        }

        return await db.Database.SqlQuery<SumsRow>(FormattableStringFactory.Create(sql.ToString(), couple, fromDay, toDay, me, partner)).ToListAsync(ct);
    }

    /// <summary>Runs an aggregate over the chart points: <c>w(i, s, e)</c> holds each point's bounds (UTC instants, or local days).</summary>
    private async Task<List<T>> QueryAsync<T>(List<InsightBucket> points, bool days, string body, object[] args, CancellationToken ct)
    {
        if (points.Count == 0)
        {
            return [];
        }

        var values = new List<object>(args);
        var cte = new StringBuilder("WITH w(i, s, e) AS (VALUES ");
        foreach (var p in points)
        {
            if (values.Count > args.Length)
            {
                cte.Append(", ");
            }

            cte.Append(CultureInfo.InvariantCulture, $"({p.Index}, {{{values.Count}}}, {{{values.Count + 1}}})");
            values.Add(days ? p.Start : p.StartUtc);
            values.Add(days ? p.EndExclusive : p.EndUtc);
        }

        cte.Append(") ").Append(body);
        return await db.Database.SqlQuery<T>(FormattableStringFactory.Create(cte.ToString(), [.. values])).ToListAsync(ct);
    }

    private async Task<(IReadOnlyList<GapMonth> Months, IReadOnlyList<IntimacyGap> Latest, DateOnly? LatestMonth)> GapsAsync(Caller caller, DateOnly fromDay, DateOnly toDay, CancellationToken ct)
    {
        var couple = caller.CoupleId!.Value;
        var firstMonth = TimeZones.MonthOf(fromDay);
        var rows = await db.IntimacyEntries.AsNoTracking()
            .Where(e => e.CoupleId == couple && e.Month >= firstMonth && e.Month < toDay && (e.AuthorId == caller.UserId || e.AuthorId == caller.PartnerId))
            .GroupBy(e => new { e.Month, e.AuthorId })
            .Select(g => new { g.Key.Month, g.Key.AuthorId, Unmet = g.Sum(e => e.Importance > e.Fulfilment ? e.Importance - e.Fulfilment : 0), N = g.Count() })
            .ToListAsync(ct);
        var myMonths = rows.Where(r => r.AuthorId == caller.UserId).Select(r => r.Month).ToHashSet();
        var months = myMonths.Order().Select(m => new GapMonth(
            m,
            rows.Where(r => r.AuthorId == caller.UserId && r.Month == m).Select(r => (double)r.Unmet / r.N).FirstOrDefault(),
            rows.Where(r => r.AuthorId != caller.UserId && r.Month == m).Select(r => (double?)r.Unmet / r.N).FirstOrDefault())).ToList();
        if (months.Count == 0)
        {
            return (months, [], null);
        }

        // The largest gaps of the latest month the viewer rated (the partner's too when both rated it).
        var latest = months[^1].Month;
        var entries = await db.IntimacyEntries.AsNoTracking()
            .Where(e => e.CoupleId == couple && e.Month == latest && (e.AuthorId == caller.UserId || e.AuthorId == caller.PartnerId))
            .Select(e => new { e.AuthorId, Rating = new IntimacyRating(e.Kind, e.Fulfilment, e.Importance) })
            .ToListAsync(ct);
        var partners = entries.Where(e => e.AuthorId != caller.UserId).Select(e => e.Rating).ToList();
        var gaps = IntimacyRules.LargestGaps([.. entries.Where(e => e.AuthorId == caller.UserId).Select(e => e.Rating)], partners.Count == 0 ? null : partners);
        return (months, gaps, latest);
    }

    private async Task<IReadOnlyList<PulsePoint>> PulseAsync(Caller caller, DateOnly fromDay, DateOnly toDay, CancellationToken ct)
    {
        var couple = caller.CoupleId!.Value;
        var firstMonth = TimeZones.MonthOf(fromDay);
        var rows = await db.PulseAnswers.AsNoTracking()
            .Where(a => a.CoupleId == couple && a.Month >= firstMonth && a.Month < toDay && (a.AuthorId == caller.UserId || a.AuthorId == caller.PartnerId))
            .GroupBy(a => new { a.Month, a.AuthorId })
            .Select(g => new { g.Key.Month, g.Key.AuthorId, Sum = g.Sum(a => a.Value), N = g.Count() })
            .ToListAsync(ct);

        // Like the pulse page: the partner's month appears only when both answered it.
        return [.. rows.Where(r => r.AuthorId == caller.UserId).OrderBy(r => r.Month).Select(r => new PulsePoint(
            r.Month,
            Math.Round((double)r.Sum / r.N, 2),
            rows.Where(p => p.AuthorId != caller.UserId && p.Month == r.Month).Select(p => (double?)Math.Round((double)p.Sum / p.N, 2)).FirstOrDefault()))];
    }

    private async Task<IReadOnlyList<Nudge>> NudgesAsync(Caller caller, TimeZoneInfo zone, DateTime now, CancellationToken ct)
    {
        if (caller.PartnerId is not { } partner)
        {
            return [];
        }

        var couple = caller.CoupleId!.Value;
        var week = Weeks.Of(now, zone);
        // "Receiving a lot" looks at the last two complete local weeks (the current week has not finished yet).
        var fortnightStart = TimeZones.ToUtc(week.Monday.AddDays(-14), TimeOnly.MinValue, zone);
        var fortnightEnd = TimeZones.ToUtc(week.Monday, TimeOnly.MinValue, zone);
        var moments = await feed.MomentFactsAsync(caller, fortnightStart, fortnightEnd, ct);
        var requests = await feed.RequestFactsAsync(caller, fortnightStart, fortnightEnd, ct);
        var fortnight = Measures.MutualityBalance(caller.UserId, partner, moments, requests, fortnightStart, fortnightEnd);

        var eightWeeks = TimeZones.ToUtc(week.Monday.AddDays(-7 * 7), TimeOnly.MinValue, zone);
        var answers = await db.SupportRequests.AsNoTracking()
            .Where(r => r.CoupleId == couple && r.PartnerId == caller.UserId && r.CreatedAtUtc >= eightWeeks && r.FirstAnsweredAtUtc != null)
            .Select(r => r.FirstAnsweredAtUtc <= r.WindowEndsUtc)
            .ToListAsync(ct);

        var sixteenWeeks = week.Monday.AddDays(-15 * 7);
        var stress = (await SumsAsync(couple, caller.UserId, partner, sixteenWeeks, week.Monday.AddDays(7), ct))
            .FirstOrDefault(s => s.PerceiverId == caller.UserId && s.Rating == (int)RatingKind.Stress);

        var facts = new NudgeFacts(
            Periods.Containing(Cadence.Weekly, week.Monday).Label,
            fortnight,
            week.Monday.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            answers.Count(a => a),
            answers.Count(a => !a),
            stress is null ? 0 : (int)stress.N,
            stress is null ? null : ToSums(stress));
        var all = Nudges.For(facts, caller.PartnerName ?? "your partner");
        if (all.Count == 0)
        {
            return all;
        }

        var kinds = all.Select(n => n.Kind).ToList();
        var dismissed = await db.InsightDismissals.AsNoTracking()
            .Where(d => d.UserId == caller.UserId && kinds.Contains(d.Kind))
            .Select(d => new { d.Kind, d.PeriodKey })
            .ToListAsync(ct);
        return [.. all.Where(n => !dismissed.Any(d => d.Kind == n.Kind && d.PeriodKey == n.PeriodKey))];
    }
}
