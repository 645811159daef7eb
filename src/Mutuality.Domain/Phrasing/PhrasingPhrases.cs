using System.Text.RegularExpressions;

namespace Mutuality.Domain.Phrasing;

/// <summary>When a phrase rule only counts in some sentences.</summary>
internal enum PhraseGuard
{
    /// <summary>Always counts.</summary>
    None,

    /// <summary>Not in a sentence that reads as warm (praise words, thanks, "I love how…").</summary>
    NotWarm,

    /// <summary>Not in a text that reads as warm as a whole: "Are you kidding? That's amazing news!"</summary>
    NotWarmText,

    /// <summary>Praise that only counts with a jab beside it: "oh great, another…", "brilliant, you forgot".</summary>
    WithJab,

    /// <summary>A rhetorical "never/always" about the partner: not when the rest is itself negative ("you never complain").</summary>
    Absolute,

    /// <summary>"Not one time have you…": not when what was never done is itself bad ("…let me down").</summary>
    NotOnce,

    /// <summary>The word in the match's group "w" must be a negative or character word (AFINN-165 −2 or lower, or a
    /// trait or health word): "how can you be so selfish" yes, "how can you be so calm" no.</summary>
    NegativeWord,

    /// <summary>Mock praise with no jab in sight: counts unless warmth follows ("what a hero, thank you!").</summary>
    Mock,

    /// <summary>"Never a day you don't…": a double negative is an "always"; not when what follows is praise.</summary>
    DoubleNegative,

    /// <summary>"…, as usual": only after a complaint about the partner (a "you" and a "not" or negative word before it).</summary>
    AfterComplaint,
}

/// <summary>A set phrase or short construction, with the reason shown when it is found.</summary>
/// <param name="Pattern">The pattern id reported.</param>
/// <param name="Regexes">The rule's alternatives, split for speed: those without lookarounds run on the linear-time
/// non-backtracking engine, however many there are; the few with lookarounds run on the backtracking one.</param>
/// <param name="Guard">When the rule counts.</param>
/// <param name="Why">Why it matters, shown with the finding.</param>
internal sealed record PhraseRule(string Pattern, Regex[] Regexes, PhraseGuard Guard, string Why)
{
    /// <summary>Every match of the rule in a sentence, in text order.</summary>
    public IEnumerable<Match> Matches(string sentence)
    {
        if (Regexes.Length == 1)
        {
            for (var m = Regexes[0].Match(sentence); m.Success; m = m.NextMatch())
            {
                yield return m;
            }

            yield break;
        }

        var all = new List<Match>();
        foreach (var regex in Regexes)
        {
            for (var m = regex.Match(sentence); m.Success; m = m.NextMatch())
            {
                all.Add(m);
            }
        }

        foreach (var m in all.OrderBy(m => m.Index))
        {
            yield return m;
        }
    }
}

