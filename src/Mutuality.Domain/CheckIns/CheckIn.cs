using Mutuality.Domain.Common;

namespace Mutuality.Domain.CheckIns;

/// <summary>Who may see a free-text field: only its author, or the partner too (after the reveal).</summary>
public enum Visibility
{
    Private = 0,
    Partner = 1,
}

/// <summary>How something the partner did landed: positive, negative or mixed.</summary>
public enum ImpactTone
{
    None = 0,
    Positive = 1,
    Negative = 2,
    Mixed = 3,
}

/// <summary>A free-text answer and who may see it.</summary>
public sealed record SharedText(string Text, Visibility Visibility)
{
    public static SharedText Empty(Visibility visibility) => new(string.Empty, visibility);

    public bool IsEmpty => Text.Length == 0;
}

/// <summary>The three 1–7 ratings. Null when not answered yet (drafts).</summary>
public sealed record Ratings(int? Supported, int? AbleToGive, int? Stress)
{
    public const int Min = 1;
    public const int Max = 7;

    public static Ratings None { get; } = new(null, null, null);

    public bool IsComplete => Supported is not null && AbleToGive is not null && Stress is not null;

    /// <summary>Throws when a given rating lies outside 1–7 (a measure must not quietly score an impossible answer).</summary>
    public static void Guard(int? value, string name)
    {
        if (value is < Min or > Max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Ratings run from {Min} to {Max}.");
        }
    }
}

/// <summary>
/// A state report: feelings (words with intensities), desires, goals now and longer-term, and the three ratings.
/// Used for "Me" and, as a guess, for "You, as I see you". Feelings and ratings are what the reveal compares, so
/// they are always shown to the partner at the reveal; each free-text field has its own visibility.
/// </summary>
public sealed record StateReport(IReadOnlyList<FeelingChoice> Feelings, SharedText Desires, SharedText GoalsNow, SharedText GoalsLater, Ratings Ratings)
{
    public static StateReport Empty { get; } = new([], SharedText.Empty(Visibility.Partner), SharedText.Empty(Visibility.Partner), SharedText.Empty(Visibility.Partner), Ratings.None);
}

/// <summary>Part 3, my impact on you: what I did or said, how I think it landed, and a question I'd like to ask.</summary>
public sealed record MyImpact(SharedText WhatIDid, SharedText HowItLanded, SharedText Question)
{
    public static MyImpact Empty { get; } = new(SharedText.Empty(Visibility.Partner), SharedText.Empty(Visibility.Partner), SharedText.Empty(Visibility.Partner));
}

/// <summary>
/// Part 4, your impact on me: what you did, how it landed (positive / negative / mixed), and whether it might be my
/// own old association. Private by default; the tone and the association flag share the visibility of the text.
/// </summary>
public sealed record YourImpact(SharedText WhatYouDid, ImpactTone Tone, bool MightBeOldAssociation)
{
    public static YourImpact Empty { get; } = new(SharedText.Empty(Visibility.Private), ImpactTone.None, false);
}

/// <summary>The four parts of a check-in.</summary>
public sealed record CheckInContent(StateReport Me, StateReport Guess, MyImpact MyImpact, YourImpact YourImpact)
{
    public static CheckInContent Empty { get; } = new(StateReport.Empty, StateReport.Empty, MyImpact.Empty, YourImpact.Empty);
}

/// <summary>What a person typed, before checking: raw strings and numbers exactly as the form sent them.</summary>
public sealed record CheckInInput
{
    public IReadOnlyList<(string? Word, int? Intensity)> MeFeelings { get; init; } = [];
    public string? MeDesires { get; init; }
    public Visibility MeDesiresVisibility { get; init; } = Visibility.Partner;
    public string? MeGoalsNow { get; init; }
    public Visibility MeGoalsNowVisibility { get; init; } = Visibility.Partner;
    public string? MeGoalsLater { get; init; }
    public Visibility MeGoalsLaterVisibility { get; init; } = Visibility.Partner;
    public int? MeSupported { get; init; }
    public int? MeAbleToGive { get; init; }
    public int? MeStress { get; init; }

