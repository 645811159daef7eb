namespace Mutuality.Domain.CheckIns;

/// <summary>One guessed feeling set against one reported feeling: exact, same family (half credit), or a miss.</summary>
public enum FeelingMatchKind
{
    Exact,
    SameFamily,
    Missed,
    Unguessed,
}

/// <summary>How one word fared: the guessed and the actual word and intensities (0 = not chosen).</summary>
public sealed record FeelingMatch(FeelingMatchKind Kind, string? GuessedWord, int GuessedIntensity, string? ActualWord, int ActualIntensity);

/// <summary>The feelings part of M5: the overlap (0–1) and how each word matched.</summary>
public sealed record FeelingAgreement(double? Score, IReadOnlyList<FeelingMatch> Matches);

/// <summary>M5 for one reveal: feelings, each rating, the ratings part, and overall. Null where there is nothing to compare.</summary>
public sealed record AgreementResult(
    FeelingAgreement Feelings,
    double? Supported,
    double? AbleToGive,
    double? Stress,
    double? Ratings,
    double? Overall);

/// <summary>
/// M5 agreement at a reveal (PRODUCT.md §4). Feelings: weighted overlap Σmin(g,a) / Σmax(g,a) over the words,
/// where a guessed word in the right family but not the reported word is paired with that reported word and
/// earns half credit (0.5·min) against one max. Ratings: 1 − |guess − actual| / 6. Overall = mean of the
/// feelings part and the ratings part (the mean of the three ratings).
/// </summary>
public static class Agreement
{
    public static AgreementResult Compute(StateReport guess, StateReport actual)
    {
        var feelings = Feelings(guess.Feelings, actual.Feelings);
        var supported = Rating(guess.Ratings.Supported, actual.Ratings.Supported);
        var able = Rating(guess.Ratings.AbleToGive, actual.Ratings.AbleToGive);
        var stress = Rating(guess.Ratings.Stress, actual.Ratings.Stress);
        var ratings = Mean([supported, able, stress]);
        var overall = Mean([feelings.Score, ratings]);
        return new AgreementResult(feelings, supported, able, stress, ratings, overall);
    }

    /// <summary>1 − |guess − actual| / 6 for a 1–7 rating; null when either is missing.</summary>
    public static double? Rating(int? guess, int? actual)
        => guess is null || actual is null ? null : 1.0 - (Math.Abs(guess.Value - actual.Value) / 6.0);

    public static FeelingAgreement Feelings(IReadOnlyList<FeelingChoice> guessed, IReadOnlyList<FeelingChoice> actual)
    {
        if (guessed.Count == 0 && actual.Count == 0)
        {
            return new FeelingAgreement(null, []);
        }

        var matches = new List<FeelingMatch>();
        var g = guessed.GroupBy(f => f.Word).ToDictionary(x => x.Key, x => x.Max(f => f.Intensity));
        var a = actual.GroupBy(f => f.Word).ToDictionary(x => x.Key, x => x.Max(f => f.Intensity));
        double numerator = 0, denominator = 0;

        foreach (var word in g.Keys.Where(a.ContainsKey).ToList())
        {
            numerator += Math.Min(g[word], a[word]);
            denominator += Math.Max(g[word], a[word]);
            matches.Add(new FeelingMatch(FeelingMatchKind.Exact, word, g[word], word, a[word]));
            g.Remove(word);
            a.Remove(word);
        }

        // Pair the remaining guesses with remaining reported words of the same family, largest credit first.
        var candidates = (from gw in g
                          from aw in a
                          where FeelingVocabulary.SameFamily(gw.Key, aw.Key)
                          orderby Math.Min(gw.Value, aw.Value) descending, Math.Max(gw.Value, aw.Value) ascending, gw.Key, aw.Key
                          select (Guess: gw.Key, Actual: aw.Key)).ToList();
        foreach (var (gw, aw) in candidates)
        {
            if (!g.ContainsKey(gw) || !a.ContainsKey(aw))
            {
                continue;
            }

            numerator += 0.5 * Math.Min(g[gw], a[aw]);
            denominator += Math.Max(g[gw], a[aw]);
            matches.Add(new FeelingMatch(FeelingMatchKind.SameFamily, gw, g[gw], aw, a[aw]));
            g.Remove(gw);
            a.Remove(aw);
        }

        foreach (var (word, intensity) in g)
        {
            denominator += intensity;
            matches.Add(new FeelingMatch(FeelingMatchKind.Missed, word, intensity, null, 0));
        }

        foreach (var (word, intensity) in a)
        {
            denominator += intensity;
            matches.Add(new FeelingMatch(FeelingMatchKind.Unguessed, null, 0, word, intensity));
        }

        return new FeelingAgreement(denominator == 0 ? null : numerator / denominator, matches);
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : present.Average();
    }

    /// <summary>A 0–1 agreement as a whole percentage, e.g. "83%".</summary>
    public static string Percent(double? value) => value is null ? "—" : $"{Math.Round(value.Value * 100, MidpointRounding.AwayFromZero):0}%";
}
