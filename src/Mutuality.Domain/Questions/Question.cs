namespace Mutuality.Domain.Questions;

/// <summary>What a question is about, tied to the model (docs/questions.md): the four parts, the five kinds of support, the seven kinds of intimacy.</summary>
public enum QuestionCategory
{
    KnowingMe,
    SeeingYou,
    OurImpact,
    EmotionalSupport,
    EsteemSupport,
    InformationalSupport,
    PracticalSupport,
    CompanionshipSupport,
    Appreciation,
    PhysicalIntimacy,
    EmotionalIntimacy,
    IntellectualIntimacy,
    SpiritualIntimacy,
    PlayfulIntimacy,
    AestheticIntimacy,
    FutureIntimacy,
    OurFuture,
    Memories,
    LightAndPlayful,
}

/// <summary>How much a question asks of the two of you. Deeper questions never come two days running.</summary>
public enum QuestionDepth
{
    Light,
    Deeper,
}

/// <summary>
/// One question of the library. <see cref="Choices"/> is empty for a free-text question; a "guess my answer"
/// question has two to five choices: each person picks one for themself and guesses the partner's pick.
/// </summary>
public sealed record Question(string Id, QuestionCategory Category, QuestionDepth Depth, string Text, IReadOnlyList<string> Choices)
{
    public bool IsGuess => Choices.Count > 0;
}

/// <summary>Names and slugs of the categories, as people see them.</summary>
public static class QuestionCategories
{
    public static readonly IReadOnlyList<QuestionCategory> All = Enum.GetValues<QuestionCategory>();

    public static string Name(QuestionCategory category) => category switch
    {
        QuestionCategory.KnowingMe => "Knowing me",
        QuestionCategory.SeeingYou => "Seeing you",
        QuestionCategory.OurImpact => "Our impact on each other",
        QuestionCategory.EmotionalSupport => "Support: feelings",
        QuestionCategory.EsteemSupport => "Support: believing in each other",
        QuestionCategory.InformationalSupport => "Support: ideas and know-how",
        QuestionCategory.PracticalSupport => "Support: practical help",
        QuestionCategory.CompanionshipSupport => "Support: company",
        QuestionCategory.Appreciation => "Appreciation",
        QuestionCategory.PhysicalIntimacy => "Closeness: touch",
        QuestionCategory.EmotionalIntimacy => "Closeness: feelings",
        QuestionCategory.IntellectualIntimacy => "Closeness: ideas",
        QuestionCategory.SpiritualIntimacy => "Closeness: meaning",
        QuestionCategory.PlayfulIntimacy => "Closeness: laughter",
        QuestionCategory.AestheticIntimacy => "Closeness: beauty",
        QuestionCategory.FutureIntimacy => "Closeness: dreaming ahead",
        QuestionCategory.OurFuture => "Our future",
        QuestionCategory.Memories => "Memories",
        QuestionCategory.LightAndPlayful => "Light and playful",
        _ => category.ToString(),
    };

    /// <summary>The category's slug in the library text and in addresses, e.g. "knowing-me".</summary>
    public static string Slug(QuestionCategory category) => category switch
    {
        QuestionCategory.KnowingMe => "knowing-me",
        QuestionCategory.SeeingYou => "seeing-you",
        QuestionCategory.OurImpact => "our-impact",
        QuestionCategory.EmotionalSupport => "support-emotional",
        QuestionCategory.EsteemSupport => "support-esteem",
        QuestionCategory.InformationalSupport => "support-informational",
        QuestionCategory.PracticalSupport => "support-practical",
        QuestionCategory.CompanionshipSupport => "support-companionship",
        QuestionCategory.Appreciation => "appreciation",
        QuestionCategory.PhysicalIntimacy => "intimacy-physical",
        QuestionCategory.EmotionalIntimacy => "intimacy-emotional",
        QuestionCategory.IntellectualIntimacy => "intimacy-intellectual",
        QuestionCategory.SpiritualIntimacy => "intimacy-spiritual",
        QuestionCategory.PlayfulIntimacy => "intimacy-playful",
        QuestionCategory.AestheticIntimacy => "intimacy-aesthetic",
        QuestionCategory.FutureIntimacy => "intimacy-future",
        QuestionCategory.OurFuture => "our-future",
        QuestionCategory.Memories => "memories",
        QuestionCategory.LightAndPlayful => "light-and-playful",
        _ => category.ToString().ToLowerInvariant(),
    };

    public static QuestionCategory? FromSlug(string? slug)
        => All.Cast<QuestionCategory?>().FirstOrDefault(c => Slug(c!.Value) == slug);
}