    public IReadOnlyList<(string? Word, int? Intensity)> GuessFeelings { get; init; } = [];
    public string? GuessDesires { get; init; }
    public Visibility GuessDesiresVisibility { get; init; } = Visibility.Partner;
    public string? GuessGoalsNow { get; init; }
    public Visibility GuessGoalsNowVisibility { get; init; } = Visibility.Partner;
    public string? GuessGoalsLater { get; init; }
    public Visibility GuessGoalsLaterVisibility { get; init; } = Visibility.Partner;
    public int? GuessSupported { get; init; }
    public int? GuessAbleToGive { get; init; }
    public int? GuessStress { get; init; }

    public string? ImpactWhatIDid { get; init; }
    public Visibility ImpactWhatIDidVisibility { get; init; } = Visibility.Partner;
    public string? ImpactHowItLanded { get; init; }
    public Visibility ImpactHowItLandedVisibility { get; init; } = Visibility.Partner;
    public string? ImpactQuestion { get; init; }
    public Visibility ImpactQuestionVisibility { get; init; } = Visibility.Partner;

    public string? YourImpactWhat { get; init; }
    public Visibility YourImpactVisibility { get; init; } = Visibility.Private;
    public ImpactTone YourImpactTone { get; init; }
    public bool YourImpactOldAssociation { get; init; }
}

/// <summary>Checking a check-in: the vocabulary, intensities, ratings, text lengths, and what a submission needs.</summary>
public static class CheckInRules
{
    public const int MaxTextLength = 500;
    public const int MaxFeelings = 6;

    public static readonly DomainError AlreadySubmitted = new(
        "checkin.already_submitted", "You have already checked in for this period. A check-in can be sent once; the next period opens soon.");

    /// <summary>
    /// Checks a draft or a submission. A draft may be incomplete; a submission needs at least one feeling and all
    /// three ratings for both "Me" and "You, as I see you". All problems are returned, each with its field name.
    /// </summary>
    public static Result<CheckInContent> Validate(CheckInInput input, bool submitting, out IReadOnlyList<DomainError> errors)
    {
        var list = new List<DomainError>();
        var meFeelings = Feelings(input.MeFeelings, "MeFeelings", "Your feelings", list);
        var guessFeelings = Feelings(input.GuessFeelings, "GuessFeelings", "Their feelings (your guess)", list);
        var me = new StateReport(
            meFeelings,
            Text(input.MeDesires, input.MeDesiresVisibility, "MeDesires", "What you'd like", list),
            Text(input.MeGoalsNow, input.MeGoalsNowVisibility, "MeGoalsNow", "Your goals for now", list),
            Text(input.MeGoalsLater, input.MeGoalsLaterVisibility, "MeGoalsLater", "Your longer-term goals", list),
            new Ratings(
                Rating(input.MeSupported, "MeSupported", "I feel supported", list),
                Rating(input.MeAbleToGive, "MeAbleToGive", "I feel able to give support", list),
                Rating(input.MeStress, "MeStress", "My stress", list)));
        var guess = new StateReport(
            guessFeelings,
            Text(input.GuessDesires, input.GuessDesiresVisibility, "GuessDesires", "What they'd like (your guess)", list),
            Text(input.GuessGoalsNow, input.GuessGoalsNowVisibility, "GuessGoalsNow", "Their goals for now (your guess)", list),
            Text(input.GuessGoalsLater, input.GuessGoalsLaterVisibility, "GuessGoalsLater", "Their longer-term goals (your guess)", list),
            new Ratings(
                Rating(input.GuessSupported, "GuessSupported", "They feel supported (your guess)", list),
                Rating(input.GuessAbleToGive, "GuessAbleToGive", "They feel able to give support (your guess)", list),
                Rating(input.GuessStress, "GuessStress", "Their stress (your guess)", list)));
        var myImpact = new MyImpact(
            Text(input.ImpactWhatIDid, input.ImpactWhatIDidVisibility, "ImpactWhatIDid", "Something I did or said", list),
            Text(input.ImpactHowItLanded, input.ImpactHowItLandedVisibility, "ImpactHowItLanded", "How I think it landed", list),
            Text(input.ImpactQuestion, input.ImpactQuestionVisibility, "ImpactQuestion", "A question for you", list));
        if (!Enum.IsDefined(input.YourImpactTone))
        {
            list.Add(new DomainError("checkin.tone", "How it affected me: choose positive, negative or mixed.", "YourImpactTone"));
        }

        var yourImpact = new YourImpact(
            Text(input.YourImpactWhat, input.YourImpactVisibility, "YourImpactWhat", "Something you did that affected me", list),
            Enum.IsDefined(input.YourImpactTone) ? input.YourImpactTone : ImpactTone.None,
            input.YourImpactOldAssociation);

        if (submitting)
        {
            if (meFeelings.Count == 0 && !list.Any(e => e.Field == "MeFeelings"))
            {
                list.Add(new DomainError("checkin.feelings_required", "Your feelings: choose at least one word.", "MeFeelings"));
            }

            if (guessFeelings.Count == 0 && !list.Any(e => e.Field == "GuessFeelings"))
            {
                list.Add(new DomainError("checkin.feelings_required", "Their feelings (your guess): choose at least one word.", "GuessFeelings"));
            }

            Require(input.MeSupported, "MeSupported", "I feel supported", list);
            Require(input.MeAbleToGive, "MeAbleToGive", "I feel able to give support", list);
            Require(input.MeStress, "MeStress", "My stress", list);
            Require(input.GuessSupported, "GuessSupported", "They feel supported (your guess)", list);
            Require(input.GuessAbleToGive, "GuessAbleToGive", "They feel able to give support (your guess)", list);
            Require(input.GuessStress, "GuessStress", "Their stress (your guess)", list);
        }

        errors = list;
        return list.Count == 0
            ? Result<CheckInContent>.Ok(new CheckInContent(me, guess, myImpact, yourImpact))
            : Result<CheckInContent>.Fail(list[0]);
    }

