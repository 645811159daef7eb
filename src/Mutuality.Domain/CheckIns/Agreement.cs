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
/// M5 agreement at a reveal (docs/measures.md). Feelings: weighted overlap Σmin(g,a) / Σmax(g,a) over the words,
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
    {
        Ratings.Guard(guess, nameof(guess));
        Ratings.Guard(actual, nameof(actual));
        return guess is null || actual is null ? null : 1.0 - (Math.Abs(guess.Value - actual.Value) / 6.0);
    }

    public static FeelingAgreement Feelings(IReadOnlyList<FeelingChoice> guessed, IReadOnlyList<FeelingChoice> actual)
    {
        if (guessed.Count == 0 && actual.Count == 0)
        {
            return new FeelingAgreement(null, []);
        }

        var matches = new List<FeelingMatch>();
        var g = Normalise(guessed, nameof(guessed));
        var a = Normalise(actual, nameof(actual));
        double numerator = 0, denominator = 0;

        foreach (var word in g.Keys.Where(a.ContainsKey).ToList())
        {
            numerator += Math.Min(g[word], a[word]);
            denominator += Math.Max(g[word], a[word]);
            matches.Add(new FeelingMatch(FeelingMatchKind.Exact, word, g[word], word, a[word]));
            g.Remove(word);
            a.Remove(word);
        }

        // Pair the remaining guesses with remaining reported words of the same family: the best one-to-one pairing
        // (the assignment with the highest overall score), not a greedy pass, so a word in two families (hurt,
        // insecure) goes where it earns most.
        foreach (var (gw, aw) in BestPairing(g, a, numerator, denominator))
        {
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

    /// <summary>Words in lower case (trimmed), one entry per word with its largest intensity; intensities must be 1–3.</summary>
    private static SortedDictionary<string, int> Normalise(IReadOnlyList<FeelingChoice> choices, string name)
    {
        ArgumentNullException.ThrowIfNull(choices, name);
        var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var choice in choices)
        {
            if (string.IsNullOrWhiteSpace(choice.Word))
            {
                throw new ArgumentException("A feeling needs a word.", name);
            }

            if (choice.Intensity is < FeelingVocabulary.MinIntensity or > FeelingVocabulary.MaxIntensity)
            {
                throw new ArgumentOutOfRangeException(name, choice.Intensity, $"Feeling intensities run from {FeelingVocabulary.MinIntensity} to {FeelingVocabulary.MaxIntensity}.");
            }

            var word = choice.Word.Trim().ToLowerInvariant();
            result[word] = result.TryGetValue(word, out var before) ? Math.Max(before, choice.Intensity) : choice.Intensity;
        }

        return result;
    }

    /// <summary>
    /// The one-to-one pairing of leftover guessed and reported words (same family only) that gives the highest
    /// feelings score, found by trying every pairing: pairing g with a adds ½·min(g, a) to the credit and replaces
    /// g + a by max(g, a) in the weight. At most a few hundred pairings exist for the 30-word vocabulary (families
    /// have 2–6 words), so trying them all is cheap and exact. Ties keep the first pairing found in word order.
    /// </summary>
    private static List<(string Guess, string Actual)> BestPairing(IDictionary<string, int> g, IDictionary<string, int> a, double numerator, double denominator)
    {
        var guesses = g.Keys.Where(gw => a.Keys.Any(aw => FeelingVocabulary.SameFamily(gw, aw))).ToList();
        var baseDenominator = denominator + g.Values.Sum() + a.Values.Sum();
        var best = new List<(string, string)>();
        var bestScore = baseDenominator == 0 ? 0 : numerator / baseDenominator;
        var current = new List<(string, string)>();
        var used = new HashSet<string>(StringComparer.Ordinal);

        void Search(int index, double credit, double weight)
        {
            if (index == guesses.Count)
            {
                var score = weight == 0 ? 0 : credit / weight;
                if (score > bestScore + 1e-12)
                {
                    bestScore = score;
                    best = [.. current];
                }

                return;
            }

            var gw = guesses[index];
            foreach (var aw in a.Keys)
            {
                if (used.Contains(aw) || !FeelingVocabulary.SameFamily(gw, aw))
                {
                    continue;
                }

                used.Add(aw);
                current.Add((gw, aw));
                Search(index + 1, credit + (0.5 * Math.Min(g[gw], a[aw])), weight - g[gw] - a[aw] + Math.Max(g[gw], a[aw]));
                current.RemoveAt(current.Count - 1);
                used.Remove(aw);
            }

            Search(index + 1, credit, weight);
        }

        Search(0, numerator, baseDenominator);
        return best;
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : present.Average();
    }

    /// <summary>A 0–1 agreement as a whole percentage, e.g. "83%".</summary>
    public static string Percent(double? value) => value is null ? "—" : $"{Math.Round(value.Value * 100, MidpointRounding.AwayFromZero):0}%";
}
