using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Insights;
using Mutuality.Domain.Support;

namespace Mutuality.Domain.Tests.Insights;

public sealed class NudgesTests
{
    private static NudgeFacts Facts(Balance? fortnight = null, int inWindow = 0, int late = 0, int reveals = 0, PerceptionSums? stress = null)
        => new("2026-W10", fortnight ?? new Balance(3, 3, 0, 0, 2), "2026-03", inWindow, late, reveals, stress);

    private static readonly string[] Comparing = ["more than Sam", "less than Sam", "winner", "owe", "score", "fair share", "should"];

    [Fact]
    public void NothingToSay_NoNudges() => Assert.Empty(Nudges.For(Facts(), "Sam"));

    [Theory]
    [InlineData(1, 5, true)]
    [InlineData(2, 6, true)]
    [InlineData(2, 5, false)] // 2 of 7 is more than a quarter
    [InlineData(0, 5, false)] // too little to say anything
    public void ReceivingMore_WhenTheViewerGaveAQuarterOrLess_OfEnough(int given, int received, bool expected)
    {
        var nudges = Nudges.For(Facts(new Balance(given, received, 0, 0, 2)), "Sam");
        Assert.Equal(expected, nudges.Any(n => n.Kind == Nudges.ReceivingMore));
        if (expected)
        {
            var nudge = nudges.Single();
            Assert.Equal("2026-W10", nudge.PeriodKey);
            Assert.Contains($"you gave {given} of the {given + received}", nudge.Why, StringComparison.Ordinal);
            Assert.DoesNotContain("Sam", nudge.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReceivingMore_IsNeverAboutThePartnerGivingLittle()
    {
        // The partner gave little: that is not the viewer's nudge to see (no comparing, no blaming).
        Assert.Empty(Nudges.For(Facts(new Balance(10, 0, 0, 0, 2)), "Sam"));
    }

    [Theory]
    [InlineData(1, 2, true)]
    [InlineData(3, 3, true)]
    [InlineData(3, 2, false)]
    [InlineData(0, 2, false)]
    public void LateAnswers_WhenHalfOrMoreCameAfterTheWindow(int inWindow, int late, bool expected)
    {
        var nudges = Nudges.For(Facts(inWindow: inWindow, late: late), "Sam");
        Assert.Equal(expected, nudges.Any(n => n.Kind == Nudges.LateAnswers && n.PeriodKey == "2026-03"));
    }

    private static PerceptionSums Stress(double projection, int n, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, n).Select(_ =>
        {
            var t = random.Next(1, 8);
            var s = random.Next(1, 8);
            var guess = Math.Clamp(Math.Round(4 + (0.3 * (t - 4)) + (projection * (s - 4)) + (random.NextDouble() - 0.5)), 1, 7);
            return new PerceptionObservation(RatingKind.Stress, guess, t, s);
        });
        return PerceptionSums.Of(RatingKind.Stress, rows);
    }

    [Fact]
    public void ProjectingStress_WhenGuessesClearlyFollowOnesOwnStress()
    {
        var nudges = Nudges.For(Facts(reveals: 16, stress: Stress(0.8, 16, 1)), "Sam");
        var nudge = Assert.Single(nudges);
        Assert.Equal(Nudges.ProjectingStress, nudge.Kind);
        Assert.Contains("M6", nudge.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectingStress_NotWhenGuessesFollowThePartner_OrTooFewReveals()
    {
        Assert.Empty(Nudges.For(Facts(reveals: 16, stress: Stress(0, 16, 2)), "Sam"));
        Assert.Empty(Nudges.For(Facts(reveals: 5, stress: Stress(0.8, 5, 3)), "Sam"));
    }

    [Fact]
    public void Wording_IsGentle_AndNeverComparesPartners()
    {
        var all = Nudges.For(Facts(new Balance(1, 9, 0, 0, 2), 1, 3, 16, Stress(0.8, 16, 1)), "Sam");
        Assert.Equal(3, all.Count);
        foreach (var nudge in all)
        {
            foreach (var word in Comparing)
            {
                Assert.DoesNotContain(word, nudge.Title + " " + nudge.Text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
