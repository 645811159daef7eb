namespace Mutuality.Web.Features.Repair;

/// <summary>A guide section: a heading and its paragraphs.</summary>
public sealed record GuideSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>A private reflection prompt. What a person writes here is never shared.</summary>
public sealed record GuidePrompt(string Key, string Label, string Hint);

public sealed record Guide(string Slug, string Title, string Lead, IReadOnlyList<GuideSection> Sections, IReadOnlyList<GuidePrompt> Prompts, bool OpensWithSafetyCheck);

/// <summary>
/// The two guides, written by the project in its own words. Grounded in published research: the three stages of
/// recovery after an affair (impact, meaning, moving on — Gordon, Baucom &amp; Snyder 2004, J. Marital Fam. Ther.
/// 30(2):213–31; Gordon, Baucom &amp; Snyder, Getting Past the Affair, Guilford 2007), forgiveness as a personal choice,
/// and old expectations carried from earlier relationships ("now or then?", after Young, Klosko &amp; Weishaar 2003,
/// Schema Therapy). They name no schema or style for anyone.
/// </summary>
public static class Guides
{
    public const int ReflectionMax = 4000;

    public static readonly Guide RebuildingTrust = new(
        "rebuilding-trust",
        "Rebuilding trust after a betrayal",
        "When one of you has broken the other's trust — an affair, a hidden debt, a serious lie — the ground can feel like it has gone. This guide walks through what usually helps, step by step. Go at your own pace. Both staying together and parting kindly are real choices.",
        [
            new("First: is it safe?", [
                "Repair only makes sense between two people who are safe with each other. If you are afraid of your partner, or they control your money, your phone, who you see or where you go, this guide is not for now. Please talk to a specialist service first — see Get help. Nothing here asks you to look at your own part in being hurt.",
            ]),
            new("1. Steady the ground", [
                "In the first days and weeks, look after the basics: sleep, food, work, children. Strong feelings come in waves; that is normal. Try not to make big, permanent decisions yet. Agree to keep hurtful exchanges short, and to stop when either of you is flooded.",
            ]),
            new("2. Say what it did to you", [
                "The hurt partner needs room to describe the impact — the shock, the questions, the nights. The other partner's job here is to listen and say back what they heard, without defending or explaining. Being heard is part of healing, and it may need to happen more than once.",
            ]),
            new("3. Take responsibility", [
                "The partner who broke the trust ends any ongoing contact or secrecy, answers questions honestly, and shows regret in what they do over time, not only in words. Together, agree what openness looks like for now — and for how long — so it doesn't become endless checking.",
            ]),
            new("4. Understand, without excusing", [
                "Later, when things are calmer, you can look at what made the relationship vulnerable and at the choice that was made. Understanding is not the same as excusing: the choice belongs to the person who made it. The aim is to learn what needs to change, not to share out blame.",
            ]),
            new("5. Decide", [
                "At some point, each of you decides whether to rebuild. That decision is better made with understanding than in the first shock. Choosing to part, kindly, is a legitimate outcome too.",
            ]),
            new("6. Rebuild, slowly", [
                "Trust comes back through small promises that are kept, again and again: turning towards each other, listening without getting defensive, gradually finding closeness again. Your monthly check-ins and agreements can hold some of these small steps.",
            ]),
            new("Forgiveness is yours to give — or not", [
                "Forgiving means letting go of resentment you have every right to feel. It is not forgetting, not saying it was fine, and not the same as getting back together: forgiving happens inside one person, while reconciling needs trust and two willing people. No one can demand it or hurry it, and this app will never measure it.",
            ]),
        ],
        [
            new("where-am-i", "Where am I right now?", "Which of these steps feels closest to where you are? What do you need at this step?"),
            new("what-i-need-to-know", "What I still need to know or hear", "Questions you'd want answered, or things you'd need to hear — to write down before deciding whether to ask them."),
            new("small-promise", "A small promise that would help", "One small, concrete thing that, if it were kept, would help you trust a little more."),
            new("forgiveness", "My thoughts on forgiveness", "Whatever is true for you today. There's no right answer and no deadline."),
        ],
        OpensWithSafetyCheck: true);

    public static readonly Guide OldBeliefs = new(
        "old-beliefs",
        "Noticing old beliefs that get in the way of love",
        "Sometimes a reaction is much bigger than the moment that caused it. A late reply feels like being left; a small complaint feels like a verdict on who we are. Often that's because the moment touched an old expectation we learned long before this relationship. Noticing it gives you a choice.",
        [
            new("Now, or then?", [
                "When a feeling is bigger than the event, ask yourself gently: is this about now, or does it remind me of then? Who did this feel like before? These reactions are not faults. They usually made sense once, somewhere else.",
            ]),
            new("Some common old expectations", [
                "\"People I rely on end up leaving.\" A late message or a trip away can set off panic. What has your partner actually done, over time?",
                "\"Others will let me down or use me.\" A vague answer can feel like a lie. What do you know now, and what are you carrying from before?",
                "\"My need for comfort won't be met.\" Practical help can feel like being missed. Did you ask for the kind of support you needed?",
                "\"If I'm really seen, I won't be loved.\" Any feedback can sound like rejection. Is this about something I did, or am I hearing a judgement on who I am?",
                "\"My needs don't count.\" Being asked to compromise can feel like giving in. What do I actually want, and can I say it kindly?",
            ]),
            new("What helps", [
                "Write yourself a short note while you're calm, to read when the old feeling comes: name the feeling, where it may come from, what is also true today, and one helpful next step.",
                "You can tell your partner, \"This touches an old sore spot for me,\" without explaining everything. It often softens both of you.",
                "These are notes for you, not labels for anyone — not for yourself, and not for your partner. If old hurts weigh heavily, a therapist can help you go deeper; see Get help.",
            ]),
        ],
        [
            new("size", "Size check", "How big was my reaction (1–10), and how big was what actually happened (1–10)?"),
            new("echo", "The echo", "Whose voice does this feeling sound like? When have I felt it before?"),
            new("body", "In my body", "Where do I feel it — chest, throat, stomach? What does it feel like?"),
            new("old-rule", "The old rule", "What did I once learn that love costs, or that people do?"),
            new("evidence", "Evidence from now", "What has my partner actually done this month that speaks to this?"),
            new("ask", "What would help", "What could I ask for — as a clear, kind request?"),
            new("flashcard", "My calm-time note", "The feeling, where it may come from, what is also true, and one next step."),
        ],
        OpensWithSafetyCheck: false);

    public static readonly IReadOnlyList<Guide> All = [RebuildingTrust, OldBeliefs];

    public static Guide? Find(string? slug) => All.FirstOrDefault(g => g.Slug == slug);
}
