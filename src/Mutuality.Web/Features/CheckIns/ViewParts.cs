namespace Mutuality.Web.Features.CheckIns;

/// <summary>A feelings picker: all families and words, each with an intensity select.</summary>
public sealed record FeelingsPart(string Name, string Legend, string Hint, IReadOnlyDictionary<string, int?> Selected, string? Error);

/// <summary>A 1–7 rating as a radio group.</summary>
public sealed record RatingPart(string Name, string Legend, string LowWord, string HighWord, int? Value, string? Error);

/// <summary>A free-text answer with its "share with my partner" box.</summary>
public sealed record TextPart(string Name, string Label, string? Value, string ShareName, bool Shared, string PartnerName, string? Error, string? Hint = null);

/// <summary>A sent check-in shown to its author.</summary>
public sealed record ReadOnlyPart(Mutuality.Domain.CheckIns.CheckInContent Content, string PartnerName, bool ShowImpacts);
