namespace Mutuality.Domain.Support;

/// <summary>A moment as the measures see it (only moments the viewer may see are ever passed in).</summary>
public sealed record MomentFact(
    Guid AuthorId,
    MomentDirection Direction,
    MomentKind Kind,
    DateTime OccurredAtUtc,
    MomentResponseKind? Response,
    int? Rating);

/// <summary>A request as the measures see it.</summary>
public sealed record RequestFact(
    Guid RequesterId,
    Guid PartnerId,
    SupportType Asked,
    DateTime CreatedAtUtc,
    DateTime WindowEndsUtc,
    RequestState State,
    DateTime? FirstAnsweredAtUtc,
    SupportType? Given,
    DateTime? DoneAtUtc,
    RequestOutcome? Outcome);

/// <summary>A share (0–1) with its evidence, or "not enough data yet" when fewer than <see cref="Minimum"/> items count.</summary>
public sealed record Share(double Part, int Whole, int Minimum)
{
    public bool HasEnoughData => Whole >= Minimum && Whole > 0;

    public double? Value => HasEnoughData ? Part / Whole : null;

    /// <summary>Whole percent, or null when there is not enough data.</summary>
    public int? Percent => Value is { } v ? (int)Math.Round(v * 100, MidpointRounding.AwayFromZero) : null;
}

/// <summary>M1: how much each partner gave, and how even it is (1 = both gave equally). Never a debt.</summary>
public sealed record Balance(int GivenA, int GivenB, int QuietA, int QuietB, int Minimum)
{
    public int Total => GivenA + GivenB;

    public bool HasEnoughData => Total >= Minimum && Total > 0;

    /// <summary>1 − |2·share_A − 1|, where share_A = given_A / (given_A + given_B).</summary>
    public double? Value => HasEnoughData ? 1 - Math.Abs((2.0 * GivenA / Total) - 1) : null;

    /// <summary>
    /// The balance in words, the one place they are kept (home's week panel says <see cref="Now"/>, Insights and the
    /// report say <see cref="Past"/>): never who gave less, only how the giving flowed. Null with too little data.
    /// </summary>
    public string? Now => Value switch
    {
        null => null,
        >= EvenFrom => "Both of you are giving",
        >= BothWaysFrom => "Giving goes both ways, a little more from one side",
        _ => "Mostly one of you is giving this week",
    };

    /// <inheritdoc cref="Now"/>
    public string? Past => Value switch
    {
        null => null,
        >= EvenFrom => "both of you gave",
        >= BothWaysFrom => "giving went both ways, a little more from one side",
        _ => "most of the giving came from one of you",
    };

    /// <summary>From this balance on, both gave about equally (60/40 or closer).</summary>
    public const double EvenFrom = 0.8;

    /// <summary>From this balance on, giving went both ways (75/25 or closer).</summary>
    public const double BothWaysFrom = 0.5;
}

/// <summary>M1–M4 for one window, for one viewer.</summary>
public sealed record WeekMeasures(Balance Balance, Share TurningToward, Share RequestsMet, Share TypeMatching, Share Helped);

/// <summary>
/// The measures M1–M4 (docs/measures.md). Pure: the caller passes only what the viewer may see,
/// the window (in the viewer's own zone) and the clock.
/// </summary>
public static class Measures
{
    public const int BalanceMinimum = 2;
    public const int TurningTowardMinimum = 2;
    public const int RequestsMetMinimum = 2;
    public const int MatchingMinimum = 2;

    /// <summary>M1. Given by a partner = their "I gave" moments and pebbles, the other's "I received" moments,
    /// and requests they marked done, in the window. Quiet support = a partner's "I gave" moments (not pebbles)
    /// the other has not responded to.</summary>
    public static Balance MutualityBalance(Guid a, Guid b, IEnumerable<MomentFact> moments, IEnumerable<RequestFact> requests, DateTime startUtc, DateTime endUtc)
    {
        int givenA = 0, givenB = 0, quietA = 0, quietB = 0;
        foreach (var m in moments)
        {
            if (m.OccurredAtUtc < startUtc || m.OccurredAtUtc >= endUtc || (m.AuthorId != a && m.AuthorId != b))
            {
                continue;
            }

            var giver = m.Direction == MomentDirection.Gave ? m.AuthorId : (m.AuthorId == a ? b : a);
            if (giver == a)
            {
                givenA++;
            }
            else
            {
                givenB++;
            }

            if (m.Direction == MomentDirection.Gave && m.Kind == MomentKind.Moment && m.Response is null)
            {
                if (giver == a)
                {
                    quietA++;
                }
                else
                {
                    quietB++;
                }
            }
        }

        foreach (var r in requests)
        {
            if (r.DoneAtUtc is not { } done || done < startUtc || done >= endUtc)
            {
                continue;
            }

            if (r.PartnerId == a)
            {
                givenA++;
            }
            else if (r.PartnerId == b)
            {
                givenB++;
            }
        }

        return new Balance(givenA, givenB, quietA, quietB, BalanceMinimum);
    }

