namespace Mutuality.Domain.Support;

/// <summary>The five kinds of support (Cutrona &amp; Suhr's categories, named for everyday use).</summary>
public enum SupportType
{
    Emotional = 1,
    Esteem = 2,
    Informational = 3,
    Practical = 4,
    Companionship = 5,
}

/// <summary>How we describe a support type to people: a name, one plain line, and an example.</summary>
public sealed record SupportTypeInfo(SupportType Type, string Name, string Explanation, string Example);

public static class SupportTypes
{
    public static readonly IReadOnlyList<SupportTypeInfo> All =
    [
        new(SupportType.Emotional, "Emotional", "Comfort and a listening ear: being with the feeling, not fixing it.", "Sitting with them after a hard phone call and just listening."),
        new(SupportType.Esteem, "Esteem", "Encouragement and appreciation: reminding them what they're good at.", "Telling them you saw how hard they worked on that presentation."),
        new(SupportType.Informational, "Informational", "Advice, ideas or another way of seeing things, when they want it.", "Helping them think through which flat to choose."),
        new(SupportType.Practical, "Practical", "Doing something: taking a task off their plate.", "Picking up the prescription so they don't have to."),
        new(SupportType.Companionship, "Companionship", "Presence and time together, or connecting them with others.", "A walk together with phones left at home."),
    ];

    public static SupportTypeInfo Describe(SupportType type)
        => All.FirstOrDefault(t => t.Type == type) ?? throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown support type.");

    public static bool IsDefined(SupportType type) => All.Any(t => t.Type == type);

    /// <summary>Lower-case name for sentences ("emotional support").</summary>
    public static string Word(SupportType type) => Describe(type).Name.ToLowerInvariant();
}
