using System.Collections.Frozen;

namespace Mutuality.Domain.Phrasing;

/// <summary>A word of a sentence: where it is in the checked text and its lower-case spelling.</summary>
internal readonly record struct PhrasingToken(int Start, int End, string Text);

/// <summary>A "you + copula + character word" found by <see cref="PhrasingGrammar"/>.</summary>
internal sealed record TraitHit(string Pattern, int Start, int Length, string Word, string Why);

/// <summary>
/// The grammar behind labels and health words used as put-downs: a subject that addresses the partner ("you're",
/// "you are", "are you", "you sound/seem/act", "stop being", "don't be", "what a", "you" as a vocative), then any
/// number of intensifiers and articles ("so", "such a", "a total", "really"), then a word about character — a
/// negative word from AFINN-165 or our short supplement, never a feeling or state ("tired", "upset", "worried").
/// A negation on the way ("not", "never", "anything but", "far from") cancels it, as does a negated report before
/// it ("I don't think you're lazy") and a word used as an intensifier before praise ("crazy good").
/// </summary>
internal static class PhrasingGrammar
{
    private static readonly FrozenSet<string> Modifiers = new[]
    {
        "so", "such", "a", "an", "the", "really", "very", "too", "just", "totally", "completely", "utterly",
        "absolutely", "incredibly", "unbelievably", "ridiculously", "pathetically", "extremely", "bloody", "fucking",
        "freaking", "frigging", "damn", "damned", "plain", "simply", "always", "constantly", "honestly", "literally",
        "seriously", "actually", "truly", "kind", "sort", "of", "bit", "little", "pretty", "quite", "clearly",
        "obviously", "probably", "definitely", "still", "also", "even", "again", "getting", "becoming", "turning",
        "into", "total", "complete", "utter", "absolute", "real", "right", "typical", "most", "biggest", "one", "big",
        "being", "acting", "behaving", "like", "nothing", "but", "sometimes", "often", "generally", "basically", "such",
        "massive", "huge", "giant", "proper", "complete", "genuinely", "officially", "becoming", "starting", "to", "be",
        "sound", "sounding", "look", "looking", "more", "and", "or", "now", "lately", "today", "tonight", "being",
        "some", "kinda", "sorta", "way", "far", "beyond", "u", "you", "whole", "thoroughly", "deeply", "hopelessly",
        "less", "bigger", "worse", "that", "this",
        // Texting and register variants of the same intensifiers, and words that mark a "type": "soo", "textbook".
        "soo", "rly", "realy", "rlly", "vry", "hella", "mega", "super", "downright", "textbook", "classic", "certified",
        "raging", "bona", "fide", "card-carrying", "walking", "self-confessed", "prize", "first-class", "grade-a",
        "insufferably", "unbearably", "old", "lil", "ol",
        // Words that make a trait a habit or a type: "a chronic nagger", "perpetually late", "a serial liar".
        "chronic", "chronically", "perpetual", "perpetually", "serial", "habitual", "habitually", "compulsive",
        "pathological", "pathologically", "painfully", "terribly", "awfully", "insanely", "stupidly", "impossibly",
        "spectacularly", "astonishingly", "shockingly", "staggeringly", "remarkably", "exceptionally", "embarrassingly",
        "annoyingly", "frankly", "simply", "entirely", "wholly", "rather", "fairly", "somewhat", "slightly", "ever",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words after which "you" names the person being talked about, not the subject: "thank you", "love you".
    private static readonly FrozenSet<string> NotAVocative = new[]
    {
        "thank", "love", "miss", "see", "kiss", "with", "for", "to", "and", "adore", "need", "want", "tell", "told",
        "ask", "asked", "call", "called", "let", "help", "meet", "met", "hug", "bless", "than", "at", "about", "like",
        "what", "how", "if", "when", "that", "know", "think", "mean", "as", "where", "why", "who", "which", "because", "do", "did",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Nouns that make a vocative out of "you + character word": "you stupid man", "you selfish cow".
    private static readonly FrozenSet<string> PersonNouns = new[]
    {
        "man", "woman", "boy", "girl", "person", "thing", "creature", "human", "child", "kid", "fool", "idiot",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words that, right after a character word, show it is a state or a figure of speech: "crazy about you", "mad at me".
    private static readonly FrozenSet<string> StatePrepositions = new[] { "about", "at", "for", "with", "that", "because", "to", "over", "of" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> StateCapable = new[] { "crazy", "nuts", "mad", "insane", "bonkers", "wild", "sick", "mental" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The words of a span of the text.</summary>
    // "Awful." or "Pathetic." alone can be about a thing; "Moron." cannot.
    private static bool LooksLikeAdjective(string w) =>
        w.EndsWith("ful", StringComparison.Ordinal) || w.EndsWith("ous", StringComparison.Ordinal) || w.EndsWith("ible", StringComparison.Ordinal)
        || w.EndsWith("able", StringComparison.Ordinal) || w.EndsWith("ive", StringComparison.Ordinal) || w.EndsWith("ic", StringComparison.Ordinal)
        || w.EndsWith("al", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal)
        || w.EndsWith('y');

    // "sooo", "stupiddd": a letter stretched three or more times for emphasis counts once.
    private static string Unstretch(string w)
    {
        var stretched = false;
        for (var k = 2; k < w.Length && !stretched; k++)
        {
            stretched = w[k] == w[k - 1] && w[k] == w[k - 2] && char.IsLetter(w[k]);
        }

        if (!stretched)
        {
            return w;
        }

        var sb = new System.Text.StringBuilder(w.Length);
        foreach (var c in w)
        {
            if (sb.Length > 0 && sb[^1] == c && char.IsLetter(c))
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    internal static List<PhrasingToken> Tokenize(string text, int start, int length)
    {
        var tokens = new List<PhrasingToken>();
        var end = start + length;
        var i = start;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var from = i;
            while (i < end && (char.IsLetterOrDigit(text[i])
                || ((text[i] == '\'' || text[i] == '-') && i + 1 < end && char.IsLetter(text[i + 1]) && i > from)))
            {
                i++;
            }

            tokens.Add(new PhrasingToken(from, i, Unstretch(text[from..i].ToLowerInvariant())));
        }

        return tokens;
    }

    /// <summary>Finds character words aimed at the partner in one sentence.</summary>
    internal static List<TraitHit> FindTraits(string text, List<PhrasingToken> tokens, int sentenceStart)
    {
        var hits = new List<TraitHit>();

        // A sentence that is only an insult ("Moron.", "Idiot!") is said to the person even without "you".
        if (tokens.Count == 1 && PhrasingLexicon.Classify(tokens[0].Text) == TraitKind.Trait && !StateCapable.Contains(tokens[0].Text)
            && PhrasingLexicon.Valence(tokens[0].Text) <= -3 && !LooksLikeAdjective(tokens[0].Text))
        {
            var only = tokens[0];
            hits.Add(new TraitHit(PhrasingPatterns.Label, only.Start, only.End - only.Start, text[only.Start..only.End],
                $"\"{only.Text}\" on its own is a name for the person ({PhrasingLexicon.Source(only.Text)})."));
            return hits;
        }

        // A fragment that is only a name for someone ("A spoiled brat.", "So ADHD.", "Total sociopath.") is said to the
        // reader, like a one-word insult; words that also name situations ("total disaster", "such a mess") are left out.
        if (tokens.Count is >= 2 and <= 4 && FragmentVerdict(tokens) is { } kindOfFragment)
        {
            var first = tokens[0];
            var last = tokens[^1];
            var pattern = kindOfFragment == TraitKind.Diagnosis ? PhrasingPatterns.Diagnosis : PhrasingPatterns.Label;
            hits.Add(new TraitHit(pattern, first.Start, last.End - first.Start, text[first.Start..last.End],
                $"\"{text[first.Start..last.End]}\" on its own is a name for the person ({PhrasingLexicon.Source(last.Text)})."));
            return hits;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var subject = SubjectLength(tokens, i, sentenceStart, text);
            if (subject == 0)
            {
                continue;
            }

            var prefix = text[sentenceStart..tokens[i].Start];
            if (PhrasingRules.NegatedReport().IsMatch(prefix) || PhrasingRules.ConditionalPrefix().IsMatch(prefix))
            {
                continue;
            }

            var hit = Complement(text, tokens, i, i + subject);
            if (hit is not null)
            {
                hits.Add(hit);
                i += subject;
            }
        }

        return hits;
    }

    private static readonly FrozenSet<string> FragmentLead = new[]
    {
        "a", "an", "so", "such", "total", "complete", "utter", "absolute", "right", "proper", "little", "big", "bloody",
        "fucking", "typical", "real", "pure", "textbook", "classic", "massive", "soo", "very", "really",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Character nouns that also name situations or real children and animals: "total disaster", "such a baby!".
    internal static readonly FrozenSet<string> SituationNouns = new[]
    {
        "mess", "disaster", "nightmare", "joke", "headache", "pain", "trouble", "wreck", "failure", "burden", "menace",
        "crap", "rubbish", "shit", "embarrassment", "disgrace", "liability", "train-wreck", "lost-cause", "baby", "child",
        "toddler", "kid", "pig", "cow", "rat", "snake", "animal", "monster", "drama", "hell", "waste",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a short sentence is only intensifiers and a word naming a person; the word's kind, or null.</summary>
    private static TraitKind? FragmentVerdict(List<PhrasingToken> t)
    {
        for (var k = 0; k < t.Count - 1; k++)
        {
            if (!FragmentLead.Contains(t[k].Text) && PhrasingLexicon.Classify(t[k].Text) == TraitKind.None)
            {
                return null;
            }
        }

        var w = t[^1].Text;
        var kind = PhrasingLexicon.Classify(w);
        if (kind == TraitKind.None || SituationNouns.Contains(w) || StateCapable.Contains(w) || w is "hysterical" or "mental")
        {
            return null;
        }

        // "So rude." can be about the waiter; "a spoiled brat" (an article before a character noun) or a health word
        // ("so ADHD") names a person.
        var article = t.Take(t.Count - 1).Any(x => x.Text is "a" or "an");
        return kind == TraitKind.Diagnosis || (article && !LooksLikeAdjective(w)) ? kind : null;
    }

    /// <summary>How many words of "you're", "are you", "stop being", "what a" … start at <paramref name="i"/>; 0 when none.</summary>
    private static int SubjectLength(List<PhrasingToken> t, int i, int sentenceStart, string text)
    {
        string W(int k) => k < t.Count ? t[k].Text : string.Empty;
        var w = W(i);
        var next = W(i + 1);
        switch (w)
        {
            case "you're" or "youre" or "you'r" or "yure" or "ure":
                return 1;
            case "ur" or "your" or "yor" when Modifiers.Contains(next) && next is not ("one" or "and" or "or" or "to" or "more" or "of" or "like" or "u" or "you" or "now" or "whole" or "kind" or "real" or "big" or "little" or "total" or "most" or "right")
                || (w == "ur" && PhrasingLexicon.Classify(next) != TraitKind.None)
                || (w == "ur" && next is "kind" or "sort" && W(i + 2) == "of" && W(i + 3) is "a" or "an"):
                return 1;
            case "you" or "u" or "ya" or "yu":
                return next switch
                {
                    "are" or "were" or "r" or "re" => 2,
                    "really" or "honestly" or "truly" or "actually" or "just" or "literally" or "seriously" when W(i + 2) is "are" or "were" => 3,
                    "sound" or "seem" or "look" or "act" or "behave" or "get" or "become" or "became" or "sounded" or "seemed" or "looked" or "acted" or "behaved" => 2,
                    "can" or "could" when W(i + 2) == "be" => 3,
                    "have" when W(i + 2) is "been" or "become" or "gotten" => 3,
                    "will" or "would" when W(i + 2) == "always" && W(i + 3) == "be" => 4,
                    _ => Vocative(t, i) ? 1 : 0,
                };
            case "you've" or "youve" or "u've":
                return next is "been" or "become" or "gotten" or "turned" ? 2 : 0;
            case "you'll" or "youll":
                return next == "always" && W(i + 2) == "be" ? 3 : 0;
            case "are" or "were" or "r" when W(i + 1) is "you" or "u":
                return 2;
            case "aren't" or "arent" when W(i + 1) is "you" or "u":
                return 0;
            case "stop" or "quit" when next is "being" or "acting" or "behaving":
                return 2;
            case "don't" or "dont" when next == "be":
                return 2;
            case "what" or "such" when (next is "a" or "an") && IsSentenceOpening(t, i, sentenceStart, text):
                return 1;
            case "what" when next is "kind" or "sort" or "type" && W(i + 2) == "of" && IsSentenceOpening(t, i, sentenceStart, text):
                return 3; // "what kind of idiot leaves the door open?"
            case "as" when W(i + 2) == "as" && W(i + 3) is "you" or "u":
                return 1; // "someone as cold as you"
            case "like" when next is "a" or "an" or "some" && YouBefore(t, i):
                return 1; // "you're just lying there like a lazy slob": a simile that names the person.
            case "call" or "calls" when next == "yourself":
                return 2;
            case "try" when next == "being":
                return 2;
            case "try" when next == "not" && W(i + 2) == "to" && W(i + 3) == "be":
                return 4;
            case "try" when next == "to" && W(i + 2) == "be":
                return 3;
            default:
                return 0;
        }
    }

    /// <summary>
    /// Whether the nearest person word before <paramref name="i"/> (in the same clause, within eight words) is the
    /// partner as subject ("you", "you're", "ur"), not the writer ("I", "me"): "you sit there like a slob" yes,
    /// "you make me feel like an idiot" no.
    /// </summary>
    private static bool YouBefore(List<PhrasingToken> t, int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - 8; k--)
        {
            var w = t[k].Text;
            if (w is "i" or "i'm" or "im" or "me" or "my" or "we" or "us" or "he" or "she" or "they" or "it" or "it's" or "look" or "looks" or "looked" or "feel" or "felt")
            {
                return false;
            }

            if (w is "you" or "you're" or "youre" or "u" or "ur")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSentenceOpening(List<PhrasingToken> t, int i, int sentenceStart, string text)
    {
        for (var k = 0; k < i; k++)
        {
            if (t[k].Text is not ("oh" or "god" or "ugh" or "honestly" or "wow" or "jeez" or "geez" or "man" or "seriously" or "well"))
            {
                return false;
            }
        }

        return t.Count > 0 && t[0].Start >= sentenceStart;
    }

    /// <summary>"you idiot", "you lazy sod", "listen, you moron": "you" followed by character words and then the clause ends.</summary>
    private static bool Vocative(List<PhrasingToken> t, int i)
    {
        if (i > 0 && NotAVocative.Contains(t[i - 1].Text))
        {
            return false;
        }

        var k = i + 1;
        var sawTrait = false;
        while (k < t.Count && k <= i + 4)
        {
            var w = t[k].Text;
            var kind = PhrasingLexicon.Classify(w);
            if (kind != TraitKind.None && !(k == i + 1 && VerbLike.Contains(w)))
            {
                sawTrait = true;
            }
            else if (w is "silly" or "stupid" or "daft" or "lazy" or "useless" or "selfish" or "pathetic" && k + 1 < t.Count && t[k + 1].Text is "man" or "woman" or "boy" or "girl" or "cow" or "sod")
            {
                sawTrait = true;
            }
            else if (!(w is "absolute" or "total" or "complete" or "utter" or "little" or "big" or "bloody" or "fucking" or "freaking" or "damn" or "stupid" or "silly" or "lying" or "cheating" or "spoilt" or "spoiled" or "good-for-nothing")
                && !(sawTrait && PersonNouns.Contains(w)))
            {
                return false;
            }

            if (sawTrait && (k + 1 == t.Count || ClauseEndsAfter(t, k)))
            {
                return true;
            }

            k++;
        }

        return false;
    }

    // Words that are also common verbs: "you mean", "you cheat", "you lie" are not vocatives.
    private static readonly FrozenSet<string> VerbLike = new[] { "mean", "cheat", "lie", "nag", "bully", "joke", "mess", "pain", "burden", "fail", "trouble", "worry", "slow" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static bool ClauseEndsAfter(List<PhrasingToken> t, int k) => k + 1 < t.Count && t[k + 1].Start - t[k].End > 1;

    private static TraitHit? Complement(string text, List<PhrasingToken> t, int subjectAt, int from)
    {
        var vocative = from == subjectAt + 1 && t[subjectAt].Text is "you" or "u" or "ya" or "yu";
        var kindOf = t[subjectAt].Text == "what" && from == subjectAt + 3;
        var exclamation = t[subjectAt].Text is "what" or "such" && !kindOf;
        for (var j = from; j < t.Count && j < from + 8; j++)
        {
            var w = t[j].Text;
            if (w == "nothing" && j + 1 < t.Count && t[j + 1].Text == "but")
            {
                j++;
                continue;
            }

            if (PhrasingLexicon.IsNegator(w) || (w == "far" && j + 1 < t.Count && t[j + 1].Text == "from")
                || (w == "anything" && j + 1 < t.Count && t[j + 1].Text == "but"))
            {
                return null;
            }

            var kind = PhrasingLexicon.Classify(w);
            if (vocative && kind == TraitKind.None && w is "silly" or "stupid" or "daft" && j + 1 < t.Count && t[j + 1].Text is "man" or "woman" or "boy" or "girl")
            {
                kind = TraitKind.Trait; // "you silly woman": condescension in the form of address.
            }

            if (kind == TraitKind.None && PhrasingLexicon.IsState(w) && j + 1 < t.Count
                && (PersonNouns.Contains(t[j + 1].Text) || (t[j + 1].Text is "little" or "old" && j + 2 < t.Count && PersonNouns.Contains(t[j + 2].Text))))
            {
                kind = TraitKind.Trait; // "a sad little man", "a sorry excuse": a state word naming a kind of person.
            }

            if (kind == TraitKind.None && w is "tight" && j + 2 < t.Count && t[j + 1].Text == "with" && t[j + 2].Text is "money" or "cash" or "your" or "everything" or "ur")
            {
                kind = TraitKind.Trait; // "you're so tight with money": meanness, not a fit.
            }

            if (kind == TraitKind.None && w is "cold" or "distant" && j > from - 1 && t[j - 1].Text is "as" or "so" or "such" or "really" or "very" or "too" or "being" or "always" or "incredibly" or "completely" or "totally")
            {
                kind = TraitKind.Trait; // "you're so cold" is a verdict; "you're cold, take my coat" is not.
            }

            var spelt = kind == TraitKind.None && !Modifiers.Contains(w) ? PhrasingLexicon.Misspelt(w) : null;
            if (spelt is not null)
            {
                kind = PhrasingLexicon.Classify(spelt);
                w = spelt;
            }

            if (kind == TraitKind.None && j + 1 < t.Count)
            {
                // Two-word character words: "self centred", "two faced", "pig headed".
                var joined = w + "-" + t[j + 1].Text;
                if (j + 2 < t.Count && PhrasingLexicon.Classify(joined + "-" + t[j + 2].Text) != TraitKind.None)
                {
                    joined += "-" + t[j + 2].Text;
                    j++;
                }

                if (PhrasingLexicon.Classify(joined) != TraitKind.None)
                {
                    kind = PhrasingLexicon.Classify(joined);
                    w = joined;
                    j++;
                }
            }

            if (kind != TraitKind.None)
            {
                var after = j + 1 < t.Count ? t[j + 1].Text : string.Empty;
                var joinedAfter = j + 1 < t.Count && t[j + 1].Start - t[j].End <= 1;
                // "lol", "haha" after a word only soften it; "good for nothing" is a verdict, not praise.
                var softener = after is "lol" or "lmao" or "rofl" or "haha" or "xd" or "x" or "xx" or "ha" || (after == "good" && j + 2 < t.Count && t[j + 2].Text == "for");
                if (joinedAfter && !softener && (PhrasingLexicon.Valence(after) > 0 || after is "talented" or "gorgeous" or "clever" or "smart" or "funny" or "handsome" or "beautiful" or "brave" or "strong") && !Modifiers.Contains(after))
                {
                    return null; // "crazy good", "insanely talented": an intensifier before praise.
                }

                if (StateCapable.Contains(w) && StatePrepositions.Contains(after))
                {
                    return null; // "crazy about you", "mad at me": a feeling, not a verdict.
                }

                if (joinedAfter && after is "romantic" or "optimist" or "dreamer")
                {
                    return null; // "a hopeless romantic".
                }

                // "What kind of idiot leaves…" asks about a person; "what kind of mess is this" about a thing.
                if (kindOf && after is "is" or "was" or "are" or "were" or "this" or "that" or "it" or "of" or "")
                {
                    return null;
                }

                // "What a mess the storm made": an exclamation only judges the person when it ends there.
                if (exclamation && j + 1 < t.Count && !ClauseEndsAfter(t, j) && after is not ("you" or "u" or "of" or "thing" or "to"))
                {
                    return null;
                }

                var start = t[subjectAt].Start;
                var pattern = kind == TraitKind.Diagnosis ? PhrasingPatterns.Diagnosis : PhrasingPatterns.Label;
                var words = text[start..t[j].End];
                var why = kind == TraitKind.Diagnosis
                    ? $"\"{w}\" is a health word used about the person (after \"{text[start..t[from - 1].End]}\")."
                    : $"\"{w}\" describes who they are, not what happened ({PhrasingLexicon.Source(w)}).";
                return new TraitHit(pattern, start, t[j].End - start, words, why);
            }

            if (vocative)
            {
                continue;
            }

            var adverb = w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal);
            if (!Modifiers.Contains(w) && !adverb)
            {
                return null;
            }
        }

        return null;
    }
}
