using Mutuality.Domain.Questions;

namespace Mutuality.Domain.Tests.Questions;

/// <summary>Reads the whole library (issue 17): size, coverage, no duplicates or near-duplicates, lengths and wording.</summary>
public sealed class QuestionLibraryTests
{
    private static readonly IReadOnlyList<Question> All = QuestionLibrary.All;

    [Fact]
    public void TheLibrary_HasAtLeast240Questions()
        => Assert.True(All.Count >= 240, $"The library has {All.Count} questions.");

    [Fact]
    public void EveryCategory_HasAtLeastTenQuestions_AndBothDepthsAppear()
    {
        foreach (var category in QuestionCategories.All)
        {
            Assert.True(All.Count(q => q.Category == category) >= 10, $"{category} has fewer than ten questions.");
        }

        Assert.Contains(All, q => q.Depth == QuestionDepth.Light);
        Assert.Contains(All, q => q.Depth == QuestionDepth.Deeper);

        // Enough of both that the "never deeper two days running" rule can mix them through a whole round.
        var deeper = All.Count(q => q.Depth == QuestionDepth.Deeper);
        Assert.InRange(deeper, All.Count / 4, All.Count / 2);
    }

    [Fact]
    public void EveryCategoryTiedToTheModel_HasANameAndASlugThatRoundTrips()
    {
        foreach (var category in QuestionCategories.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(QuestionCategories.Name(category)));
            Assert.Equal(category, QuestionCategories.FromSlug(QuestionCategories.Slug(category)));
        }
    }

    [Fact]
    public void Ids_AreUnique_AndShort()
    {
        Assert.Equal(All.Count, All.Select(q => q.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(All, q => Assert.InRange(q.Id.Length, 2, 16));
    }

    [Fact]
    public void NoTwoQuestions_AreTheSameOnceNormalised()
    {
        var duplicates = All.GroupBy(q => QuestionLibrary.Normalise(q.Text)).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g.Select(q => q.Id))).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void NoTwoQuestions_AreNearDuplicates_ByTheWordsTheyShare()
    {
        var words = All.Select(q => (q.Id, Words: QuestionLibrary.Normalise(q.Text).Split(' ').ToHashSet())).ToList();
        var near = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            for (var j = i + 1; j < words.Count; j++)
            {
                var shared = words[i].Words.Intersect(words[j].Words).Count();
                var union = words[i].Words.Union(words[j].Words).Count();
                if (union > 0 && (double)shared / union >= 0.6)
                {
                    near.Add($"{words[i].Id} ~ {words[j].Id}");
                }
            }
        }

        Assert.Empty(near);
    }

    [Fact]
    public void NearDuplicateCheck_CatchesARephrasing()
    {
        // The check above must be able to fail: a small rewording of a question normalises to the same words.
        var a = QuestionLibrary.Normalise("What is the best part of YOUR ordinary day?").Split(' ').ToHashSet();
        var b = QuestionLibrary.Normalise("What's the best part of an ordinary day for you?").Split(' ').ToHashSet();
        Assert.True((double)a.Intersect(b).Count() / a.Union(b).Count() >= 0.6);
    }

    [Fact]
    public void EveryQuestion_IsWithinTheLengthLimits_AndEndsWithAQuestionMark()
    {
        Assert.All(All, q =>
        {
            Assert.InRange(q.Text.Length, 15, QuestionLibrary.MaxTextLength);
            Assert.EndsWith("?", q.Text, StringComparison.Ordinal);
            Assert.Equal(q.Text.Trim(), q.Text);
        });
    }

    [Fact]
    public void GuessQuestions_AreThere_WithTwoToFiveDistinctShortChoices()
    {
        var guesses = All.Where(q => q.IsGuess).ToList();
        Assert.True(guesses.Count >= 15, $"Only {guesses.Count} guess questions.");
        Assert.All(guesses, q =>
        {
            Assert.InRange(q.Choices.Count, QuestionLibrary.MinChoices, QuestionLibrary.MaxChoices);
            Assert.Equal(q.Choices.Count, q.Choices.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(q.Choices, c => Assert.InRange(c.Length, 1, QuestionLibrary.MaxChoiceLength));
        });
    }

    [Theory]
    [InlineData("you always")]
    [InlineData("you never")]
    [InlineData("why don't you")]
    [InlineData("what's wrong with")]
    [InlineData("your fault")]
    [InlineData("should have")]
    [InlineData("admit")]
    public void NoQuestion_UsesBlamingWords(string phrase)
        => Assert.DoesNotContain(All, q => q.Text.Contains(phrase, StringComparison.OrdinalIgnoreCase) || q.Choices.Any(c => c.Contains(phrase, StringComparison.OrdinalIgnoreCase)));

    [Theory]
    [InlineData("q1 | L | Before any category?")]
    [InlineData("## no-such-category\nq1 | L | A question?")]
    [InlineData("## memories\nq1 | X | Depth must be L or D?")]
    [InlineData("## memories\nq1 | L | guess | Only one choice? | Yes")]
    [InlineData("## memories\nq1 | L | A pipe | inside?")]
    public void AMalformedLibraryLine_FailsLoudly(string text)
        => Assert.Throws<FormatException>(() => QuestionLibrary.Parse(text));
}
