using Mutuality.Domain.Support;
using static Mutuality.Domain.Support.RequestState;

namespace Mutuality.Domain.Tests.Support;

public sealed class SupportRequestsTests
{
    private static readonly DateTime Now = new(2026, 3, 4, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime WindowEnd = Now.AddHours(1);

    public static RequestAction ActionNamed(string name) => name switch
    {
        "TakeOn" => new RequestAction.TakeOn(),
        "ProposeTime" => new RequestAction.ProposeTime(Now.AddHours(3)),
        "Decline" => new RequestAction.DeclineWithAlternative("I can call you at lunch instead."),
        "AcceptProposal" => new RequestAction.AcceptProposal(),
        "DeclineProposal" => new RequestAction.DeclineProposal(),
        "AcceptAlternative" => new RequestAction.AcceptAlternative(),
        "MarkDone" => new RequestAction.MarkDone(SupportType.Emotional),
        "Close" => new RequestAction.Close(RequestOutcome.Met, "Thank you."),
        "Withdraw" => new RequestAction.Withdraw(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static readonly string[] AllActions = ["TakeOn", "ProposeTime", "Decline", "AcceptProposal", "DeclineProposal", "AcceptAlternative", "MarkDone", "Close", "Withdraw"];

    /// <summary>The whole machine: (from, action, who may do it, to). Everything not listed is refused.</summary>
    private static readonly (RequestState From, string Action, RequestRole Who, RequestState To)[] Allowed =
    [
        (Open, "TakeOn", RequestRole.Partner, Accepted),
        (Open, "ProposeTime", RequestRole.Partner, TimeProposed),
        (Open, "Decline", RequestRole.Partner, DeclinedWithAlternative),
        (Open, "Withdraw", RequestRole.Requester, Withdrawn),
        (TimeProposed, "TakeOn", RequestRole.Partner, Accepted),
        (TimeProposed, "Decline", RequestRole.Partner, DeclinedWithAlternative),
        (TimeProposed, "AcceptProposal", RequestRole.Requester, Accepted),
        (TimeProposed, "DeclineProposal", RequestRole.Requester, Open),
        (TimeProposed, "Withdraw", RequestRole.Requester, Withdrawn),
        (DeclinedWithAlternative, "AcceptAlternative", RequestRole.Requester, Accepted),
        (DeclinedWithAlternative, "Close", RequestRole.Requester, Closed),
        (Accepted, "MarkDone", RequestRole.Partner, Done),
        (Done, "Close", RequestRole.Requester, Closed),
    ];

    public static TheoryData<RequestState, string, RequestRole> EveryCombination()
    {
        var data = new TheoryData<RequestState, string, RequestRole>();
        foreach (var state in new[] { Open, TimeProposed, DeclinedWithAlternative, Accepted, Done, Closed, Withdrawn })
        {
            foreach (var action in AllActions)
            {
                data.Add(state, action, RequestRole.Requester);
                data.Add(state, action, RequestRole.Partner);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Decide_BeforeTheWindowEnds_AllowsExactlyTheListedTransitions(RequestState from, string action, RequestRole who)
    {
        var answered = from == Open ? (DateTime?)null : Now.AddMinutes(-5);
        var result = SupportRequests.Decide(new RequestSnapshot(from, WindowEnd, answered), who, ActionNamed(action), Now);
        var expected = Allowed.Where(a => a.From == from && a.Action == action && a.Who == who).ToList();
        if (expected.Count == 1)
        {
            Assert.True(result.IsSuccess, result.Error?.Message);
            Assert.Equal(expected[0].To, result.Value.To);
            Assert.Equal(from, result.Value.From);
        }
        else
        {
            Assert.False(result.IsSuccess, $"{who} {action} from {from} should be refused");
            Assert.False(string.IsNullOrWhiteSpace(result.Error!.Message));
            var roleAllowedSomewhere = Allowed.Any(a => a.Action == action && a.Who == who);
            Assert.Equal(roleAllowedSomewhere ? "request.wrong_state" : (who == RequestRole.Requester ? "request.partner_only" : "request.requester_only"), result.Error.Code);
        }
    }

    [Theory]
    [InlineData("TakeOn", true)]
    [InlineData("ProposeTime", true)]
    [InlineData("Decline", true)]
    public void FirstAnswer_IsMarkedAsTheFirst_OnlyWhenNoneBefore(string action, bool fromFresh)
    {
        var fresh = SupportRequests.Decide(new RequestSnapshot(Open, WindowEnd, null), RequestRole.Partner, ActionNamed(action), Now);
        var again = SupportRequests.Decide(new RequestSnapshot(Open, WindowEnd, Now.AddMinutes(-30)), RequestRole.Partner, ActionNamed(action), Now);
        Assert.Equal(fromFresh, fresh.Value.IsFirstAnswer);
        Assert.False(again.Value.IsFirstAnswer);
    }

    [Theory]
    [InlineData(-1, Open)] // a second before the window ends: still open
    [InlineData(0, Missed)] // exactly at the end: missed
    [InlineData(1, Missed)]
    public void EffectiveState_AnUnansweredRequest_BecomesMissedExactlyWhenTheWindowEnds(int secondsFromEnd, RequestState expected)
        => Assert.Equal(expected, SupportRequests.EffectiveState(new RequestSnapshot(Open, WindowEnd, null), WindowEnd.AddSeconds(secondsFromEnd)));

    [Fact]
    public void EffectiveState_AnOpenRequestThatWasAnsweredBefore_IsNeverMissed()
        => Assert.Equal(Open, SupportRequests.EffectiveState(new RequestSnapshot(Open, WindowEnd, WindowEnd.AddMinutes(-10)), WindowEnd.AddDays(3)));

    [Theory]
    [InlineData(TimeProposed)]
    [InlineData(Accepted)]
    [InlineData(DeclinedWithAlternative)]
    [InlineData(Withdrawn)]
    public void EffectiveState_OtherStates_DoNotChangeWithTheClock(RequestState state)
        => Assert.Equal(state, SupportRequests.EffectiveState(new RequestSnapshot(state, WindowEnd, Now), WindowEnd.AddDays(10)));

    [Theory]
    [InlineData("TakeOn", RequestRole.Partner)]
    [InlineData("ProposeTime", RequestRole.Partner)]
    [InlineData("Decline", RequestRole.Partner)]
    [InlineData("Withdraw", RequestRole.Requester)]
    public void Decide_AfterTheWindowPassedUnanswered_IsRefusedAsMissed(string action, RequestRole who)
    {
        var result = SupportRequests.Decide(new RequestSnapshot(Open, WindowEnd, null), who, ActionNamed(action), WindowEnd.AddMinutes(1));
        Assert.Equal("request.missed", result.Error?.Code);
    }

    [Fact]
    public void Decide_JustBeforeTheWindowEnds_AnAnswerIsStillAccepted()
    {
        var result = SupportRequests.Decide(new RequestSnapshot(Open, WindowEnd, null), RequestRole.Partner, new RequestAction.TakeOn(), WindowEnd.AddTicks(-1));
        Assert.True(result.IsSuccess);
        Assert.True(result.Value.IsFirstAnswer);
    }

    [Fact]
    public void Decide_AfterTheWindow_AProposedTimeCanStillBeAcceptedAndWorkGoesOn()
    {
        var later = WindowEnd.AddHours(5);
        Assert.Equal(Accepted, SupportRequests.Decide(new RequestSnapshot(TimeProposed, WindowEnd, Now), RequestRole.Requester, new RequestAction.AcceptProposal(), later).Value.To);
        Assert.Equal(Done, SupportRequests.Decide(new RequestSnapshot(Accepted, WindowEnd, Now), RequestRole.Partner, new RequestAction.MarkDone(SupportType.Practical), later).Value.To);
    }

    [Theory]
    [InlineData(0, "request.proposed_past")]
    [InlineData(-60, "request.proposed_past")]
    [InlineData(91 * 24 * 60, "request.proposed_too_far")]
    public void ProposeTime_OutsideTheNextNinetyDays_IsRefused(int minutesFromNow, string code)
    {
        var result = SupportRequests.Decide(new RequestSnapshot(Open, WindowEnd, null), RequestRole.Partner, new RequestAction.ProposeTime(Now.AddMinutes(minutesFromNow)), Now);
        Assert.Equal(code, result.Error?.Code);
        Assert.Equal("ProposedAt", result.Error!.Field);
    }

    [Theory]
    [InlineData(null, "alternative.required")]
    [InlineData("   ", "alternative.required")]
    public void DeclineWithAlternative_WithoutAnAlternative_IsRefused(string? text, string code)
        => Assert.Equal(code, SupportRequests.Decide(new RequestSnapshot(Open, WindowEnd, null), RequestRole.Partner, new RequestAction.DeclineWithAlternative(text), Now).Error?.Code);

    [Fact]
    public void DeclineWithAlternative_TooLong_IsRefusedWithTheLimit()
    {
        var result = SupportRequests.Decide(new RequestSnapshot(Open, WindowEnd, null), RequestRole.Partner, new RequestAction.DeclineWithAlternative(new string('x', 501)), Now);
        Assert.Contains("at most 500", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_WithoutAnOutcome_IsRefused()
        => Assert.Equal("request.outcome", SupportRequests.Decide(new RequestSnapshot(Done, WindowEnd, Now), RequestRole.Requester, new RequestAction.Close(null, null), Now).Error?.Code);

    [Fact]
    public void Close_KeepsTheOutcomeAndTheThankYou()
    {
        var change = SupportRequests.Decide(new RequestSnapshot(Done, WindowEnd, Now), RequestRole.Requester, new RequestAction.Close(RequestOutcome.PartlyMet, "  Thanks, love. "), Now).Value;
        Assert.Equal(RequestOutcome.PartlyMet, change.Outcome);
        Assert.Equal("Thanks, love.", change.Text);
    }

    [Fact]
    public void MarkDone_KeepsTheTypeActuallyGiven_AndRefusesAnUnknownType()
    {
        var snapshot = new RequestSnapshot(Accepted, WindowEnd, Now);
        Assert.Equal(SupportType.Practical, SupportRequests.Decide(snapshot, RequestRole.Partner, new RequestAction.MarkDone(SupportType.Practical), Now).Value.GivenType);
        Assert.Equal("request.given_type", SupportRequests.Decide(snapshot, RequestRole.Partner, new RequestAction.MarkDone((SupportType)42), Now).Error?.Code);
    }
}