    /// <summary>M2. Of the requests made in the window whose answer is due or given (not still pending, not withdrawn
    /// unanswered), the share that got any answer (on it, a proposed time, a kind no) within their window.</summary>
    public static Share TurningToward(IEnumerable<RequestFact> requests, DateTime startUtc, DateTime endUtc, DateTime nowUtc)
    {
        int whole = 0, part = 0;
        foreach (var r in InWindow(requests, startUtc, endUtc))
        {
            var answered = r.FirstAnsweredAtUtc is { } at && at <= r.WindowEndsUtc;
            var pending = r.FirstAnsweredAtUtc is null && nowUtc < r.WindowEndsUtc;
            var withdrawnUnanswered = r.State == RequestState.Withdrawn && r.FirstAnsweredAtUtc is null;
            if (pending || withdrawnUnanswered)
            {
                continue;
            }

            whole++;
            if (answered)
            {
                part++;
            }
        }

        return new Share(part, whole, TurningTowardMinimum);
    }

    /// <summary>M3. Of the requests made in the window and closed, the share marked met (partly met counts half).</summary>
    public static Share RequestsMet(IEnumerable<RequestFact> requests, DateTime startUtc, DateTime endUtc)
    {
        double part = 0;
        var whole = 0;
        foreach (var r in InWindow(requests, startUtc, endUtc))
        {
            if (r.State != RequestState.Closed || r.Outcome is not { } outcome)
            {
                continue;
            }

            whole++;
            part += outcome switch
            {
                RequestOutcome.Met => 1,
                RequestOutcome.PartlyMet => 0.5,
                _ => 0,
            };
        }

        return new Share(part, whole, RequestsMetMinimum);
    }

    /// <summary>M4 (first half). Of the requests made in the window that were fulfilled, the share where the support
    /// given was the type asked for.</summary>
    public static Share TypeMatching(IEnumerable<RequestFact> requests, DateTime startUtc, DateTime endUtc)
    {
        int whole = 0, part = 0;
        foreach (var r in InWindow(requests, startUtc, endUtc))
        {
            if (r.Given is not { } given)
            {
                continue;
            }

            whole++;
            if (given == r.Asked)
            {
                part++;
            }
        }

        return new Share(part, whole, MatchingMinimum);
    }

    /// <summary>M4 (second half). Of the moments in the window that got a rated response ("this helped" or "not quite"),
    /// the share rated "this helped" 4 or 5. "I hadn't noticed — thank you" carries no rating and is not counted.</summary>
    public static Share Helped(IEnumerable<MomentFact> moments, DateTime startUtc, DateTime endUtc)
    {
        int whole = 0, part = 0;
        foreach (var m in moments)
        {
            if (m.OccurredAtUtc < startUtc || m.OccurredAtUtc >= endUtc)
            {
                continue;
            }

            if (m.Response is MomentResponseKind.Helped or MomentResponseKind.NotQuite)
            {
                whole++;
                if (m.Response == MomentResponseKind.Helped && m.Rating >= 4)
                {
                    part++;
                }
            }
        }

        return new Share(part, whole, MatchingMinimum);
    }

    /// <summary>M1–M4 for one window.</summary>
    public static WeekMeasures ForWindow(Guid a, Guid b, IReadOnlyCollection<MomentFact> moments, IReadOnlyCollection<RequestFact> requests, DateTime startUtc, DateTime endUtc, DateTime nowUtc)
        => new(
            MutualityBalance(a, b, moments, requests, startUtc, endUtc),
            TurningToward(requests, startUtc, endUtc, nowUtc),
            RequestsMet(requests, startUtc, endUtc),
            TypeMatching(requests, startUtc, endUtc),
            Helped(moments, startUtc, endUtc));

    private static IEnumerable<RequestFact> InWindow(IEnumerable<RequestFact> requests, DateTime startUtc, DateTime endUtc)
        => requests.Where(r => r.CreatedAtUtc >= startUtc && r.CreatedAtUtc < endUtc);
}
