using Mutuality.Domain.Common;

namespace Mutuality.Domain.Rituals;

/// <summary>The topics of the monthly conversation, in the order talk mode walks through them.</summary>
public enum TalkTopic
{
    Appreciations = 0,
    WentWell = 1,
    HardThing = 2,
    NeedNextMonth = 3,
    LastMonthsAgreements = 4,
    NewAgreements = 5,
}

/// <summary>Which partner speaks: the one who started the talk speaks first on every topic.</summary>
public enum TalkSpeaker
{
    Starter = 0,
    Other = 1,
}

/// <summary>Where a conversation is: a topic, and whose turn it is on it. Finished after the last turn.</summary>
public sealed record TalkPosition(int TopicIndex, TalkSpeaker Speaker, bool Finished = false)
{
    public static readonly TalkPosition Start = new(0, TalkSpeaker.Starter);
}

/// <summary>One topic with its speaking prompt.</summary>
public sealed record TalkTopicInfo(TalkTopic Topic, string Title, string SpeakerPrompt);

/// <summary>
/// Talk mode as explicit rules: one topic at a time, each partner speaks in turn, and the listener reflects
/// back before answering. Pure: the caller stores the position and passes it back in.
/// </summary>
public static class TalkMode
{
    public const string ListenerPrompt = "Listen first. Before you answer, say back in your own words what you heard, and ask \"did I get that right?\" Your turn comes next.";

    public static readonly IReadOnlyList<TalkTopicInfo> Topics =
    [
        new(TalkTopic.Appreciations, "Appreciations", "Name a few things your partner did this month that you're grateful for — small ones count."),
        new(TalkTopic.WentWell, "What went well", "What went well for the two of you this month? When did you feel like a team?"),
        new(TalkTopic.HardThing, "One hard thing", "Share one thing that was hard for you. Only one, about one situation: what happened, how you felt, and what you'd need."),
        new(TalkTopic.NeedNextMonth, "What I need next month", "What would help you feel close and supported next month? Say it as a request your partner can say yes to."),
        new(TalkTopic.LastMonthsAgreements, "Last month's agreements", "Look back at what you agreed last time. How did each one go? No blame — just notice, and decide whether to carry it on."),
        new(TalkTopic.NewAgreements, "Agreements for next month", "Is there something you'd like to agree on? Keep it small and concrete: who, what, and by when."),
    ];

    public static readonly DomainError AlreadyFinished = new("talk.finished", "This conversation has already finished.");
    public static readonly DomainError AtTheBeginning = new("talk.at_start", "You're already at the first topic.");
    public static readonly DomainError OnBreak = new("talk.on_break", "You're on a break. Come back together when the timer ends, or tap \"we're ready to carry on\".");

    public static TalkTopicInfo Current(TalkPosition position) => Topics[Math.Clamp(position.TopicIndex, 0, Topics.Count - 1)];

    /// <summary>Moves to the next turn: the other partner on the same topic, then the next topic, then finished.</summary>
    public static Result<TalkPosition> Next(TalkPosition position, bool onBreak)
    {
        if (position.Finished)
        {
            return AlreadyFinished;
        }

        if (onBreak)
        {
            return OnBreak;
        }

        if (position.Speaker == TalkSpeaker.Starter)
        {
            return Result<TalkPosition>.Ok(position with { Speaker = TalkSpeaker.Other });
        }

        return position.TopicIndex + 1 >= Topics.Count
            ? Result<TalkPosition>.Ok(position with { Finished = true })
            : Result<TalkPosition>.Ok(new TalkPosition(position.TopicIndex + 1, TalkSpeaker.Starter));
    }

    /// <summary>Goes back one turn (someone wasn't finished).</summary>
    public static Result<TalkPosition> Back(TalkPosition position)
    {
        if (position.Finished)
        {
            return Result<TalkPosition>.Ok(position with { Finished = false });
        }

        if (position.Speaker == TalkSpeaker.Other)
        {
            return Result<TalkPosition>.Ok(position with { Speaker = TalkSpeaker.Starter });
        }

        return position.TopicIndex == 0
            ? AtTheBeginning
            : Result<TalkPosition>.Ok(new TalkPosition(position.TopicIndex - 1, TalkSpeaker.Other));
    }

    /// <summary>The user id of whoever speaks now.</summary>
    public static Guid SpeakerId(TalkPosition position, Guid starterId, Guid otherId)
        => position.Speaker == TalkSpeaker.Starter ? starterId : otherId;
}