/// <summary>
/// Constructions beyond "you + character word": sarcasm and mock praise, rhetorical contempt questions, dismissals,
/// global verdicts, comparisons, threats, stonewalling and defensiveness. Each rule is a small grammar (a cue and
/// the words around it), not a list of sentences, and each says why it matters.
/// </summary>
internal static class PhrasingPhrases
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled;

    private const string You = @"(?:you|u|ya)";
    private const string YouAre = @"(?:you\s*'\s*re|youre|you\s+are|u\s+r|ur|you\s+r)";
    private const string Person = @"(?:person|partner|man|woman|husband|wife|father|mother|dad|mum|mom|boyfriend|girlfriend|parent|adult|grown-?up|human(?:\s+being)?|spouse|guy|girl|boy)";
    private const string Kin = @"(?:mother|mum|mom|father|dad|sister|brother|ex|ex-(?:wife|husband|boyfriend|girlfriend)|parents|family|friends?|boss|grandma|granddad|grandmother|grandfather|uncle|aunt|cousin)";
    private const string Praise = @"(?:great|wonderful|fantastic|perfect|brilliant|lovely|marvell?ous|super|terrific|excellent|splendid|nice|awesome|amazing|fabulous|fab|cool|genius|beautiful|smashing|grand|peachy|dandy|stellar|ace|cracking|marvellous|superb)";

    /// <summary>
    /// Splits a pattern into its top-level alternatives and compiles those without lookarounds (or counted loops, which
    /// grow the linear engine's automaton) together on the non-backtracking engine, the others on the backtracking one.
    /// </summary>
    private static Regex[] Create(string pattern)
    {
        var plain = new List<string>();
        var looking = new List<string>();
        foreach (var alternative in TopLevelAlternatives(pattern))
        {
            var needsBacktracking = alternative.Contains("(?=", StringComparison.Ordinal) || alternative.Contains("(?!", StringComparison.Ordinal)
                || alternative.Contains("(?<=", StringComparison.Ordinal) || alternative.Contains("(?<!", StringComparison.Ordinal)
                || alternative.Contains('{', StringComparison.Ordinal); // counted loops make the linear engine's automaton too large
            (needsBacktracking ? looking : plain).Add(alternative);
        }

        var regexes = new List<Regex>();
        Linear(plain, regexes, looking);
        if (looking.Count > 0)
        {
            regexes.Add(new Regex(string.Join('|', looking), Options, TimeSpan.FromSeconds(10)));
        }

        return [.. regexes];
    }

    // The linear engine refuses automata beyond a size limit; a group of alternatives that is too large is halved.
    private static void Linear(List<string> alternatives, List<Regex> regexes, List<string> fallback)
    {
        if (alternatives.Count == 0)
        {
            return;
        }

        try
        {
            regexes.Add(new Regex(string.Join('|', alternatives), (Options & ~RegexOptions.Compiled) | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(10)));
        }
        catch (NotSupportedException) when (alternatives.Count > 1)
        {
            var half = alternatives.Count / 2;
            Linear(alternatives[..half], regexes, fallback);
            Linear(alternatives[half..], regexes, fallback);
        }
        catch (NotSupportedException)
        {
            fallback.Add(alternatives[0]);
        }
    }

    private static List<string> TopLevelAlternatives(string pattern)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '|' when depth == 0:
                    parts.Add(pattern[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(pattern[start..]);
        return parts;
    }

    internal static readonly PhraseRule[] Rules =
    [
        // ----- sarcasm and mock praise -----
        new(PhrasingPatterns.Contempt, Create(
            @"\b(?:thanks?|cheers)\s+for\s+nothing\b|\bso\s+helpful\W+thanks\W*$|^\W*(?:wow|oh)\W+(?:so|very|really)\s+(?:helpful|useful|mature|nice)\b|\bwithout\s+your\s+(?:expert|brilliant|genius|wise|great)\b|\bbecause\s+(?:you'?re|you\s+are)\s+(?:such\s+an?\s+|so\s+)(?:expert|genius|perfect|great|clever|smart|good)\b|\bhas\s+spoken\W*$|\b(?:it'?s|it\s+is)\s+never\s+(?:your|ur)\s+fault\b|\balways\s+someone\s+else'?s\s+fault\b"
            + @"|\b(?:well\s+done|nice\s+(?:one|job|work|going|move|try)|good\s+(?:job|one|work|going|thinking|call)|great\s+(?:job|work|idea|plan|move)|smart\s+move|bravo|congrat\w*|way\s+to\s+go|thanks|brilliant|genius|wow)\W+(?:genius|einstein|sherlock|captain\s+obvious|professor|hero|champ|smarty(?:\s*pants)?|your\s+(?:majesty|highness)|mastermind)\b"
            + @"|\b(?:mr|mister|miss|ms|little\s+miss|lord|lady|saint|captain)\.?\s+(?:perfect|know[\s-]it[\s-]all|always[\s-]right|obvious|high[\s-]and[\s-]mighty|sunshine\s+over\s+here)\b"
            + @"|\bno\s+shit\W+sherlock\b|\bsaid\s+no\s+one\s+ever\b|\bgood\s+luck\s+(?:with\s+that|finding)\b"
            + @"|\b(?:nice|good|kind|generous|thoughtful|sweet|lovely|big)\s+of\s+(?:you|u)\s+to\s+(?:finally|eventually|at\s+last|bother|grace|deign|join\s+us|show\s+up|turn\s+up|notice|show\s+your\s+face)\b"
            + @"|\bthanks?\s+(?:you\s+)?for\s+finally\b|\blook\s+who(?:'?s|\s+has|\s+is)?\s+(?:finally|decided|awake|showed|turned|bothered|remembered)\b"
            + @"|\bwhat\s+a\s+(?:surprise|shock)\b|\b(?:big|huge|no)\s+surprise\b(?!\s+(?:party|for))|^\W*(?:shock(?:ing|er)|surprise\W+surprise)\b|^\W*(?:wow\W+)?just\s+wow\b|\bwow\W+(?:you\s+)?actually\b"
            + @"|\b(?:real|very|so|how)\s+(?:mature|grown[\s-]up|classy|charming)\b|\breal\s+(?:smart|clever|nice|helpful)\b|\b(?:that'?s|that\s+was)\s+(?:real|so)\s+(?:smart|clever|helpful)\W*$"
            + @"|^\W*(?:oh\W+)?(?:yeah|sure|right|yes|of\s+course)\W+because\b|\bof\s+course\s+(?:you|u)\s+(?:did|do|would|forgot|are|were|didn'?t|can'?t|won'?t|don'?t|know\s+better)\b"
            + @"|\blucky\s+me\W+(?:another|again|stuck|alone|left)\b|\boh\s+(?:goody|joy)\b|\bjoy\s+of\s+joys\b|\bgee\W+(?:thanks|thank\s+you)\b|\b(?:oh|well|wow)\W+(?:wow\W+|great\W+)?thanks\s+a\s+(?:lot|bunch|million)\b"
            + @"|^\W*thanks\s+a\s+(?:lot|bunch|million)\W*$|\bthanks?(?:\s+you)?(?:\s+so\s+much|\s+a\s+lot|\s+very\s+much)?\s+for\s+nothing\b"
            + @"|\b(?:" + Praise + @"|well\s+done|bravo|thanks|good\s+job|nice\s+job|helpful)(?:\s+(?:plan|idea|job|work|one|move|effort))?\W*,\s*really\W*$|\blike\s+everything\s+else\s+(?:you|u)\s+(?:do|touch|try|say|plan)\b|\breally\s+helpful\W*$"
            + @"|\b(?:you|u)\s+(?:really\s+|honestly\s+|actually\s+)?think\s+(?:you'?re|youre|ur|u\s+r|you\s+are|you\s+know|you'?ve|the\s+world|you\s+can|you'?ll|you\s+could)\b"
            + @"|\baren'?t\s+(?:you|u)\s+(?:just\s+|so\s+|a\s+|the\s+|such\s+a\s+)*(?:ray\s+of\s+sunshine|delight|charmer|charming|clever|genius|perfect|smart|special|wonderful|brilliant|great|something|funny|hilarious|clever\s+one|smart\s+one|expert|precious|little)\b(?!\s*!)"
            + @"|\b" + YouAre + @"\s+(?:always\s+right|never\s+wrong|the\s+(?:expert|smart\s+one|clever\s+one|boss|perfect\s+one))\b[^.!?]*?,\s*(?:aren'?t|are|don'?t|do|isn'?t)\s+(?:you|u|it)\W*$"
            + @"|\b(?:best|greatest|worlds?\s+best|world'?s\s+best)\s+(?:husband|wife|boyfriend|girlfriend|partner|dad|father|mum|mother)\s+ever\W+(?:forgetting|missing|not|leaving|ignoring)\b"
            + @"|\bsuch\s+a\s+great\s+idea\W+said\b|\bgenius\W+pure\s+genius\b|\bgenius\s+(?:plan|idea|move)\W*$"),
            PhraseGuard.None,
            "Praise that means its opposite is sarcasm, one of the most wounding ways to complain."),
        new(PhrasingPatterns.Contempt, Create(
            @"^\W*(?:oh|ah|well|wow|yeah|yes|right)?\W*(?:" + Praise + @"|well\s+done|bravo|congratulations|congrats|nice\s+(?:one|job|work|going|move|try)|smooth\s+move|good\s+(?:job|one|going)|just\s+" + Praise + @"|way\s+to\s+go)\b|\b(?:that'?s|it'?s|this\s+is)\s+just\s+" + Praise + @"\b"),
            PhraseGuard.WithJab,
            "Praise next to a jab (\"another…\", \"again\", \"you forgot\") reads as sarcasm."),

        // ----- rhetorical contempt questions and put-downs -----
        new(PhrasingPatterns.Contempt, Create(
            @"\bwhat(?:'?s|\s+is|\s+the\s+(?:hell|heck|fuck)\s+is)\s+(?:your|ur)\s+(?:problem|deal|issue)\b|\bwhat(?:'?s|\s+is)\s+the\s+matter\s+with\s+(?:you|u)\b|\bdo\s+(?:you|u)\s+(?:even\s+)?have\s+a\s+brain\b|^\W*who\s+asked\s+(?:you|u)\b|\b(?:nobody|no\s+one)\s+cares\b(?!\s+(?:more|as\s+much|like|about\s+you\s+(?:more|like)))|^\W*not\s+interested\W*$|\bi\s+don'?t\s+want\s+to\s+hear\s+(?:it|another\s+word|any\s+more|anymore|your)\b|\bnot\s+(?:even\s+)?(?:going\s+to|gonna)\s+bother\s+(?:answering|replying|responding|with\s+you)\b|\bstfu\b|\b(?:you'?re|you\s+are)\s+a\s+grown\s+(?:man|woman|adult)\s+and\b|\b(?:your|ur)\s+\w+\s+(?:stinks|sucks)\b|\b(?:you|u)\s+(?:stink|suck)\b|\b(?:you'?re|you\s+are)\s+the\s+least\s+\w+|\b(?:you'?re|you\s+are)\s+(?:hardly|not\s+exactly)\s+(?:perfect|a\s+saint|innocent|an?\s+angel)\b|\b(?:go\s+(?:and\s+)?see|get)\s+(?:a\s+)?(?:shrink|therapist|psychiatrist)\b|\b(?:you'?re|you\s+are)\s+(?:way\s+)?too\s+(?:emotional|sensitive|dramatic)\b|\bstop\s+(?:overreacting|exaggerating)\b|\bblow(?:ing|n)?\s+(?:this|it|things|everything)\s+(?:out\s+of\s+(?:all\s+)?proportion|up)\b|\bget\s+away\s+from\s+me\b|^\W*talk\s+to\s+yourself\b|\bdon'?t\s+(?:talk|speak)\s+to\s+me\b|\bwhy\s+is\s+(?:everything|it\s+always)\s+my\s+fault\b|\beverything\s+is\s+(?:always\s+)?my\s+fault\b|\bi\s+didn'?t\s+do\s+anything\W+(?:you|u)\s+did\b|\bwhat\s+is\s+it\s+with\s+(?:you|u)\b|\bwhat\s+(?:the\s+(?:hell|heck|fuck)\s+)?were\s+(?:you|u)\s+thinking\b(?!\s+(?:of|about)\b)|\bwhat\s+was\s+going\s+through\s+(?:that|your)\s+head\b"
            + @"|\bwere\s+(?:you|u)\s+even\s+thinking\b|\bdo\s+(?:you|u)\s+(?:ever|even)\s+(?:think(?!\s+(?:about|of)\s+(?!(?:anyone|anybody|others|other\s+people|me\b|my\b|us\b|how\s+(?:i|that|this|it)\b)))|listen|hear|care|notice|try)\b|\bare\s+(?:you|u)\s+(?:even\s+)?(?:listening|deaf|blind|dense|thick|serious\s+right\s+now|for\s+real|out\s+of\s+your\s+(?:mind|head)|incapable|stupid|dumb|an\s+idiot)\b"
            + @"|\byou\s+can(?:'?t|not)\s+be\s+serious\b|\bffs\b|\bfor\s+(?:f'?s|fuck'?s|fucks)\s+sake\b|\b(?:can(?:'?t)?|could(?:n'?t)?)\s+(?:you|u)\s+(?:not\s+)?(?:even\s+)?(?:just\s+)?(?:read(?!\s+(?:this|that|it|me|to|the|a|an|my|your|over|out|through|aloud|something|anything\s+for))|hear|see\s+how|do\s+(?:anything|one\s+(?:thing|single\s+thing))|get\s+anything|manage\s+(?:anything|one))\b"
            + @"|\bdo\s+(?:you|u)\s+(?:have\s+)?any\s+idea\s+how\s+(?:stupid|dumb|ridiculous|pathetic|selfish|childish|crazy|mad)\b|\bdo\s+(?:you|u)\s+(?:even\s+)?hear\s+yourself\b|\blisten\s+to\s+yourself\b|\bwho\s+(?:the\s+(?:hell|heck|fuck)\s+)?do\s+(?:you|u)\s+think\s+(?:you\s+are|you'?re)\b"
            + @"|\bwho\s+raised\s+(?:you|u)\b|\braised\s+by\s+wolves\b|\bwhat\s+(?:kind|sort|type)\s+of\s+(?:a\s+)?" + Person + @"\s+(?:does|would|says|forgets|treats|leaves|acts|behaves|did|talks|lets|ignores|\w+s)\b"
            + @"|\bwhy\s+are\s+(?:you|u)\s+(?:always\s+)?like\s+this\b|\bwhy\s+can'?t\s+(?:you|u)\s+(?:just\s+)?(?:be\s+(?:normal|an\s+adult|a\s+grown|more\s+like|reasonable|nice\s+for\s+once)|act\s+(?:normal|like\s+an?\s+(?:adult|grown))|grow\s+up|ever|for\s+once|do\s+(?:anything|one\s+thing)|get\s+(?:anything|it)|think)\b"
            + @"|\bhow\s+(?:hard|difficult)\s+(?:is\s+it|can\s+it\s+(?:possibly\s+)?be|was\s+it)\b|\bis\s+it\s+(?:really\s+)?(?:that|so|too)\s+(?:hard|difficult|much\s+to\s+ask)\b|\bis\s+it\s+(?:really\s+)?too\s+much\s+to\s+ask\b|\bhow\s+many\s+times\s+(?:do|have|must|did|will|am)\b"
            + @"|\bis\s+that\s+(?:really\s+)?the\s+best\s+(?:you|u)\s+(?:can|could)\b|\bwould\s+it\s+kill\s+(?:you|u)\b|\bit\s+wouldn'?t\s+kill\s+(?:you|u)\b|\bhow\s+(?:stupid|dumb|lazy|selfish|thick|useless|clueless|blind|slow|ignorant|immature)\s+(?:are|can|could|do)\b"
            + @"|\b(?:could|can)\s+(?:you|u)\s+be\s+any\s+(?:more|less|slower|lazier|dumber|worse)\b|\bdo\s+(?:you|u)\s+think\s+i'?m\s+(?:stupid|an\s+idiot|a\s+fool|blind|dumb|thick|made\s+of\s+money|your\s+(?:maid|mother|servant|slave))\b|\bdo\s+(?:you|u)\s+take\s+me\s+for\b"
            + @"|\bis\s+(?:everything|this|life|that)\s+(?:some\s+kind\s+of\s+|some\s+sort\s+of\s+|just\s+|a\s+)+joke\s+to\s+(?:you|u)\b|\bdo\s+(?:you|u)\s+think\s+(?:this|that|it)\s+is\s+funny\b|\bhave\s+(?:you|u)\s+(?:no\s+shame|lost\s+your\s+(?:mind|marbles)|gone\s+(?:mad|crazy|insane|nuts))\b"
            + @"|\bcall\s+(?:that|this)\s+(?:an?\s+)?\w+\b|\b(?:you|u)\s+call\s+(?:that|this)\b|\bis\s+this\s+what\s+(?:you|u)\s+call\b|\b(?:that'?s|this\s+is)\s+your\s+idea\s+of\b|\bdidn'?t\s+your\s+(?:mother|mum|mom|parents)\s+teach\s+(?:you|u)\b"
            + @"|\bdon'?t\s+(?:you|u)\s+(?:have\s+a\s+brain|care\s+at\s+all|ever\s+think\s+about\s+anyone)\b|\bhow\s+dare\s+(?:you|u)\b|\bhow\s+could\s+(?:you|u)\b(?!\s+not\b)|\bthe\s+nerve\s+of\s+(?:you|u)\b|\b(?:you'?ve|you\s+have)\s+got\s+(?:a|some)\s+nerve\b|\bshame\s+on\s+(?:you|u)\b"
            + @"|\b(?:you|u)\s+(?:should|ought\s+to)\s+be\s+(?:ashamed|embarrassed)\b|\b(?:you|u)\s+(?:ought\s+to|should(?:\s+have)?|should'?ve)\s+(?:know|known)\s+better\b|\b(?:you|u)(?:\s+have|'?ve\s+got|\s+have\s+got|\s+got)\s+(?:no|zero)\s+(?:idea\s+what|clue|respect|consideration|shame|empathy|backbone|manners|class|sense)\b|\b(?:you'?ve|you\s+have)\s+got\s+no\s+\w+"
            + @"|\b(?:you|u)(?:\s+have|'?ve\s+got|\s+have\s+got|\s+got)\s+the\s+(?:memory|brains?|attention\s+span|emotional\s+range|manners|intelligence)\s+of\b|\bas\s+useful\s+as\s+a\b|\bcouldn'?t\s+(?:organi[sz]e|find\s+your\s+way|run)\b|\bforget\s+your\s+head\b"
            + @"|\b(?:you|u)\s+(?:really\s+)?are\s+(?:a\s+)?(?:real\s+)?(?:piece\s+of\s+work|something\s+else)\b|\b(?:you'?re|ur)\s+(?:a\s+)?(?:real\s+)?(?:piece\s+of\s+work|something\s+else|a\s+lost\s+cause|beyond\s+help|hard\s+work|no\s+(?:fun|help|use|good))\b|\bpiece\s+of\s+work\b|\bnot\s+in\s+a\s+good\s+way\b"
            + @"|\b(?:you'?re|you\s+are|ur)\s+(?:really\s+|such\s+)?(?:a\s+)?(?:pain\s+in\s+the|waste\s+of|lost\s+cause|good\s+for\s+nothing|drama\s+queen|control\s+freak|know[\s-]it[\s-]all|train\s+wreck|man[\s-]child|mummy'?s\s+boy|high[\s-]maintenance)\b|\b(?:you'?re|you\s+are)\s+not\s+(?:worth|even\s+trying|a\s+real|much\s+of\s+a|fit\s+to)\b|\b(?:you'?re|you\s+are)\s+no\s+kind\s+of\b"
            + @"|\b(?:you'?re|you\s+are|you\s+were)\s+never\s+worth\b|\bwhat\s+did\s+i\s+ever\s+see\s+in\s+(?:you|u)\b|\b(?:you|u)\s+treat\s+me\s+like\s+(?:a|an|dirt|shit|crap|rubbish|garbage)\b|\b(?:you|u)\s+talk\s+(?:to\s+me\s+)?(?:like\s+i'?m|down)\b|\b(?:you|u)\s+walk\s+all\s+over\b"
            + @"|\b(?:you|u)\s+act\s+like\s+(?:you'?re|a|an)\b|^\W*(?:and\s+(?:you\s+)?)?call\s+yourself\s+an?\b|\b(?:you'?d|you\s+would)\s+be\s+(?:lost|nothing|nowhere|helpless|useless)\s+without\s+me\b|\bdon'?t\s+(?:patroni[sz]e|talk\s+down\s+to|lecture|mother|baby)\s+me\b|\b(?:go\s+(?:and\s+)?|off\s+you\s+go\W+)(?:sulk|cry|whine|moan|pout)\b|\b(?:you|u)\s+(?:just\s+)?(?:sit|stand|stare)\s+there\s+like\b|\blike\s+a\s+brick\s+wall\b|\b(?:you'?re|you\s+are|ur)\s+(?:so|too)\s+much\s+(?:work|effort|hassle|drama)\b|\bstop\s+(?:whining|moaning|whinging|sulking|pouting|nagging|lying|crying|complaining|bitching|playing\s+the\s+victim|making\s+excuses|acting|being|feeling\s+sorry\s+for\s+yourself|with\s+the)\b|\bquit\s+(?:your|being|whining|moaning)\b"
            + @"|\bdon'?t\s+be\s+(?:so\s+|such\s+a\s+|an?\s+)?(?:stupid|ridiculous|pathetic|an?\s+idiot|childish|dramatic|lazy|selfish|a\s+baby|a\s+wimp|a\s+jerk)\b|\b(?:that'?s|that\s+was|this\s+is|it'?s|it\s+was)\s+(?:so\s+|really\s+|just\s+|incredibly\s+|such\s+a\s+)?(?:pathetic|ridiculous|stupid|idiotic|moronic|childish|immature|petty|lame|lazy|selfish)\b(?:\s+(?:of\s+(?:you|u)|and\s+you\s+know|thing\s+to|excuse|idea))?"
            + @"|\b(?:that'?s|that\s+was|this\s+is|it\s+was|it'?s)\s+the\s+(?:dumbest|stupidest|most\s+(?:stupid|selfish|pathetic|ridiculous|idiotic))\b(?!\s+(?:film|movie|show|book|song|game|advert|ad|rule|law|policy|match|episode|play)\b)|\b(?:so|such\s+a|how)\s+typical\s+of\s+(?:you|u)\b|\bsuch\s+a\s+you\s+thing\b|\b(?:so|very|incredibly|really)\s+\w+\s+of\s+(?:you|u)\b(?<=(?:selfish|lazy|rude|mean|thoughtless|inconsiderate|stupid|childish|careless|typical|immature|petty|nasty|cruel)\s+of\s+(?:you|u))"
            + @"|\bwhat\s+(?:a|an)\s+(?:selfish|nasty|stupid|pathetic|lame|dumb|rude|mean|cruel|childish|ridiculous|idiotic|lazy)\s+(?:thing|excuse|idea|move|thing\s+to|comment|question|answer)\b|\byour\s+(?:excuses?|cooking|family|friends|idea\s+of|so[\s-]called|taste|driving|jokes?|attitude|behaviou?r|problem)\b[^.!?;]{0,30}?\b(?:is|are|was|were)\s+(?:(?:a|an|so|such|just|really|totally|absolutely|as\s+bad\s+as)\s+)*(?:pathetic|joke|disgusting|losers?|nightmare|rubbish|crap|terrible|awful|embarrassing|ridiculous|useless|stupid|hopeless|your)\b"
            + @"|\b(?:the\s+)?(?:problem|trouble|thing)\s+with\s+(?:you|u)\s+is\b|\b(?:your|ur)\s+problem\s+is\b|\bi\s+can'?t\s+(?:trust|rely\s+on|count\s+on|take)\s+(?:you|u)\s+(?:with|for|anywhere)\b|\bi\s+(?:have\s+to|need\s+to)\s+treat\s+(?:you|u)\s+like\b|\bi\s+shouldn'?t\s+have\s+to\s+(?:tell|remind|ask|explain)\b"
            + @"|\bi'?m\s+not\s+your\s+(?:mother|mum|mom|maid|servant|slave|secretary|cleaner|nanny|babysitter|therapist)\b|\bdone\s+cleaning\s+up\s+after\s+(?:you|u)\b|\b(?:grow|man|toughen|wise)\s+up\b(?<=(?:^|[,;:]|\bjust|\boh|\band|\bso|\bnow)\W*(?:grow|man|toughen|wise)\s+up)|\bget\s+(?:over\s+(?:yourself|it)|a\s+(?:grip|life)(?!\s+(?:on|of)\s+(?:the|that|this|it|a|an|my|our|his|her)\b)|real(?!\s+[a-z])|it\s+together)\b|\bpull\s+yourself\s+together\b"
            + @"|\bpoor\s+(?:little\s+)?(?:baby|you(?=\W*$)|little\s+you|me)\b|\bdiddums\b|\bcrybaby\b|\bboo[\s-]?hoo\b|\bcry\s+me\s+a\s+river\b|\bgo\s+(?:cry|run)\s+to\s+(?:your|ur)\b|\brun\s+(?:along\s+)?to\s+(?:your|ur)\s+(?:mother|mum|mom|mommy|mummy)\b|\bhave\s+fun\s+being\s+alone\b|\benjoy\s+your\s+(?:sad|pathetic|miserable|lonely)\b"
            + @"|\bi\s+(?:can'?t|cannot)\s+believe\s+(?:you|u)\s*(?:\W*$|'?d\b|would|could|did\s+that|actually|of\s+all)|\bi\s+can'?t\s+believe\s+i\s+(?:married|ended\s+up\s+with|chose|picked)\b|^\W*(?:you'?re\s+)?unbelievable\W*$|^\W*(?:seriously|really)\W+again\W*$|\b(?:really|seriously)\W*(?:\?|!)\s*(?:you|u)\s+forgot\b|\b(?:you|u)\s+forgot\s+again\b|^\W*(?:you'?re|ur|you\s+are)\s+(?:just\s+|so\s+|actually\s+)?unbelievable\W*$|^\W*(?:just\s+|oh\s+)?calm\s+down\b|\bshut\s+(?:up|it)\b(?!\s+(?:shop|the))(?!\W+(?:that'?s\s+(?:amazing|brilliant|incredible|awesome|fantastic|great|so\s+cool)|no\s+way|you\s+didn'?t))"
            + @"|\b(?:you|u)\s+(?:did|do|are\s+doing|'?re\s+doing)\s+it\s+again\b|\bthere\s+you\s+go\s+again\b|\b(?:you'?re|you\s+are)\s+(?:sulking|whining|moaning|nagging|pouting|lying|whinging)\b|\bguilt\s+trip\b|\bplay(?:s|ing)?\s+the\s+victim\b|\balways\s+the\s+victim\b|\b(?:you|u)\s+(?:could|can)\s+do\s+better\b(?=\W*$)"),
            PhraseGuard.None,
            "Questions and remarks that talk down to the partner say \"I'm above you\"; they sting more than the complaint itself."),
        new(PhrasingPatterns.Contempt, Create(
            @"^\W*(?:typical|classic)(?:\s+(?:you|u|of\s+you))?\W*$|\b(?:classic|typical)\s+(?:you|u)\b|^\W*(?:how\s+)?typical\W*$|\bhere\s+we\s+go\s+again\b|^\W*(?:oh\W+)?here\s+we\s+go\W*$|\bnot\s+this\s+again\b|\bhere\s+we\s+go\W+(?:blame|with|again)\b|\bgive\s+me\s+a\s+break(?!\s+(?:from|with|tonight|this|for|on|and|please))\b"
            + @"|\bspare\s+me\b(?!\s+(?:a|some|the\s+last|one|your\s+(?:time|help)))|\bsave\s+(?:it|your\s+(?:excuses|breath|sob\s+story|speech))\b(?!\s+for\s+(?:me|later|tomorrow))|\bdon'?t\s+give\s+me\s+that\b|\b(?:like|as\s+if)\s+(?:you|u)(?:'d|\s+(?:care|cared|would|ever|even|listen|know))\b|\blike\s+that(?:'?s|'?ll|\s+will|\s+is)\s+(?:ever\s+)?(?:going\s+to\s+|gonna\s+)?happen\b"
            + @"|\b(?:yeah|yea)\W*right\b(?=\W*$|\W+(?:like|as\s+if|sure|because))|^\W*sure\s+(?:you|u)\s+(?:will|did|do|are|would|can)\W*$|\bsure\W+whatever\b|\bwhatever\s+you\s+say\b|^\W*(?:fine\W+)?whatever\W*(?:$|,?\s*(?:do|i\s+don'?t|go|fine))|\bwho\s+cares\s+what\s+(?:you|u)\b|\bnobody\s+asked\s+(?:you|for\s+your)\b|\bno\s+one\s+asked\s+(?:you|for\s+your)\b|^\W*did\s+i\s+ask\W*$"
            + @"|\bi\s+(?:don'?t|do\s+not)\s+care\s+what\s+(?:you|u)\s+(?:think|say|want|feel)\b|\bdo\s+(?:whatever|what)\s+(?:you|u)\s+want\W+(?:i\s+don'?t\s+care|see\s+if)|\bdo\s+whatever\s+(?:you|u)\s+want\W*$|\bi\s+(?:couldn'?t|could\s+not)\s+care\s+less\b(?!\s+about\s+(?:the|a|it|that\s+(?:scratch|car)))|\bcouldn'?t\s+care\s+less\W*$|\b(?:see\s+if|like)\s+i\s+care\b|\bnot\s+my\s+problem\b|\b(?:your|ur)\s+feelings\s+(?:are\s+not|aren'?t)\s+my\b"
            + @"|^\W*deal\s+with\s+it\b|\bfigure\s+it\s+out\s+yourself\b|\bsort\s+(?:yourself|your\s+(?:own\s+)?life)\s+out\b|^\W*(?:oh\W+)?(?:please\W+)?(?:just\s+)?shut\s+(?:up|it|your\s+mouth)\b|\bshut\s+up\s+(?:and|already|you)\b|^\W*zip\s+it\b|\b(?:you|u)\s+make\s+me\s+(?:sick|laugh)\W*$|\b(?:you|u)\s+(?:disgust|embarrass|sicken|repulse)\s+me\b"
            + @"|\bi(?:'?m|\s+am)\s+(?:so\s+)?(?:ashamed|embarrassed)\s+(?:of|to\s+be\s+seen\s+with)\s+(?:you|u)\b|\bi\s+(?:\w+\s+)?(?:hate|despise|loathe|can'?t\s+stand)\s+(?:you|u|being\s+(?:with|around)\s+(?:you|u)|living\s+with\s+(?:you|u))\b(?!\s+(?:have|had|were|are|'re|got|feel|being|having|to\s+(?:go|work|leave)))|\bi\s+can'?t\s+(?:even\s+)?look\s+at\s+(?:you|u)\b"
            + @"|\bi(?:'?m|\s+am)\s+(?:so\s+)?(?:sick|tired|fed\s+up)(?:\s+and\s+tired)?\s+(?:of|with)\s+(?:you|u|your|ur)\b(?!\s+(?:being\s+(?:ill|sick)|having\s+to|working))|\bi'?ve\s+had\s+it\s+(?:up\s+to\s+here\s+)?with\s+(?:you|u|your)\b|\bdon'?t\s+make\s+me\s+laugh\b|\b(?:you'?re|you\s+are|ur)\s+dead\s+to\s+me\b"),
            PhraseGuard.NotWarm,
            "Dismissals and eye-roll phrases shut the other person out; they sting more than the complaint itself."),

        new(PhrasingPatterns.Contempt, Create(
            @"\bare\s+(?:you|u)\s+(?:kidding|joking|serious|for\s+real)\b|\b(?:you'?re|you\s+are|ur)\s+(?:kidding|joking)\b|\byou'?ve\s+got\s+to\s+be\s+(?:kidding|joking)\b|^\W*(?:seriously|really|unbelievable|incredible)\W*$|^\W*again\W*[?!]+\W*$"),
            PhraseGuard.NotWarmText,
            "Disbelief aimed at the partner (\"are you kidding me?\") says their view isn't worth taking seriously."),

        new(PhrasingPatterns.BlameOpener, Create(@"^\W*thanks\s+to\s+(?:you|u)\b|\bthat'?s\s+just\s+great\W+thanks\s+to\s+(?:you|u)\b"),
            PhraseGuard.NotWarmText,
            "Putting the whole outcome on them (\"thanks to you, we…\") is blame; saying how it affected you invites them in."),

        // ----- global verdicts -----
        new(PhrasingPatterns.Absolute, Create(
            @"\b(?:you|u)\s+(?:\w+\s+)?(?:ruin|ruined|spoil|spoilt|spoiled|wreck|wrecked|mess\s+up|screw\s+up|destroy)\s+(?:everything|every\s+single|every\s+\w+|it\s+all|all\s+of\s+it)\b|\b(?:you|u)\s+(?:mess|screw|muck)\s+everything\s+up\b|\b(?:you|u)\s+(?:can'?t|cannot|never|couldn'?t)\s+(?:do|get|manage)\s+(?:anything|a\s+single\s+thing|one\s+(?:single\s+)?thing)\s*(?:right|properly|correctly)?\b"
            + @"|\b(?:you|u)\s+can'?t\s+be\s+trusted\b|\b(?:useless|bad|hopeless|rubbish|terrible|no\s+good)\s+at\s+(?:everything|anything)\b|\bnothing\s+(?:i\s+do\s+)?(?:is\s+)?ever\s+(?:good\s+enough|right|changes?|enough)\b|\bnothing\s+is\s+ever\s+good\s+enough\b|\bnothing\s+ever\s+changes\s+with\s+(?:you|u)\b"
            + @"|\b(?:you'?ll|you\s+will|u\s+will|you\s+are\s+never\s+going\s+to|you'?re\s+never\s+going\s+to|you'?re\s+never\s+gonna)\s+(?:never\s+)?(?:change|grow\s+up|amount\s+to|learn)\b(?<!will\s+change)(?<!'ll\s+change)(?<!will\s+learn)(?<!'ll\s+learn)(?<!will\s+grow\s+up)(?<!'ll\s+grow\s+up)|\b(?:it'?s|it\s+is|everything(?:'?s|\s+is|\s+has\s+to\s+be))\s+(?:always\s+)?(?:about\s+(?:you|u)|(?:your|ur)\s+way)\b"
            + @"|\byour\s+way\s+or\s+the\s+highway\b|\bit'?s\s+(?:always\s+)?the\s+same\s+(?:story\s+)?(?:\w+\s+){0,2}with\s+(?:you|u)\b|\b(?:the\s+)?(?:worst|most\s+(?:annoying|selfish|useless|pathetic|lazy|irritating|boring|inconsiderate|difficult|stubborn))\s+(?:\w+\s+)?(?:" + Person + @"|listener|cook|driver|person)\s*(?:ever|i\s+(?:have\s+)?(?:ever\s+)?(?:met|know|known))\b"
            + @"|\b(?:you'?re|you\s+are|ur)\s+(?:literally\s+|just\s+|honestly\s+)?the\s+worst\b(?!\s+at\s+(?:hiding|keeping\s+secrets))|^\W*worst\W+(?:husband|wife|boyfriend|girlfriend|partner|dad|mum|father|mother|person|cook|driver|listener)\W+ever\b|\bworst\s+\w+\s+ever\b(?<!\b(?:film|movie|weather|day|week|traffic|game|song|meal|hotel|journey|flight|holiday)\s+ever)"
            + @""
            + @"|\beach\s+and\s+every\s+(?:day|time|night|morning|week|weekend)\s+(?:you|u)\b|\bday\s+in\W+day\s+out\W+(?:you|u)\b|\btime\s+after\s+time\s+(?:you|u)\b|\bagain\s+and\s+again\s+(?:you|u)\b|\bwithout\s+fail\s+(?:you|u)\b|\b(?:you|u)\b[^.!?;]{0,40}\b(?:24\s*/\s*7|twenty[\s-]four\s+seven|round\s+the\s+clock|without\s+fail|day\s+in\W+day\s+out)\b|^\W*(?:24\s*/\s*7|twenty[\s-]four\s+seven)\s+(?:you|u)\b"
            + @"|\ball\s+(?:you|u)\s+(?:ever\s+)?(?:do|did|care\s+about|think\s+about|want|talk\s+about|ever\s+do)\s+is\b|\ball\s+(?:you|u)\s+(?:ever\s+)?care\s+about\b|\bthe\s+only\s+thing\s+(?:you|u)\s+(?:ever\s+)?(?:care|think|want|talk)\b|\b(?:you|u)\s+only\s+(?:ever\s+)?(?:think|care|call|text|want|talk|listen|help|do\s+things|bother|remember|show\s+up|come)\b"
            + @"|\b(?:you'?re|you\s+are)\s+forever\s+\w+ing\b|\bwhenever\s+there'?s\s+a\s+problem\s+(?:you|u)\b|\b(?:any\s*time|anytime|whenever|every\s+time)\s+(?:i|we)\s+(?:need|ask|want|talk|try|bring|mention|say|have|go|plan|get)\b[^.!?;]{0,40}\b(?:you|u)(?:'re|\s+are)?\s+(?:\w+\s+)?(?:busy|sigh|check|disappear|roll|leave|walk|go|change|start|ignore|get|look|turn|make|say|tell|laugh|complain|find)\w*\b"
            + @"|\bwhy\s+is\s+it\s+always\s+(?:me|my\s+job|up\s+to\s+me)\b|\bit'?s\s+always\s+[^.!?;]{0,20}\bwith\s+(?:you|u)\W*$|\brevolve[sd]?\s+around\s+(?:you|u)\b|\b(?:every\s+(?:single\s+)?time|each\s+time|whenever|any\s*time)\s+(?:i|we)\b[^.!?;]{0,50}?\b(?:you|u)\s+(?!(?:are|were|'re|with|and|too|the|a|my|me|as|look|seem|make\s+me)\b)\w+|\b(?:this|that|it)(?:'?s|\s+is|\s+was)\s+(?:all\s+)?on\s+(?:you|u)\b(?!\s+(?:tonight|today|this\s+time))|\blook\s+what\s+(?:you|u)(?:\s+did|\s+made\s+me|\s+have\s+done|'?ve\s+done|\s+done)\b|\b(?:you|u)(?:\s+made|\s+make|\s+have\s+made|'?ve\s+made)\s+(?:a\s+)?(?:complete\s+|total\s+|right\s+|real\s+)?(?:mess|hash|pig'?s\s+ear|disaster)\s+of\b|\bthere'?s\s+(?:never|not)\s+(?:a|one)\s+(?:single\s+)?(?:day|time|moment|night)\s+(?:when|that|where)\s+(?:you|u)\b|\b(?:as\s+usual|as\s+always)\b(?<=(?:^|[,;:]|\b(?:forgot|late|again|up|down|it|this|that|me|wrong|nothing|out))\W*as\s+(?:usual|always))"),
            PhraseGuard.Absolute,
            "A verdict on everything (\"you ruin everything\", \"nothing ever changes\") leaves nothing to fix, only someone to blame."),

        // ----- global verdicts whose rest is itself the complaint ("all you do is complain") -----
        new(PhrasingPatterns.Absolute, Create(
            @"\ball\s+(?:you|u)\s+(?:ever\s+)?(?:do|did)\s+is\s+(?:\w+\s+)?(?:complain|moan|whine|whinge|nag|criticis|criticiz|argue|sulk|sleep|sit|lie|play|watch|scroll|take|shout|yell|bitch|grumble|judge|lie|ignore|talk\s+about\s+yourself)|\beverything\s+(?:you|u)\s+(?:touch|do|try|say|handle|plan)\s+(?:turns|goes|ends|falls|becomes|is\s+a)\b"
            + @"|\b(?:it'?s|it\s+is|there'?s|there\s+is)\s+(?:no\s+point|pointless|useless|a\s+waste\s+of\s+(?:time|breath))\s+(?:in\s+)?(?:talking|trying\s+to\s+talk|arguing|explaining|asking)\s+(?:anything\s+)?(?:to|with)\s+(?:you|u)\b"
            + @"|\b(?:you'?re|you\s+are|ur|u\s+r)\s+(?:so\s+|really\s+|just\s+|too\s+|way\s+too\s+)?full\s+of\s+(?:yourself|it|crap|shit|bull\w*|hot\s+air)\b"),
            PhraseGuard.NotWarm,
            "A verdict on the whole person (\"all you do is complain\", \"you're full of yourself\") leaves nothing to fix, only someone to blame."),
        new(PhrasingPatterns.Contempt, Create(
            @"\b(?:you|u)\s+(?:really\s+|honestly\s+|seriously\s+|just\s+)?(?:drive|are\s+driving|'?re\s+driving)\s+me\s+(?:insane|crazy|nuts|mad|up\s+the\s+wall|round\s+the\s+bend|to\s+despair)\b(?![^.!?]*\b(?:in\s+(?:the\s+best|a\s+good)\s+way|with\s+(?:love|desire)|i\s+love|in\s+that\s+dress|when\s+you\s+(?:smile|kiss|dance)))"),
            PhraseGuard.NotWarmText,
            "Saying the partner drives you mad puts the whole feeling on them; naming what happened and what you need lets them help."),

        // ----- contempt in other words: exasperation, group verdicts, mock comparisons (development batch 3) -----
        new(PhrasingPatterns.Contempt, Create(
            @"\bwhy\s+do\s+i\s+(?:even\s+|still\s+|ever\s+)?(?:bother|try|put\s+up)\b(?:\s+(?:with|talking\s+to|asking)\s+(?:you|u))?|\bi\s+(?:don'?t|do\s+not)\s+know\s+why\s+i\s+(?:even\s+|still\s+)?(?:bother|put\s+up\s+with|stay|try)\b"
            + @"|^\W*typical\s+(?:man|woman|men|women|male|female|guy|husband|wife|boyfriend|girlfriend)\W*$|\byou\s+people\b|\b(?:you'?re|you\s+are|ur)\s+all\s+the\s+same\b"
            + @"|\bcut\s+the\s+(?:crap|bullshit|bs|drama|act|nonsense)\b"
            + @"|\b(?:you|u)(?:\s+have|'?ve\s+got|\s+have\s+got|\s+got)\s+the\s+(?:\w+\s+){1,2}of\s+an?\s+(?:\w+\s+)?(?:potato|jellyfish|goldfish|rock|brick|toddler|slug|sloth|snail|donkey|teaspoon|gnat|plank|wet\s+blanket|brick\s+wall|doormat|mule|pig|dog|teenager|spoon|sponge|fish|stone|wall|log)\b"
            + @"|\babout\s+as\s+\w+\s+as\s+an?\s+(?:\w+\s+)?\w+|\b(?:living|being|talking|dealing|arguing|life)\s+(?:with\s+)?(?:you|u)\s+is\s+(?:like\s+)?(?:hell|a\s+nightmare|torture|exhausting|impossible|a\s+chore|miserable|unbearable|pointless|a\s+joke)\b"
            + @"|\b(?:you|u)\s+make\s+(?:everything|it\s+all|life|my\s+life|things)\s+(?:so\s+|really\s+|so\s+much\s+)?(?:hard|harder|difficult|impossible|miserable|worse|complicated|unbearable|hell)\b"),
            PhraseGuard.NotWarm,
            "Exasperation and mock comparisons (\"why do I even bother\", \"typical man\") say \"I'm above you\"; they sting more than the complaint itself."),
        new(PhrasingPatterns.Contempt, Create(
            @"^\W*(?:it\s+)?must\s+be\s+nice\s+(?:to|being)\b|^\W*(?:what\s+a\s+|it'?s\s+a\s+)?miracle\W*$"
            + @"|^\W*(?:amazing|funny|interesting|incredible|remarkable|impressive)\s+how\s+(?:you|u)\s+(?:always|never|only|somehow|conveniently|manage|still)\b"
            + @"|\b(?:sure|of\s+course|right|oh|yes|yeah|fine)\b[^.!?]{0,25}\b(?:you|u)\s+(?:always\s+)?know\s+best\b|\b(?:you|u)\s+know\s+best\W+as\s+(?:always|usual|ever)\b"),
            PhraseGuard.None,
            "Praise that means its opposite (\"must be nice\", \"amazing how you always…\") is sarcasm, one of the most wounding ways to complain."),
        new(PhrasingPatterns.Absolute, Create(
            @"\b(?:not|n'?t)\s+(?:one|a\s+single)\s+(?:single\s+)?(?:time|day|thing|once)(?:\s+\w+){0,3}?\s+(?:have|did|do|has|had|were|was)\s+(?:you|u)\b|\bat\s+no\s+(?:point|time|stage|moment)\s+(?:have|did|do|has|had|were|was)\s+(?:you|u)\b|\bnever\s+once\s+(?:have|did|do|has|had)\s+(?:you|u)\b|\bnot\s+once\s+in\s+\w+(?:\s+\w+)?\s+(?:have|did|has|had)\s+(?:you|u)\b"),
            PhraseGuard.NotOnce,
            "\"Not one time\" turns the moments that went wrong into a verdict, and the talk slides into arguing about the exceptions."),
        new(PhrasingPatterns.Contempt, Create(
            @"\b(?:don'?t|doesn'?t|didn'?t|do\s+not|never)\s+give\s+a\s+(?:damn|shit|toss|crap|fuck|hoot|monkey'?s)\b|^\W*who\s+(?:even\s+|actually\s+|on\s+earth\s+|the\s+hell\s+|in\s+their\s+right\s+mind\s+)?(?:does|says|thinks|acts|talks|behaves|forgets|would\s+(?:do|say))\s+(?:that|this|like\s+that|stuff\s+like\s+that|things\s+like\s+that)\W*$"
            + @"|\b(?:do|did|can'?t|could(?:n'?t)?|why\s+don'?t|why\s+can'?t)\s+(?:you|u)\s+(?:ever\s+|even\s+|just\s+|not\s+)?use\s+(?:your|ur)\s+(?:head|brain|eyes|common\s+sense|noggin)\b|\bare\s+(?:you|u)\s+(?:on\s+drugs|high\s+or\s+something|drunk\s+or\s+something)\b"
            + @"|^\W*(?:oh\W+)?(?:don'?t\s+even|save\s+it|spare\s+me)\W*$|\bgrow\s+(?:a\s+(?:spine|pair|backbone|brain)|some\s+(?:balls|backbone))\b"),
            PhraseGuard.None,
            "Contempt (\"you don't give a damn\", \"who does that?\", \"save it\") says \"I'm above you\"; it stings more than the complaint itself."),
        new(PhrasingPatterns.Comparison, Create(
            @"\ban?\s+(?:normal|decent|good|real|proper|reasonable|grown)\s+" + Person + @"\s+would\b(?!\s+(?:love|be\s+(?:lucky|glad|happy)))|\b(?:my\s+)?friends'?\s+(?:husbands|wives|partners|boyfriends|girlfriends)\s+(?:actually|always|never|would|do|don'?t|help|remember|manage|can)\b"),
            PhraseGuard.NotWarm,
            "Comparing your partner with someone else turns a request into a ranking, and nobody can win it."),
        new(PhrasingPatterns.Comparison, Create(
            @"\b(?:nobody|no\s+one|no-one|anyone|anybody)\s+in\s+(?:their|his|her)\s+right\s+mind\b|\b(?:anyone|anybody|any\s+idiot|any\s+fool)\s+with\s+(?:half\s+a\s+brain|a\s+brain|any\s+sense|common\s+sense|eyes|a\s+pulse)\b"
            + @"|\b(?:your|ur|my)\s+" + Kin + @"\s+would\s+(?:never|have)\s+(?:\w+\s+){1,3}like\s+(?:this|that)\b"),
            PhraseGuard.NotWarm,
            "Comparing your partner with someone else turns a request into a ranking, and nobody can win it."),

        // ----- generalised classes (development batch 5): each covers a construction, not a sentence -----
        // Rhetorical questions and remarks whose answer is a verdict on the person, the verdict word read from the lexicon.
        new(PhrasingPatterns.Contempt, Create(
            @"\bhow\s+(?:can|could|is\s+it\s+possible\s+(?:for|that))\s+(?:you|u|one\s+person|someone|anyone|a\s+grown\s+(?:man|woman|adult))\s+(?:to\s+)?(?:be|get|act|sound)\s+(?:so|this|that|such\s+an?)\s+(?<w>[\w'-]+)"
            + @"|\b(?:you'?re|you\s+are|ur|u\s+r)\s+(?:just\s+|really\s+|such\s+|so\s+|a\s+|an\s+)*(?<w>[\w'-]+)\s*,\s*(?:aren'?t|are|don'?t|didn'?t|do)\s+(?:you|u|ya)\W*$"
            + @"|\b(?:do|must|did)\s+(?:you|u)\s+(?:always\s+)?(?:have|need)\s+to\s+be\s+(?:so|such\s+an?|this)\s+(?<w>[\w'-]+)|\bwhy\s+must\s+(?:you|u)\s+(?:always\s+)?be\s+(?:so|such\s+an?)\s+(?<w>[\w'-]+)"
            + @"|\b(?:that'?s|that\s+was|it'?s|it\s+was|how|so|very|really|incredibly)\s+(?:so\s+|really\s+|very\s+|just\s+)?(?<w>[\w'-]+)\s+of\s+(?:you|u)\b"
            + @"|\beverything\s+(?:about|with)\s+(?:you|u)\s+(?:is\s+)?(?:so\s+|just\s+|really\s+)?(?<w>[\w'-]+)"
            + @"|\b(?:the\s+way\s+(?:you|u)\s+\w+|you\s+and\s+(?:your|ur)\s+\w+)\s+(?:is|are|really|just|so|totally|makes?\s+me)\s+(?:so\s+|really\s+|just\s+|totally\s+|fucking\s+|bloody\s+)?(?<w>[\w'-]+)"),
            PhraseGuard.NegativeWord,
            "A question or remark whose only answer is a verdict on the partner (\"how can you be so selfish?\") says \"I'm above you\"."),
        new(PhrasingPatterns.Label, Create(
            @"\b(?:your|ur)\s+(?:\w+\s+)?(?<w>[\w'-]+)\s+(?:ass|arse|butt|backside|behind|self)\b"),
            PhraseGuard.NegativeWord,
            "A name for the person (\"your lazy arse\") is about who they are, not what happened; people can change one thing far more easily than their character."),
        new(PhrasingPatterns.Contempt, Create(
            // mock rewards and applause
            @"\b(?:want|wants|expect|expecting|expects|need|waiting\s+for)\s+(?:a|an|some)\s+(?:gold\s+)?(?:medal|star|trophy|prize|cookie|biscuit|round\s+of\s+applause|pat\s+on\s+the\s+back|parade|award|certificate)\b|\b(?:slow|golf)\s+clap\b|\bsomeone\s+(?:give|get)\s+(?:this|that|him|her|you)\s+(?:\w+\s+)?(?:a\s+)?(?:medal|trophy|prize|award)\b"
            // "isn't someone in a mood", "well, aren't we touchy"
            + @"|^\W*(?:well\W+|oh\W+|my\W+|wow\W+)*(?:isn'?t|aren'?t)\s+(?:someone|somebody|we|he|she)\s+(?:just\s+|a\s+bit\s+|being\s+|feeling\s+|in\s+an?\s+|so\s+|quite\s+|the\s+)"
            // "yeah, you're a real comedian", "sure, you're so clever", "cuz ur so perfect"
            + @"|^\W*(?:oh\W+)?(?:yeah|yea|sure|right|yes)\W+(?:(?:because|cause|cuz|coz|cos|bc)\s+)?(?:you'?re|you\s+are|ur|u\s+r)\s+(?:a\s+real|such\s+an?|so|the\s+(?:expert|genius|smart\s+one|clever\s+one|perfect\s+one)(?=\W*$|\s+(?:on|at|about|in)\s+(?:everything|it\s+all|all\s+of\s+it|all|anything)\b|\W+(?:aren'?t|as\s+always|obviously|apparently|right\W*$)))(?:\s+(?!right\b|welcome\b|sweet\b|kind\b)\w+)?"
            + @"|\b(?:because|cause|cuz|coz|cos|bc)\s+(?:you'?re|you\s+are|ur|u\s+r)\s+(?:always\s+)?(?:so|such\s+an?)\s+(?:perfect|clever|smart|organi[sz]ed|helpful|reliable|mature|responsible|considerate|thoughtful|great|amazing|good|wonderful|brilliant|tidy|patient|expert|genius|saint|angel)\b"
            + @"|^\W*(?:(?:oh|wow|gosh|well|my|god|yeah|sure|right)\W+)+(?:you'?re|you\s+are|ur|u\s+r)\s+a\s+real\s+(?:help|treat|gem|charmer|comedian|laugh|catch|prize|joy|piece\s+of\s+work|hero|star|saint|peach|delight)\b"
            + @"|^\W*(?:oh\W+)?(?:yeah|yea|sure|right|yes)\W+(?:you'?re|you\s+are|ur|u\s+r)\s+the\s+perfect\s+\w+\W*$"
            + @"|\b(?:thanks?|cheers)\b[^.!?]{0,20}\bfor\s+nothing\b|\b(?:call|alert|ring|phone|tell)\s+the\s+(?:papers|press|newspapers|media)\b|\bstop\s+the\s+press(?:es)?\b"
            // tag questions after praise: "you're the expert, aren't you?", "you know everything, don't you?"
            + @"|\b(?:you'?re|you\s+are|ur)\s+(?:always\s+|just\s+)?(?:so|such\s+an?|the|a\s+real|a|an)\s+(?:\w+\s+)?(?:expert|genius|perfect|clever|smart|brilliant|wonderful|special|important|saint|angel|boss|king|queen|princess|prince|hero|funny|hilarious|helpful|mature|organi[sz]ed|superior|wise|listener|cook|driver|partner|husband|wife|boyfriend|girlfriend|friend|parent|dad|mum|mom|father|mother|catch|comedian)\b[^.!?]{0,30},\s*(?:aren'?t|are|don'?t|isn'?t)\s+(?:you|u|ya)\W*$"
            + @"|\b(?:you|u)\s+(?:know|knows|think\s+you\s+know)\s+(?:everything|it\s+all|best|better)\b[^.!?]{0,30},\s*(?:don'?t|do|aren'?t)\s+(?:you|u)\b"
            // "real smooth", "very subtle", "how original"
            + @"|^\W*(?:oh\W+|well\W+|wow\W+)?(?:real|very|so|how|that\s+was\s+(?:real|very|so))\s+(?:smooth|subtle|slick|original|impressive|considerate|thoughtful|helpful|responsible|grown[\s-]up|adult|romantic|gentlemanly|ladylike)\W*(?:$|,|well\s+done|nice|genius)"
            + @"|^\W*(?:(?:oh|wow|well|gosh|my)\W+)+what\s+an?\s+(?:hero|saint|genius|legend|star|gentleman|lady|prince|princess|catch|champ|treat|superstar|martyr)\b"
            + @"|\bis\s+that\s+(?:really\s+|seriously\s+|honestly\s+|actually\s+|truly\s+)?(?:the\s+best|all)\s+(?:you|u)(?:'?ve|\s+have)?\s+(?:got|can|could)\b"
            + @"|\b(?:god|heaven)\s+forbid\s+(?:you|u)\b|\b(?:don'?t|do\s+not)\s+flatter\s+yourself\b|\bkeep\s+telling\s+yourself\s+that\b|^\W*(?:you|u)\s+wish\W*$"
            + @"|\b(?:you'?re|you\s+are|ur)\s+(?:always\s+|just\s+)?the\s+(?:expert|authority|genius|boss|master|king|queen)\s+(?:on|at|about|of|in)\s+(?:everything|it\s+all|all\s+of\s+it|anything)\b"
            + @"|\b(?:you|u)\s+(?:could|might|can)\s+at\s+least\s+(?:pretend|bother|act|fake|say\s+(?:sorry|thanks|thank\s+you)|acknowledge|have\s+the\s+(?:decency|courtesy))\b"
            // "silly me for expecting anything", "what did I expect from you"
            + @"|\b(?:silly|stupid|foolish|naive|how\s+silly\s+of)\s+(?:of\s+)?me\s+(?:for|to)\s+(?:expect|hop|trust|count|believ|think\s+(?:you|u)|assum)\w*"
            + @"|\bwhat\s+(?:else\s+)?(?:did|do|would|could|should)\s+i\s+(?:expect|have\s+expected)\b(?:\s+(?:from|of)\s+(?:you|u)\b|\W*$)"),
            PhraseGuard.Mock,
            "Praise or thanks that mean their opposite (\"want a medal?\", \"real smooth\", \"silly me for expecting anything\") are sarcasm, one of the most wounding ways to complain."),
        new(PhrasingPatterns.Contempt, Create(
            // dismissal idioms
            @"\bgive\s+it\s+a\s+rest\b|\b(?:get|come)\s+(?:down\s+)?off\s+(?:your|ur|that)\s+high\s+horse\b|\bwind\s+(?:your|ur)\s+neck\s+in\b|\bthat'?ll\s+be\s+the\s+day\b|\bok(?:ay)?\W+boomer\b|^\W*(?:nobody|no\s+one|no-one)\s+asked\W*$|^\W*(?:go\s+)?cry\s+about\s+it\b|^\W*(?:jog|bite|do)\s+(?:on|me|one)\W*$|^\W*(?:oh\W+)?puh-?lease\b|^\W*oh\s+please\W*$|^\W*(?:yeah\W+){2,}|\bblah\W+blah\b|\bheard\s+it\s+all\s+before\b"
            + @"|\bsame\s+old\s+(?:excuse|excuses|story|speech|lecture|song|rubbish|nonsense|crap|drama|act)\b|^\W*(?:oh\W+)?here\s+we\s+go\W+(?:the\s+same|another\s+(?:lecture|rant|speech|excuse|tantrum|sulk|sob\s+story)|more\s+(?:excuses|moaning|whining|lectures))\b|\bare\s+(?:you|u)\s+(?:having\s+a\s+laugh|taking\s+the\s+(?:piss|mick|mickey|michael)|winding\s+me\s+up)\b"
            + @"|\bwho\s+(?:even|actually|exactly|on\s+earth|the\s+(?:hell|heck|fuck))\s+raised\s+(?:you|u)\b|\bwhy\s+would\s+(?:anyone|anybody|someone|any\s+\w+)\s+(?:ever\s+|even\s+)?(?:listen\s+to|believe|trust|want|love|date|marry|respect|put\s+up\s+with|care\s+what)\s+(?:you|u)\b"
            + @"|\b(?:what'?s|what\s+is|there'?s\s+no|no)\s+(?:the\s+)?point\s+(?:of|in)?\s*(?:even\s+)?(?:talking|arguing|asking|trying|explaining|telling|discussing|reasoning)\b[^.!?]{0,20}\b(?:you|u)\b|\b(?:like|it'?s\s+like)\s+talking\s+to\s+a\s+(?:brick\s+)?wall\b"
            + @""
            + @"|\b(?:try|start|learn\s+to|how\s+about)\s+(?:using|to\s+use|use)\s+(?:your|ur)\s+(?:brain|head|common\s+sense|eyes|noggin)\b|\buse\s+(?:your|ur)\s+(?:brain|head)\s+for\s+once\b"
            + @"|\b(?:quit|stop)\s+(?:playing|being)\s+the\s+(?:martyr|victim|saint|innocent|hero)\b|\bplay(?:s|ing)?\s+the\s+martyr\b"
            + @"|\b(?:marrying|meeting|dating|being\s+with|moving\s+in\s+with|trusting|choosing|picking|falling\s+for)\s+(?:you|u)\s+(?:was|is|has\s+been)\s+(?:the|a|my)\s+(?:\w+\s+)?(?:mistake|regret|waste|disaster)\b"
            + @"|\bit'?s\s+not\s+(?:exactly\s+)?(?:rocket\s+science|brain\s+surgery)\b|\bnot\s+exactly\s+rocket\s+science\b|\bdo\s+i\s+look\s+like\s+(?:your|a|an)\s+(?:\w+\s+)?(?:maid|mother|mum|mom|servant|slave|cleaner|butler|cash\s+machine|atm|bank|taxi|chauffeur|idiot|fool|mind\s+reader)\b"
            + @"|\bwho\s+(?:died\s+and\s+)?made\s+(?:you|u)\s+(?:the\s+)?(?:boss|king|queen|expert|judge|god|in\s+charge)\b|\bget\s+(?:your|ur)\s+(?:act|shit|life)\s+together\b|\b(?:you|u)\s+had\s+(?:one|1)\s+job\b|\bwhy\s+is\s+it\s+so\s+(?:hard|difficult)\s+for\s+(?:you|u)\s+to\b"
            + @"|\b(?:you|u)(?:\s+have|'?ve\s+got|\s+have\s+got|\s+got)\s+(?:serious\s+|real\s+|major\s+)?(?:anger|trust|control|commitment|mummy|mommy|daddy|abandonment|mental)\s+issues\b"
            + @"|\b(?:nobody|no\s+one|no-one)(?:'?s|\s+is)\s+buying\s+(?:it|that|this|your)\b|\b(?:nobody|no\s+one|no-one)\s+believes\s+(?:you|u|a\s+word)\b|\beven\s+(?:you|u)\s+(?:could|can|would|should|know|understand|manage|get)\b"
            + @"|\bwhat(?:'?s|\s+is)?\s+(?:the\s+(?:hell|heck|fuck|devil)|on\s+earth)\s+(?:is\s+)?wrong\s+with\s+(?:you|u)\b(?!r)|\b(?:have\s+(?:you|u)|(?:you|u)(?:'?ve|\s+have))\s+(?:\w+ly\s+|totally\s+|just\s+|finally\s+)?lost\s+(?:the\s+plot|your\s+(?:mind|marbles|head|senses))\b"
            + @"|\bi\s+wish\s+i'?d\s+(?:married|picked|chosen|ended\s+up\s+with|stayed\s+with|been\s+with|gone\s+out\s+with)\s+(?:someone|somebody|anyone|my\s+ex)\b|\bi\s+should(?:'?ve|\s+have)\s+(?:left\s+(?:you|u)|married\s+(?:someone|somebody)|listened\s+to\s+my\s+(?:mum|mother|mom|friends|family|sister|dad))\b"
            + @"|\b(?:everyone|everybody|people|they\s+all)\s+(?:\w+\s+)?(?:laughs?|sniggers?|jokes?|gossips?)\s+(?:at|about)\s+(?:you|u)\b|\b(?:nobody|no\s+one|no-one)\s+(?:else\s+)?(?:(?:could|would|can|will)\s+(?:ever\s+)?)?(?:live\s+with|put\s+up\s+with|stand|stay\s+with|tolerate|cope\s+with|deal\s+with|respect|trust|believe)\s+(?:you|u)\b(?!\s+(?:more|better|like|as\s+much|the\s+way))"
            + @"|\bi\s+(?:\w+\s+)?(?:hate|despise|loathe|can'?t\s+stand|can'?t\s+bear)\s+(?:the\s+sight\s+of\s+(?:you|u)|your\s+(?:face|voice|guts|attitude|whining|moaning))\b(?!\s+(?:crying|cry|hurting|hurt|so\s+sad|upset|sad|in\s+pain|like\s+this))|\b(?:you|u)\s+make\s+me\s+want\s+to\s+(?:scream|puke|vomit|throw\s+up|hit|punch|leave|die|kill|rip|tear|run\s+away|smash)\b"
            + @"|\b(?:you|u)(?:\s+have|'?ve\s+got|\s+have\s+got|\s+got|\s+has)\s+the\s+(?:\w+\s+){0,2}(?:maturity|memory|brains?|attention\s+span|range|manners|intelligence|sense|personality|charm|patience|spine|backbone|social\s+skills|tact|empathy|temper|work\s+ethic|mentality)\s+of\s+an?\b"
            + @"|\bthere(?:'?s|\s+is)\s+something\s+(?:seriously\s+|really\s+|very\s+|deeply\s+)?wrong\s+with\s+(?:you|u)\b(?!r)"),
            PhraseGuard.NotWarmText,
            "Dismissals and eye-roll phrases (\"give it a rest\", \"that'll be the day\") shut the other person out; they sting more than the complaint itself."),
        new(PhrasingPatterns.Diagnosis, Create(
            @"\b(?:take|took|taken|taking)\s+(?:your|ur)\s+(?:pills|meds|medication|tablets)\s+(?:and|then|before)\b|\bone\s+of\s+(?:your|ur)\s+(?:little\s+)?(?:episodes|moods|tantrums|funny\s+turns|turns|meltdowns|strops|fits|breakdowns)\b|\bneed\s+(?:your|ur)\s+head\s+(?:examining|examined|checking|checked|testing|tested|looking\s+at|read)\b"),
            PhraseGuard.None,
            "Treating feelings as a symptom (\"one of your episodes\", \"take your pills\") dismisses them and belittles people who live with illness."),
        new(PhrasingPatterns.Absolute, Create(
            @"\b(?:day|night|week|year|month|weekend|time)\s+after\s+(?:day|night|week|year|month|weekend|time)\W+(?:you|u)\b|\bwithout\s+fail\W+(?:you|u)\b"
            + @"|\bfor\s+the\s+(?:hundredth|millionth|thousandth|umpteenth|nth|100th|1000th|fifth|tenth|twentieth|fiftieth|last)\s+time\b|^\W*(?:constantly|always|forever|continually|perpetually)\W+(?:you|u)\b"
            + @"|\bevery\s+(?:single\s+)?\w+\s+(?:turns|ends|becomes|goes)\s+(?:into|up|with)\b[^.!?]{0,30}\b(?:you|your)\b"
            + @"|\b(?:you|u)\s+(?:lie|lies|lied|moan|moaned|complain|complained|whinge|whine|nag|exaggerate|overreact|criticise|criticize|judge|sulk|argue|bitch|grumble|fuss|panic|interrupt|forget|forgot|lose|lost|break|broke|question|overthink|overanalyse|overanalyze|overcomplicate|blame\s+me\s+for|twist)\s+(?:about|over|at|with|into)?\s*(?:everything|anything|every\s+(?:little\s+)?thing|nonstop|non-stop|constantly)\b"
            + @"|\b(?:care|think|worry|talk)s?\s+(?:about|of)\s+(?:no\s*one|nobody|nothing|anyone|anybody|anything)\s+(?:but|except|apart\s+from|other\s+than|besides|beyond)\s+yourself\b"
            + @"|\bnothing\s+(?:you|u)\s+(?:do|say|make|cook|try|plan|touch|did)\s+(?:is|was)\s+(?:ever\s+)?(?:right|good|enough|any\s+good|worth|done\s+properly)\b|\b(?:you'?re|you\s+are|ur)\s+(?:just\s+|exactly\s+)?like\s+(?:every|all\s+the|all)\s+(?:other|the\s+other|others)\b"
            + @"|\babout\s+as\s+(?:\w+\s+){1,3}as\s+an?\s+(?:\w+\s+)?\w+"),
            PhraseGuard.DoubleNegative,
            "A verdict on everything (\"day after day you…\", \"you lie about everything\") leaves nothing to fix, only someone to blame."),
        new(PhrasingPatterns.Absolute, Create(
            @"\b(?:you|u)\s+(?:do|did|contribute|bring|add|give|offer|help\s+with)\s+(?:absolutely\s+|literally\s+|precisely\s+|(?:bugger|sod|fuck|jack)\s+all|zero|nothing)\s*(?:nothing\s+)?(?:round|around|to|at|for|all|in)\b(?!\s+(?:deserve|be\s+sorry|be\s+ashamed|feel\s+bad))"),
            PhraseGuard.Absolute,
            "A verdict on everything (\"day after day you…\", \"you lie about everything\") leaves nothing to fix, only someone to blame."),
        new(PhrasingPatterns.Absolute, Create(
            @"\bnever\s+a\s+(?:single\s+)?(?:day|night|week|time|moment)\s+(?:that\s+|when\s+)?(?:you|u)\s+(?:don'?t|dont|do\s+not|didn'?t|aren'?t|won'?t)\b|\bnot\s+a\s+(?:single\s+)?(?:day|night|week)\s+goes\s+by\s+(?:that\s+|when\s+|without\s+)(?:you|u)\b"
            + @"|^\W*(?:just\s+|oh\s+)?(?:like|as)\s+(?:always|usual|ever)\W*$|^\W*as\s+per\s+usual\W*$|^\W*(?:same|typical)\s+as\s+(?:always|usual|ever)\W*$"),
            PhraseGuard.DoubleNegative,
            "\"Never a day you don't…\" and \"like always\" turn the moments that went wrong into a verdict, and the talk slides into arguing about the exceptions."),
        new(PhrasingPatterns.Absolute, Create(
            @"\W(?:as\s+(?:usual|always|ever)|like\s+(?:always|usual)|yet\s+again|as\s+per\s+(?:usual|normal)|same\s+as\s+(?:always|ever|usual))\W*$"),
            PhraseGuard.AfterComplaint,
            "\"As usual\" after a complaint turns one moment into a verdict, and the talk slides into arguing about the exceptions."),
        new(PhrasingPatterns.Comparison, Create(
            @"\beven\s+(?:the\s+\w+|(?:\w+\s+){1,2})(?:\w+\s+){0,3}better\s+than\s+(?:you|u)\b|\beven\s+(?:my|your|ur|a|an|the)\s+(?:\w+\s+)?\w+\s+(?:would|could)(?:'?ve|\s+have)\s+(?:managed|done|known|remembered|figured|got|worked|understood|sorted|fixed|noticed|realised|realized)\b"),
            PhraseGuard.NotWarm,
            "Comparing your partner with someone else turns a request into a ranking, and nobody can win it."),

        // ----- comparisons -----
        new(PhrasingPatterns.Comparison, Create(
            @"\b(?:you'?re|you\s+are|ur|you\s+act|you\s+sound|you'?re\s+turning\s+into|you'?ve\s+turned\s+into|you'?re\s+becoming)\s+(?:exactly|just|so|no\s+better\s+than|as\s+bad\s+as|worse\s+than|turning\s+into)?\s*(?:like\s+)?(?:your|ur)\s+" + Kin + @"\b|\bno\s+better\s+than\s+(?:your|ur)\b|\bas\s+bad\s+as\s+(?:your|ur)\b"
            + @"|\bturning\s+into\s+(?:your|ur)\s+" + Kin + @"\b|\bwhy\s+can'?t\s+(?:you|u)\s+be\s+(?:more\s+)?like\b|\bmy\s+ex\s+(?![^.!?]*\b(?:you'?re|you\s+are)\s+(?:nothing|not\s+(?:at\s+all\s+)?like|so\s+much\s+better|better))(?:never|always|was|would|did|used\s+to|at\s+least|wasn'?t|didn'?t)\b|\bother\s+(?:men|women|guys|husbands|wives|partners|people|couples|boyfriends|girlfriends|dads|mums|mothers|fathers)\s+(?:manage|don'?t|do|would|actually|can|remember|help|seem|never|always)\b"
            + @"|\beveryone\s+else'?s\s+(?:partner|husband|wife|boyfriend|girlfriend)\b|\bnormal\s+(?:people|couples|partners|adults|humans|men|women)\s+(?:don'?t|do|would|wouldn'?t|can|manage)\b|\b(?:husbands|wives|partners|boyfriends|girlfriends)\s+(?:don'?t|do|would|actually|always|never)\b[^.!?]{0,30}\b(?:like|than)\s+(?:you|u)\b|\ba\s+(?:child|kid|five[\s-]year[\s-]old|toddler|monkey)\s+(?:would|could|can)\s+(?:understand|do|manage|get)\b|\b\w+s\s+better\s+than\s+(?:you|u)\W*$|\b\w+'s\s+(?:husband|wife|boyfriend|girlfriend|partner)\s+(?:actually|always|would|never|at\s+least|manages|helps|remembers|does)\b|\b(?:anyone|anybody)\s+else\s+would(?:\s+have|'ve)?\b|\bany\s+(?:normal|sane|decent|reasonable|grown|functioning|other)\s+(?:person|adult|partner|human|man|woman|husband|wife|grown-up)\s+would\b"
            + @"|\bno\s+(?:normal|sane|decent|reasonable)\s+(?:person|adult|partner|human|man|woman)\b|\bno\s+one\s+in\s+(?:their|his|her)\s+right\s+mind\b|\b(?:nobody|no\s+one|no-one)\s+else\s+would\s+(?:put\s+up|stay|have|want|love|marry)\b|\b(?:nobody|no\s+one|no-one)\s+(?:likes|can\s+stand|wants|respects|loves|trusts)\s+(?:you|u)\b"
            + @"|\b(?:everyone|everybody)\s+(?:thinks|says|knows)\s+(?:you'?re|you\s+are)\s+(?:a\s+)?(?:joke|selfish|lazy|useless|a\s+joke|an\s+idiot|crazy|mad)\b|\beven\s+(?:your|ur)\s+(?:own\s+)?" + Kin + @"\s+(?:thinks?|says?|knows?|can'?t)\b|\beven\s+a\s+(?:child|kid|baby|toddler|monkey|five[\s-]year[\s-]old)\s+(?:could|can|would)\b|\ba\s+(?:child|kid|five[\s-]year[\s-]old|toddler|monkey)\s+could\s+(?:do|manage)\b"
            + @"|\bmy\s+(?:grandmother|gran|grandma|nan|granny|granddad|grandad)\s+could\b|\bno\s+wonder\s+(?:nobody|no\s+one|your|you\s+have\s+no|you'?re|people)\b|\b(?:i\s+could|i\s+can)\s+do\s+(?:so\s+much\s+|much\s+|a\s+lot\s+)?better\s+than\s+(?:you|u)\b|\bi\s+deserve\s+(?:so\s+much\s+|much\s+)?better\s+than\s+(?:you|u|this)\b"),
            PhraseGuard.NotWarm,
            "Comparing your partner with someone else turns a request into a ranking, and nobody can win it."),

        // ----- threats and ultimatums -----
        new(PhrasingPatterns.Threat, Create(
            @"\bif\s+(?:you|u)\s+(?:\w+\s+){1,5}(?:again|one\s+more\s+time|ever\s+again)\W+(?:i'?m|i\s+will|i'?ll|we'?re|i\s+swear)\b|\bi'?ll\s+leave\s+(?:you|u)\b|\bi'?m\s+(?:leaving|gonna\s+leave|going\s+to\s+leave)\s+(?:you|u)\b|\b(?:do|say|try)\s+(?:that|it)\s+again\s+and\b|\bone\s+more\s+(?:time|word|chance)\s+and\b"
            + @"|\b(?:you'?ll|you\s+will)\s+(?:regret|be\s+sorry)\b|\bdon'?t\s+(?:you\s+)?dare\b(?!\s+(?:apologi|say\s+sorry|feel\s+(?:bad|guilty)|be\s+sorry|worry|thank))|\bi\s+swear\W+if\s+(?:you|u)\b|\bor\s+else\b|\bi'?ll\s+make\s+(?:you|u)\s+(?:pay|regret|sorry)\b|\bi'?ll\s+tell\s+everyone\b|\b(?:i'?m|i\s+am)\s+(?:going\s+to|gonna)\s+take\s+the\s+kids\b"
            + @"|\b(?:you'?ll|you\s+will)\s+never\s+see\s+(?:the|your)\s+(?:kids|children)\b|\bwon'?t\s+see\s+the\s+(?:kids|children)\b|\b(?:we'?re|we\s+are)\s+(?:so\s+)?(?:done|through|finished)\b(?!\s+(?:with\s+(?:the|dinner|packing|cleaning)|for\s+today|here))|^\W*it'?s\s+over\W*$|\bi\s+want\s+a\s+divorce\b|\bwe\s+should\s+(?:just\s+)?(?:break\s+up|split\s+up|separate|get\s+divorced)\b"
            + @"|\bi'?ll\s+find\s+someone\s+(?:who|else|better)\b|\b(?:i'?m|i\s+am)\s+(?:so\s+)?done\s+with\s+(?:you|u|us|this\s+relationship)\b|\bi(?:\s+give|\s+gave|'?ve\s+given|\s+have\s+given)\s+up\s+on\s+(?:you|u|us)\b|\bi\s+regret\s+(?:ever\s+)?(?:marrying|meeting|moving\s+in\s+with|being\s+with)\s+(?:you|u)\b|\bi\s+should\s+never\s+have\s+(?:married|met|moved\s+in\s+with)\b|\bi\s+wish\s+i'?d\s+never\s+met\s+(?:you|u)\b"
            + @"|\bdon'?t\s+bother\s+(?:coming\s+(?:home|back)|apologi[sz]ing|calling|saying\s+sorry)\b|\bdon'?t\s+(?:bother\s+)?(?:coming|come)\s+back\b|\bkeep\s+(?:this|it|that)\s+up\s+and\b|\bi'?ll\s+leave\s+if\b|\bi(?:'?m|\s+am)\s+(?:leaving|out|gone)\s+if\b|^\W*don'?t\s+bother\W*$"),
            PhraseGuard.None,
            "A threat or ultimatum makes the relationship the stake of every argument, and fear replaces trust."),

        // ----- stonewalling -----
        new(PhrasingPatterns.Stonewalling, Create(
            @"^\W*(?:just\s+)?(?:go\s+away|get\s+lost|piss\s+off|get\s+out(?:\s+of\s+my\s+(?:face|sight|way))?|leave\s+me\s+alone|don'?t\s+talk\s+to\s+me|stop\s+talking|talk\s+to\s+the\s+hand)\b|\bjust\s+leave\s+me\s+alone\b|\bi\s+don'?t\s+want\s+to\s+(?:talk|speak)\s+to\s+(?:you|u)\b(?!\s+(?:right\s+now|now|until|when)\b)"
            + @"|\bi'?m\s+(?:done|finished)\s+talking\b|\bi'?m\s+not\s+(?:talking|discussing|doing)\s+(?:about\s+)?this\b(?!\s+(?:right\s+now|now|tonight|while|until|when|again\s+tonight)|[^.!?]*\b(?:later|tomorrow|when\s+we|after)\b)|\bi'?m\s+not\s+discussing\s+this\s+with\s+(?:you|u)\b|\bend\s+of\s+(?:discussion|story|conversation)\b|\bconversation\s+over\b|\bdone\s+with\s+this\s+conversation\b"
            + @"|\bi'?m\s+not\s+listening\s+to\s+(?:this|you|u)\b|\bi'?ve\s+heard\s+enough\b|^\W*(?:don'?t\s+(?:even\s+)?start|don'?t\s+you\s+start|don'?t\s+start\s+with\s+me)\b|\bnot\s+(?:now|again)\W+(?:seriously|god|jesus|ugh)\b"),
            PhraseGuard.NotWarm,
            "Shutting the talk down leaves the other person alone with it; saying you need a pause, and when you'll come back, keeps you both in it."),

        // ----- defensiveness -----
        new(PhrasingPatterns.Defensiveness, Create(
            @"\b(?:it'?s|it\s+is|that'?s)\s+not\s+my\s+fault\b(?!\W+(?:but\s+i'?m\s+sorry|sorry))|\bdon'?t\s+(?:blame|put\s+this\s+on|pin\s+this\s+on)\s+me\b|\bso\s+(?:now\s+)?(?:it'?s|this\s+is)\s+my\s+fault\b|\bblame\s+me\s+again\b|\b(?:oh\W+)?sure\W+blame\s+me\b|\bexcuse\s+me\s+for\s+(?:breathing|living|existing|having|trying|being)\b"
            + @"|\bsorry\s+for\s+(?:existing|breathing|being\s+alive|living)\b|\bsorry\s+i'?m\s+not\s+(?:perfect|good\s+enough|like)\b|\bsorry\s+i'?m\s+such\s+a\b|\bwhat\s+do\s+(?:you|u)\s+want\s+from\s+me\b|\bi\s+can'?t\s+(?:ever\s+)?win\s+with\s+(?:you|u)\b|\bnothing\s+i\s+do\s+is\s+ever\b|\bi\s+didn'?t\s+do\s+anything\s+wrong\b(?!\W+(?:did\s+i|right)\b)"
            + @"|\b(?:you'?re|you\s+are)\s+the\s+one\s+who\b|\b(?:you|u)\s+(?:started|did)\s+it\s+first\b|\bwell\W+(?:you|u)\s+did\s+it\s+first\b|^\W*says\s+(?:you|u)\W*$|\bpot\W+meet\s+kettle\b|^\W*(?:oh\W+)?and\s+(?:you'?re|you\s+are)\s+so\s+perfect\b|\blike\s+(?:you'?re|you\s+are)\s+(?:any\s+better|perfect|a\s+saint)\b|\b(?:you'?re|you\s+are)\s+no\s+saint\b"
            + @"|\bat\s+least\s+i\s+(?:don'?t|do|can|bother|try|make|remember|call|help|clean|care|have|know|pull|actually|show|work|cook|turn\s+up|earn)\b|\bunlike\s+(?:you|u|some\s+people)\b(?!\s+(?:to|in\s+a\s+good))|\bsome\s+of\s+us\s+(?:have|actually|work|do|can|need|get)\b|\bi'?m\s+the\s+only\s+one\s+(?:who|that|here|in\s+this)\s+(?!(?:hasn'?t|has\s+not|didn'?t)\b)(?:does|cares|ever|actually|works|cleans|cooks|tries|bothers|thinks|remembers|makes|pays|puts|earns|helps|do|care)\b"
            + @"|\bi\s+(?:have\s+to\s+do|do)\s+everything\b(?:\s+(?:myself|and\s+you|around\s+here|in\s+this\s+house))?(?<!i\s+do\s+everything)|\bi\s+do\s+everything\s+(?:and\s+you|around|myself|in\s+this)\b|\bif\s+it\s+(?:weren'?t|wasn'?t)\s+for\s+me\b"),
            PhraseGuard.None,
            "Defending yourself by turning it back on them means neither of you is heard; taking a small part of it opens the talk again."),

        // ----- health words used as put-downs -----
        new(PhrasingPatterns.Diagnosis, Create(
            @"\b(?:you|u)\s+need\s+(?:serious\s+|professional\s+|some\s+serious\s+)?(?:therapy|help|a\s+therapist|a\s+shrink|meds|medication|your\s+head\s+(?:checked|examined))\b(?!\s+with)(?<!need\s+help)|\b(?:you|u)\s+need\s+(?:serious|professional)\s+help\b|\b(?:you|u)\s+need\s+help\W*$"
            + @"|\bget\s+your\s+head\s+(?:checked|examined|looked\s+at)\b|\b(?:did|have)\s+(?:you|u)\s+(?:forget|forgotten|taken|take)\s+your\s+(?:meds|pills|medication|tablets)\b|\boff\s+your\s+(?:rocker|meds|head|trolley)\b|\b(?:you'?ve|you\s+have)\s+lost\s+(?:your\s+mind|the\s+plot|it|your\s+marbles)\b|\bare\s+(?:you|u)\s+out\s+of\s+your\s+mind\b"
            + @"|\b(?:sick|not\s+right|messed\s+up|wrong)\s+in\s+the\s+head\b|\bsomething(?:'?s|\s+is)?\s+wrong\s+with\s+(?:your|ur)\s+(?:head|brain|mind)\b|\b(?:it'?s|that'?s)\s+(?:your|ur|just\s+your)\s+hormones\b|\btime\s+of\s+the\s+month\b|\bon\s+(?:your|ur)\s+period\b"
            + @""),
            PhraseGuard.None,
            "Treating feelings as a symptom (\"you're hysterical\", \"you need therapy\") dismisses them and belittles people who live with illness."),
        new(PhrasingPatterns.Contempt, Create(
            @"\b(?:you'?re|you\s+are|ur)\s+(?:being\s+)?(?:so\s+|too\s+|way\s+too\s+|really\s+)?(?:emotional|sensitive|over[\s-]?sensitive|hysterical|irrational)\s+(?:again|about\s+(?:everything|nothing)|as\s+usual)\b|\b(?:you'?re|you\s+are|ur)\s+(?:way\s+)?too\s+sensitive\b|\b(?:you'?re|you\s+are|ur)\s+(?:so\s+|being\s+|just\s+)?oversensitive\b"
            + @"|\b(?:you'?re|you\s+are|ur)\s+(?:just\s+|always\s+|totally\s+)?(?:overreacting|imagining\s+things|making\s+(?:things|it|stuff)\s+up|making\s+a\s+(?:big\s+deal|mountain|fuss|scene|drama))\b|\b(?:you|u)\s+(?:always\s+)?overreact\b|\bthat\s+never\s+happened\b|\b(?:you'?re|you\s+are)\s+(?:being\s+)?(?:so\s+)?emotional\b(?=\W*(?:again|$))"),
            PhraseGuard.None,
            "Telling someone their feelings are wrong (\"you're overreacting\", \"too sensitive\") dismisses them instead of hearing them."),

        // ----- time stretched into a verdict: "twenty years and you still…", "day in, day out", "every chance you get" -----
        new(PhrasingPatterns.Absolute, Create(
            @"\b(?:years?|months?|weeks?|decades?|ages|forever)\s+(?:and|later|on)\W+(?:you|u)\s+(?:still|yet)\s+(?:can'?t|cannot|don'?t|haven'?t|won'?t|didn'?t|couldn'?t|never|forget|leave|expect|act|treat|refuse)\b|\band\s+(?:you|u)\s+still\s+(?:can'?t|cannot|don'?t|haven'?t|won'?t|didn'?t|couldn'?t)\b"
            + @"|\bevery\s+(?:chance|opportunity)\s+(?:you|u)\s+get\b|\b(?:year|week|month|night|morning|weekend)\s+after\s+(?:year|week|month|night|morning|weekend)\W+(?:you|u)\b"),
            PhraseGuard.NotWarm,
            "Stretching one complaint over years or every chance turns it into a verdict on the person."),

        // ----- scorn in a question or an aside: "what's wrong with your head?", "you of all people" -----
        new(PhrasingPatterns.Contempt, Create(
            @"\bwhat'?s\s+wrong\s+with\s+(?:your|ur)\s+(?:head|brain|face|ears|eyes|memory)\b|\bscrew\s+loose\b|\b(?:raised|born|brought\s+up)\s+in\s+a\s+barn\b|\b(?:you|u)\s+of\s+all\s+people\b"
            + @"|\b(?:you'?re|you\s+are|ur)\s+(?:having|throwing|pulling)\s+(?:another|one\s+of\s+your|a)\s+(?:little\s+)?(?:meltdown|tantrum|strop|hissy|fit|episode|sulk)\b|\bdead\s*weight\b"),
            PhraseGuard.NotWarm,
            "Questions and asides that talk down to the partner say \"I'm above you\"; they sting more than the complaint itself."),
    ];
}
