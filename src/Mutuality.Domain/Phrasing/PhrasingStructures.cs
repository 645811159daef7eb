using System.Collections.Frozen;

namespace Mutuality.Domain.Phrasing;

/// <summary>
/// Sentence structures that carry harshness whatever the exact words, with the words read from the lexicons (AFINN-165
/// and VADER) rather than from a list of sentences:
/// <list type="bullet">
/// <item>an accusing verb aimed at the partner: "you (always/constantly/just) &lt;negative verb&gt; me/my/everything…"
///   ("you humiliate me", "you sabotage everything", "you belittle my job");</item>
/// <item>a rhetorical "how &lt;negative word&gt; can/are you…?" ("how dense can you be?");</item>
/// <item>a comparison with someone who would do better: "every other husband…", "your sister would never be this
///   careless", "nobody sane would…", "even the dog has more sense than you";</item>
/// <item>a fragment naming a kind of person: "such a snob about wine", "talk about selfish".</item>
/// </list>
/// Each finding names the triggering word and the lexicon that rates it. Warm sentences, first-person feelings
/// ("I feel…", "when you…") and negated reports are left alone.
/// </summary>
internal static class PhrasingStructures
{
    private static readonly System.Buffers.SearchValues<char> ClauseBreaks = System.Buffers.SearchValues.Create(",;:—–-(");

    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create(",;:.!?—–(");

    private static readonly FrozenSet<string> YouWords = new[] { "you", "u", "ya", "you've", "youve", "you'd" }.ToFrozenSet(StringComparer.Ordinal);

