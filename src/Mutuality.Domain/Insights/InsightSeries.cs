using Mutuality.Domain.Support;

namespace Mutuality.Domain.Insights;

/// <summary>
/// How many moments of one shape fell in one chart point. The database groups the moments the viewer may see by
/// exactly these fields, so the measures never need the rows themselves (docs/adr/0004-insights-aggregation.md).
/// </summary>
public sealed record MomentTally(int Bucket, Guid AuthorId, MomentDirection Direction, MomentKind Kind, MomentResponseKind? Response, bool RatedFourOrMore, int Count);

/// <summary>How many requests made in one chart point had one shape (the facts M2–M4 look at).</summary>
public sealed record RequestTally(
    int Bucket,
    RequestState State,
    bool Answered,
    bool AnsweredInWindow,
    bool WindowEnded,
    RequestOutcome? Outcome,
    bool Fulfilled,
    bool Matched,
    int Count);

/// <summary>How many requests a partner marked done in one chart point (they count as given, M1).</summary>
public sealed record DoneTally(int Bucket, Guid GiverId, int Count);

/// <summary>M1–M4 for one chart point.</summary>
public sealed record PointMeasures(Balance Balance, Share TurningToward, Share RequestsMet, Share TypeMatching, Share Helped);

/// <summary>
/// M1–M4 per chart point from tallies, with exactly the rules of <see cref="Measures"/> (the tests check that both give the
/// same numbers for the same facts). Pure.
/// </summary>
public static class InsightSeries
{
    /// <summary>The tally shape of one moment (used by tests, and documents what the database groups by).</summary>
    public static MomentTally TallyOf(MomentFact m, int bucket)
        => new(bucket, m.AuthorId, m.Direction, m.Kind, m.Response, m.Rating >= 4, 1);

    /// <summary>The tally shape of one request made in a chart point.</summary>
    public static RequestTally TallyOf(RequestFact r, int bucket, DateTime nowUtc)
        => new(
            bucket,
            r.State,
            r.FirstAnsweredAtUtc is not null,
            r.FirstAnsweredAtUtc is { } at && at <= r.WindowEndsUtc,
            nowUtc >= r.WindowEndsUtc,
            r.Outcome,
            r.Given is not null,
            r.Given is { } given && given == r.Asked,
            1);

    /// <summary>M1 from tallies: given = "I gave" (and pebbles) by the author, "I received" by the other, requests done.</summary>
    public static Balance BalanceOf(Guid a, Guid b, IEnumerable<MomentTally> moments, IEnumerable<DoneTally> done)
    {
        int givenA = 0, givenB = 0, quietA = 0, quietB = 0;
        foreach (var m in moments)
        {
            if (m.AuthorId != a && m.AuthorId != b)
            {
                continue;
            }

            var giver = m.Direction == MomentDirection.Gave ? m.AuthorId : (m.AuthorId == a ? b : a);
            var quiet = m.Direction == MomentDirection.Gave && m.Kind == MomentKind.Moment && m.Response is null ? m.Count : 0;
            if (giver == a)
            {
                givenA += m.Count;
                quietA += quiet;
            }
            else
            {
                givenB += m.Count;
                quietB += quiet;
            }
        }

        foreach (var d in done)
        {
            if (d.GiverId == a)
            {
                givenA += d.Count;
            }
            else if (d.GiverId == b)
            {
                givenB += d.Count;
            }
        }

        return new Balance(givenA, givenB, quietA, quietB, Measures.BalanceMinimum);
    }

    /// <summary>M2: answered within the window, of those due or answered (not pending, not withdrawn unanswered).</summary>
    public static Share TurningTowardOf(IEnumerable<RequestTally> requests)
    {
        int whole = 0, part = 0;
        foreach (var r in requests)
        {
            var pending = !r.Answered && !r.WindowEnded;
            var withdrawnUnanswered = r.State == RequestState.Withdrawn && !r.Answered;
            if (pending || withdrawnUnanswered)
            {
                continue;
            }

            whole += r.Count;
            part += r.AnsweredInWindow ? r.Count : 0;
        }

        return new Share(part, whole, Measures.TurningTowardMinimum);
    }

    /// <summary>M3: closed requests marked met (partly met counts half).</summary>
    public static Share RequestsMetOf(IEnumerable<RequestTally> requests)
    {
        double part = 0;
        var whole = 0;
        foreach (var r in requests)
        {
            if (r.State != RequestState.Closed || r.Outcome is not { } outcome)
            {
                continue;
            }

            whole += r.Count;
            part += r.Count * outcome switch
            {
                RequestOutcome.Met => 1,
                RequestOutcome.PartlyMet => 0.5,
                _ => 0,
            };
        }

        return new Share(part, whole, Measures.RequestsMetMinimum);
    }

    /// <summary>M4 (first half): fulfilled requests where the support given was the type asked for.</summary>
    public static Share TypeMatchingOf(IEnumerable<RequestTally> requests)
    {
        int whole = 0, part = 0;
        foreach (var r in requests.Where(r => r.Fulfilled))
        {
            whole += r.Count;
            part += r.Matched ? r.Count : 0;
        }

        return new Share(part, whole, Measures.MatchingMinimum);
    }

    /// <summary>M4 (second half): rated responses that said "this helped" 4 or 5.</summary>
    public static Share HelpedOf(IEnumerable<MomentTally> moments)
    {
        int whole = 0, part = 0;
        foreach (var m in moments.Where(m => m.Response is MomentResponseKind.Helped or MomentResponseKind.NotQuite))
        {
            whole += m.Count;
            part += m.Response == MomentResponseKind.Helped && m.RatedFourOrMore ? m.Count : 0;
        }

        return new Share(part, whole, Measures.MatchingMinimum);
    }

    /// <summary>M1–M4 for the whole of the given tallies.</summary>
    public static PointMeasures Of(Guid a, Guid b, IReadOnlyCollection<MomentTally> moments, IReadOnlyCollection<RequestTally> requests, IReadOnlyCollection<DoneTally> done)
        => new(BalanceOf(a, b, moments, done), TurningTowardOf(requests), RequestsMetOf(requests), TypeMatchingOf(requests), HelpedOf(moments));

    /// <summary>M1–M4 for each chart point 0..<paramref name="points"/>−1.</summary>
    public static IReadOnlyList<PointMeasures> PerPoint(int points, Guid a, Guid b, IReadOnlyCollection<MomentTally> moments, IReadOnlyCollection<RequestTally> requests, IReadOnlyCollection<DoneTally> done)
    {
        var m = moments.ToLookup(t => t.Bucket);
        var r = requests.ToLookup(t => t.Bucket);
        var d = done.ToLookup(t => t.Bucket);
        return [.. Enumerable.Range(0, points).Select(i => Of(a, b, [.. m[i]], [.. r[i]], [.. d[i]]))];
    }
}
