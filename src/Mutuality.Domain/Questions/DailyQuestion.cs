using Mutuality.Domain.Common;
using Mutuality.Domain.People;

namespace Mutuality.Domain.Questions;

/// <summary>One day's question in a couple's history.</summary>
public sealed record QuestionDay(DateOnly Day, string QuestionId);

/// <summary>
/// The couple's daily question: which calendar day it is for the couple, and which question that day gets.
/// Pure and deterministic: the same couple, history and day always give the same question.
/// </summary>
public static class DailyQuestions
{
    /// <summary>
    /// The couple's zone rule: the couple's day is the calendar day in the time zone of the partner who has been in the
    /// couple space longest (the one who made it; ties by user id). Both partners therefore see the same question
    /// whatever their own zones, and it changes once a day at that partner's midnight.
    /// </summary>
    public static string CoupleZone(IEnumerable<(DateTime JoinedAtUtc, Guid UserId, string TimeZoneId)> activeMembers)
        => activeMembers.OrderBy(m => m.JoinedAtUtc).ThenBy(m => m.UserId).Select(m => m.TimeZoneId).FirstOrDefault() ?? TimeZones.Default;

    /// <summary>The couple's day at an instant (see <see cref="CoupleZone"/>).</summary>
    public static DateOnly DayOf(DateTime utcNow, string coupleZoneId) => TimeZones.LocalDay(utcNow, TimeZones.FindOrUtc(coupleZoneId));

    /// <summary>
    /// Picks the question for <paramref name="day"/> from the days before it. The rules, in order:
    /// <list type="number">
    /// <item>No repeats until every question has been used: the history is split into rounds, each ending when all
    /// questions have been used; only unused questions of the current round are candidates.</item>
    /// <item>Never a deeper question two days running: after a deeper day only light ones are candidates. To keep
    /// that possible to the end of a round, a deeper one is taken after a light day when as many deeper as light
    /// ones remain. (If a round still runs out of light ones — only when people asked for many light questions —
    /// a new round starts early rather than break the depth rule.)</item>
    /// <item>Mixing categories: among the candidates, one whose category was not used in the last three days.</item>
    /// <item>Otherwise the couple's own shuffled order for the round (a hash of couple id, round and question id).</item>
    /// </list>
    /// </summary>
    public static Question Pick(Guid coupleId, IEnumerable<QuestionDay> history, DateOnly day, IReadOnlyList<Question>? library = null)
    {
        library ??= QuestionLibrary.All;
        var byId = library.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var past = history.Where(h => h.Day < day && byId.ContainsKey(h.QuestionId)).OrderBy(h => h.Day).Select(h => byId[h.QuestionId]).ToList();

        var round = 0;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in past)
        {
            used.Add(q.Id);
            if (used.Count == library.Count)
            {
                used.Clear();
                round++;
            }
        }

        var previous = past.Count > 0 ? past[^1] : null;
        var recentCategories = past.TakeLast(3).Select(q => q.Category).ToHashSet();
        var unused = library.Where(q => !used.Contains(q.Id)).ToList();
        var candidates = Candidates(unused, previous);
        if (candidates.Count == 0)
        {
            round++;
            candidates = Candidates(library, previous);
        }

        var ordered = candidates.OrderBy(q => Shuffle(coupleId, round, q.Id)).ThenBy(q => q.Id, StringComparer.Ordinal).ToList();
        return ordered.FirstOrDefault(q => !recentCategories.Contains(q.Category)) ?? ordered[0];
    }

    private static List<Question> Candidates(IReadOnlyList<Question> unused, Question? previous)
    {
        var light = unused.Where(q => q.Depth == QuestionDepth.Light).ToList();
        var deeper = unused.Where(q => q.Depth == QuestionDepth.Deeper).ToList();
        if (previous?.Depth == QuestionDepth.Deeper)
        {
            return light;
        }

        return deeper.Count > 0 && deeper.Count >= light.Count ? deeper : [.. unused];
    }

    /// <summary>A stable 64-bit FNV-1a hash (string.GetHashCode differs between runs).</summary>
    private static ulong Shuffle(Guid coupleId, int round, string questionId)
    {
        var hash = 14695981039346656037UL;
        void Add(byte b)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        foreach (var b in coupleId.ToByteArray())
        {
            Add(b);
        }

        foreach (var b in BitConverter.GetBytes(round))
        {
            Add(b);
        }

        foreach (var c in questionId)
        {
            Add((byte)c);
            Add((byte)(c >> 8));
        }

        // A final mix so that ids differing only in the last character spread out.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }

    public static readonly DomainError TomorrowAlreadyChosen = new("question.tomorrow_chosen", "Tomorrow's question has already been chosen. You can choose one again tomorrow, for the day after.");

    public static readonly DomainError UnknownQuestion = new("question.unknown", "That question isn't in the library. Please choose one from the list.", "QuestionId");

    public static readonly DomainError TwoDeeperDays = new(
        "question.two_deeper",
        "Today's question is a deeper one, and deeper questions never come two days running. Please choose a light one for tomorrow — or choose this one tomorrow, for the day after.",
        "QuestionId");

    /// <summary>
    /// Whether a partner may ask for <paramref name="questionId"/> as tomorrow's question: it must be in the library,
    /// tomorrow must not be chosen yet, and the depth rule holds for asked questions too.
    /// </summary>
    public static Result<Question> CheckAsk(string? questionId, Question today, bool tomorrowAlreadySet)
    {
        if (tomorrowAlreadySet)
        {
            return TomorrowAlreadyChosen;
        }

        if (QuestionLibrary.Find(questionId) is not { } chosen)
        {
            return UnknownQuestion;
        }

        return today.Depth == QuestionDepth.Deeper && chosen.Depth == QuestionDepth.Deeper ? TwoDeeperDays : Result<Question>.Ok(chosen);
    }
}
