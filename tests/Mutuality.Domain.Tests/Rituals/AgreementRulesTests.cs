using Mutuality.Domain.Rituals;

namespace Mutuality.Domain.Tests.Rituals;

public sealed class AgreementRulesTests
{
    private static readonly Guid Author = new("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Partner = new("00000000-0000-0000-0000-0000000000b2");
    private static readonly DateOnly Today = new(2026, 3, 2);

    public static TheoryData<string, string?, string?, DateOnly?, string?, Guid?> CreateCases => new()
    {
        { "me", "Me", "Cook on Thursdays", null, null, Author },
        { "you", "You", "Book the dentist", Today, null, Partner },
        { "both", "Both", "A walk on Sundays", Today.AddDays(30), null, null },
        { "who missing", null, "Walk", null, "Who", null },
        { "who unknown", "Neighbour", "Walk", null, "Who", null },
        { "who as a number out of range", "7", "Walk", null, "Who", null },
        { "what empty", "Both", "   ", null, "What", null },
        { "what too long", "Both", new string('x', Agreements.MaxLength + 1), null, "What", null },
        { "by when in the past", "Me", "Walk", Today.AddDays(-1), "DueOn", null },
    };

    [Theory]
    [MemberData(nameof(CreateCases))]
    public void Create_ChecksWhoWhatAndByWhen(string because, string? who, string? what, DateOnly? due, string? badField, Guid? owner)
    {
        var (agreement, errors) = Agreements.Create(who, what, due, Author, Partner, Today);
        Assert.True(badField == (errors.Count > 0 ? errors[0] : null)?.Field, $"{because}: {string.Join(", ", errors.Select(e => e.Field))}");
        if (badField is null)
        {
            Assert.NotNull(agreement);
            Assert.Equal(owner, agreement.OwnerId);
            Assert.Equal(what!.Trim(), agreement.What);
            Assert.Equal(due, agreement.DueOn);
        }
        else
        {
            Assert.Null(agreement);
        }
    }

    [Fact]
    public void Create_ReportsEveryProblemAtOnce()
    {
        var (_, errors) = Agreements.Create(null, "", Today.AddDays(-3), Author, Partner, Today);
        Assert.Equal(["Who", "What", "DueOn"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.StartsWith(e.Field == "DueOn" ? "By when:" : e.Field + ":", e.Message, StringComparison.Ordinal));
    }

    public static TheoryData<string, AgreementOutcome?, string?, bool, AgreementOutcome?, string?> ReviewCases => new()
    {
        { "kept", null, "Kept", false, AgreementOutcome.Kept, null },
        { "partly, carried on", null, "PartlyKept", true, AgreementOutcome.PartlyKept, null },
        { "not kept, carried on", null, "NotKept", true, AgreementOutcome.NotKept, null },
        { "no outcome chosen", null, null, false, null, "agreement.outcome_required" },
        { "made-up outcome", null, "Forgotten", false, null, "agreement.outcome_required" },
        { "already reviewed", AgreementOutcome.Kept, "NotKept", false, null, "agreement.already_reviewed" },
    };

    [Theory]
    [MemberData(nameof(ReviewCases))]
    public void Review_HappensOnce_WithAKnownOutcome(string because, AgreementOutcome? current, string? outcome, bool carryOn, AgreementOutcome? expected, string? error)
    {
        var result = Agreements.Review(new AgreementState(current), outcome, carryOn);
        Assert.True(error == result.Error?.Code, because);
        if (expected is not null)
        {
            Assert.Equal(new AgreementReview(expected.Value, carryOn), result.Value);
        }
    }

    [Theory]
    [InlineData(AgreementOutcome.Kept, "Kept")]
    [InlineData(AgreementOutcome.PartlyKept, "Partly kept")]
    [InlineData(AgreementOutcome.NotKept, "Not kept")]
    public void Describe_UsesPlainWords(AgreementOutcome outcome, string words)
        => Assert.Equal(words, Agreements.Describe(outcome));
}
