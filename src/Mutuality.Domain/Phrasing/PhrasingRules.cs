using System.Text.RegularExpressions;

namespace Mutuality.Domain.Phrasing;

/// <summary>
/// The regular expressions behind <see cref="GentlePhrasing"/>, compiled once on first use.
/// They run on a copy of the text where quoted speech is blanked out and curly apostrophes are made straight,
/// one sentence at a time, case-insensitively. Every alternation is a list of whole words, so there is no
/// catastrophic backtracking; each has a timeout as a last guard.
/// </summary>
internal static class PhrasingRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    // Generous: the first match of a compiled expression includes its JIT compilation, which can take a second or
    // more on a busy machine. Sentences are at most 600 characters, so no rule can run long on real input.
    private const int TimeoutMs = 10_000;

    // "you" and its texting shorthand.
    private const string You = @"(?:you|u)";

    // Ways of saying "you are" (including questions "are you", and "you sound/seem/act").
    private const string YouAre = @"(?:you\s*'\s*re|youre|you\s+are|you\s+were|you\s+r|u\s+r|u\s+are|ur|you\s*'\s*ve\s+been|you\s+have\s+been|you\s+can\s+be|you\s+sound|you\s+seem|you\s+look|you\s+act|you\s+must\s+be|are\s+you|r\s+u|were\s+you)";

    // Words allowed between "you are" and a label. "not", "never", "hardly" are deliberately absent:
    // "you're not selfish" does not match, which is how a plain negation is handled.
    private const string Intensifiers = @"(?:(?:so|such|a|an|really|just|being|totally|completely|utterly|very|too|always|constantly|honestly|literally|seriously|actually|truly|incredibly|unbelievably|most|the|kind|sort|of|bit|little|like|acting|behaving|absolute|absolutely|total|complete|real|bloody|fucking|damn|pretty|quite|clearly|obviously|probably|definitely|still|also|even|again|one|big|massive|huge|typical|somewhere|selfish|lazy|lying|useless)\s+)*";

    private const string LabelWords = @"(?:selfish|lazy|useless|heartless|cold-hearted|inconsiderate|careless|thoughtless|irresponsible|immature|childish|stupid|dumb|clueless|incompetent|hopeless|worthless|mean|cruel|rude|arrogant|controlling|needy|clingy|dramatic|boring|ungrateful|spoil(?:ed|t)|manipulative|unreliable|disrespectful|stubborn|self-cent(?:red|ered)|self-absorbed|self-obsessed|egotistical|insensitive|uncaring|fake|impossible|toxic|annoying|spineless|unbearable|dishonest|ridiculous|petty|vain|disgusting|lame|idiot|moron|jerk|loser|slob|coward|liar|baby|child|brat|fool|creep|pig|bastard|bitch|asshole|arsehole|clown|nag|snob|hypocrite|dumbass|drama\s+queen|control\s+freak|mess|joke|disappointment|disaster|failure|nightmare|waste\s+of\s+space|piece\s+of\s+work|know-it-all|doormat|leech|freeloader|(?:bad|terrible|awful|lousy|horrible|crap|crappy|rubbish|shit|shitty|sorry\s+excuse\s+for\s+a)\s+(?:partner|husband|wife|father|mother|dad|mum|mom|boyfriend|girlfriend|friend|person|parent|spouse))";

    private const string InsultNouns = @"(?:idiot|moron|jerk|loser|slob|coward|liar|brat|fool|creep|pig|bastard|bitch|asshole|arsehole|clown|snob|hypocrite|dumbass|dick|prick|twat)";

    private const string DiagnosisAdjectives = @"(?:narcissistic|psychotic|psychopathic|sociopathic|on\s+the\s+spectrum|autistic|bipolar|ocd|adhd|crazy|insane|mental|mentally\s+ill|unhinged|deranged|schizophrenic|paranoid|retarded|borderline|delusional|hysterical|demented|nuts|manic|sick\s+in\s+the\s+head)";

    private const string DiagnosisNouns = @"(?:narcissist|psycho|psychopath|sociopath|aspie|schizo|retard|nutcase|nut\s*job|lunatic|maniac|head\s*case|basket\s+case|mental\s+case|sicko)";

    // Interjections that may come before a sentence's real opening word.
    private const string OpenerPrefix = @"^\W*(?:(?:and|so|honestly|seriously|look|listen|ok|okay|again|today|tonight|yesterday|frankly|once\s+again|last\s+night|this\s+morning|then|oh)\W+)*";

    private const string Rest = @"(?<rest>[^.!?;,:]*)";

    // Compiled (not source-generated): the generator's very large methods are only lightly optimised by the JIT,
    // while compiled expressions ran 10-100 times faster in bench/phrasing.
    private static Regex Create(string pattern) => new(pattern, Options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMs));

    // ----- absolute generalisations -----

    private static readonly Regex AbsoluteAlwaysRegex = Create(@"(?<!\b(?:have|had|did|were|was|would|will|could|hope|wish|promise|thank)\s+)\b" + You + @"(?<aux>\s*'\s*re|\s+are|\s+were|\s*'\s*ve|\s+have|\s+had|\s+just|\s+also|\s+still|\s+literally|\s+do|\s+seem\s+to)?\s+(?<kind>always|allways|alwys|alwayz|alway|constantly|forever|continually|perpetually)\b" + Rest);

    internal static Regex AbsoluteAlways() => AbsoluteAlwaysRegex;

    private static readonly Regex AbsoluteNeverRegex = Create(@"(?<!\b(?:have|had|did|were|was|would|will|could|hope|wish|promise|if|may|sure|that)\s+)\b" + You + @"(?<aux>\s*'\s*re|\s+are|\s+were|\s*'\s*ve|\s+have|\s+had|\s*'\s*ll|\s+will|\s*'\s*d|\s+would|\s+can|\s+just|\s+also|\s+still|\s+literally)?\s+(?<kind>never|nevr|neva|nevar)\b(?:\s*,\s*ever\b)?" + Rest);

    internal static Regex AbsoluteNever() => AbsoluteNeverRegex;

    private static readonly Regex AbsoluteEveryTimeRegex = Create(@"\b(?<kind>every|each)\s+(?:single\s+)?time\s+(?:you|u)\b" + Rest);

    internal static Regex AbsoluteEveryTime() => AbsoluteEveryTimeRegex;

    private static readonly Regex AbsoluteAllTheTimeRegex = Create(@"\b(?:you|u)\b[^.!?;]*?\b(?<kind>all\s+the\s+time|every\s+(?:single\s+)?(?:day|night|weekend|morning|evening|time)(?!\s+(?:you|u)\b))\b");

    internal static Regex AbsoluteAllTheTime() => AbsoluteAllTheTimeRegex;

    private static readonly Regex AbsoluteNotOnceRegex = Create(@"\bnot\s+(?:even\s+)?once\s+(?:have|did|do|has|had|were|was)\s+(?:you|u)\b|\b(?:you|u)\s+(?:haven'?t|didn'?t|don'?t|have\s+not|did\s+not|never)\s+(?:even\s+)?once\b|\b(?:you|u)\s+(?:don'?t|didn'?t|won'?t|can'?t|do\s+not)\s+ever\b|\b(?:can'?t|don'?t|won'?t|didn'?t)\s+(?:you|u)\s+ever\b|\bfor\s+once\s+in\s+your\s+life\b|\bdo\s+(?:you|u)\s+ever\s+(?:listen|think\s+(?:about\s+(?:anyone|anybody)|before)|help|stop|care|notice|clean|call|ask)\b");

    internal static Regex AbsoluteNotOnce() => AbsoluteNotOnceRegex;

    // Words after "you always / every time you" that make it a compliment, not a complaint.
    private static readonly Regex PositiveCueRegex = Create(@"\b(?:in\s+my\s+(?:heart|thoughts)|on\s+my\s+mind|make\s+my\s+(?:day|week|morning|evening|life)|there\s+(?:when|whenever)\s+i\s+need|show(?:n|ed)?\s+up\s+for|(?:of|for|about)\s+others\b|think(?:ing)?\s+(?:about|of)\s+(?:you|u)\b|(?:lift|cheer|pick|build)\s+me\s+up\b|notice\s*(?:\W*$|when|how|the\s+little)|laugh|smile|happy|know\s+(?:what|how|when|just|exactly)|there\s+for|help|helping|support|supporting|care\s+(?:for|about)|kind|thoughtful|generous|patient|remember|thank|love|adore|make\s+(?:me|it|things|everything|my\s+day)\s+(?:feel\s+)?(?:better|easier|special|loved|safe|good|brighter|fun|calm|lighter|smile|laugh)|cheer|brighten|find\s+(?:a\s+way(?!\s+to\s+(?:make\s+it|blame|ruin|avoid|get\s+out|wriggle|twist))|the\s+(?:right|best))|right\s+about|keep\s+us|lift\s+me|pick\s+me\s+up|calm|beautiful|lovely|wonderful|best|great|amazing|brilliant|sweet|gentle|welcome|believe\s+in\s+me|(?:have|got)\s+my\s+back|encourage|inspire|surprise|miss|think\s+of(?!\s+yourself)|listen(?:ed)?\b(?!\s+to\s+(?:your|him|her|them|everyone|anyone))|believe[ds]?\s+in|come\s+through|(?:have|make|find)\s+time\s+for|put\s+(?:me|us|the\s+kids|others|everyone|family)\s+first|know\s+wat|stay\s+(?:so\s+)?(?:calm|positive)|show\s+up\s+for|amaze|smell|mind\s+at\s+rest|look\s+after|a\s+home\b|fall\s+for|proud|fun|funny|safe|warm|comfort|listen\s+so|on\s+my\s+side|make\s+time|say\s+the\s+right|look\s+out\s+for|good|smell\s+(?:good|nice)|hold\s+me|hug|kiss)");

    internal static Regex PositiveCue() => PositiveCueRegex;

    // Words after "you never" that make it a compliment ("you never let me down").
    private static readonly Regex NeverInversionRegex = Create(@"^\W*(?:(?:even|ever|once|really|seem\s+to)\s+)*(?:know\s+(?:what|who|when|how)\s+(?:might|may|could|will|is\s+going|'ll)|(?:have|be|get|own)\s+too\s+\w+|fail|complain|judge|let\s+(?:me|us)\s+down|give\s+up|hesitate|forget\s+(?:my|our|to\s+(?:say|thank|ask|call|kiss))|stop\s+(?:making|surprising|amazing|trying|caring|supporting|loving|believing|helping)|(?:have|need)\s+to\b|ask\s+for\s+(?:anything|much|a\s+thing|more)|made\s+me\s+feel\s+(?:small|stupid|bad|silly|alone|judged|unwelcome|unsafe|uncomfortable|rushed|pressured|guilty|ashamed|unloved|unwanted|ignored|unimportant)|(?:guess|believe)\s+(?:who|what|where|how|whom)\b|cease|disappoint|run\s+out|make\s+me\s+feel\s+(?:small|stupid|bad|silly|alone|judged|unwelcome|unsafe|uncomfortable|rushed|pressured|guilty|ashamed|unloved|unwanted|ignored|unimportant)|blame|raise\s+your\s+voice|lose\s+your\s+(?:temper|cool|patience)|waver|doubt|hold\s+(?:it|that|a\s+grudge)|leave\s+me\s+(?:out|behind)|hurt\s+me|lie\b|lied|cheat|bore|rush\s+me|push\s+me|criticis|criticiz|miss\s+a|turn\s+me\s+away|say\s+no|know\s*$|seem\s+to\s+mind|mind|boring|dull|unkind|rude|mean\b|selfish|cruel|harsh|cold|anything\s+but\s+(?:kind|lovely|patient))");

    internal static Regex NeverInversion() => NeverInversionRegex;

    // "I love how you always…", "thank you for never…": the sentence so far is appreciative.
    private static readonly Regex AppreciativePrefixRegex = Create(@"\b(?:love|adore|thank|thanks|grateful|appreciate|amazing|glad|lucky|like\s+(?:how|that|it\s+when)|admire|proud)\b");

    internal static Regex AppreciativePrefix() => AppreciativePrefixRegex;

    // ----- character labels -----

    private static readonly Regex LabelYouAreRegex = Create(@"\b" + YouAre + @"\s+" + Intensifiers + LabelWords + @"(?![\w-])");

    internal static Regex LabelYouAre() => LabelYouAreRegex;

    private static readonly Regex LabelYouNounRegex = Create(@"(?<!\b(?:thank|love|miss|see|kiss)\s+)\b" + You + @"\s+(?:(?:absolute|total|complete|utter|little|big|stupid|selfish|lazy|useless|lying|fucking|bloody|damn)\s+)*" + InsultNouns + @"(?![\w-])");

    internal static Regex LabelYouNoun() => LabelYouNounRegex;

    private static readonly Regex LabelOtherRegex = Create(@"\bcall(?:ed|ing|s)?\s+(?:you|u)\s+" + Intensifiers + LabelWords + @"(?![\w-])|\bthe\s+(?:problem|trouble)\s+with\s+you\b|\bwhat'?s\s+wrong\s+with\s+you\b|\bwhat\s+is\s+wrong\s+with\s+you\b|\bwhat\s+kind\s+of\s+(?:a\s+)?(?:person|partner|man|woman|husband|wife|father|mother|parent|human)\s+(?:are\s+you|does|would|\w+s)\b");

    internal static Regex LabelOther() => LabelOtherRegex;

    // ----- diagnoses used as insults -----

    private static readonly Regex DiagnosisYouAreRegex = Create(@"\b" + YouAre + @"\s+" + Intensifiers + @"(?:" + DiagnosisAdjectives + "|" + DiagnosisNouns + @")(?![\w-])(?!\s+(?:about|for|busy|good|in\s+love|fun|lucky|talented|beautiful|smart|funny|in\s+a\s+good\s+way))");

    internal static Regex DiagnosisYouAre() => DiagnosisYouAreRegex;

    private static readonly Regex DiagnosisOtherRegex = Create(@"(?<!\b(?:thank|love|miss|see)\s+)\b" + You + @"\s+(?:(?:absolute|total|complete|utter|little|fucking|bloody|crazy)\s+)*" + DiagnosisNouns + @"(?![\w-])|\bonly\s+(?:a|an|some)\s+" + Intensifiers + @"(?:" + DiagnosisNouns + @"|crazy\s+person|mental\s+case)(?![\w-])|\bcall(?:ed|ing|s)?\s+(?:you|u)\s+" + Intensifiers + @"(?:" + DiagnosisAdjectives + "|" + DiagnosisNouns + @")(?![\w-])|\boff\s+your\s+meds\b|\bget\s+your\s+head\s+(?:checked|examined|looked\s+at)\b|\b" + You + @"\s+(?:need|should\s+(?:be\s+on|go\s+back\s+on))\s+(?:your\s+)?(?:meds|medication|pills|to\s+be\s+medicated|to\s+be\s+locked\s+up|to\s+be\s+committed|a\s+(?:shrink|psychiatrist|straitjacket))\b|\bsomething(?:'s|\s+is)?\s+(?:seriously\s+)?wrong\s+with\s+your\s+(?:head|brain|mind)\b|\byour\s+(?:ocd|adhd|autistic|bipolar|crazy|psycho|narcissistic|autism|mental|insane)\s+(?:brain|head|self|behaviou?r|mind|nonsense|tantrums?|ass|episodes?|moods?|rants?)\b");

    internal static Regex DiagnosisOther() => DiagnosisOtherRegex;

    // ----- contempt, sarcasm, superiority -----

    private static readonly Regex ContemptRegex = Create(@"\bpathetic\b(?<!\b(?:the|this|that|our|their|his|her|my)\s+\w+\s+(?:was|is|were|are)\s+(?:so\s+|just\s+|really\s+)?pathetic)(?<!\bnot\s+pathetic)(?<!n't\s+pathetic)|\bwhatever(?=\s*(?:[.!?…,]|$))(?<=(?:^|[,:;]|\b(?:yeah|yea|yep|fine|ok|okay|oh|sure|well|right))\W*whatever)|\bwhatever\s+you\s+say\b|\boh\W{0,3}(?:joy|goody|how\s+(?:nice|lovely|sweet|thoughtful|kind|generous|mature|original|convenient)|so\s+now|poor\s+(?:you|baby|thing)|very\s+mature)\b|\b(?:yeah|yea)\W*right\b(?=\W*$|\W+(?:like|as\s+if|sure|because))|\bas\s+if(?=\W*$)(?<=^\W*as\s+if)|\bsure(?<!\b(?:i'?m|am|be|make|not|so|pretty|quite|very|feel|felt|i)\s+sure)\s+(?:you|u)\s+(?:did|do|will|are|were|would|can|have)\W*$|\bsure(?=\W*$)(?<=^\W*(?:yeah|oh|yea)\W*sure)|\b(?:thanks|thank\s+you)\s+(?:so\s+much\s+|a\s+lot\s+|very\s+much\s+)?for\s+nothing\b|\bgee\W+(?:thanks|thank\s+you)\b|\b(?:oh|well)\W+(?:wow\W+|great\W+)?thanks\s+a\s+lot\b|\bbig\s+deal\b(?<=^\W*(?:so\W+)?big\s+deal)(?!\W+(?:we|i|let))|\bwhat'?s\s+the\s+big\s+deal\b|\b(?:real|how)\s+mature\b|\bgrow\s+up\b(?<=(?:^|[,;:]|\bjust|\boh)\W*grow\s+up)|\bget\s+over\s+(?:yourself|it)\b|\bget\s+a\s+(?:grip|life)\b(?!\s+(?:on|of)\s+(?:the|that|this|it|a|an|my|our|his|her)\b)|\bspare\s+me\b(?!\s+(?:a|some|one|the|your))|\bboo[\s-]?hoo\b|\bcry\s+me\s+a\s+river\b|\bwho\s+cares\b(?!\s+for)|\bduh\b|\bpf+t+\b|\b(?:rolls?|rolling)\s+(?:my\s+|his\s+|her\s+)?eyes\b|\beye[\s-]?roll(?:s|ing)?\b|\bsmh\b|\bcaptain\s+obvious\b|\b(?:nice\s+(?:one|going|work|job)|well\s+done|good\s+job|great\s+job|way\s+to\s+go|congratulations|bravo|thanks)\W+(?:genius|einstein|sherlock|your\s+majesty|princess|hero)\b|\bno\s+shit\W+sherlock\b|\bpoor\s+baby\b|\bat\s+least\s+i\s+(?:don'?t|do|can|bother|try|make|remember|call|help|clean|care|have|know|pull|actually|show|work|cook)\b|\bunlike\s+(?:you|u|some\s+people)\b|\bany\s+(?:normal|sane|decent|reasonable|grown|functioning)\s+(?:person|adult|partner|human|man|woman|husband|wife|grown-up)\b|\bsome\s+of\s+us\s+(?:have|actually|work|do|can)\b|\bget\s+real\b(?!\s+(?:rest|sleep|food|help|coffee|time|shoes|money|work|\w+ing)\b)|\byou\s+wouldn'?t\s+understand\b|\uD83D\uDE44|\uD83D\uDE12");

    internal static Regex Contempt() => ContemptRegex;

    // ----- blame-first "you" openers (start of a sentence only) -----

    private static readonly Regex BlameOpenerRegex = Create(OpenerPrefix + You + @"\s+(?:(?:made|make|are\s+making|have\s+made|'?ve\s+made|keep\s+making)\s+me\b(?!\s+(?:(?:so|very|really|feel|feeling)\s+)*(?:laugh|smile|happy|happier|proud|better|safe|loved|special|good|glad|grateful|calm|a\b|an\b|the\b|my\b|some\b|breakfast|dinner|lunch|coffee|tea|want|believe|who|think|stronger|brave|whole))|(?:don'?t|do\s+not|didn'?t|did\s+not|won'?t|will\s+not|can'?t|cannot|wouldn'?t|couldn'?t|haven'?t|hadn'?t|never\s+even)\s+(?!(?:have|need|owe|ever\s+have)\s+to\b|need\b|owe\b|know\s+how|imagine|worry|apologi[sz]e|mind|deserve|understand\s+how\s+(?:much|grateful|happy|glad)|realise|realize|seem|look|believe|sound|always\b|ever\b|even\s+need|get\s+enough|hear\s+it\s+enough|give\s+yourself|let\s+anyone|do\s+anything\s+wrong|have\s+known|have\s+done\s+(?:more|anything)|help\s+(?:it|being|feeling)|regret|miss\s+much|owe|once\b)|(?:need\s+to|should(?:\s+have|'?ve)?|have\s+to|had\s+better|'?d\s+better|better|must|ought\s+to)\s+(?!(?:totally|definitely|absolutely)\b|go\s+for\b|be\s+(?:so\s+|really\s+)?proud\b|treat\s+yourself\b|seen\b|heard\b|been\s+there|rest|relax|sleep|eat\b|take\s+care|look\s+after|be\s+(?:so\s+)?proud|be\s+kind\s+to\s+yourself|have\s+(?:seen|heard|been\s+there)|see\b|know\s+(?:that\s+)?(?:i|how)|come\b|treat\s+yourself|go\s+to\s+bed|try\b|hear\b|join|be\s+(?:tired|exhausted|starving|hungry|freezing|cold|so\s+tired)|have\s+a\s+(?:rest|nap|break|lie)|take\s+(?:a\s+)?(?:break|rest|nap|day\s+off|it\s+easy)|get\s+some\s+(?:rest|sleep)|stop\s+worrying)|let\s+(?:me|us)\s+down|ruined|forgot\s+(?:to|about|my|our|again|that)|ignored|ignore|embarrassed\s+me|humiliated\s+me|abandoned|left\s+me|broke\s+(?:my|our|your\s+promise|the\s+(?:promise|deal|rule))|lied|ditched|blew\s+(?:it|up)|screwed\s+up|messed\s+up|wasted|only\s+(?:care|think)|just\s+(?:don'?t|can'?t|won'?t)|obviously|clearly\s+don'?t|keep\s+(?!(?:surprising|amazing|making\s+me\s+(?:laugh|smile)|me\s+going|me\s+sane|me\s+warm|me\s+safe|going|trying|at\s+it))|interrupted|interrupt|yelled|shouted|snapped|hurt\s+(?:me|my)|promised)" + Rest + @"|" + OpenerPrefix + @"you'?re\s+the\s+(?:reason|problem)\b");

    internal static Regex BlameOpener() => BlameOpenerRegex;

    private static readonly Regex BlameFaultRegex = Create(@"(?<!\b(?:none|no\s+part|not\s+one\s+bit)\s+of\s+)\b(?:it'?s|this\s+is|that'?s|it\s+is|that\s+is|it\s+was|this\s+was|that\s+was)\s+(?:all\s+|entirely\s+|totally\s+|completely\s+)?(?:your|ur)\s+fault\b");

    internal static Regex BlameFault() => BlameFaultRegex;

    // ----- cross-complaints -----

    private static readonly Regex CrossComplaintOpenerRegex = Create(@"^\W*(?:oh\W+)?(?:well|yes\W*but|yeah\W*but|ok(?:ay)?\W*but|but)\W+(?:what\s+about\s+)?(?:you|u)(?:'?re|\s+are|\s+were|'?ve)?\b(?!\s+know\b|\s*'?re\s+(?:right|welcome|the\s+best|amazing|wonderful|so\s+(?:kind|sweet|good|brave))|\s+(?:are|were)\s+(?:right|welcome|the\s+best|amazing|so\s+brave)|\s+(?:deserve|can|could|might|may|look\s+(?:great|lovely|tired))\b)|^\W*says\s+(?:you|the\s+one\s+who)\b");

    internal static Regex CrossComplaintOpener() => CrossComplaintOpenerRegex;

    private static readonly Regex CrossComplaintRegex = Create(@"\b(?:what|how)\s+about\s+(?:when|the\s+time|that\s+time|all\s+the\s+times|last\s+(?:week|month|year|time|night|christmas|summer))\s+(?:when\s+)?(?:you|u)\b|\byou'?re\s+one\s+to\s+talk\b|\blook\s+who'?s\s+talking\b|\b(?:that'?s|this\s+is)\s+rich\b|\bcoming\s+from\s+you\b|\b(?:you|u)\s+(?:do|did)\s+(?:it|that|the\s+same(?:\s+thing)?)\s+(?:too|all\s+the\s+time|as\s+well|yourself)\b|\b(?:you|u)\s+(?:do|did)\s+the\s+same\s+thing\b|\b(?:you'?re|you\s+are)\s+(?:just\s+as\s+bad|no\s+better|not\s+(?:exactly\s+)?(?:perfect|innocent|a\s+saint)\s+either)\b|\blike\s+you'?re\s+(?:perfect|any\s+better|so\s+perfect|a\s+saint)\b|\byou\s+started\s+it\b|\bpot\s+calling\s+the\s+kettle\b");

    internal static Regex CrossComplaint() => CrossComplaintRegex;

    // ----- helpers -----

    // The sentence so far makes what follows a condition: "if you're tired…".
    private static readonly Regex ConditionalPrefixRegex = Create(@"\b(?:if|unless|whether|in\s+case)\s*$");

    internal static Regex ConditionalPrefix() => ConditionalPrefixRegex;

    // A jab beside praise that turns it into sarcasm: "oh great, another…", "brilliant, you forgot".
    private static readonly Regex JabRegex = Create(@"\b(?:now\s+(?:we'?re|we\s+are|we'?ll|i'?m|i\s+am|i\s+have\s+to|i'?ve\s+got\s+to)|thanks\s+to\s+(?:you|u)|another|again|as\s+usual|as\s+always|of\s+course|typical|now\s+(?:you'?ve|look|what)|thanks\s+(?:for\s+nothing|a\s+lot)|genius|just\s+(?:great|perfect|brilliant|wonderful|fantastic|lovely|what\s+i\s+needed)|(?:you|u)\s+(?:forgot|broke|lost|ruined|missed|burnt|burned|left|did\s+it|managed|found\s+the\s+dishwasher)|disaster|managed\s+to|at\s+last|finally|for\s+once)\b|^\W*(?:\w+)\W+just\s+\w+\W*$|\b(?:did|didn'?t|haven'?t|have)\s+(?:you|u)\W*$");

    internal static Regex Jab() => JabRegex;

    // Warmth after praise that keeps it sincere: "oh great, thank you", "well done, I'm so proud".
    private static readonly Regex WarmCueRegex = Create(@"\b(?:thank|thanks(?!\s+to\s+(?:you|u)\b)|love|proud|cheer|cheered|happy|smile|laugh|news|congrat\w*|so\s+happy|glad|works\s+for\s+me|see\s+you|let'?s|lovely|beautiful|delicious|amazing|well\s+deserved|earned|passed|found|arrived)\b");

    internal static Regex WarmCue() => WarmCueRegex;

    // Affection beside a label: "you're ridiculous, I love it", "you're nuts, in the best way".
    private static readonly Regex TeasingRegex = Create(@"\bi\s+(?:love|adore)\s+(?:it|that|you|this|him|her)\b|(?<!\bnot\s)\bin\s+(?:the|a)\s+(?:best|good|nice|lovely|sweetest|funniest)(?:\W+\w+)?\s+way\b|\W(?:love|luv)\s+(?:you|u|ya)\b|\W(?:it'?s|that'?s)\s+(?:so\s+|really\s+|actually\s+)?(?:lovely|adorable|sweet|cute|endearing|admirable)\b|\b(?:haha+|hehe+)\b|\u2764|\uD83D\uDE02|\uD83D\uDE18|\bx+\W*$");

    internal static Regex Teasing() => TeasingRegex;

    // Affection that makes a sentence warm whatever its other words: "you make this house a home", "you look after us".
    private static readonly Regex AffectionCueRegex = Create(@"\b(?:you\s+(?:sweetheart|angel|darling|star|legend|gem|treasure|sweetie|beauty|babe|cutie|sweet\s+thing)|a\s+home|look\s+after|fall\s+for|mind\s+at\s+rest|make\s+me\s+(?:laugh|smile|happy)|cheer\s+me|proud\s+of|grateful|thank\s+you|thanks\s+for|i\s+love|i\s+adore|so\s+kind|lucky|love\s+(?:how|that|it\s+when|the\s+way)|appreciate|admire|glad|incredible|wonderful|amazing|great\s+news|brilliant\s+news|congrat\w*|well\s+done|proud)\b");

    internal static Regex AffectionCue() => AffectionCueRegex;

    // "I know you always…": acknowledging a habit, not attacking it.
    private static readonly Regex KnowingPrefixRegex = Create(@"\b(?:i\s+know|i\s+understand|i\s+realise|i\s+realize)\s+(?:that\s+)?$");

    internal static Regex KnowingPrefix() => KnowingPrefixRegex;

    // The sentence so far ends in a negated report: "I never said", "I don't think", "it's not that", "I would never call".
    private static readonly Regex NegatedReportRegex = Create(@"(?:(?:\b(?:not|never|no\s+one|nobody)|n'?t)\b(?:\s+\w+){0,3}?\s+(?:say|says|said|saying|think|thinks|thought|thinking|mean|means|meant|believe|believes|believed|claim|claimed|claiming|imply|implied|implying|suggest|suggested|suggesting|that|because|feel|felt|call|calls|calling|called)\b\s*,?\s*(?:that\s+)?|(?:\b(?:not|never)|n'?t)\s+|\b(?:no\s+one|nobody|no-one)\s+(?:could|would|can|will)\s+)$");

    internal static Regex NegatedReport() => NegatedReportRegex;

    // A feeling the writer already named: "I feel hurt", "I'm so tired", "made me feel small".
    private static readonly Regex FeelingRegex = Create(@"\b(?:i\s*'?\s*m|i\s+am|i\s+feel|i\s+felt|i\s+was|i\s+get|i\s+got|feel|felt|feeling|makes\s+me|made\s+me|make\s+me|leaves\s+me|left\s+me)\s+(?:(?:so|really|very|a\s+bit|a\s+little|pretty|quite|just|kind\s+of|feeling|completely|totally|incredibly|feel)\s+)*(?<feeling>sad|disappointed|hurt|lonely|alone|unseen|invisible|ignored|unheard|anxious|worried|insecure|frustrated|resentful|angry|furious|overwhelmed|stressed|tired|exhausted|numb|guilty|ashamed|embarrassed|upset|annoyed|irritated|scared|afraid|nervous|small|stupid|unimportant|unloved|taken\s+for\s+granted|let\s+down|cry)\b");

    internal static Regex Feeling() => FeelingRegex;

    // Words at the end of a "rest" that only add weight: "again", "at all", "anymore".
    private static readonly Regex TrailingWeightRegex = Create(@"(?:\s+(?:again|at\s+all|anymore|any\s+more|ever|for\s+once|all\s+the\s+time|every\s+time|every\s+single\s+time|either|too|or\s+something|honestly|seriously|then|now|lately|recently))+\s*$");

    internal static Regex TrailingWeight() => TrailingWeightRegex;

    private static readonly Regex LeadingWeightRegex = Create(@"^(?:(?:just|even|ever|once|really|literally|actually|bother\s+to)\s+)+");

    internal static Regex LeadingWeight() => LeadingWeightRegex;

    // A clause that names the situation: "… when it comes to money", "… with your time".
    private static readonly Regex SituationClauseRegex = Create(@"\b(?<clause>(?:when|whenever|about|(?<!\b(?:day|night|week|year|month|weekend|time)\s+)after|with|because|at|around|over|in\s+front\s+of)\s+[^.!?;,:]{3,80})");

    internal static Regex SituationClause() => SituationClauseRegex;

}
