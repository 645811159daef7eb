using System.Text.RegularExpressions;

namespace Mutuality.Domain.Phrasing;

/// <summary>
/// Builds the "I feel … about … I need …" suggestion from what was written: the feeling the writer named (or a
/// gentle default from our feeling words), the situation taken from their own words where a rule captured it,
/// and a need turned from "you never X" into "I need you to X". Where nothing can be taken from the text, it
/// leaves a bracketed gap for the writer to fill.
/// </summary>
internal static class PhrasingRewrite
{
    internal const string SituationGap = "[the one thing that happened]";

    private static readonly Dictionary<string, string> FeelingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alone"] = "lonely",
        ["invisible"] = "unseen",
        ["ignored"] = "unseen",
        ["unheard"] = "unseen",
        ["unimportant"] = "unseen",
        ["taken for granted"] = "unseen",
        ["furious"] = "angry",
        ["stressed"] = "overwhelmed",
        ["exhausted"] = "tired",
        ["embarrassed"] = "ashamed",
        ["upset"] = "hurt",
        ["annoyed"] = "frustrated",
        ["irritated"] = "frustrated",
        ["scared"] = "anxious",
        ["afraid"] = "anxious",
        ["nervous"] = "anxious",
        ["small"] = "hurt",
        ["stupid"] = "hurt",
        ["unloved"] = "hurt",
        ["let down"] = "disappointed",
        ["cry"] = "hurt",
    };

    private static readonly Dictionary<string, string> Participles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["came"] = "come",
        ["did"] = "done",
        ["took"] = "taken",
        ["gave"] = "given",
        ["went"] = "gone",
        ["wrote"] = "written",
        ["ate"] = "eaten",
        ["saw"] = "seen",
        ["forgot"] = "forgotten",
        ["told"] = "told",
        ["said"] = "said",
        ["made"] = "made",
        ["thought"] = "thought",
        ["bought"] = "bought",
        ["brought"] = "brought",
        ["spoke"] = "spoken",
        ["knew"] = "known",
        ["was"] = "been",
        ["were"] = "been",
        ["got"] = "got",
        ["paid"] = "paid",
        ["kept"] = "kept",
        ["left"] = "left",
        ["met"] = "met",
        ["sent"] = "sent",
        ["stood"] = "stood",
    };

    internal static string Build(string analysis, IReadOnlyList<(string Pattern, Match? Match)> hits, IReadOnlyList<PhrasingFinding> findings)
    {
        var primary = hits.FirstOrDefault(h => h.Pattern is PhrasingPatterns.Absolute or PhrasingPatterns.BlameOpener && h.Match is not null && h.Match.Groups["rest"].Success);
        if (primary.Pattern is null)
        {
            primary = hits.Count > 0 ? hits[0] : (findings[0].Pattern, null);
        }

        var (about, need) = primary.Match is null ? (null, null) : primary.Pattern switch
        {
            PhrasingPatterns.Absolute => FromAbsolute(primary.Match),
            PhrasingPatterns.BlameOpener => FromBlame(primary.Match),
            _ => (null, null),
        };

        if (about is null && primary.Match is null && primary.Pattern == PhrasingPatterns.Absolute)
        {
            about = YouClause(analysis, findings.First(f => f.Pattern == PhrasingPatterns.Absolute).Start);
        }

        about ??= Situation(analysis, findings) ?? Topic(analysis, findings) ?? SituationGap;
        need ??= DefaultNeed(primary.Pattern);
        var feeling = NamedFeeling(analysis) ?? DefaultFeeling(primary.Pattern);
        return $"I feel {feeling} about {about}. I need {need}.";
    }

    // "day after day you come home and ignore me" -> "you come home and ignore me": what the partner does, in their words.
    private static readonly Regex YouClauseRegex = new(
        @"\b(?:you|u)\s+(?<c>(?!(?:always|never|are|were|know|too|and|or|but|to|so|as|if)\b)[a-z]+(?<!ing)\b[^.!?;,:]{0,60})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));

    /// <summary>The first "you + verb …" clause at or after a finding, as "the times you …", or null.</summary>
    private static string? YouClause(string analysis, int from)
    {
        var end = analysis.IndexOfAny(['.', '!', '?', '\n'], from);
        var sentence = end < 0 ? analysis[from..] : analysis[from..end];
        var m = YouClauseRegex.Match(sentence);
        var clause = m.Success ? Clean(m.Groups["c"].Value) : string.Empty;
        return clause.Length > 0 ? $"the times you {clause}" : null;
    }

    private static (string? About, string? Need) FromAbsolute(Match m)
    {
        var rest = Clean(m.Groups["rest"].Value);
        if (rest.Length == 0)
        {
            return (null, null);
        }

        var kind = m.Groups["kind"].Value.ToLowerInvariant();
        var aux = Squash(m.Groups["aux"].Value).ToLowerInvariant();
        if (!kind.StartsWith("nev", StringComparison.Ordinal))
        {
            var subject = aux switch
            {
                "'re" or "are" or "were" => "you're",
                "'ve" or "have" or "had" => "you've",
                _ => "you",
            };
            return ($"the times {subject} {rest}", null);
        }

        switch (aux)
        {
            case "'re" or "are" or "were":
                return ($"the times you're not {rest}", null);
            case "'ve" or "have" or "had":
                return ($"the times you haven't {rest}", null);
            case "'ll" or "will" or "'d" or "would":
                return ($"worrying that you won't {rest}", $"you to {rest}");
            case "can":
                return ($"the times you can't {rest}", $"you to {rest}");
            default:
                var first = FirstWord(rest);
                if (first.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || Participles.ContainsKey(first))
                {
                    var participle = Participles.TryGetValue(first, out var p) ? p : first;
                    return ($"the times you haven't {participle}{rest[first.Length..]}", null);
                }

                return ($"the times you don't {rest}", $"you to {rest}");
        }
    }

    private static (string? About, string? Need) FromBlame(Match m)
    {
        var text = Squash(m.Value);
        var at = Regex.Match(text, @"\b(?:you|u)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        if (!at.Success)
        {
            return (null, null);
        }

        var after = Clean(text[(at.Index + at.Length)..]);
        var lower = after.ToLowerInvariant();
        foreach (var (prefix, aboutForm, needNext) in new[]
        {
            ("don't ", "the times you don't ", ""), ("dont ", "the times you don't ", ""), ("do not ", "the times you don't ", ""),
            ("didn't ", "the time you didn't ", " next time"), ("didnt ", "the time you didn't ", " next time"), ("did not ", "the time you didn't ", " next time"),
            ("won't ", "the times you won't ", ""), ("wont ", "the times you won't ", ""), ("can't ", "the times you can't ", ""),
            ("cant ", "the times you can't ", ""), ("cannot ", "the times you can't ", ""), ("wouldn't ", "the times you wouldn't ", ""),
            ("couldn't ", "the times you couldn't ", ""),
        })
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                var what = Clean(after[prefix.Length..]);
                return what.Length == 0 ? (null, null) : (aboutForm + what, $"you to {what}{needNext}");
            }
        }

        foreach (var prefix in new[] { "need to ", "have to ", "must ", "ought to ", "had better ", "'d better ", "better " })
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                var what = Clean(after[prefix.Length..]);
                return what.Length == 0 ? (null, null) : (null, $"you to {what}");
            }
        }

        if (lower.StartsWith("should", StringComparison.Ordinal))
        {
            var what = Clean(Regex.Replace(after, @"^should\s*(?:'?ve|have)?\s*", string.Empty, RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100)));
            return lower.StartsWith("should have", StringComparison.Ordinal) || lower.StartsWith("should've", StringComparison.Ordinal) || what.Length == 0
                ? (null, null)
                : (null, $"you to {what}");
        }

        var made = Regex.Match(lower, @"^(?:made|make|are\s+making|have\s+made|'?ve\s+made|keep\s+making)\s+me\s+(?<what>.*)$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        if (made.Success)
        {
            var what = made.Groups["what"].Value;
            return what switch
            {
                _ when what.StartsWith("late", StringComparison.Ordinal) => ($"being {what}", null),
                _ when what.StartsWith("wait", StringComparison.Ordinal) => ($"waiting{what[4..]}", null),
                _ when what.StartsWith("miss ", StringComparison.Ordinal) => ($"missing {what[5..]}", null),
                _ => (null, null),
            };
        }

        if (lower.StartsWith("keep ", StringComparison.Ordinal))
        {
            return ($"the times you {after}", null);
        }

        return after.Length > 0 && !lower.StartsWith("re ", StringComparison.Ordinal) ? ($"the time you {after}", null) : (null, null);
    }

    private static string? Situation(string analysis, IReadOnlyList<PhrasingFinding> findings)
    {
        var m = PhrasingRules.SituationClause().Match(analysis);
        // A "situation" inside the harsh words ("you care more about your phone than me") would repeat the verdict.
        if (!m.Success || findings.Any(f => f.Start < m.Index + m.Length && m.Index < f.Start + f.Length))
        {
            return null;
        }

        var clause = Clean(m.Groups["clause"].Value);
        return clause.Length < 4 ? null : $"what happens {clause}";
    }

    /// <summary>
    /// The writer's own topic: the longest clause of the text that no finding touches ("I asked you three times to
    /// book the table"), so the suggestion keeps what they were talking about without the harsh words.
    /// </summary>
    private static string? Topic(string analysis, IReadOnlyList<PhrasingFinding> findings)
    {
        string? best = null;
        var start = 0;
        for (var i = 0; i <= analysis.Length; i++)
        {
            if (i < analysis.Length && analysis[i] is not ('.' or ',' or ';' or ':' or '!' or '?' or '\n' or '\u2014' or '\u2013'))
            {
                continue;
            }

            var (from, length) = (start, i - start);
            start = i + 1;
            if (findings.Any(f => f.Start < from + length && from < f.Start + f.Length))
            {
                continue;
            }

            var clause = Clean(analysis.Substring(from, length));
            clause = Regex.Replace(clause, @"^(?:and|but|so|because|then|honestly|seriously|well|oh|just)\s+", string.Empty, RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
            // A clause that still carries an absolute ("always", "never") would bring the verdict back into the suggestion.
            var absolute = Regex.IsMatch(clause, @"\b(?:always|never|constantly|forever|every\s+time)\b", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
            if (!absolute && clause.Split(' ').Length >= 3 && (best is null || clause.Length > best.Length))
            {
                best = clause;
            }
        }

        return best is null ? null : $"this: \"{best}\"";
    }

    private static string? NamedFeeling(string analysis)
    {
        var m = PhrasingRules.Feeling().Match(analysis);
        if (!m.Success)
        {
            return null;
        }

        var word = Squash(m.Groups["feeling"].Value).ToLowerInvariant();
        return FeelingWords.TryGetValue(word, out var mapped) ? mapped : word;
    }

    private static string DefaultFeeling(string pattern) => pattern switch
    {
        PhrasingPatterns.Absolute => "frustrated",
        PhrasingPatterns.BlameOpener => "upset",
        PhrasingPatterns.Contempt => "frustrated",
        _ => "hurt",
    };

    private static string DefaultNeed(string pattern) => pattern switch
    {
        PhrasingPatterns.Absolute => "us to find a way that works for both of us",
        PhrasingPatterns.Label or PhrasingPatterns.Diagnosis => "us to talk about that one thing, not about who either of us is",
        PhrasingPatterns.Contempt => "us to slow down and say what we really mean",
        PhrasingPatterns.CrossComplaint => "us to finish talking about your worry first, and then talk about mine",
        _ => "us to talk about what would help next time",
    };

    /// <summary>Trims a captured phrase: no weight words ("again", "ever"), no end punctuation, at most about 80 characters.</summary>
    private static string Clean(string phrase)
    {
        var s = Squash(phrase).Trim(' ', '\'', '"', '-', ',', '.', '!', '?', ';', ':');
        s = PhrasingRules.LeadingWeight().Replace(s, string.Empty);
        s = PhrasingRules.TrailingWeight().Replace(s, string.Empty).Trim();
        if (s.Length > 80)
        {
            var cut = s.LastIndexOf(' ', 80);
            s = s[..(cut > 20 ? cut : 80)];
        }

        return s;
    }

    private static string Squash(string s) => Regex.Replace(s, @"\s+", " ", RegexOptions.None, TimeSpan.FromMilliseconds(100)).Trim();

    private static string FirstWord(string s)
    {
        var space = s.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? s : s[..space];
    }
}
