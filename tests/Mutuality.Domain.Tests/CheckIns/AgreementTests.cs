using Mutuality.Domain.CheckIns;

namespace Mutuality.Domain.Tests.CheckIns;

public sealed class AgreementTests
{
    private static List<FeelingChoice> F(params (string Word, int Intensity)[] words) => words.Select(w => new FeelingChoice(w.Word, w.Intensity)).ToList();

    [Fact]
    public void Feelings_IdenticalAnswers_Are100Percent()
        => Assert.Equal(1.0, Agreement.Feelings(F(("anxious", 2), ("tired", 3)), F(("anxious", 2), ("tired", 3))).Score);

    [Fact]
    public void Feelings_DisjointFamilies_Are0Percent()
        => Assert.Equal(0.0, Agreement.Feelings(F(("calm", 2), ("happy", 1)), F(("anxious", 2), ("angry", 3))).Score);

    [Fact]
    public void Feelings_SameFamilyWrongWord_EarnsHalfCredit()
    {
        var result = Agreement.Feelings(F(("calm", 2)), F(("content", 2)));
        Assert.Equal(0.5, result.Score);
        Assert.Equal(FeelingMatchKind.SameFamily, Assert.Single(result.Matches).Kind);
    }

    [Theory]
    // Right word, intensity 1 guessed for 3 reported: min/max = 1/3.
    [InlineData("anxious", 1, "anxious", 3, 1.0 / 3)]
    [InlineData("anxious", 3, "anxious", 2, 2.0 / 3)]
    // Same family, wrong word, different intensities: 0.5·min/max = 0.5·1/3.
    [InlineData("worried", 1, "anxious", 3, 0.5 / 3)]
    // Hurt counts in both Sad and Scared.
    [InlineData("hurt", 2, "anxious", 2, 0.5)]
    [InlineData("insecure", 2, "lonely", 2, 0.5)]
    // Sad and Scared are otherwise different families.
    [InlineData("sad", 2, "anxious", 2, 0.0)]
    public void Feelings_OneWordEach_MatchesHandComputation(string guess, int gi, string actual, int ai, double expected)
        => Assert.Equal(expected, Agreement.Feelings(F((guess, gi)), F((actual, ai))).Score!.Value, 10);

    [Fact]
    public void Feelings_MixedExample_MatchesHandComputation()
    {
        // Reported: anxious 3, tired 2, hopeful 1. Guessed: worried 2, tired 2, calm 1.
        // tired exact: min 2 / max 2. worried~anxious same family: 0.5·min(2,3)=1 / max 3.
        // calm missed: 0 / 1. hopeful unguessed: 0 / 1. Total (2 + 1) / (2 + 3 + 1 + 1) = 3/7.
        var result = Agreement.Feelings(F(("worried", 2), ("tired", 2), ("calm", 1)), F(("anxious", 3), ("tired", 2), ("hopeful", 1)));
        Assert.Equal(3.0 / 7, result.Score!.Value, 10);
        Assert.Equal(4, result.Matches.Count);
    }

    [Fact]
    public void Feelings_ExactMatchIsPreferredOverFamilyPairing()
    {
        // Guess anxious+worried, actual anxious only: anxious exact (2/2), worried missed (0/2) => 2/4.
        var result = Agreement.Feelings(F(("anxious", 2), ("worried", 2)), F(("anxious", 2)));
        Assert.Equal(0.5, result.Score);
    }

    [Fact]
    public void Feelings_WordsInTwoFamilies_AreGivenTheBestOneToOnePairing()
    {
        // Issue 13: guessed hurt·2 + worried·2 for insecure·2 + sad·2. Greedy (alphabetical) paired hurt~insecure and
        // left worried and sad unpaired: 1/6. The best pairing is hurt~sad and worried~insecure: (1 + 1) / (2 + 2) = 50 %.
        var result = Agreement.Feelings(F(("hurt", 2), ("worried", 2)), F(("insecure", 2), ("sad", 2)));
        Assert.Equal(0.5, result.Score!.Value, 10);
        Assert.Equal(2, result.Matches.Count(m => m.Kind == FeelingMatchKind.SameFamily));
    }