    // Words before "you" that keep it a clause-opening subject: "and you…", "honestly, you…".
    private static readonly FrozenSet<string> OpenerWords = new[]
    {
        "and", "but", "so", "then", "honestly", "seriously", "now", "yet", "literally", "basically", "oh", "god",
        "look", "listen", "ok", "okay", "well", "yeah", "clearly", "obviously", "again", "instead", "also", "plus", "because",
        "cause", "cos", "coz", "like", "just", "always", "frankly", "apparently", "still", "today", "tonight", "lately",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Adverbs between "you" and the verb: "you constantly belittle…", "you keep undermining…".
    private static readonly FrozenSet<string> VerbAdverbs = new[]
    {
        "always", "constantly", "just", "even", "deliberately", "purposely", "intentionally", "still", "totally",
        "literally", "actually", "basically", "only", "continually", "continuously", "keep", "kept", "really", "seriously",
        "honestly", "clearly", "obviously", "routinely", "forever", "repeatedly", "happily", "casually", "conveniently",
        "somehow", "also", "again", "go", "love", "loved", "like", "tend", "to", "would", "will", "'d", "do", "did",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Verbs of harm that neither lexicon rates (or rates mildly), by kind: undermining, control, scorn, blame.
    private static readonly FrozenSet<string> HarmVerbs = new[]
    {
        "nitpick", "nit-pick", "guilt-trip", "gaslight", "belittle", "undermine", "twist", "sabotage", "manipulate",
        "mock", "patronise", "patronize", "bully", "humiliate", "criticise", "criticize", "nag", "sulk", "whine", "moan",
        "whinge", "lie", "cheat", "smother", "exploit", "dismiss", "wreck", "ruin", "trash", "hog", "scrounge", "mooch",
        "bulldoze", "steamroll", "railroad", "condescend", "lecture", "sneer", "scoff", "snipe", "badger", "pester",
        "interrupt", "ignore", "neglect", "embarrass", "shame", "insult", "blame", "control", "boss", "guilt", "henpeck",
        "micromanage", "overreact", "exaggerate", "sponge", "leech", "freeload", "ridicule", "degrade", "demean",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Feelings and happenings, not charges: "you hate mornings", "you cry at films", "you lost your keys".
    private static readonly FrozenSet<string> NotCharges = new[]
    {
        "hate", "hated", "fear", "feared", "miss", "missed", "worry", "worried", "cry", "cried", "suffer", "suffered",
        "lose", "lost", "hurt", "struggle", "struggled", "fail", "failed", "die", "died", "sound", "look", "seem", "feel",
        "felt", "poor", "apologise", "apologize", "apologised", "apologized", "regret", "mourn", "grieve", "panic",
        "stress", "doubt", "dread", "need", "fall", "fell", "broke", "break", "got", "get", "had", "have", "mean", "meant",
        "deserve", "deserved", "sorry", "tired", "sick", "sad", "bored", "pay", "paid", "complained",
    }.ToFrozenSet(StringComparer.Ordinal);

    // What a charge is aimed at: "me", "my job", "everyone", "every holiday", or a clause end.
    private static readonly FrozenSet<string> Targets = new[]
    {
        "me", "my", "us", "our", "everyone", "everybody", "everything", "anyone", "anybody", "anything", "people", "every",
        "all", "others", "them", "him", "her", "the", "this", "that", "it", "your", "his", "their", "whatever", "whenever",
        "constantly", "again", "about", "at", "on", "around", "into", "like", "till", "until", "non-stop", "nonstop",
        "each", "any", "whole", "and", "behind", "to", "over", "out",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words before "you" that make the clause a condition, a question or a report rather than a charge.
    private static readonly FrozenSet<string> ClauseStoppers = new[]
    {
        "if", "when", "whenever", "did", "do", "does", "can", "could", "would", "will", "should", "might", "may", "that",
        "as", "than", "how", "what", "why", "where", "who", "once", "before", "after", "until", "unless", "hope", "wish",
        "think", "feel", "felt", "know", "mean", "bet", "see", "let", "make", "made", "have", "had", "miss", "want", "to",
        "are", "were", "don't", "didn't", "won't", "can't", "thank", "love", "while", "whether", "worry", "afraid",
        "sure", "not", "never", "heard", "hear", "said", "say", "says", "told", "tell", "doubt", "imagine", "guess",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PersonNouns = new[]
    {
        "husband", "wife", "partner", "man", "woman", "person", "guy", "girl", "boy", "boyfriend", "girlfriend", "dad",
        "father", "mum", "mom", "mother", "parent", "couple", "adult", "grown-up", "human", "people", "men", "women",
        "husbands", "wives", "partners", "guys", "girls", "parents", "couples", "adults",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Kin = new[]
    {
        "sister", "brother", "mum", "mom", "mother", "dad", "father", "ex", "ex-wife", "ex-husband", "ex-boyfriend",
        "ex-girlfriend", "friend", "friends", "boss", "colleague", "grandma", "granddad", "nan", "gran", "grandad",
        "uncle", "aunt", "cousin", "parents", "family", "neighbour", "neighbor", "mate", "mates", "best",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Stand-ins for "anyone could do it better": "a child could…", "even the dog…".
    private static readonly FrozenSet<string> LowBar = new[]
    {
        "child", "toddler", "kid", "monkey", "chimp", "five-year-old", "six-year-old", "teenager", "dog", "cat",
        "goldfish", "hamster", "robot", "nan", "grandma", "gran", "baby", "houseplant", "plant", "brick", "rock",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Sane = new[]
    {
        "sane", "normal", "reasonable", "decent", "sensible", "rational", "else", "functional", "functioning", "competent",
        "half-decent", "grown", "self-respecting", "mature", "right", "intelligent", "smart", "thoughtful",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Modals = new[]
    {
        "would", "could", "can", "will", "wouldn't", "couldn't", "manages", "manage", "managed", "knows", "knew", "does",
        "did", "has", "had", "have", "gets", "got", "remembers", "bothers", "helps", "never", "is", "was", "understands",
        "cares", "notices", "listens", "puts", "'d", "wouldnt", "couldnt",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> HowVerbs = new[]
    {
        "can", "could", "are", "is", "must", "do", "does", "did", "were", "was", "have", "has", "r",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> HowIntensifiers = new[]
    {
        "so", "very", "incredibly", "utterly", "bloody", "fucking", "freaking", "damn", "totally", "completely", "much", "more",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FeelingOpeners = new[] { "i feel", "i felt", "i get", "i got", "i worry", "i'm worried", "i was" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Finds the structures in one sentence. <paramref name="warm"/>: the sentence reads as praise or thanks.</summary>
    internal static List<TraitHit> Find(string text, List<PhrasingToken> t, bool warm)
    {
        var hits = new List<TraitHit>();
        if (t.Count == 0)
        {
            return hits;
        }

        var firstPerson = t.Count > 1 && FeelingOpeners.Contains(t[0].Text + " " + t[1].Text);
        for (var i = 0; i < t.Count; i++)
        {
            var w = t[i].Text;
            if (!warm && !firstPerson && YouWords.Contains(w) && AccusingVerb(text, t, i) is { } verb)
            {
                hits.Add(verb);
            }
            else if (w == "how" && HowQuestion(text, t, i) is { } how)
            {
                hits.Add(how);
            }
            else if (!warm && Comparison(text, t, i) is { } comparison)
            {
                hits.Add(comparison);
            }
            else if (!warm && w == "every" && EveryTime(text, t, i) is { } every)
            {
                hits.Add(every);
            }
            else if (w is "thanks" or "thank" && MockThanks(text, t, i) is { } thanks)
            {
                hits.Add(thanks);
            }
        }

        if (!warm && Fragment(text, t) is { } fragment)
        {
            hits.Add(fragment);
        }

        return hits;
    }

    private static string Rated(string word)
    {
        var afinn = PhrasingLexicon.Valence(word);
        var vader = PhrasingLexicon.VaderValence(word);
        return afinn <= -2 ? $"AFINN-165 rates it {afinn}"
            : vader <= -1.25 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"VADER rates it {vader:0.0}")
            : "a verb of harm in our list";
    }

    // "you (always) humiliate me", "and you sabotage everything we plan", "you guilt-trip me constantly".
    private static TraitHit? AccusingVerb(string text, List<PhrasingToken> t, int i)
    {
        if (i > 0)
        {
            var previous = t[i - 1].Text;
            var gap = text.AsSpan(t[i - 1].End, t[i].Start - t[i - 1].End);
            var clauseBreak = gap.IndexOfAny(ClauseBreaks) >= 0;
            if (ClauseStoppers.Contains(previous) || (!clauseBreak && !OpenerWords.Contains(previous)))
            {
                return null;
            }

            // A condition or report earlier in the clause: "when I'm tired you…" is not a charge; "if you…" was caught above.
            for (var k = i - 1; k >= 0 && k >= i - 6; k--)
            {
                if (t[k].Text is "when" or "whenever" or "if" or "feel" or "felt" or "think" or "hope" or "wish" or "glad" or "love" or "thank" or "thanks")
                {
                    return null;
                }
            }
        }

        var j = i + 1;
        while (j < t.Count && j <= i + 3 && VerbAdverbs.Contains(t[j].Text))
        {
            j++;
        }

        if (j >= t.Count || j == i + 1 && t[j].Text is "never" or "not")
        {
            return null;
        }

        var verb = t[j].Text;
        var lemma = Lemma(verb);
        if (NotCharges.Contains(verb) || NotCharges.Contains(lemma) || PhrasingLexicon.IsState(verb) || (verb.EndsWith("ly", StringComparison.Ordinal) && !HarmVerbs.Contains(verb))
            || PhrasingLexicon.IsPositive(verb) || verb.EndsWith("'re", StringComparison.Ordinal) || verb.EndsWith("'ve", StringComparison.Ordinal))
        {
            return null;
        }

        var harm = HarmVerbs.Contains(lemma) || HarmVerbs.Contains(verb);
        if (!harm && !PhrasingLexicon.IsNegative(verb))
        {
            return null;
        }

        // A charge has a target ("me", "my job", "everything") or ends the clause ("you lie.", "you always whine").
        var end = j + 1 >= t.Count || text.AsSpan(t[j].End, t[j + 1].Start - t[j].End).IndexOfAny(ClauseEnds) >= 0;
        if (!end && !Targets.Contains(t[j + 1].Text))
        {
            return null;
        }

        var word = harm ? lemma : verb;
        return new TraitHit(PhrasingPatterns.Label, t[i].Start, t[j].End - t[i].Start, text[t[i].Start..t[j].End],
            $"\"{text[t[j].Start..t[j].End]}\" ({Rated(PhrasingLexicon.IsNegative(verb) ? verb : word)}) said of what the partner does is a charge against the person, not a request.");
    }

    // "humiliated" → "humiliate", "bullies" → "bully", "nitpicks" → "nitpick", "lying" → "lie".
    private static string Lemma(string verb)
    {
        if (verb.EndsWith("ies", StringComparison.Ordinal) && verb.Length > 4)
        {
            return verb[..^3] + "y";
        }

        if (verb is "lying" or "lied" or "lies")
        {
            return "lie";
        }

        foreach (var suffix in new[] { "ing", "ed", "es", "s", "d" })
        {
            if (verb.EndsWith(suffix, StringComparison.Ordinal) && verb.Length > suffix.Length + 2)
            {
                var stem = verb[..^suffix.Length];
                if (HarmVerbs.Contains(stem))
                {
                    return stem;
                }

                if (HarmVerbs.Contains(stem + "e"))
                {
                    return stem + "e";
                }

                if (stem.Length > 2 && stem[^1] == stem[^2] && HarmVerbs.Contains(stem[..^1]))
                {
                    return stem[..^1];
                }
            }
        }

        return verb;
    }

    // "how dense can you be?", "how selfish are you?", "how clueless could one person be".
    private static TraitHit? HowQuestion(string text, List<PhrasingToken> t, int i)
    {
        var j = i + 1;
        while (j < t.Count && j <= i + 2 && HowIntensifiers.Contains(t[j].Text))
        {
            j++;
        }

        if (j + 2 >= t.Count)
        {
            return null;
        }

        var word = t[j].Text;
        if (PhrasingLexicon.Classify(word) == TraitKind.None && !PhrasingLexicon.IsNegative(word))
        {
            return null;
        }

        if (PhrasingLexicon.IsState(word) || !HowVerbs.Contains(t[j + 1].Text)
            || t[j + 2].Text is not ("you" or "u" or "ya" or "one" or "anyone" or "someone" or "somebody" or "anybody" or "a" or "your"))
        {
            return null;
        }

        return new TraitHit(PhrasingPatterns.Contempt, t[i].Start, t[j + 2].End - t[i].Start, text[t[i].Start..t[j + 2].End],
            $"\"How {word} …\" ({PhrasingLexicon.Source(word)}) asks nothing: it is a verdict dressed as a question.");
    }

    // Someone else held up as better: "every other husband manages…", "your sister would never be this careless",
    // "nobody sane would…", "a child could do it", "even the dog has more sense than you".
    private static TraitHit? Comparison(string text, List<PhrasingToken> t, int i)
    {
        var w = t[i].Text;
        var next = i + 1 < t.Count ? t[i + 1].Text : string.Empty;
        int end;
        if ((w is "other" || (w is "every" or "any" && next == "other")) && NextPerson(t, w == "other" ? i + 1 : i + 2) is { } p)
        {
            end = p;
        }
        else if (w is "your" or "ur" && Kin.Contains(next) && i + 2 < t.Count && Modals.Contains(t[i + 2].Text) && Tail(t, i + 2) < 0)
        {
            end = i + 2;
        }
        else if (w is "a" or "the" or "my" or "any" && LowBar.Contains(next) && i + 2 < t.Count && Modals.Contains(t[i + 2].Text)
            && (i > 0 && t[i - 1].Text == "even" || ThanYou(t, i + 2) || t[i + 2].Text is "could" or "can" && Tail(t, i + 2) <= 0 && MentionsYou(t)))
        {
            end = i + 2;
        }
        else if (w is "nobody" or "no" or "anyone" or "anybody" && SaneEnd(t, w == "no" ? i + 2 : i + 1) is { } s && (w != "no" || next is "one" or "sane" or "normal"))
        {
            end = s;
        }
        else
        {
            return null;
        }

        if (end >= t.Count)
        {
            return null;
        }

        return new TraitHit(PhrasingPatterns.Comparison, t[i].Start, t[end].End - t[i].Start, text[t[i].Start..t[end].End],
            $"\"{text[t[i].Start..t[end].End]}\" holds someone else up as the measure of the partner.");
    }

    private static int? NextPerson(List<PhrasingToken> t, int k)
    {
        if (k < t.Count && PersonNouns.Contains(t[k].Text) && k + 1 < t.Count && (Modals.Contains(t[k + 1].Text) || t[k + 1].Text is "in" or "on"))
        {
            return k + 1;
        }

        return null;
    }

    // "nobody sane would", "no one in their right mind would", "anyone with half a brain would", "anyone else would".
    private static int? SaneEnd(List<PhrasingToken> t, int k)
    {
        for (var j = k; j < t.Count && j <= k + 6; j++)
        {
            if (Sane.Contains(t[j].Text) || t[j].Text is "brain" or "sense" or "mind")
            {
                for (var m = j + 1; m < t.Count && m <= j + 5; m++)
                {
                    if (t[m].Text is "would" or "could" or "wouldn't" or "couldn't" or "'d" or "will" or "can")
                    {
                        return m;
                    }
                }

                return null;
            }
        }

        return null;
    }

    private static bool ThanYou(List<PhrasingToken> t, int k)
    {
        for (var j = k; j + 1 < t.Count; j++)
        {
            if (t[j].Text == "than" && t[j + 1].Text is "you" or "u")
            {
                return true;
            }
        }

        return false;
    }

    private static bool MentionsYou(List<PhrasingToken> t) => t.Any(x => x.Text is "you" or "u" or "your" or "you're" or "youre" or "ur");

    // The sum of valences after position k (AFINN-165, or VADER where AFINN has no rating), negation flipping.
    private static int Tail(List<PhrasingToken> t, int k)
    {
        var sum = 0.0;
        for (var j = k + 1; j < t.Count; j++)
        {
            var word = t[j].Text;
            double v = PhrasingLexicon.Valence(word);
            if (v == 0)
            {
                v = PhrasingLexicon.VaderValence(word) * 1.25;
            }

            var negated = j > k + 1 && PhrasingLexicon.IsNegator(t[j - 1].Text);
            sum += negated ? -v : v;
        }

        return Math.Sign(sum);
    }

    private static readonly FrozenSet<string> TimeNouns = new[]
    {
        "day", "night", "weekend", "holiday", "time", "morning", "evening", "week", "birthday", "christmas", "summer",
        "month", "year", "meal", "dinner", "party", "trip", "visit", "argument", "row", "conversation", "sunday",
        "saturday", "friday", "anniversary", "outing", "visit", "call",
    }.ToFrozenSet(StringComparer.Ordinal);

    // "Every holiday you find something to complain about", "every weekend you disappear into your games": a habit
    // charged to the partner, when what follows is negative by the lexicons ("every morning you make me coffee" is not).
    private static TraitHit? EveryTime(string text, List<PhrasingToken> t, int i)
    {
        var j = i + 1;
        if (j < t.Count && t[j].Text is "single" or "other" or "bloody" or "damn")
        {
            j++;
        }

        if (j + 1 >= t.Count || !TimeNouns.Contains(t[j].Text) || !YouWords.Contains(t[j + 1].Text)
            || (Tail(t, j + 1) >= 0 && !(j + 2 < t.Count && HarmVerbs.Contains(Lemma(t[j + 2].Text)))))
        {
            return null;
        }

        return new TraitHit(PhrasingPatterns.Absolute, t[i].Start, t[j + 1].End - t[i].Start, text[t[i].Start..t[j + 1].End],
            $"\"{text[t[i].Start..t[j].End]}\" turns a complaint into a habit of the person's.");
    }

    // "Thanks for ruining my birthday", "thank you so much for embarrassing me": thanks for a harm is sarcasm.
    private static TraitHit? MockThanks(string text, List<PhrasingToken> t, int i)
    {
        var j = i + 1;
        while (j < t.Count && j <= i + 4 && t[j].Text is "you" or "u" or "so" or "very" or "much" or "a" or "lot" or "bunch" or "million" or "again" or "really")
        {
            j++;
        }

        if (j + 1 >= t.Count || t[j].Text != "for")
        {
            return null;
        }

        var deed = t[j + 1].Text;
        var lemma = Lemma(deed);
        if (!deed.EndsWith("ing", StringComparison.Ordinal) || NotCharges.Contains(deed) || NotCharges.Contains(lemma) || deed is "worrying" or "caring" or "waiting" or "crying" or "listening"
            || !(HarmVerbs.Contains(lemma) || PhrasingLexicon.IsNegative(deed)))
        {
            return null;
        }

        return new TraitHit(PhrasingPatterns.Contempt, t[i].Start, t[j + 1].End - t[i].Start, text[t[i].Start..t[j + 1].End],
            $"Thanks for \"{deed}\" ({Rated(PhrasingLexicon.IsNegative(deed) ? deed : lemma)}) is sarcasm: it means the opposite of thanks.");
    }

    // "Such a snob about wine.", "What a hypocrite, honestly.", "Talk about selfish."
    private static TraitHit? Fragment(string text, List<PhrasingToken> t)
    {
        int j;
        if (t.Count >= 3 && t[0].Text is "such" or "what" && t[1].Text is "a" or "an")
        {
            j = 2;
        }
        else if (t.Count >= 3 && t[0].Text is "talk" && t[1].Text is "about")
        {
            j = 2;
        }
        else
        {
            return null;
        }

        while (j < t.Count - 1 && t[j].Text is "total" or "complete" or "utter" or "absolute" or "little" or "big" or "massive" or "spoilt" or "spoiled" or "selfish")
        {
            j++;
        }

        var word = t[j].Text;
        if (PhrasingLexicon.Classify(word) == TraitKind.None || PhrasingGrammar.SituationNouns.Contains(word) || PhrasingLexicon.IsState(word)
            || (t[0].Text != "talk" && j + 1 < t.Count && t[j + 1].Text is "day" or "week" or "time" or "night" or "film" or "movie" or "place" or "thing"))
        {
            return null;
        }

        return new TraitHit(PhrasingPatterns.Label, t[0].Start, t[j].End - t[0].Start, text[t[0].Start..t[j].End],
            $"\"{word}\" ({PhrasingLexicon.Source(word)}) names the kind of person someone is, even without \"you\".");
    }
}
