using System.Text;
using System.Text.RegularExpressions;

namespace Mutuality.Domain.Phrasing;

/// <summary>One harsh start-up pattern found in a text.</summary>
/// <param name="Pattern">A stable id from <see cref="PhrasingPatterns"/>.</param>
/// <param name="Start">Where the matched words start in the text that was checked (UTF-16 index).</param>
/// <param name="Length">How long the matched words are.</param>
/// <param name="Matched">The matched words, exactly as they were written.</param>
/// <param name="Reason">Why the pattern matters, in one line.</param>
public sealed record PhrasingFinding(string Pattern, int Start, int Length, string Matched, string Reason);

/// <summary>What the helper found in a text, and a gentler way of saying it.</summary>
/// <param name="Findings">Every pattern found, in text order.</param>
/// <param name="Rewrite">An "I feel … about … I need …" suggestion built from the text, or null when nothing was found.</param>
/// <param name="LooksEnglish">False when the text doesn't look like English: the helper only knows English patterns.</param>
public sealed record PhrasingCheck(IReadOnlyList<PhrasingFinding> Findings, string? Rewrite, bool LooksEnglish)
{
    public bool IsHarsh => Findings.Count > 0;

    /// <summary>The distinct pattern ids found, in the order of <see cref="PhrasingPatterns.All"/>.</summary>
    public IReadOnlyList<string> Patterns =>
        [.. Findings.Select(f => f.Pattern).Distinct().OrderBy(PhrasingPatterns.Order)];

    public static PhrasingCheck Empty { get; } = new([], null, true);
}

/// <summary>
/// The gentle phrasing helper (C8): a local, deterministic, explainable check for harsh start-up patterns.
/// <para>How it reads a text:</para>
/// <list type="bullet">
/// <item>Quoted speech ("…", “…”, „…“, «…», ‘…’) is left out: words someone else said are not said to the partner.</item>
/// <item>Curly apostrophes count as straight ones; case does not matter; "u"/"ur" count as "you"/"you're".</item>
/// <item>Each sentence is checked on its own; openers (blame, cross-complaint) only count at a sentence's start.</item>
/// <item>Negation: "you're not selfish", "you aren't lazy", "you don't always…" are not flagged, and neither is a
///   label inside a negated report — "I never said you were lazy", "I don't think you're crazy", "it's not that you
///   never help". Such a denial may still be defensive, but it does not attack the partner's character.</item>
/// <item>Compliments are not flagged: "you always make me laugh", "you never let me down".</item>
/// <item>Questions are checked like statements ("Why do you never call?" is an absolute).</item>
/// <item>Only English patterns are known; other languages get no findings (and <see cref="PhrasingCheck.LooksEnglish"/> is false).</item>
/// </list>
/// It never throws, never blocks anything, and only reads the first <see cref="MaxCheckedLength"/> characters.
/// </summary>
public static class GentlePhrasing
{
    /// <summary>Text beyond this many characters is not checked (keeps the check well under a millisecond per 500 characters).</summary>
    public const int MaxCheckedLength = 10_000;

    private const int MaxSentence = 600;

    private enum Kind
    {
        Plain,
        Negatable,
        Always,
        Never,
        AllTheTime,
        NotOnce,
    }

    private sealed record Rule(string Pattern, Func<Regex> Regex, Kind Kind);

    private static readonly Rule[] Rules =
    [
        new(PhrasingPatterns.Absolute, PhrasingRules.AbsoluteAlways, Kind.Always),
        new(PhrasingPatterns.Absolute, PhrasingRules.AbsoluteNever, Kind.Never),
        new(PhrasingPatterns.Absolute, PhrasingRules.AbsoluteEveryTime, Kind.Always),
        new(PhrasingPatterns.Absolute, PhrasingRules.AbsoluteAllTheTime, Kind.AllTheTime),
        new(PhrasingPatterns.Absolute, PhrasingRules.AbsoluteNotOnce, Kind.NotOnce),
        new(PhrasingPatterns.Label, PhrasingRules.LabelOther, Kind.Negatable),
        new(PhrasingPatterns.Diagnosis, PhrasingRules.DiagnosisYouAre, Kind.Negatable),
        new(PhrasingPatterns.Diagnosis, PhrasingRules.DiagnosisOther, Kind.Negatable),
        new(PhrasingPatterns.Contempt, PhrasingRules.Contempt, Kind.Plain),
        new(PhrasingPatterns.BlameOpener, PhrasingRules.BlameOpener, Kind.Plain),
        new(PhrasingPatterns.BlameOpener, PhrasingRules.BlameFault, Kind.Plain),
        new(PhrasingPatterns.CrossComplaint, PhrasingRules.CrossComplaintOpener, Kind.Plain),
        new(PhrasingPatterns.CrossComplaint, PhrasingRules.CrossComplaint, Kind.Plain),
    ];

