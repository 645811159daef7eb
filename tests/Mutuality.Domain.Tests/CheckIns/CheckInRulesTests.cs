using Mutuality.Domain.CheckIns;

namespace Mutuality.Domain.Tests.CheckIns;

public sealed class CheckInRulesTests
{
    private static CheckInInput Complete() => new()
    {
        MeFeelings = [("tired", 2), ("hopeful", 1)],
        MeSupported = 5,
        MeAbleToGive = 4,
        MeStress = 3,
        GuessFeelings = [("calm", 2)],
        GuessSupported = 4,
        GuessAbleToGive = 4,
        GuessStress = 2,
    };

    [Fact]
    public void Validate_CompleteSubmission_IsAccepted()
    {
        var result = CheckInRules.Validate(Complete(), submitting: true, out var errors);
        Assert.True(result.IsSuccess);
        Assert.Empty(errors);
        Assert.Equal(["tired", "hopeful"], result.Value.Me.Feelings.Select(f => f.Word));
        Assert.Equal(Visibility.Private, result.Value.YourImpact.WhatYouDid.Visibility);
    }

    public static TheoryData<string, CheckInInput, string, string> Invalid() => new()
    {
        { "unknown word", Complete() with { MeFeelings = [("melancholic", 2)] }, "MeFeelings", "checkin.unknown_feeling" },
        { "intensity 0", Complete() with { MeFeelings = [("sad", 0)] }, "MeFeelings", "checkin.intensity" },
        { "intensity 4", Complete() with { GuessFeelings = [("sad", 4)] }, "GuessFeelings", "checkin.intensity" },
        { "no intensity", Complete() with { GuessFeelings = [("sad", null)] }, "GuessFeelings", "checkin.intensity" },
        { "too many", Complete() with { MeFeelings = [("sad", 1), ("hurt", 1), ("lonely", 1), ("tired", 1), ("numb", 1), ("calm", 1), ("safe", 1)] }, "MeFeelings", "checkin.too_many_feelings" },
        { "rating 0", Complete() with { MeStress = 0 }, "MeStress", "checkin.rating" },
        { "rating 8", Complete() with { GuessSupported = 8 }, "GuessSupported", "checkin.rating" },
        { "oversized", Complete() with { MeDesires = new string('x', 501) }, "MeDesires", "medesires.too_long" },
        { "oversized impact", Complete() with { YourImpactWhat = new string('y', 600) }, "YourImpactWhat", "yourimpactwhat.too_long" },
        { "bad visibility", Complete() with { ImpactQuestionVisibility = (Visibility)7 }, "ImpactQuestionVisibility", "checkin.visibility" },
        { "bad tone", Complete() with { YourImpactTone = (ImpactTone)9 }, "YourImpactTone", "checkin.tone" },
        { "no feelings", Complete() with { MeFeelings = [] }, "MeFeelings", "checkin.feelings_required" },
        { "no guess feelings", Complete() with { GuessFeelings = [("", 2)] }, "GuessFeelings", "checkin.feelings_required" },
        { "missing rating", Complete() with { GuessStress = null }, "GuessStress", "checkin.rating_required" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidSubmission_NamesTheField(string because, CheckInInput input, string field, string code)
    {
        var result = CheckInRules.Validate(input, submitting: true, out var errors);
        Assert.False(result.IsSuccess, because);
        Assert.Contains(errors, e => e.Field == field && e.Code == code);
    }

    [Fact]
    public void Validate_IncompleteDraft_IsAcceptedButBadValuesAreNot()
    {
        Assert.True(CheckInRules.Validate(new CheckInInput { MeFeelings = [("sad", 2)] }, submitting: false, out _).IsSuccess);
        Assert.False(CheckInRules.Validate(new CheckInInput { MeStress = 9 }, submitting: false, out _).IsSuccess);
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        CheckInRules.Validate(Complete() with { MeStress = 0, MeFeelings = [("glum", 1)] }, submitting: true, out var errors);
        Assert.Contains(errors, e => e.Field == "MeStress");
        Assert.Contains(errors, e => e.Field == "MeFeelings");
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.Field)));
    }

    [Fact]
    public void Validate_FieldMessagesStartWithTheFieldLabel()
    {
        CheckInRules.Validate(Complete() with { MeStress = 0 }, submitting: true, out var errors);
        Assert.StartsWith("My stress:", Assert.Single(errors).Message);
    }
}