    private static List<FeelingChoice> Feelings(IReadOnlyList<(string? Word, int? Intensity)> raw, string field, string label, List<DomainError> errors)
    {
        var chosen = new List<FeelingChoice>();
        foreach (var (word, intensity) in raw)
        {
            if (string.IsNullOrWhiteSpace(word))
            {
                continue;
            }

            var found = FeelingVocabulary.Find(word);
            if (found is null)
            {
                errors.Add(new DomainError("checkin.unknown_feeling", $"{label}: choose words from the list.", field));
                return [];
            }

            if (intensity is null or < FeelingVocabulary.MinIntensity or > FeelingVocabulary.MaxIntensity)
            {
                errors.Add(new DomainError("checkin.intensity", $"{label}: how strongly must be 1, 2 or 3 for \"{found.Word}\".", field));
                return [];
            }

            if (chosen.Any(c => c.Word == found.Word))
            {
                continue;
            }

            chosen.Add(new FeelingChoice(found.Word, intensity.Value));
        }

        if (chosen.Count > MaxFeelings)
        {
            errors.Add(new DomainError("checkin.too_many_feelings", $"{label}: choose at most {MaxFeelings} words.", field));
            return [];
        }

        return chosen;
    }

    private static SharedText Text(string? raw, Visibility visibility, string field, string label, List<DomainError> errors)
    {
        if (!Enum.IsDefined(visibility))
        {
            errors.Add(new DomainError("checkin.visibility", $"{label}: choose who can see this.", field + "Visibility"));
            visibility = Visibility.Private;
        }

        var result = TextRules.Optional(raw, MaxTextLength, field, label);
        if (!result.IsSuccess)
        {
            errors.Add(result.Error!);
            return SharedText.Empty(visibility);
        }

        return new SharedText(result.Value, visibility);
    }

    private static int? Rating(int? value, string field, string label, List<DomainError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (value is < Ratings.Min or > Ratings.Max)
        {
            errors.Add(new DomainError("checkin.rating", $"{label}: choose a number from {Ratings.Min} to {Ratings.Max}.", field));
            return null;
        }

        return value;
    }

    private static void Require(int? value, string field, string label, List<DomainError> errors)
    {
        if (value is null && !errors.Any(e => e.Field == field))
        {
            errors.Add(new DomainError("checkin.rating_required", $"{label}: choose a number from {Ratings.Min} to {Ratings.Max}.", field));
        }
    }
}
