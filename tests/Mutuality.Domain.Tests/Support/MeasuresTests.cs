using Mutuality.Domain.Support;
using static Mutuality.Domain.Support.MomentDirection;

namespace Mutuality.Domain.Tests.Support;

public sealed class MeasuresTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly DateTime Start = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddDays(7);
    private static readonly DateTime Now = End.AddDays(1);

    private static MomentFact M(Guid author, MomentDirection d, int day, MomentResponseKind? response = null, int? rating = null, MomentKind kind = MomentKind.Moment)
        => new(author, d, kind, Start.AddDays(day).AddHours(10), response, rating);

    private static RequestFact R(SupportType asked, RequestState state, bool answered, SupportType? given = null, RequestOutcome? outcome = null, int windowHours = 5, Guid? requester = null, int day = 1)
    {
        var created = Start.AddDays(day).AddHours(8);
        var requesterId = requester ?? A;
        return new RequestFact(requesterId, requesterId == A ? B : A, asked, created, created.AddHours(windowHours), state,
            answered ? created.AddHours(1) : null, given, given is null ? null : created.AddHours(3), outcome);
    }

    private static readonly MomentFact[] Moments =
    [
        M(A, Gave, 0), // A gave, nobody responded: quiet support by A
        M(A, Gave, 1, MomentResponseKind.Helped, 5),
        M(B, Received, 2), // B received, so A gave
        M(B, Gave, 3, kind: MomentKind.Pebble), // a pebble: companionship given by B, never "quiet"
        M(B, Gave, 4, MomentResponseKind.NotQuite),
        M(B, Gave, 5, MomentResponseKind.HadNotNoticed),
        M(A, Gave, -1, MomentResponseKind.Helped, 1), // before the window: ignored
    ];

    private static readonly RequestFact[] Requests =
    [
        R(SupportType.Emotional, RequestState.Closed, answered: true, SupportType.Emotional, RequestOutcome.Met),
        R(SupportType.Practical, RequestState.Closed, answered: true, SupportType.Emotional, RequestOutcome.PartlyMet),
        R(SupportType.Esteem, RequestState.Open, answered: false), // missed
        R(SupportType.Esteem, RequestState.Withdrawn, answered: false), // withdrawn unanswered: left out
        R(SupportType.Esteem, RequestState.Open, answered: false, windowHours: 24 * 30), // still pending: left out
        R(SupportType.Companionship, RequestState.Closed, answered: true, outcome: RequestOutcome.NotMet), // kind no, then closed
    ];

    [Fact]
    public void Balance_OnAHandComputedWeek()
    {
        var balance = Measures.MutualityBalance(A, B, Moments, Requests, Start, End);
        // A: gave ×2 + B received ×1 = 3. B: pebble + 2 gave moments + 2 requests done for A = 5.
        Assert.Equal(3, balance.GivenA);
        Assert.Equal(5, balance.GivenB);
        // share_A = 3/8; 1 − |2·3/8 − 1| = 1 − 1/4 = 0.75
        Assert.Equal(0.75, balance.Value!.Value, 6);
        Assert.Equal(1, balance.QuietA);
        Assert.Equal(0, balance.QuietB);
    }

    [Fact]
    public void Balance_WhenBothGiveEqually_IsOne_AndWhenOnlyOneGives_IsZero()
    {
        Assert.Equal(1.0, Measures.MutualityBalance(A, B, [M(A, Gave, 1), M(B, Gave, 2)], [], Start, End).Value);
        Assert.Equal(0.0, Measures.MutualityBalance(A, B, [M(A, Gave, 1), M(A, Gave, 2)], [], Start, End).Value);
    }

    [Theory]
    [InlineData(3, 2, "Both of you are giving", "both of you gave")] // 60/40: the edge of "about equal"
    [InlineData(2, 3, "Both of you are giving", "both of you gave")] // the same whichever of the two gave more
    [InlineData(7, 3, "Giving goes both ways, a little more from one side", "giving went both ways, a little more from one side")]
    [InlineData(3, 1, "Giving goes both ways, a little more from one side", "giving went both ways, a little more from one side")] // 75/25: the edge
    [InlineData(4, 1, "Mostly one of you is giving this week", "most of the giving came from one of you")]
    [InlineData(0, 5, "Mostly one of you is giving this week", "most of the giving came from one of you")]
    public void BalanceWords_FollowHowEvenTheGivingWas_NeverWhoGaveLess(int givenA, int givenB, string now, string past)
    {
        var balance = new Balance(givenA, givenB, 0, 0, 2);

        Assert.Equal(now, balance.Now);
        Assert.Equal(past, balance.Past);
    }

    [Fact]
    public void BalanceWords_WithTooLittleData_AreNotSaid()
    {
        Assert.Null(new Balance(1, 0, 0, 0, 2).Now);
        Assert.Null(new Balance(1, 0, 0, 0, 2).Past);
    }

    [Fact]
    public void QuietSupport_IsCountedAsGiven_NotAsAFailure()
    {
        var balance = Measures.MutualityBalance(A, B, [M(B, Gave, 1), M(B, Gave, 2)], [], Start, End);
        Assert.Equal(2, balance.GivenB);
        Assert.Equal(2, balance.QuietB);
        Assert.Equal(0, balance.QuietA);
    }

    [Fact]
    public void TurningToward_CountsAnyAnswerWithinTheWindow_AndLeavesOutPendingAndWithdrawn()
    {
        var share = Measures.TurningToward(Requests, Start, End, Now);
        Assert.Equal(3, share.Part);
        Assert.Equal(4, share.Whole);
        Assert.Equal(75, share.Percent);
    }

    [Fact]
    public void RequestsMet_CountsPartlyMetAsHalf()
    {
        var share = Measures.RequestsMet(Requests, Start, End);
        Assert.Equal(1.5, share.Part);
        Assert.Equal(3, share.Whole);
        Assert.Equal(0.5, share.Value);
    }

    [Fact]
    public void Matching_ComparesTheTypeGivenWithTheTypeAsked()
    {
        var share = Measures.TypeMatching(Requests, Start, End);
        Assert.Equal(1, share.Part);
        Assert.Equal(2, share.Whole);
    }

    [Fact]
    public void Helped_IsTheShareOfRatedResponsesAtFourOrMore_IgnoringHadNotNoticed()
    {
        var share = Measures.Helped(Moments, Start, End);
        Assert.Equal(1, share.Part);
        Assert.Equal(2, share.Whole);
    }

    [Fact]
    public void AnEmptyWindow_HasNotEnoughDataForEveryMeasure()
    {
        var week = Measures.ForWindow(A, B, [], [], Start, End, Now);
        Assert.False(week.Balance.HasEnoughData);
        Assert.Null(week.Balance.Value);
        Assert.All(new[] { week.TurningToward, week.RequestsMet, week.TypeMatching, week.Helped }, s =>
        {
            Assert.False(s.HasEnoughData);
            Assert.Null(s.Value);
            Assert.Null(s.Percent);
        });
    }

    [Fact]
    public void BelowTheMinimum_IsNotEnoughData_EvenWithSomething()
    {
        var oneRequest = new[] { R(SupportType.Emotional, RequestState.Closed, true, SupportType.Emotional, RequestOutcome.Met) };
        Assert.Null(Measures.RequestsMet(oneRequest, Start, End).Value);
        Assert.Null(Measures.TurningToward(oneRequest, Start, End, Now).Value);
        Assert.Null(Measures.MutualityBalance(A, B, [M(A, Gave, 1)], [], Start, End).Value);
    }

    [Fact]
    public void RequestsOutsideTheWindow_AreLeftOut()
    {
        var early = R(SupportType.Emotional, RequestState.Closed, true, SupportType.Emotional, RequestOutcome.Met, day: -2);
        var late = R(SupportType.Emotional, RequestState.Closed, true, SupportType.Emotional, RequestOutcome.Met, day: 8);
        Assert.Equal(0, Measures.RequestsMet([early, late], Start, End).Whole);
    }
}