    /// <summary>Checks a text. Never throws; an empty or null text has no findings.</summary>
    public static PhrasingCheck Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PhrasingCheck.Empty;
        }

        try
        {
            return Run(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // Only plausible on the very first call on an overloaded machine (compilation counts): try once more.
            try
            {
                return Run(text);
            }
            catch (Exception)
            {
                return PhrasingCheck.Empty;
            }
        }
        catch (Exception)
        {
            // The helper is advice only: whatever goes wrong, it must never stop someone from writing.
            return PhrasingCheck.Empty;
        }
    }

    private static PhrasingCheck Run(string text)
    {
        var source = text.Length > MaxCheckedLength ? text[..MaxCheckedLength] : text;
        var analysis = Prepare(source);
        var findings = new List<PhrasingFinding>();
        var hits = new List<(string Pattern, Match? Match)>();
        var sentenceOf = new Dictionary<PhrasingFinding, int>(ReferenceEqualityComparer.Instance);

        bool Add(string pattern, int absolute, int length, string reason, int sentenceStart)
        {
            if (findings.Any(f => f.Pattern == pattern && Overlaps(f.Start, f.Length, absolute, length)))
            {
                return false;
            }

            var finding = new PhrasingFinding(pattern, absolute, length, source.Substring(absolute, length), reason);
            findings.Add(finding);
            sentenceOf[finding] = sentenceStart;
            return true;
        }

        List<PhrasingToken>? allTokens = null;
        foreach (var (start, length) in Sentences(analysis))
        {
            var sentence = analysis.Substring(start, length);
            var tokens = PhrasingGrammar.Tokenize(analysis, start, length);
            // The grammar runs first, so a character word is reported with its own reason.
            if (!Teasing(sentence))
            {
                foreach (var trait in PhrasingGrammar.FindTraits(analysis, tokens, start)
                    .Concat(PhrasingStructures.Find(analysis, tokens, Warm(sentence, tokens))))
                {
                    if (Add(trait.Pattern, trait.Start, trait.Length, trait.Why + " " + PhrasingPatterns.Reason(trait.Pattern), start))
                    {
                        hits.Add((trait.Pattern, null));
                    }
                }
            }

            foreach (var rule in Rules)
            {
                for (var m = rule.Regex().Match(sentence); m.Success; m = m.NextMatch())
                {
                    if (m.Length == 0 || !Counts(rule.Kind, sentence, m)
                        || (rule.Pattern is PhrasingPatterns.Absolute or PhrasingPatterns.BlameOpener && (Warm(sentence, tokens) || Teasing(sentence)))
                        || (rule.Pattern == PhrasingPatterns.Contempt && m.Value.TrimStart().StartsWith("whatever", StringComparison.OrdinalIgnoreCase) && Warm(sentence, tokens)))
                    {
                        continue;
                    }

                    var rest = m.Groups["rest"];
                    var (s, l) = Trimmed(sentence, m.Index, rest.Success && rest.Length > 0 ? rest.Index - m.Index : m.Length);
                    if (Add(rule.Pattern, start + s, l, PhrasingPatterns.Reason(rule.Pattern), start))
                    {
                        hits.Add((rule.Pattern, m));
                    }
                }
            }

            foreach (var phrase in PhrasingPhrases.Rules)
            {
                foreach (var m in phrase.Matches(sentence))
                {
                    if (m.Length == 0 || !Passes(phrase.Guard, sentence, start, tokens, m)
                        || (phrase.Guard != PhraseGuard.WithJab && phrase.Pattern != PhrasingPatterns.Contempt && Teasing(sentence))
                        || (phrase.Guard == PhraseGuard.NotWarmText && Warm(analysis, allTokens ??= PhrasingGrammar.Tokenize(analysis, 0, analysis.Length))))
                    {
                        continue;
                    }

                    var (s, l) = Trimmed(sentence, m.Index, m.Length);
                    if (Add(phrase.Pattern, start + s, l, phrase.Why, start))
                    {
                        hits.Add((phrase.Pattern, null));
                    }
                }
            }
        }

        // A blame opener in a sentence that a more specific pattern already explains is not reported twice.
        findings.RemoveAll(f => f.Pattern == PhrasingPatterns.BlameOpener
            && findings.Any(o => sentenceOf[o] == sentenceOf[f] && o.Pattern is PhrasingPatterns.Absolute or PhrasingPatterns.Label or PhrasingPatterns.Diagnosis));
        findings.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : PhrasingPatterns.Order(a.Pattern).CompareTo(PhrasingPatterns.Order(b.Pattern)));
        var looksEnglish = LooksEnglish(analysis);
        var rewrite = findings.Count == 0 ? null : PhrasingRewrite.Build(analysis, hits, findings);
        return new PhrasingCheck(findings, rewrite, looksEnglish);
    }

    // Affection right beside a label makes it teasing: "you're ridiculous, I love it", "you're mad, in the best way".
    private static bool Teasing(string sentence) => PhrasingRules.Teasing().IsMatch(sentence);

    // Words AFINN rates as positive that, in a complaint, carry no warmth: "you never help", "you don't care".
    private static readonly HashSet<string> NotWarmWords = new(StringComparer.Ordinal)
    {
        "help", "helps", "helped", "helping", "like", "likes", "want", "wants", "please", "care", "cares", "yes", "sure",
        "ok", "okay", "agree", "joke", "pretty", "well", "right", "fine", "true", "ready", "clean", "easy",
        "free", "share", "matter", "save", "promise", "promises", "promised", "remember", "thinking", "worth", "mature", "expert",
        "better", "interested", "wow", "god", "jesus", "lol",
    };

    /// <summary>Whether a phrase rule's guard lets its match count in this sentence.</summary>
    private static bool Passes(PhraseGuard guard, string sentence, int sentenceStart, List<PhrasingToken> tokens, Match m)
    {
        switch (guard)
        {
            case PhraseGuard.NotWarm:
                return !Warm(sentence, tokens);
            case PhraseGuard.Absolute:
                var after = sentence[(m.Index + m.Length)..];
                return !Warm(sentence, tokens) && !PhrasingRules.PositiveCue().IsMatch(after) && !NegativeDeed(after) && !PhrasingRules.NeverInversion().IsMatch(after);
            case PhraseGuard.NotOnce:
                var done = sentence[(m.Index + m.Length)..];
                return !NegativeDeed(done) && !PhrasingRules.NeverInversion().IsMatch(done);
            case PhraseGuard.NegativeWord:
                var word = m.Groups["w"].Success ? m.Groups["w"].Value.ToLowerInvariant() : string.Empty;
                return word.Length > 0 && !Warm(sentence, tokens)
                    && (PhrasingLexicon.Classify(word) != TraitKind.None || PhrasingLexicon.Valence(word) <= -2
                        || (PhrasingLexicon.Misspelt(word) is { } spelt && PhrasingLexicon.Classify(spelt) != TraitKind.None));
            case PhraseGuard.Mock:
                return !PhrasingRules.WarmCue().IsMatch(sentence[(m.Index + m.Length)..]);
            case PhraseGuard.DoubleNegative:
                return !Warm(sentence, tokens) && !PhrasingRules.PositiveCue().IsMatch(sentence[(m.Index + m.Length)..]);
            case PhraseGuard.AfterComplaint:
                var before = tokens.Where(t => t.Start < sentenceStart + m.Index).Select(t => t.Text).ToList();
                return !Warm(sentence, tokens) && before.Any(w => w is "you" or "you're" or "youre" or "u" or "ur" or "your")
                    && before.Any(w => PhrasingLexicon.IsNegator(w) || PhrasingLexicon.Valence(w) < 0 || w is "late" or "forgot" or "again");
            case PhraseGuard.WithJab:
                var rest = sentence[(m.Index + m.Length)..];
                if (PhrasingRules.WarmCue().IsMatch(rest))
                {
                    return false;
                }

                var restWords = tokens.Where(t => t.Start >= sentenceStart + m.Index + m.Length).Select(t => t.Text).ToList();
                return PhrasingRules.Jab().IsMatch(sentence) || PhrasingLexicon.SumValence(restWords) < 0;
            default:
                return true;
        }
    }

    /// <summary>A sentence that reads as warm: praise or thanks words outweigh negative ones, or an appreciative opening.</summary>
    private static bool Warm(string sentence, List<PhrasingToken> tokens)
    {
        if (PhrasingRules.AffectionCue().IsMatch(sentence))
        {
            return true;
        }

        var words = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var w = tokens[i].Text;
            var next = i + 1 < tokens.Count ? tokens[i + 1].Text : string.Empty;
            var previous = i > 0 ? tokens[i - 1].Text : string.Empty;
            if (NotWarmWords.Contains(w) || (w is "good" && next is "enough") || (w is "kind" or "sort" && next is "of") || (w == "fail" && previous == "without"))
            {
                continue;
            }

            words.Add(w);
        }

        return PhrasingLexicon.SumValence(words, countNegated: false) >= 2;
    }

    private static bool Counts(Kind kind, string sentence, Match m)
    {
        var prefix = sentence[..m.Index];
        if (kind != Kind.Plain && PhrasingRules.NegatedReport().IsMatch(prefix))
        {
            return false;
        }

        var rest = m.Groups["rest"].Success ? m.Groups["rest"].Value : string.Empty;
        if (kind == Kind.Always && rest.Trim().Length == 0)
        {
            rest = sentence[(m.Index + m.Length)..]; // "you're always, always there for me": the clause goes on after the comma.
        }

        return kind switch
        {
            Kind.Always => !PhrasingRules.PositiveCue().IsMatch(rest) && !PhrasingRules.AppreciativePrefix().IsMatch(prefix)
                && !PhrasingRules.Teasing().IsMatch(sentence) && !PhrasingRules.KnowingPrefix().IsMatch(prefix),
            Kind.Never => !CopulaState(m, rest) && !PhrasingRules.NeverInversion().IsMatch(rest) && !PhrasingRules.AppreciativePrefix().IsMatch(prefix) && rest.Trim().Length > 0
                && !NegativeDeed(rest) && !PhrasingRules.Teasing().IsMatch(sentence) && !PhrasingRules.KnowingPrefix().IsMatch(prefix),
            Kind.NotOnce => !NegativeDeed(sentence[(m.Index + m.Length)..]) && !PhrasingRules.NeverInversion().IsMatch(sentence[(m.Index + m.Length)..]),
            Kind.AllTheTime => !PhrasingRules.PositiveCue().IsMatch(sentence) && !PhrasingRules.AppreciativePrefix().IsMatch(sentence),
            _ => true,
        };
    }

    /// <summary>
    /// "You're never late", "you are never rude": "never" before a state or a negative word praises the partner.
    /// </summary>
    private static bool CopulaState(Match m, string rest)
    {
        var aux = m.Groups["aux"];
        if (!aux.Success || aux.Value.Trim().TrimStart('\'').ToLowerInvariant() is not ("re" or "are" or "were"))
        {
            return false;
        }

        var tokens = PhrasingGrammar.Tokenize(rest, 0, rest.Length);
        var first = tokens.Count > 0 && tokens[0].Text is "so" or "that" or "too" or "ever" or "really" && tokens.Count > 1 ? tokens[1].Text : tokens.Count > 0 ? tokens[0].Text : string.Empty;
        return first.Length > 0 && (PhrasingLexicon.IsState(first) || PhrasingLexicon.Valence(first) < 0 || PhrasingLexicon.Classify(first) != TraitKind.None);
    }

    /// <summary>
    /// "You never complain", "not once have you missed a play": never doing something bad is praise. True when the
    /// first words of the clause (up to "when", "because", …) hold a clearly negative word (AFINN-165 −2 or lower),
    /// unless they start with "stop" ("you never stop complaining").
    /// </summary>
    internal static bool NegativeDeed(string rest)
    {
        var tokens = PhrasingGrammar.Tokenize(rest, 0, rest.Length);
        if (tokens.Count == 0 || tokens[0].Text is "stop" or "quit" or "cease" or "shut")
        {
            return false;
        }

        for (var i = 0; i < tokens.Count && i < 6; i++)
        {
            var w = tokens[i].Text;
            // A new clause ends the deed: "you never admit you're wrong" is about admitting, not about being wrong.
            if (w is "when" or "whenever" or "if" or "because" or "after" or "before" or "unless" or "until" or "while" or "even" or "and" or "but" or "or" or "so"
                or "you" or "you're" or "youre" or "u" or "ur" or "i" or "i'm" or "im" or "that" or "how" or "what")
            {
                break;
            }

            if (PhrasingLexicon.Valence(w) <= -2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The reported span: the pattern's words, without the "rest of the clause" and surrounding blanks.</summary>
    private static (int Start, int Length) Trimmed(string sentence, int index, int length)
    {
        var end = index + length;
        while (index < end && !char.IsLetterOrDigit(sentence[index]) && !char.IsSurrogate(sentence[index]))
        {
            index++;
        }

        while (end > index && char.IsWhiteSpace(sentence[end - 1]))
        {
            end--;
        }

        return end > index ? (index, end - index) : (index, Math.Max(length, 1));
    }

    private static bool Overlaps(int aStart, int aLength, int bStart, int bLength)
        => aStart < bStart + bLength && bStart < aStart + aLength;

    /// <summary>
    /// A copy of the text, the same length, where quoted speech is blanked out, curly apostrophes are straight
    /// and invisible joiners are spaces — so indexes in it are indexes in the original.
    /// </summary>
    internal static string Prepare(string text)
    {
        var chars = text.ToCharArray();
        BlankQuotes(chars);
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' or '\u2032' => '\'',
                '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00A0' => ' ',
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    private static void BlankQuotes(char[] chars)
    {
        var i = 0;
        while (i < chars.Length)
        {
            var c = chars[i];
            var close = c switch
            {
                '"' => '"',
                '\u201C' => '\u201D',
                '\u201E' => '\u201C',
                '\u00AB' => '\u00BB',
                '\u2018' when i == 0 || !char.IsLetterOrDigit(chars[i - 1]) => '\u2019',
                _ => '\0',
            };
            if (close == '\0')
            {
                i++;
                continue;
            }

            var end = FindClose(chars, i + 1, close, c == '"' ? '\u201D' : close);
            if (end < 0)
            {
                i++;
                continue;
            }

            for (var k = i + 1; k < end; k++)
            {
                chars[k] = chars[k] == '\n' ? '\n' : ' ';
            }

            i = end + 1;
        }
    }

    private static int FindClose(char[] chars, int from, char close, char alternative)
    {
        for (var k = from; k < chars.Length && k - from < 600; k++)
        {
            if (chars[k] == '\n' && k + 1 < chars.Length && chars[k + 1] == '\n')
            {
                return -1;
            }

            if (chars[k] != close && chars[k] != alternative)
            {
                continue;
            }

            // A right single quote followed by a letter is an apostrophe ("you’re"), not the end of a quote.
            if (close == '\u2019' && k + 1 < chars.Length && char.IsLetter(chars[k + 1]))
            {
                continue;
            }

            return k;
        }

        return -1;
    }

    /// <summary>Sentence spans: split at . ! ? ; … and line breaks; the punctuation stays with its sentence.</summary>
    internal static List<(int Start, int Length)> Sentences(string text)
    {
        var spans = new List<(int Start, int Length)>();
        var start = 0;
        var i = 0;
        while (i <= text.Length)
        {
            if (i < text.Length && text[i] is not ('.' or '!' or '?' or ';' or '\n' or '\u2026'))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && text[end] is '.' or '!' or '?' or ';' or '\u2026')
            {
                end++;
            }

            // Very long runs without punctuation are checked in pieces, so no rule ever scans more than MaxSentence.
            for (var from = start; from < end; from += MaxSentence)
            {
                var length = Math.Min(MaxSentence, end - from);
                if (text.AsSpan(from, length).Trim().Length > 0)
                {
                    spans.Add((from, length));
                }
            }

            start = end < text.Length && text[end] == '\n' ? end + 1 : end;
            i = Math.Max(start, i + 1);
        }

        return spans;
    }

    // Short words that are common in English and rare as whole words in other languages written in Latin letters.
    private static readonly HashSet<string> CommonEnglish = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "you", "your", "you're", "to", "it", "it's", "that", "of", "for", "not", "with", "we", "was", "but",
        "this", "what", "when", "my", "are", "have", "just", "i'm", "don't", "can", "ok", "okay", "please", "thanks", "thank",
        "whatever", "oh", "well", "yeah", "why", "how", "never", "always", "u", "ur",
    };

    private static bool LooksEnglish(string analysis)
    {
        var letters = 0;
        var latin = 0;
        foreach (var c in analysis)
        {
            if (char.IsLetter(c))
            {
                letters++;
                latin += c < '\u0250' ? 1 : 0;
            }
        }

        if (letters == 0)
        {
            return true;
        }

        if (latin * 2 < letters)
        {
            return false;
        }

        var words = analysis.Split([' ', '\t', '\n', ',', '.', '!', '?', ';', ':', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length < 2 || words.Any(CommonEnglish.Contains);
    }
}
