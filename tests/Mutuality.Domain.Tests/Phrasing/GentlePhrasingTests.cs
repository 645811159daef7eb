using System.Diagnostics;
using Mutuality.Domain.Phrasing;

namespace Mutuality.Domain.Tests.Phrasing;

public sealed class GentlePhrasingTests
{
    [Theory]
    [InlineData("You always forget the milk.", "absolute", "You always")]
    [InlineData("you never call me back", "absolute", "you never")]
    [InlineData("Every time you drive we argue.", "absolute", "Every time you")]
    [InlineData("Not once did you ask.", "absolute", "Not once did you")]
    [InlineData("You’re always on that phone.", "absolute", "You’re always")]
    [InlineData("You're so selfish.", "label", "You're so selfish")]
    [InlineData("YOU ARE LAZY", "label", "YOU ARE LAZY")]
    [InlineData("ur such a jerk", "label", "ur such a jerk")]
    [InlineData("What's wrong with you?", "label", "What's wrong with you")]
    [InlineData("You're a narcissist.", "diagnosis", "You're a narcissist")]
    [InlineData("You must be on the spectrum.", "diagnosis", "You must be on the spectrum")]
    [InlineData("Are you crazy?", "diagnosis", "Are you crazy")]
    [InlineData("Only a psycho would do that.", "diagnosis", "Only a psycho")]
    [InlineData("Oh great, rain again.", "contempt", "Oh great")]
    [InlineData("Whatever.", "contempt", "Whatever")]
    [InlineData("That's pathetic.", "contempt", "pathetic")]
    [InlineData("Unlike you, I pay attention.", "contempt", "Unlike you")]
    [InlineData("You made me cry.", "blame-opener", "You made me")]
    [InlineData("You don't care.", "blame-opener", "You don't")]
    [InlineData("Seriously, you need to stop.", "blame-opener", "Seriously, you need to")]
    [InlineData("Well, you didn't help either.", "cross-complaint", "Well, you")]
    [InlineData("What about when you forgot my birthday?", "cross-complaint", "What about when you")]
    [InlineData("You're one to talk.", "cross-complaint", "You're one to talk")]
    public void Check_FindsThePatternAndItsWords(string text, string pattern, string matched)
    {
        var check = GentlePhrasing.Check(text);
        var finding = Assert.Single(check.Findings, f => f.Pattern == pattern);
        Assert.Equal(matched, finding.Matched);
        Assert.Equal(matched, text.Substring(finding.Start, finding.Length));
        Assert.False(string.IsNullOrWhiteSpace(finding.Reason));
        Assert.True(check.IsHarsh);
    }

    [Theory]
    [InlineData("You're so stingy.", "stingy", "AFINN-165")]
    [InlineData("you are spineless", "spineless", "our list of character words")]
    [InlineData("Don't be such a brat.", "brat", "our list of character words")]
    [InlineData("honestly you're petty", "petty", "our list of character words")]
    [InlineData("Ur so inconsiderat", "inconsiderate", "AFINN-165")]
    public void Check_ACharacterWord_NamesTheWordAndWhereItsValenceComesFrom(string text, string word, string source)
    {
        var finding = Assert.Single(GentlePhrasing.Check(text).Findings, f => f.Pattern == PhrasingPatterns.Label);
        Assert.Contains($"\"{word}\"", finding.Reason, StringComparison.Ordinal);
        Assert.Contains(source, finding.Reason, StringComparison.Ordinal);
    }

    // Structures read from the lexicons rather than from listed sentences (issue 14): each names its word and source.
    [Theory]
    [InlineData("You belittle my friends.", "label", "You belittle", "AFINN-165")]
    [InlineData("and honestly you guilt-trip me", "label", "you guilt-trip", "our list")]
    [InlineData("You're so grouchy.", "label", "You're so grouchy", "VADER")]
    [InlineData("How dense can you be?", "contempt", "How dense can you", "dense")]
    [InlineData("Every other husband manages it.", "comparison", "Every other husband manages", "someone else")]
    [InlineData("Your brother would never be this careless.", "comparison", "Your brother would", "someone else")]
    [InlineData("Thanks for wrecking the evening.", "contempt", "Thanks for wrecking", "AFINN-165")]
    [InlineData("Every weekend you sulk about something.", "absolute", "Every weekend you", "habit")]
    public void Check_AStructureReadFromTheLexicons_NamesItsWordsAndWhy(string text, string pattern, string matched, string inReason)
    {
        var finding = Assert.Single(GentlePhrasing.Check(text).Findings, f => f.Pattern == pattern);
        Assert.Equal(matched, finding.Matched);
        Assert.Contains(inReason, finding.Reason, StringComparison.Ordinal);
    }

