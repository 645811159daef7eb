namespace Mutuality.Domain.CheckIns;

/// <summary>Families of feeling words. Families are a useful grouping, not hard science (the sources disagree on them).</summary>
public enum FeelingFamily
{
    Connected,
    Joyful,
    Peaceful,
    Sad,
    Scared,
    Mad,
    Strained,
    SelfConscious,
}

/// <summary>Pleasant (+), unpleasant (−) or neither.</summary>
public enum Valence
{
    Unpleasant = -1,
    Neutral = 0,
    Pleasant = 1,
}

/// <summary>One word of the fixed check-in vocabulary, with its family, valence and energy.</summary>
public sealed record FeelingWord(string Word, FeelingFamily Family, Valence Valence, bool HighEnergy);

/// <summary>A feeling chosen in a check-in: a word from the vocabulary and how strongly (1 a little, 2 clearly, 3 very).</summary>
public sealed record FeelingChoice(string Word, int Intensity);

/// <summary>
/// The fixed vocabulary of 30 feeling words in 8 families, written by the project (grounded in
/// Shaver et al. 1987, Plutchik 1980 and Willcox 1982). Intensity 1–3 replaces near-synonyms.
/// </summary>
public static class FeelingVocabulary
{
    public const int MinIntensity = 1;
    public const int MaxIntensity = 3;

    public static IReadOnlyList<FeelingWord> All { get; } =
    [
        new("loved", FeelingFamily.Connected, Valence.Pleasant, false),
        new("connected", FeelingFamily.Connected, Valence.Pleasant, false),
        new("appreciated", FeelingFamily.Connected, Valence.Pleasant, false),
        new("supported", FeelingFamily.Connected, Valence.Pleasant, false),
        new("trusting", FeelingFamily.Connected, Valence.Pleasant, false),
        new("happy", FeelingFamily.Joyful, Valence.Pleasant, true),
        new("grateful", FeelingFamily.Joyful, Valence.Pleasant, false),
        new("hopeful", FeelingFamily.Joyful, Valence.Pleasant, false),
        new("excited", FeelingFamily.Joyful, Valence.Pleasant, true),
        new("playful", FeelingFamily.Joyful, Valence.Pleasant, true),
        new("calm", FeelingFamily.Peaceful, Valence.Pleasant, false),
        new("content", FeelingFamily.Peaceful, Valence.Pleasant, false),
        new("relieved", FeelingFamily.Peaceful, Valence.Pleasant, false),
        new("safe", FeelingFamily.Peaceful, Valence.Pleasant, false),
        new("sad", FeelingFamily.Sad, Valence.Unpleasant, false),
        new("disappointed", FeelingFamily.Sad, Valence.Unpleasant, false),
        new("hurt", FeelingFamily.Sad, Valence.Unpleasant, false),
        new("lonely", FeelingFamily.Sad, Valence.Unpleasant, false),
        new("unseen", FeelingFamily.Sad, Valence.Unpleasant, false),
        new("anxious", FeelingFamily.Scared, Valence.Unpleasant, true),
        new("worried", FeelingFamily.Scared, Valence.Unpleasant, true),
        new("insecure", FeelingFamily.Scared, Valence.Unpleasant, true),
        new("frustrated", FeelingFamily.Mad, Valence.Unpleasant, true),
        new("resentful", FeelingFamily.Mad, Valence.Unpleasant, true),
        new("angry", FeelingFamily.Mad, Valence.Unpleasant, true),
        new("overwhelmed", FeelingFamily.Strained, Valence.Unpleasant, true),
        new("tired", FeelingFamily.Strained, Valence.Neutral, false),
        new("numb", FeelingFamily.Strained, Valence.Unpleasant, false),
        new("guilty", FeelingFamily.SelfConscious, Valence.Unpleasant, false),
        new("ashamed", FeelingFamily.SelfConscious, Valence.Unpleasant, false),
    ];

    private static readonly Dictionary<string, FeelingWord> ByWord = All.ToDictionary(w => w.Word, StringComparer.Ordinal);

    /// <summary>Words that sources place in either Sad or Scared: they earn family credit in both.</summary>
    private static readonly HashSet<string> SadOrScared = ["hurt", "insecure"];

    public static FeelingWord? Find(string? word)
        => word is not null && ByWord.TryGetValue(word.Trim().ToLowerInvariant(), out var found) ? found : null;

    /// <summary>The family names people see.</summary>
    public static string FamilyLabel(FeelingFamily family) => family switch
    {
        FeelingFamily.Connected => "Connected",
        FeelingFamily.Joyful => "Joyful",
        FeelingFamily.Peaceful => "Peaceful",
        FeelingFamily.Sad => "Sad",
        FeelingFamily.Scared => "Scared",
        FeelingFamily.Mad => "Mad",
        FeelingFamily.Strained => "Strained",
        FeelingFamily.SelfConscious => "Self-conscious",
        _ => family.ToString(),
    };

    /// <summary>The intensity in words: 1 "a little", 2 "clearly", 3 "very".</summary>
    public static string IntensityLabel(int intensity) => intensity switch
    {
        1 => "a little",
        2 => "clearly",
        3 => "very",
        _ => "",
    };

    /// <summary>
    /// True when two different words belong to the same family, so a guess of one for the other earns half credit.
    /// "Hurt" and "insecure" count in both Sad and Scared, as sources disagree about them.
    /// </summary>
    public static bool SameFamily(string a, string b)
    {
        var x = Find(a);
        var y = Find(b);
        if (x is null || y is null || x.Word == y.Word)
        {
            return false;
        }

        if (x.Family == y.Family)
        {
            return true;
        }

        static bool SadScared(FeelingWord w) => w.Family is FeelingFamily.Sad or FeelingFamily.Scared;
        return (SadOrScared.Contains(x.Word) && SadScared(y)) || (SadOrScared.Contains(y.Word) && SadScared(x));
    }
}
