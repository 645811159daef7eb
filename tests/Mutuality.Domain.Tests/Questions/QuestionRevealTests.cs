using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Questions;

namespace Mutuality.Domain.Tests.Questions;

/// <summary>The daily question's seal is the check-in's (one rule), with passing and the day closing.</summary>
public sealed class QuestionRevealTests
{
    private static readonly Guid Robin = Guid.Parse("0193a9f4-7c1e-7000-8000-00000000000a");
    private static readonly Guid Sam = Guid.Parse("0193a9f4-7c1e-7000-8000-00000000000b");

    private static QuestionResponse Answer(Guid who, string text = "words") => new(who, false, text, null, null);

    private static QuestionResponse Pass(Guid who) => new(who, true, "", null, null);

    [Theory]
    [InlineData(false, false, RevealStage.SealedUntilYouCheckIn)]
    [InlineData(false, true, RevealStage.SealedUntilYouCheckIn)]
    [InlineData(true, false, RevealStage.WaitingForPartner)]
    [InlineData(true, true, RevealStage.Revealed)]
    public void TheOneSealRule_OpensOnlyWhenBothHaveSent(bool viewerSent, bool partnerSent, RevealStage expected)
        => Assert.Equal(expected, SealedReveal.Stage(viewerSent, partnerSent));

    [Fact]
    public void BeforeAnswering_NothingOfThePartnersIsKnown_WhetherOrNotTheyAnswered()
    {
        var none = QuestionReveal.See(Sam, null, null, dayOver: false);
        var answered = QuestionReveal.See(Sam, null, Answer(Robin, "SECRET"), dayOver: false);
        var passed = QuestionReveal.See(Sam, null, Pass(Robin), dayOver: false);
        Assert.Equal(new QuestionView(QuestionStage.YourTurn, null), none);
        Assert.Equal(none, answered);
        Assert.Equal(none, passed);
    }

    [Fact]
    public void AfterAnswering_ThePartnerHavingNotAnswered_IsOnlyWaiting()
        => Assert.Equal(new QuestionView(QuestionStage.Waiting, null), QuestionReveal.See(Sam, Answer(Sam), null, dayOver: false));

    [Fact]
    public void WhenBothAnswered_ThePartnersAnswerIsShown()
    {
        var view = QuestionReveal.See(Sam, Answer(Sam), Answer(Robin, "Robin's words"), dayOver: false);
        Assert.Equal(QuestionStage.Revealed, view.Stage);
        Assert.Equal("Robin's words", view.Partner!.Text);
    }

    [Fact]
    public void APass_IsLearnedOnlyWhenTheQuestionCloses_AndAnAnswerGivenThenStaysTheAuthors()
    {
        // Robin passed; Sam has not responded yet: Sam cannot tell.
        Assert.Equal(QuestionStage.YourTurn, QuestionReveal.See(Sam, null, Pass(Robin), false).Stage);

        // Sam answers: the question closes; Sam learns Robin passed, and Robin never sees Sam's answer.
        Assert.Equal(new QuestionView(QuestionStage.ClosedPartnerPassed, null), QuestionReveal.See(Sam, Answer(Sam, "SAM"), Pass(Robin), false));
        Assert.Equal(new QuestionView(QuestionStage.ClosedYouPassed, null), QuestionReveal.See(Robin, Pass(Robin), Answer(Sam, "SAM"), false));
    }

    [Fact]
    public void WhenTheDayIsOver_AnUnmatchedAnswerIsNeverShown()
    {
        Assert.Equal(new QuestionView(QuestionStage.ClosedDayOver, null), QuestionReveal.See(Sam, null, Answer(Robin), dayOver: true));
        Assert.Equal(new QuestionView(QuestionStage.ClosedDayOver, null), QuestionReveal.See(Sam, Answer(Sam), null, dayOver: true));
        Assert.Equal(QuestionStage.Revealed, QuestionReveal.See(Sam, Answer(Sam), Answer(Robin), dayOver: true).Stage);
    }

    [Fact]
    public void ResponsesWithTheWrongAuthors_DoNotOpenTheSeal()
    {
        // Someone else's response passed as "mine", or the viewer's own passed as "theirs", reveals nothing.
        Assert.Equal(QuestionStage.YourTurn, QuestionReveal.See(Sam, Answer(Robin), Answer(Robin), false).Stage);
        Assert.Equal(QuestionStage.Waiting, QuestionReveal.See(Sam, Answer(Sam), Answer(Sam), false).Stage);
    }

    [Fact]
    public void AFreeTextAnswer_IsRequired_AndLimited_WithAllProblemsNamed()
    {
        var text = QuestionLibrary.All.First(q => !q.IsGuess);
        Assert.False(QuestionReveal.Validate(Sam, text, "   ", null, null, out var empty).IsSuccess);
        Assert.Equal("Text", Assert.Single(empty).Field);
        Assert.False(QuestionReveal.Validate(Sam, text, new string('a', QuestionReveal.MaxAnswerLength + 1), null, null, out var tooLong).IsSuccess);
        Assert.Contains("at most", Assert.Single(tooLong).Message, StringComparison.Ordinal);
        var ok = QuestionReveal.Validate(Sam, text, "  Hello\r\n there ", 1, 2, out _);
        Assert.Equal(new QuestionResponse(Sam, false, "Hello\n there", null, null), ok.Value);
    }

    [Fact]
    public void AGuessAnswer_NeedsAChoiceAndAGuessInRange()
    {
        var guess = QuestionLibrary.All.First(q => q.IsGuess);
        Assert.False(QuestionReveal.Validate(Sam, guess, null, null, 99, out var errors).IsSuccess);
        Assert.Equal(["Choice", "Guess"], errors.Select(e => e.Field));
        var ok = QuestionReveal.Validate(Sam, guess, null, 0, 1, out _);
        Assert.Equal((0, 1), (ok.Value.Choice, ok.Value.Guess));
    }

    [Fact]
    public void GuessMatches_AreReportedForEachPerson()
    {
        var mine = new QuestionResponse(Sam, false, "", 1, 2);
        var theirs = new QuestionResponse(Robin, false, "", 2, 0);
        Assert.Equal((true, false), QuestionReveal.Matches(mine, theirs));
        Assert.Null(QuestionReveal.Matches(Answer(Sam), Answer(Robin)));
    }
}