    // The same structures stay quiet on warm sentences, feelings, habits that are kind and negated reports.
    [Theory]
    [InlineData("When you criticise my cooking I feel hurt.")]
    [InlineData("Thanks for worrying about me.")]
    [InlineData("Every morning you make me coffee.")]
    [InlineData("Nobody makes me laugh like you.")]
    [InlineData("Anyone can see how hard you work.")]
    [InlineData("I don't think you manipulate anyone.")]
    [InlineData("You hate mornings, I know.")]
    [InlineData("Ten years and you still make my heart race.")]
    [InlineData("My brother would love this place.")]
    public void Check_TheStructures_LeaveGentleSentencesAlone(string text)
        => Assert.False(GentlePhrasing.Check(text).IsHarsh, string.Join("; ", GentlePhrasing.Check(text).Findings.Select(f => $"{f.Pattern}: {f.Matched}")));

    [Theory]
    [InlineData("You're so generous with your time.")]
    [InlineData("You're not lazy, you're exhausted.")]
    [InlineData("You're anything but boring.")]
    [InlineData("You're far from useless.")]
    [InlineData("You seem sad today.")]
    [InlineData("Are you upset with me?")]
    [InlineData("I'm crazy about you.")]
    [InlineData("You're insanely talented.")]
    [InlineData("I'm such an idiot, I forgot my keys.")]
    [InlineData("You never complain, even when you're tired.")]
    [InlineData("Not once have you missed a school play.")]
    public void Check_TheTraitGrammar_LeavesStatesNegationsAndPraiseAlone(string text) => Assert.Empty(GentlePhrasing.Check(text).Findings);

    [Theory]
    [InlineData("You are not selfish.")]
    [InlineData("You're not lazy, you're worn out.")]
    [InlineData("You aren't stupid.")]
    [InlineData("I never said you were lazy.")]
    [InlineData("I don't think you're crazy.")]
    [InlineData("Nobody thinks you're a narcissist.")]
    [InlineData("I'm not saying you always forget.")]
    [InlineData("It's not that you never help.")]
    [InlineData("I would never call you useless.")]
    [InlineData("You don't always have to drive.")]
    [InlineData("It's not your fault.")]
    [InlineData("That's not pathetic at all.")]
    [InlineData("It's no big deal.")]
    public void Check_Negation_IsNotFlagged(string text) => Assert.Empty(GentlePhrasing.Check(text).Findings);

    [Theory]
    [InlineData("You always make me laugh.")]
    [InlineData("You never let me down.")]
    [InlineData("Every time you sing I smile.")]
    [InlineData("I love how you always remember the small things.")]
    [InlineData("You made me breakfast, thank you!")]
    [InlineData("You don't have to apologise.")]
    [InlineData("You must be tired.")]
    [InlineData("Whatever you need.")]
    [InlineData("Have you always liked jazz?")]
    [InlineData("I'm crazy about you.")]
    public void Check_KindSentences_AreNotFlagged(string text) => Assert.Empty(GentlePhrasing.Check(text).Findings);

    [Theory]
    [InlineData("My mum used to say \"you're so lazy\" to me.")]
    [InlineData("He shouted “you never listen” at the TV.")]
    [InlineData("The sign said „Whatever“ in big letters.")]
    [InlineData("She read out ‘you’re hopeless’ from the script.")]
    public void Check_QuotedSpeech_IsNotFlagged(string text) => Assert.Empty(GentlePhrasing.Check(text).Findings);

    [Fact]
    public void Check_OutsideTheQuote_IsStillChecked()
    {
        var check = GentlePhrasing.Check("You said \"fine\" but you never meant it.");
        Assert.Equal(["absolute"], check.Patterns);
    }

    [Theory]
    [InlineData("Why do you always do this?", "absolute")]
    [InlineData("Are you stupid?", "label")]
    [InlineData("Can't you ever be on time?", "absolute")]
    public void Check_Questions_AreCheckedToo(string text, string pattern) => Assert.Contains(pattern, GentlePhrasing.Check(text).Patterns);

