using System.Collections.Frozen;
using System.Text.Json;

namespace Mutuality.Domain.Phrasing;

/// <summary>What a word says about a person when it follows "you're …".</summary>
internal enum TraitKind
{
    /// <summary>Not a word about a person's character.</summary>
    None,

    /// <summary>A negative character word or insult: "stingy", "petty", "a brat".</summary>
    Trait,

    /// <summary>A health word used as a put-down: "paranoid", "a sociopath", "so ADHD".</summary>
    Diagnosis,
}

/// <summary>
/// The words behind the helper's grammar: word valences from AFINN-165 (Finn Årup Nielsen's list of English words
/// rated from −5 to +5, under the Open Database License v1.0 — see afinn-165.NOTICE — in the JSON packaging by Titus
/// Wormer, MIT; compiled into this assembly as an embedded resource, so no file is read at run time), plus a short supplement of character words and health words
/// that AFINN does not rate, and the feeling words that describe a state rather than a character.
/// </summary>
internal static class PhrasingLexicon
{
    private static readonly Lazy<FrozenDictionary<string, int>> Afinn = new(LoadAfinn);

    /// <summary>How many words AFINN-165 rates (3,382 in version 2.0.2).</summary>
    internal static int AfinnCount => Afinn.Value.Count;

    /// <summary>AFINN-165's valence of a word (−5 … +5), or 0 when it is not rated.</summary>
    internal static int Valence(string word) => Afinn.Value.GetValueOrDefault(word);

    private static readonly Lazy<FrozenDictionary<string, double>> Vader = new(LoadVader);

    /// <summary>How many single words the VADER lexicon rates (7,224 in the vader-sentiment 1.1.3 list).</summary>
    internal static int VaderCount => Vader.Value.Count;

    /// <summary>The VADER lexicon's mean rating of a word (−4 … +4), or 0 when it is not rated.</summary>
    internal static double VaderValence(string word) => Vader.Value.GetValueOrDefault(word);

    // A VADER mean at or below this reads as a clearly negative word about a person ("greedy" −1.3, "stingy" −1.6);
    // AFINN's −2 sits at about the same place on its wider scale.
    private const double VaderNegative = -1.25;

    /// <summary>
    /// A clearly negative word by either lexicon: AFINN-165 −2 or lower, or a VADER mean of −1.25 or lower. Both are
    /// published, rated lists; neither was written for this helper.
    /// </summary>
    internal static bool IsNegative(string word) => Valence(word) <= -2 || VaderValence(word) <= VaderNegative;

    /// <summary>A clearly positive word by either lexicon (AFINN-165 +2 or more, VADER +1.5 or more).</summary>
    internal static bool IsPositive(string word) => Valence(word) >= 2 || VaderValence(word) >= 1.5;

