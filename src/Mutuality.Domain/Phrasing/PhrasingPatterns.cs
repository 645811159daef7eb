namespace Mutuality.Domain.Phrasing;

/// <summary>
/// The harsh start-up patterns the gentle phrasing helper looks for (C8), with the one-line reason we show.
/// The ids are stable: they appear in the CLI output, in the labelled test set and in the web fragment.
/// </summary>
public static class PhrasingPatterns
{
    /// <summary>"You always…", "you never…", "every time you…".</summary>
    public const string Absolute = "absolute";

    /// <summary>"You're selfish", "you idiot", "what's wrong with you".</summary>
    public const string Label = "label";

    /// <summary>A health word used as an insult: "narcissist", "psycho", "on the spectrum", "crazy".</summary>
    public const string Diagnosis = "diagnosis";

    /// <summary>Sarcasm, mockery, eye-rolls, "whatever", "pathetic", superiority.</summary>
    public const string Contempt = "contempt";

    /// <summary>A sentence that opens with what the partner did: "You made me…", "You don't…".</summary>
    public const string BlameOpener = "blame-opener";

    /// <summary>Answering a complaint with one of your own: "Well, you…", "What about when you…".</summary>
    public const string CrossComplaint = "cross-complaint";

    /// <summary>Comparing the partner with someone else: "you're just like your mother", "anyone else would have".</summary>
    public const string Comparison = "comparison";

    /// <summary>Threats and ultimatums: "do that again and we're done", "you'll regret this".</summary>
    public const string Threat = "threat";

    /// <summary>Shutting the talk down: "leave me alone", "end of discussion", "I'm not talking about this".</summary>
    public const string Stonewalling = "stonewalling";

    /// <summary>Turning a complaint back: "it's not my fault", "at least I…", "you're the one who…".</summary>
    public const string Defensiveness = "defensiveness";

    /// <summary>All ids, in the order findings are reported.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Absolute, Label, Diagnosis, Contempt, BlameOpener, CrossComplaint, Comparison, Threat, Stonewalling, Defensiveness];

    /// <summary>A short name a person can read.</summary>
    public static string Title(string pattern) => pattern switch
    {
        Absolute => "Always / never",
        Label => "A label for the person",
        Diagnosis => "A health word used as a put-down",
        Contempt => "Sarcasm or contempt",
        BlameOpener => "Starts with blame",
        CrossComplaint => "Answers a complaint with a complaint",
        Comparison => "A comparison with someone else",
        Threat => "A threat or ultimatum",
        Stonewalling => "Shuts the talk down",
        Defensiveness => "Defends by turning it back",
        _ => pattern,
    };

    /// <summary>Why it matters, in one line of our own words.</summary>
    public static string Reason(string pattern) => pattern switch
    {
        Absolute => "\"Always\" and \"never\" turn one moment into a verdict, and the talk slides into arguing about the exceptions.",
        Label => "A label is about who they are, not about what happened; people can change one thing far more easily than their character.",
        Diagnosis => "A health word used as a put-down wounds twice: it hurts your partner and belittles people who live with it.",
        Contempt => "Sarcasm, eye-rolls and put-downs say \"I'm above you\", and they sting more than the complaint itself.",
        BlameOpener => "Opening with what they did puts them on guard; opening with how you feel invites them closer.",
        CrossComplaint => "Meeting a hurt with another hurt means neither gets heard; listen to theirs first, then raise yours.",
        Comparison => "Comparing your partner with someone else turns a request into a ranking, and nobody can win it.",
        Threat => "A threat makes the relationship the stake of every argument, and fear replaces trust.",
        Stonewalling => "Shutting the talk down leaves the other person alone with it; a pause with a time to come back keeps you both in it.",
        Defensiveness => "Turning it back on them means neither of you is heard; owning a small part of it opens the talk again.",
        _ => string.Empty,
    };

    internal static int Order(string pattern)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == pattern)
            {
                return i;
            }
        }

        return All.Count;
    }
}