    [Theory]
    [InlineData("Du bist immer so faul.")]
    [InlineData("Tu ne m'écoutes jamais.")]
    [InlineData("あなたはいつも遅い")]
    [InlineData("Ты всегда опаздываешь")]
    public void Check_OtherLanguages_HaveNoFindingsAndSaySo(string text)
    {
        var check = GentlePhrasing.Check(text);
        Assert.Empty(check.Findings);
        Assert.False(check.LooksEnglish);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\"")]
    [InlineData("“unclosed quote you're so lazy")]
    [InlineData("\uD83D")]
    [InlineData("...!!!???")]
    [InlineData("\u0000\u0001you never")]
    public void Check_OddInput_NeverThrows(string? text)
    {
        var check = GentlePhrasing.Check(text);
        Assert.NotNull(check);
    }

    [Fact]
    public void Check_HugeInputWithoutPunctuation_IsFastAndBounded()
    {
        var text = string.Concat(Enumerable.Repeat("you you you always ", 20_000));
        var clock = Stopwatch.StartNew();
        var check = GentlePhrasing.Check(text);
        clock.Stop();
        Assert.True(check.IsHarsh);
        Assert.All(check.Findings, f => Assert.True(f.Start + f.Length <= GentlePhrasing.MaxCheckedLength));
        Assert.True(clock.ElapsedMilliseconds < 5_000, $"Took {clock.ElapsedMilliseconds} ms.");
    }

    [Fact]
    public void Check_FindingsAreInTextOrder_AndSpansPointIntoTheOriginal()
    {
        const string text = "Whatever. You’re so lazy and you never cook.";
        var check = GentlePhrasing.Check(text);
        Assert.Equal(["contempt", "label", "absolute"], check.Findings.Select(f => f.Pattern));
        Assert.All(check.Findings, f => Assert.Equal(f.Matched, text.Substring(f.Start, f.Length)));
        Assert.Equal(["absolute", "label", "contempt"], check.Patterns);
    }

    [Fact]
    public void Check_IsDeterministic()
    {
        const string text = "Oh great. You never help and you're so selfish; well, you started it.";
        var first = GentlePhrasing.Check(text);
        var second = GentlePhrasing.Check(text);
        Assert.Equal(first.Findings, second.Findings);
        Assert.Equal(first.Rewrite, second.Rewrite);
    }

    [Fact]
    public void Patterns_EachHasATitleAndAReason()
    {
        Assert.Equal(10, PhrasingPatterns.All.Count);
        Assert.Equal(PhrasingPatterns.All.Count, PhrasingPatterns.All.Distinct().Count());
        Assert.All(PhrasingPatterns.All, p =>
        {
            Assert.NotEqual(p, PhrasingPatterns.Title(p));
            Assert.False(string.IsNullOrWhiteSpace(PhrasingPatterns.Reason(p)));
        });
    }
}

public sealed class PhrasingRewriteTests
{
    [Theory]
    [InlineData("You never listen to me.", "I feel frustrated about the times you don't listen to me. I need you to listen to me.")]
    [InlineData("You never called back.", "I feel frustrated about the times you haven't called back. I need us to find a way that works for both of us.")]
    [InlineData("You always leave your shoes in the hall.", "I feel frustrated about the times you leave your shoes in the hall. I need us to find a way that works for both of us.")]
    [InlineData("You're always late.", "I feel frustrated about the times you're late. I need us to find a way that works for both of us.")]
    [InlineData("I'm so tired. You didn't call.", "I feel tired about the time you didn't call. I need you to call next time.")]
    [InlineData("You don't help with the bins.", "I feel upset about the times you don't help with the bins. I need you to help with the bins.")]
    [InlineData("You made me late again.", "I feel upset about being late. I need us to talk about what would help next time.")]
    [InlineData("You need to stop shouting.", "I feel upset about [the one thing that happened]. I need you to stop shouting.")]
    [InlineData("You're so selfish with money.", "I feel hurt about what happens with money. I need us to talk about that one thing, not about who either of us is.")]
    [InlineData("Whatever.", "I feel frustrated about [the one thing that happened]. I need us to slow down and say what we really mean.")]
    [InlineData("Well, you didn't help either.", "I feel hurt about [the one thing that happened]. I need us to finish talking about your worry first, and then talk about mine.")]
    [InlineData("You ignored me at the party and I felt invisible.", "I feel unseen about the time you ignored me at the party and I felt invisible. I need us to talk about what would help next time.")]
    public void Rewrite_IsBuiltFromWhatWasWritten(string text, string expected) => Assert.Equal(expected, GentlePhrasing.Check(text).Rewrite);

    [Fact]
    public void Rewrite_IsNullForGentleText() => Assert.Null(GentlePhrasing.Check("Could we go for a walk tonight?").Rewrite);

    [Fact]
    public void Rewrite_AlwaysFollowsTheShape()
    {
        foreach (var row in PhrasingSetTests.Load().Where(r => r.Harsh))
        {
            var rewrite = GentlePhrasing.Check(row.Sentence).Rewrite;
            if (rewrite is null)
            {
                continue;
            }

            Assert.StartsWith("I feel ", rewrite, StringComparison.Ordinal);
            Assert.Contains(" about ", rewrite, StringComparison.Ordinal);
            Assert.Contains(". I need ", rewrite, StringComparison.Ordinal);
            Assert.EndsWith(".", rewrite, StringComparison.Ordinal);
            Assert.DoesNotContain(" always ", rewrite, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" never ", rewrite, StringComparison.OrdinalIgnoreCase);
        }
    }
}