public sealed class SealedRevealTests
{
    private static readonly Guid Robin = new("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Sam = new("00000000-0000-0000-0000-0000000000b2");
    private static readonly CheckInPeriod Monday = Periods.Parse(Cadence.Daily, "2026-03-02")!.Value;

    private static CheckInContent Secretive() => CheckInContent.Empty with
    {
        Me = StateReport.Empty with
        {
            Feelings = [new("anxious", 3)],
            Ratings = new Ratings(3, 4, 6),
            Desires = new SharedText("more quiet evenings", Visibility.Partner),
            GoalsNow = new SharedText("private goal", Visibility.Private),
        },
        MyImpact = new MyImpact(new SharedText("I snapped", Visibility.Partner), new SharedText("badly, private", Visibility.Private), new SharedText("was it ok?", Visibility.Partner)),
        YourImpact = new YourImpact(new SharedText("you were late", Visibility.Private), ImpactTone.Negative, true),
    };

    public static TheoryData<string, bool?, bool?, RevealStage> Stages() => new()
    {
        { "neither started", null, null, RevealStage.SealedUntilYouCheckIn },
        { "partner sent, I have not started", null, true, RevealStage.SealedUntilYouCheckIn },
        { "partner sent, I only drafted", false, true, RevealStage.SealedUntilYouCheckIn },
        { "partner drafted, I only drafted", false, false, RevealStage.SealedUntilYouCheckIn },
        { "I sent, partner nothing", true, null, RevealStage.WaitingForPartner },
        { "I sent, partner drafted", true, false, RevealStage.WaitingForPartner },
        { "both sent", true, true, RevealStage.Revealed },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void See_RevealsOnlyWhenBothHaveSent(string because, bool? mineSent, bool? theirsSent, RevealStage expected)
    {
        var mine = mineSent is null ? null : new CheckInState(Robin, Monday, mineSent.Value, CheckInContent.Empty);
        var theirs = theirsSent is null ? null : new CheckInState(Sam, Monday, theirsSent.Value, Secretive());
        var view = SealedReveal.See(Robin, mine, theirs);
        Assert.True(expected == view.Stage, because);
        Assert.Equal(expected == RevealStage.Revealed, view.Content is not null);
    }

    [Fact]
    public void See_SomeoneElsesCheckInPassedAsMine_DoesNotUnseal()
        => Assert.False(SealedReveal.See(Robin, new CheckInState(Sam, Monday, true, CheckInContent.Empty), new CheckInState(Sam, Monday, true, Secretive())).IsRevealed);

    [Fact]
    public void See_AfterReveal_BlanksEveryPrivateField()
    {
        var view = SealedReveal.See(Robin, new CheckInState(Robin, Monday, true, CheckInContent.Empty), new CheckInState(Sam, Monday, true, Secretive()));
        var content = view.Content!;
        Assert.Equal("more quiet evenings", content.Me.Desires.Text);
        Assert.Equal("", content.Me.GoalsNow.Text);
        Assert.Equal("I snapped", content.MyImpact.WhatIDid.Text);
        Assert.Equal("", content.MyImpact.HowItLanded.Text);
        Assert.Equal("was it ok?", content.MyImpact.Question.Text);
        Assert.Equal("", content.YourImpact.WhatYouDid.Text);
        Assert.Equal(ImpactTone.None, content.YourImpact.Tone);
        Assert.False(content.YourImpact.MightBeOldAssociation);
        Assert.Equal(6, content.Me.Ratings.Stress);
    }
}