    // Character words and insults AFINN does not rate (or rates only −1), written for this helper.
    private static readonly FrozenSet<string> SupplementTraits = new[]
    {
        "passive-aggressive", "halfwit", "nitwit", "dimwit", "numbskull", "dunce", "imbecile", "cretin", "buffoon",
        "immature", "clingy", "petty", "spineless", "gutless", "brat", "snob", "hypocrite", "slob", "pig", "cow", "nag",
        "creep", "clown", "tyrant", "monster", "leech", "parasite", "freeloader", "deadbeat", "bum", "cheapskate",
        "tight-fisted", "miserly", "vain", "smug", "conceited", "bossy", "controlling", "manipulative", "condescending",
        "patronising", "patronizing", "judgmental", "judgemental", "self-centred", "self-centered", "self-absorbed",
        "self-obsessed", "egotistical", "narrow-minded", "small-minded", "pig-headed", "two-faced", "cold-hearted",
        "mean", "mean-spirited", "vindictive", "unreliable", "flaky", "flake", "tactless", "lazy", "laziest", "sneaky",
        "moody", "whiny", "whingey", "klutz", "thick", "dense", "pushover", "doormat", "wimp", "baby", "child", "toddler",
        "crybaby", "smartass", "smart-arse", "dumbass", "airhead", "nightmare", "joke", "embarrassment", "disgrace",
        "liability", "hothead", "insufferable", "impossible", "exhausting", "draining", "tiresome", "unreasonable",
        "absurd", "dramatic", "oversensitive", "hypersensitive", "touchy", "critical", "difficult", "demanding",
        "entitled", "fat", "twat", "wanker", "knob", "tosser", "sod", "git", "prat", "plonker", "muppet", "numpty",
        "dipshit", "shithead", "douche", "douchebag", "bellend", "pillock", "berk", "snake", "rat", "weasel", "fraud",
        "phony", "phoney", "cheat", "liar", "bully", "loser", "failure", "stupidest", "dumbest", "worst", "incapable",
        "useless", "hopeless", "man-child", "mummy's", "mommy's", "unfit", "heartless", "rude", "inconsiderate",
        "irresponsible", "selfish", "ungrateful", "childish", "sulky", "messy", "lousy", "crap", "crappy", "rubbish",
        "shit", "shitty", "menace", "pain", "headache", "burden", "mess", "disaster", "wreck", "obsessive", "shallow",
        "slow", "high-maintenance", "hard-work", "good-for-nothing", "trouble", "ignorant", "hypocritical", "lazybones",
        "sloppy", "grumpy", "miserable", "cranky", "stroppy", "sulky", "bitchy", "catty", "snappy", "useless",
        "drama-queen", "control-freak", "train-wreck", "lost-cause", "couch-potato", "party-pooper", "wet-blanket",
        "smart-ass", "know-all", "show-off", "tightwad", "skinflint", "scrooge", "miser", "irrational", "killjoy", "kill-joy", "cry-baby", "slacker", "spoilsport", "waste-of-space",
        // Character words AFINN leaves out, by kind — money: "cheap", "tightarse"; self-regard: "self-righteous";
        // rigidity: "anal", "prudish"; idleness: "layabout", "lump"; complaint: "moaner", "whinger"; insults by type.
        "cheap", "tightarse", "tight-arse", "tightass", "tight-ass", "penny-pincher", "scrounger", "sponger", "mooch",
        "moocher", "freeloading", "self-righteous", "sanctimonious", "holier-than-thou", "pompous", "arrogant",
        "big-headed", "stuck-up", "snooty", "snobby", "anal", "prudish", "prude", "layabout", "lump", "oaf", "lout",
        "boor", "boorish", "slug", "sloth", "moaner", "whinger", "complainer", "nagger", "martyr", "drama-llama",
        "waste-of-oxygen", "waste-of-air", "waste-of-skin", "waste-of-time", "waste-of-money", "waste-of-breath", "windbag", "blowhard", "loudmouth", "bigmouth", "busybody",
        "gossip", "snowflake", "gaslighter", "manipulator", "ditz", "ditzy", "scatterbrain", "scatterbrained",
        "dingbat", "dolt", "dullard", "simpleton", "half-wit", "nincompoop", "sleazy", "slimy", "snide", "snarky",
        "mardy", "narky", "dim", "diva", "prima-donna", "stingy", "uptight", "ogre", "harpy", "shrew", "brute", "pervert",
        "sleazebag", "scumbag", "dirtbag", "attention-seeking", "attention-seeker", "lowlife", "rat-bag", "ratbag", "weirdo", "freak",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> DiagnosisWords = new[]
    {
        "paranoid", "hysterical", "neurotic", "psycho", "psychotic", "psychopath", "psychopathic", "sociopath",
        "sociopathic", "narcissist", "narcissistic", "bipolar", "ocd", "adhd", "autistic", "crazy", "insane", "nuts",
        "mental", "unhinged", "delusional", "deranged", "demented", "schizo", "schizophrenic", "retard", "retarded",
        "lunatic", "maniac", "hypochondriac", "histrionic", "obsessive-compulsive", "manic", "nutcase", "nutjob", "loony", "bonkers", "certifiable", "mad", "aspie", "spectrum",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Feelings and states: "you're tired", "you seem sad", "are you upset?" describe how someone is, not who.
    private static readonly FrozenSet<string> States = new[]
    {
        "sad", "tired", "sick", "ill", "upset", "hurt", "lonely", "angry", "furious", "cross", "scared", "afraid",
        "anxious", "worried", "nervous", "stressed", "sorry", "poor", "lost", "alone", "stuck", "guilty", "dead", "wrong",
        "shy", "down", "low", "sore", "bored", "broke", "confused", "hungry", "cold", "late", "busy", "struggling",
        "grieving", "hurting", "crying", "suffering", "missing", "losing", "fighting", "dying", "killing", "sorrow",
        "danger", "debt", "no", "problem", "problems", "worry", "miss", "fear", "grief", "stress",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words ending in -ed or -ing that describe a character, not something that happened to someone.
    private static readonly FrozenSet<string> CharacterParticiples = new[]
    {
        "spoiled", "spoilt", "self-centred", "self-centered", "self-absorbed", "self-obsessed", "narrow-minded",
        "small-minded", "pig-headed", "cold-hearted", "two-faced", "mean-spirited", "bad-tempered", "hot-headed",
        "short-tempered", "deranged", "demented", "retarded", "unhinged", "twisted", "warped", "wicked", "crooked",
        "conceited", "entitled", "annoying", "boring", "irritating", "infuriating", "disgusting", "exhausting", "draining",
        "controlling", "lying", "cheating", "whining", "nagging", "patronising", "patronizing", "condescending",
        "overbearing", "demanding", "embarrassing", "disappointing", "sickening", "revolting", "appalling", "insulting",
        "demeaning", "domineering", "unforgiving", "uncaring", "good-for-nothing", "freaking", "frustrating",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // "weak-willed", "small-minded": a compound whose second half names a part of character.
    private static readonly FrozenSet<string> CharacterCompoundEnds = new[]
    {
        "minded", "willed", "hearted", "headed", "faced", "tempered", "mouthed", "brained", "witted", "spirited", "bellied", "livered",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CharacterCompoundStarts = new[]
    {
        "weak", "small", "narrow", "cold", "pig", "two", "bad", "short", "hot", "foul", "loud", "big", "thick", "half", "dim",
        "mean", "hard", "empty", "feather", "bird", "lily", "chicken", "yellow", "closed", "simple", "black", "bone", "airy",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly Lazy<(FrozenSet<string> Words, FrozenDictionary<string, string> Deletions)> Spelling = new(BuildSpelling);

    /// <summary>
    /// A misspelt character word ("inconsiderat", "irresponsable", "annoyng"): one letter missing, added, changed or
    /// swapped in a word of at least six letters. Returns the word it stands for, or null.
    /// </summary>
    internal static string? Misspelt(string word)
    {
        if (word.Length < 6 || word.Contains('\'') || Valence(word) != 0 || States.Contains(word))
        {
            return null;
        }

        var (words, deletions) = Spelling.Value;
        // A typo rarely changes the first letter; requiring it keeps common words ("better") from turning into others.
        if (deletions.TryGetValue(word, out var missing) && missing[0] == word[0])
        {
            return missing;
        }

        for (var i = 1; i < word.Length; i++)
        {
            var shorter = word.Remove(i, 1);
            if (words.Contains(shorter))
            {
                return shorter;
            }

            // A changed letter in a short word is usually another real word ("person" is not "prison"), so only
            // words of eight letters or more are read as one with a letter changed ("irresponsable").
            if (word.Length >= 8 && deletions.TryGetValue(shorter, out var changed) && changed[0] == word[0] && changed.Length == word.Length)
            {
                return changed;
            }
        }

        return null;
    }

    private static (FrozenSet<string>, FrozenDictionary<string, string>) BuildSpelling()
    {
        var words = Afinn.Value.Where(p => p.Value <= -2 && !p.Key.Contains(' ')).Select(p => p.Key)
            .Concat(SupplementTraits).Concat(DiagnosisWords)
            .Where(w => w.Length >= 6 && Classify(w) != TraitKind.None)
            .ToHashSet(StringComparer.Ordinal);
        var deletions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var w in words.Order(StringComparer.Ordinal))
        {
            for (var i = 0; i < w.Length; i++)
            {
                deletions.TryAdd(w.Remove(i, 1), w);
            }
        }

        foreach (var w in words)
        {
            deletions.Remove(w);
        }

        return (words.ToFrozenSet(StringComparer.Ordinal), deletions.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>What a single word says about a person after "you're …" (see <see cref="TraitKind"/>).</summary>
    internal static TraitKind Classify(string word)
    {
        var dash = word.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && CharacterCompoundEnds.Contains(word[(dash + 1)..]) && CharacterCompoundStarts.Contains(word[..dash]))
        {
            return TraitKind.Trait;
        }

        if (DiagnosisWords.Contains(word))
        {
            return TraitKind.Diagnosis;
        }

        if (SupplementTraits.Contains(word))
        {
            return TraitKind.Trait;
        }

        if (States.Contains(word) || !IsNegative(word) || Valence(word) > 0 || VaderValence(word) > 0)
        {
            return TraitKind.None;
        }

        // A participle ("abandoned", "crying") tells what happens to someone, not who they are.
        var participle = word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal);
        return participle && !CharacterParticiples.Contains(word) ? TraitKind.None : TraitKind.Trait;
    }

    /// <summary>Where a trait word comes from, for the explanation shown to the writer.</summary>
    internal static string Source(string word)
    {
        var valence = Valence(word);
        var vader = VaderValence(word);
        return valence <= -2
            ? $"valence {valence} in AFINN-165"
            : vader <= VaderNegative
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"VADER rating {vader:0.0}")
                : "in our list of character words";
    }

    /// <summary>
    /// The sum of AFINN-165 valences of the words. A word right after "not"/"never"/"n't" counts the other way, or
    /// not at all when <paramref name="countNegated"/> is false ("you don't complain" is not warmth).
    /// </summary>
    /// <summary>A feeling or state ("late", "tired", "sorry"): describes how someone is, not who they are.</summary>
    internal static bool IsState(string word) => States.Contains(word);

    internal static int SumValence(IReadOnlyList<string> words, bool countNegated = true)
    {
        var sum = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var v = Valence(words[i]);
            if (v == 0)
            {
                continue;
            }

            var negated = (i > 0 && IsNegator(words[i - 1])) || (i > 1 && IsNegator(words[i - 2]));
            sum += !negated ? v : countNegated ? -v : 0;
        }

        return sum;
    }

    internal static bool IsNegator(string word)
        => word is "not" or "never" or "no" or "nobody" or "nothing" or "hardly" or "barely" or "without"
            || word.EndsWith("n't", StringComparison.Ordinal) || word is "dont" or "didnt" or "cant" or "wont" or "isnt" or "arent" or "wasnt" or "doesnt";

    private static FrozenDictionary<string, double> LoadVader()
    {
        using var stream = typeof(PhrasingLexicon).Assembly.GetManifestResourceStream("Mutuality.Domain.Phrasing.vader-lexicon.tsv")
            ?? throw new InvalidOperationException("The VADER lexicon resource is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || tab < 0)
            {
                continue;
            }

            words[line[..tab]] = double.Parse(line.AsSpan(tab + 1), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        }

        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static FrozenDictionary<string, int> LoadAfinn()
    {
        using var stream = typeof(PhrasingLexicon).Assembly.GetManifestResourceStream("Mutuality.Domain.Phrasing.afinn-165.json")
            ?? throw new InvalidOperationException("The AFINN-165 resource is missing from the assembly.");
        using var json = JsonDocument.Parse(stream);
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            words[entry.Name] = entry.Value.GetInt32();
        }

        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
