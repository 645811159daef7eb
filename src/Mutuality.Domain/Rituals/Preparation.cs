using Mutuality.Domain.Common;

namespace Mutuality.Domain.Rituals;

/// <summary>What one partner prepares, privately, before the monthly check-in.</summary>
public sealed record PreparationText(string Appreciations, string WentWell, string HardThing, string NeedNextMonth)
{
    public bool IsEmpty => Appreciations.Length + WentWell.Length + HardThing.Length + NeedNextMonth.Length == 0;
}

/// <summary>Rules for the private monthly preparation: each part optional, each kept to a readable length.</summary>
public static class Preparation
{
    public const int MaxLength = 2000;

    public static readonly DomainError NothingToShare = new(
        "monthly.preparation_empty", "Write at least one part before you share your preparation.");

    /// <summary>Checks all four parts and reports every problem at once.</summary>
    public static (PreparationText? Text, IReadOnlyList<DomainError> Errors) Validate(string? appreciations, string? wentWell, string? hardThing, string? needNextMonth)
    {
        var parts = new[]
        {
            TextRules.Optional(appreciations, MaxLength, "Appreciations", "Appreciations"),
            TextRules.Optional(wentWell, MaxLength, "WentWell", "What went well"),
            TextRules.Optional(hardThing, MaxLength, "HardThing", "One hard thing"),
            TextRules.Optional(needNextMonth, MaxLength, "NeedNextMonth", "What I need next month"),
        };
        var errors = parts.Where(p => !p.IsSuccess).Select(p => p.Error!).ToList();
        return errors.Count > 0
            ? (null, errors)
            : (new PreparationText(parts[0].Value, parts[1].Value, parts[2].Value, parts[3].Value), errors);
    }

    /// <summary>A preparation can be shared once something is written in it.</summary>
    public static DomainError? CanShare(PreparationText text) => text.IsEmpty ? NothingToShare : null;
}
