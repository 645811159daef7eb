using Mutuality.Domain.CheckIns;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>The check-in form as posted: feelings as word → intensity, texts with a "share" box each, ratings.</summary>
public sealed class CheckInForm
{
    public Dictionary<string, int?> MeFeelings { get; set; } = [];

    /// <summary>Issue 16: the strength chosen on a feeling's chip (1–3), which wins over the chip's own value.</summary>
    public Dictionary<string, int?> MeFeelingsIntensity { get; set; } = [];

    public string? MeDesires { get; set; }

    public bool ShareMeDesires { get; set; } = true;

    public string? MeGoalsNow { get; set; }

    public bool ShareMeGoalsNow { get; set; } = true;

    public string? MeGoalsLater { get; set; }

    public bool ShareMeGoalsLater { get; set; } = true;

    public int? MeSupported { get; set; }

    public int? MeAbleToGive { get; set; }

    public int? MeStress { get; set; }

    public Dictionary<string, int?> GuessFeelings { get; set; } = [];

    public Dictionary<string, int?> GuessFeelingsIntensity { get; set; } = [];

    public string? GuessDesires { get; set; }

    public bool ShareGuessDesires { get; set; } = true;

    public string? GuessGoalsNow { get; set; }

    public bool ShareGuessGoalsNow { get; set; } = true;

    public string? GuessGoalsLater { get; set; }

    public bool ShareGuessGoalsLater { get; set; } = true;

    public int? GuessSupported { get; set; }

    public int? GuessAbleToGive { get; set; }

    public int? GuessStress { get; set; }

    public string? ImpactWhatIDid { get; set; }

    public bool ShareImpactWhatIDid { get; set; } = true;

    public string? ImpactHowItLanded { get; set; }

    public bool ShareImpactHowItLanded { get; set; } = true;

    public string? ImpactQuestion { get; set; }

    public bool ShareImpactQuestion { get; set; } = true;

    public string? YourImpactWhat { get; set; }

    public bool ShareYourImpact { get; set; }

    public ImpactTone YourImpactTone { get; set; }

    public bool YourImpactOldAssociation { get; set; }

    private static Visibility V(bool share) => share ? Visibility.Partner : Visibility.Private;

    /// <summary>The chosen words (a value other than empty or 0), each at the strength picked on its chip when there is one.</summary>
    private static List<(string?, int?)> Chosen(Dictionary<string, int?> words, Dictionary<string, int?> strengths)
        => [.. words.Where(f => f.Value is not (null or 0))
            .Select(f => ((string?)f.Key, strengths.TryGetValue(f.Key, out var s) && s is >= 1 and <= 3 ? s : f.Value))];

    public CheckInInput ToInput() => new()
    {
        MeFeelings = Chosen(MeFeelings, MeFeelingsIntensity),
        MeDesires = MeDesires,
        MeDesiresVisibility = V(ShareMeDesires),
        MeGoalsNow = MeGoalsNow,
        MeGoalsNowVisibility = V(ShareMeGoalsNow),
        MeGoalsLater = MeGoalsLater,
        MeGoalsLaterVisibility = V(ShareMeGoalsLater),
        MeSupported = MeSupported,
        MeAbleToGive = MeAbleToGive,
        MeStress = MeStress,
        GuessFeelings = Chosen(GuessFeelings, GuessFeelingsIntensity),
        GuessDesires = GuessDesires,
        GuessDesiresVisibility = V(ShareGuessDesires),
        GuessGoalsNow = GuessGoalsNow,
        GuessGoalsNowVisibility = V(ShareGuessGoalsNow),
        GuessGoalsLater = GuessGoalsLater,
        GuessGoalsLaterVisibility = V(ShareGuessGoalsLater),
        GuessSupported = GuessSupported,
        GuessAbleToGive = GuessAbleToGive,
        GuessStress = GuessStress,
        ImpactWhatIDid = ImpactWhatIDid,
        ImpactWhatIDidVisibility = V(ShareImpactWhatIDid),
        ImpactHowItLanded = ImpactHowItLanded,
        ImpactHowItLandedVisibility = V(ShareImpactHowItLanded),
        ImpactQuestion = ImpactQuestion,
        ImpactQuestionVisibility = V(ShareImpactQuestion),
        YourImpactWhat = YourImpactWhat,
        YourImpactVisibility = V(ShareYourImpact),
        YourImpactTone = YourImpactTone,
        YourImpactOldAssociation = YourImpactOldAssociation,
    };

    public static CheckInForm From(CheckInContent c) => new()
    {
        MeFeelings = c.Me.Feelings.ToDictionary(f => f.Word, f => (int?)f.Intensity),
        MeDesires = c.Me.Desires.Text,
        ShareMeDesires = c.Me.Desires.Visibility == Visibility.Partner,
        MeGoalsNow = c.Me.GoalsNow.Text,
        ShareMeGoalsNow = c.Me.GoalsNow.Visibility == Visibility.Partner,
        MeGoalsLater = c.Me.GoalsLater.Text,
        ShareMeGoalsLater = c.Me.GoalsLater.Visibility == Visibility.Partner,
        MeSupported = c.Me.Ratings.Supported,
        MeAbleToGive = c.Me.Ratings.AbleToGive,
        MeStress = c.Me.Ratings.Stress,
        GuessFeelings = c.Guess.Feelings.ToDictionary(f => f.Word, f => (int?)f.Intensity),
        GuessDesires = c.Guess.Desires.Text,
        ShareGuessDesires = c.Guess.Desires.Visibility == Visibility.Partner,
        GuessGoalsNow = c.Guess.GoalsNow.Text,
        ShareGuessGoalsNow = c.Guess.GoalsNow.Visibility == Visibility.Partner,
        GuessGoalsLater = c.Guess.GoalsLater.Text,
        ShareGuessGoalsLater = c.Guess.GoalsLater.Visibility == Visibility.Partner,
        GuessSupported = c.Guess.Ratings.Supported,
        GuessAbleToGive = c.Guess.Ratings.AbleToGive,
        GuessStress = c.Guess.Ratings.Stress,
        ImpactWhatIDid = c.MyImpact.WhatIDid.Text,
        ShareImpactWhatIDid = c.MyImpact.WhatIDid.Visibility == Visibility.Partner,
        ImpactHowItLanded = c.MyImpact.HowItLanded.Text,
        ShareImpactHowItLanded = c.MyImpact.HowItLanded.Visibility == Visibility.Partner,
        ImpactQuestion = c.MyImpact.Question.Text,
        ShareImpactQuestion = c.MyImpact.Question.Visibility == Visibility.Partner,
        YourImpactWhat = c.YourImpact.WhatYouDid.Text,
        ShareYourImpact = c.YourImpact.WhatYouDid.Visibility == Visibility.Partner,
        YourImpactTone = c.YourImpact.Tone,
        YourImpactOldAssociation = c.YourImpact.MightBeOldAssociation,
    };
}