    [Fact]
    public void Feelings_ScoreIsNeverBelowAnyOtherOneToOnePairing()
    {
        // Independent check: for random guesses within Sad and Scared, compare with every pairing of a hand-rolled enumeration.
        string[] words = ["sad", "hurt", "lonely", "unseen", "disappointed", "anxious", "worried", "insecure"];
        var random = new Random(1313);
        for (var round = 0; round < 300; round++)
        {
            var shuffled = words.OrderBy(_ => random.Next()).ToList();
            var guess = shuffled.Take(random.Next(1, 4)).Select(w => (w, random.Next(1, 4))).ToArray();
            var actual = shuffled.Skip(4).Take(random.Next(1, 4)).Select(w => (w, random.Next(1, 4))).ToArray();
            var score = Agreement.Feelings(F(guess), F(actual)).Score!.Value;
            Assert.True(score >= BestByEnumeration(guess, actual) - 1e-12, $"round {round}");
        }
    }

    private static double BestByEnumeration((string Word, int I)[] guess, (string Word, int I)[] actual)
    {
        // Every injective map from a subset of guesses to actual words (same family only), scored directly.
        var best = 0.0;
        void Go(int i, List<(int G, int A)> pairs)
        {
            if (i == guess.Length)
            {
                double credit = 0, weight = guess.Sum(g => g.I) + actual.Sum(a => a.I);
                foreach (var (gi, ai) in pairs)
                {
                    credit += 0.5 * Math.Min(guess[gi].I, actual[ai].I);
                    weight += Math.Max(guess[gi].I, actual[ai].I) - guess[gi].I - actual[ai].I;
                }

                best = Math.Max(best, credit / weight);
                return;
            }

            Go(i + 1, pairs);
            for (var a = 0; a < actual.Length; a++)
            {
                if (pairs.All(p => p.A != a) && FeelingVocabulary.SameFamily(guess[i].Word, actual[a].Word))
                {
                    Go(i + 1, [.. pairs, (i, a)]);
                }
            }
        }

        Go(0, []);
        return best;
    }

    [Fact]
    public void Feelings_WordsMatchWhateverTheirCase()
        => Assert.Equal(1.0, Agreement.Feelings(F(("Anxious", 2), (" TIRED", 3)), F(("anxious", 2), ("tired", 3))).Score);

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Feelings_RejectsIntensitiesOutsideOneToThree(int intensity)
        => Assert.Throws<ArgumentOutOfRangeException>(() => Agreement.Feelings(F(("sad", intensity)), F(("sad", 2))));

    [Theory]
    [InlineData(0, 4)]
    [InlineData(4, 8)]
    [InlineData(-3, 1)]
    public void Rating_RejectsRatingsOutsideOneToSeven(int guess, int actual)
        => Assert.Throws<ArgumentOutOfRangeException>(() => Agreement.Rating(guess, actual));

    [Fact]
    public void Feelings_NothingOnEitherSide_HasNoScore() => Assert.Null(Agreement.Feelings([], []).Score);

    [Fact]
    public void Feelings_GuessedNothing_ButTheyFeltSomething_Is0Percent() => Assert.Equal(0.0, Agreement.Feelings([], F(("sad", 1))).Score);

    [Theory]
    [InlineData(4, 4, 1.0)]
    [InlineData(1, 7, 0.0)]
    [InlineData(7, 1, 0.0)]
    [InlineData(3, 5, 4.0 / 6)]
    [InlineData(6, 5, 5.0 / 6)]
    public void Rating_IsOneMinusDistanceOverSix(int guess, int actual, double expected)
        => Assert.Equal(expected, Agreement.Rating(guess, actual)!.Value, 10);

    [Fact]
    public void Compute_ReportsEachPartAndOverall()
    {
        var guess = StateReport.Empty with { Feelings = F(("calm", 2)), Ratings = new Ratings(5, 4, 2) };
        var actual = StateReport.Empty with { Feelings = F(("content", 2)), Ratings = new Ratings(5, 6, 5) };
        var result = Agreement.Compute(guess, actual);
        Assert.Equal(0.5, result.Feelings.Score);
        Assert.Equal(1.0, result.Supported!.Value, 10);
        Assert.Equal(4.0 / 6, result.AbleToGive!.Value, 10);
        Assert.Equal(0.5, result.Stress!.Value, 10);
        var ratings = (1.0 + (4.0 / 6) + 0.5) / 3;
        Assert.Equal(ratings, result.Ratings!.Value, 10);
        Assert.Equal((0.5 + ratings) / 2, result.Overall!.Value, 10);
    }

    [Fact]
    public void Vocabulary_HasAbout30UniqueWordsInEightFamilies()
    {
        Assert.Equal(30, FeelingVocabulary.All.Count);
        Assert.Equal(30, FeelingVocabulary.All.Select(w => w.Word).Distinct().Count());
        Assert.Equal(8, FeelingVocabulary.All.Select(w => w.Family).Distinct().Count());
    }
}
