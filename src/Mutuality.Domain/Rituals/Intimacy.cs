using Mutuality.Domain.Common;

namespace Mutuality.Domain.Rituals;

/// <summary>One kind of intimacy on the map, with a one-line explanation and small ideas, in our own words.</summary>
public sealed record IntimacyKind(string Id, string Name, string Explanation, IReadOnlyList<string> Ideas);

/// <summary>One person's rating of one kind for a month: how fulfilled it feels now, and how much it matters (0–10).</summary>
public sealed record IntimacyRating(string Kind, int Fulfilment, int Importance)
{
    /// <summary>M8: importance − fulfilment. Positive means "this matters more than it is met right now".</summary>
    public int Gap => Importance - Fulfilment;
}

/// <summary>A kind where at least one of us feels a gap, with both gaps (the partner's only when visible).</summary>
public sealed record IntimacyGap(IntimacyKind Kind, int? MyGap, int? PartnersGap)
{
    public int Largest => Math.Max(MyGap ?? 0, PartnersGap ?? 0);
}

/// <summary>The intimacy map (C6, M8): seven kinds, each rated 0–10 for fulfilment and importance, once a month.</summary>
public static class Intimacy
{
    public const int Min = 0;
    public const int Max = 10;

    public static IReadOnlyList<IntimacyKind> Kinds { get; } =
    [
        new("physical", "Physical", "Touch you both welcome, sexual and not: hugs, hands, closeness.",
            ["A long hug when one of you comes home.", "Hold hands on a walk.", "A slow shoulder rub while you talk about the day."]),
        new("emotional", "Emotional", "Showing each other what you really feel, and being met with care.",
            ["Share one worry you haven't said out loud yet.", "Ask \"what was the hardest part of today?\" and just listen.", "Tell a childhood memory that still matters to you."]),
        new("intellectual", "Intellectual", "Enjoying each other's minds: ideas, questions, friendly disagreement.",
            ["Read the same short article and swap your takes.", "Teach each other something in ten minutes.", "Argue a silly question with no winner."]),
        new("spiritual", "Spiritual", "Sharing what gives life meaning, whether faith, values or awe.",
            ["Name one value you want your home to show.", "Sit quietly together for five minutes.", "Talk about a moment that made you feel small in a good way."]),
        new("playful", "Playful", "Laughter, in-jokes and lightness that belong to the two of you.",
            ["Bring back an old in-joke.", "Play a silly two-player game.", "Send a photo only your partner will find funny."]),
        new("aesthetic", "Aesthetic", "Enjoying beauty together: nature, music, art, food, things made well.",
            ["Watch a sunset with phones away.", "Swap one song that moved you this week.", "Cook something beautiful, not just quick."]),
        new("future", "Future-oriented", "Dreaming and planning together, so you both see yourselves in one future.",
            ["Each write three wishes for next year and compare.", "Plan one small trip.", "Describe the life you'd like when you're seventy."]),
    ];

    public static IntimacyKind? Find(string id) => Kinds.FirstOrDefault(k => k.Id == id);

    /// <summary>Checks a full set: both numbers for every kind, each 0–10. Returns the first problem (see <see cref="Problems"/>).</summary>
    public static Result<IReadOnlyList<IntimacyRating>> Validate(IReadOnlyDictionary<string, int?> values)
    {
        var problems = Problems(values);
        if (problems.Count > 0)
        {
            return problems[0];
        }

        return Result<IReadOnlyList<IntimacyRating>>.Ok(
            [.. Kinds.Select(k => new IntimacyRating(k.Id, Check(values, k, "fulfilment", "").Value, Check(values, k, "importance", "").Value))]);
    }

    /// <summary>Every missing or out-of-range number, in the order of the form; each names its field ("physical.fulfilment").</summary>
    public static IReadOnlyList<DomainError> Problems(IReadOnlyDictionary<string, int?> values)
    {
        var problems = new List<DomainError>();
        foreach (var kind in Kinds)
        {
            foreach (var (part, words) in new[] { ("fulfilment", "how fulfilled it feels"), ("importance", "how much it matters") })
            {
                if (Check(values, kind, part, words) is { IsSuccess: false, Error: { } error })
                {
                    problems.Add(error);
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// M8: the kinds where a gap (importance above fulfilment) is felt, largest first, at most <paramref name="count"/>.
    /// The partner's ratings are passed only when they may be seen.
    /// </summary>
    public static IReadOnlyList<IntimacyGap> LargestGaps(IReadOnlyList<IntimacyRating> mine, IReadOnlyList<IntimacyRating>? partners, int count = 3)
        => [.. Kinds
            .Select(k => new IntimacyGap(
                k,
                mine.FirstOrDefault(r => r.Kind == k.Id)?.Gap,
                partners?.FirstOrDefault(r => r.Kind == k.Id)?.Gap))
            .Where(g => g.Largest > 0)
            .OrderByDescending(g => g.Largest)
            .ThenByDescending(g => (g.MyGap ?? 0) + (g.PartnersGap ?? 0))
            .Take(count)];

    private static Result<int> Check(IReadOnlyDictionary<string, int?> values, IntimacyKind kind, string part, string words)
    {
        var field = $"{kind.Id}.{part}";
        if (!values.TryGetValue(field, out var value) || value is null)
        {
            return new DomainError("intimacy.missing", $"{kind.Name} ({words}): choose a number from {Min} to {Max}.", field);
        }

        return value is < Min or > Max
            ? new DomainError("intimacy.out_of_range", $"{kind.Name} ({words}): choose a number from {Min} to {Max}.", field)
            : Result<int>.Ok(value.Value);
    }
}
