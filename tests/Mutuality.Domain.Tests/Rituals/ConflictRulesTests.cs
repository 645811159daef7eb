using Mutuality.Domain.Rituals;

namespace Mutuality.Domain.Tests.Rituals;

public sealed class ConflictRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly SideText Complete = new("I felt alone", "You thought I was cold", "I went quiet", "Your sigh stung");
    private static readonly SideText Partial = new("I felt alone", "", "", "");

    private static ConflictState State(ConflictStatus status = ConflictStatus.Open, SideStatus mine = SideStatus.None, SideStatus theirs = SideStatus.None, DateTime? breakEnds = null)
        => new(status, mine, theirs, breakEnds);

    public static TheoryData<string, ConflictState, string?, string?> WriteCases => new()
    {
        { "first draft", State(), "I felt alone", null },
        { "editing a draft", State(mine: SideStatus.Draft), "I felt alone and tired", null },
        { "after sharing", State(mine: SideStatus.Shared), "changed my mind", "conflict.side_shared" },
        { "after resolving", State(ConflictStatus.Resolved, SideStatus.Shared, SideStatus.Shared), "more", "conflict.resolved" },
        { "too long", State(), new string('x', Conflicts.PartMax + 1), "feelingsandneeds.too_long" },
    };

    [Theory]
    [MemberData(nameof(WriteCases))]
    public void WriteSide_OnlyTheAuthorsUnsharedDraftOfAnOpenConflict(string because, ConflictState state, string? feelings, string? error)
    {
        var (text, errors) = Conflicts.WriteSide(state, feelings, null, null, null);
        Assert.True(error == (errors.Count > 0 ? errors[0] : null)?.Code, because);
        Assert.Equal(error is null, text is not null);
    }

    public static TheoryData<string, ConflictState, SideText?, string?> ShareCases => new()
    {
        { "complete draft", State(mine: SideStatus.Draft), Complete, null },
        { "partial draft", State(mine: SideStatus.Draft), Partial, "conflict.side_incomplete" },
        { "no side written", State(), null, "conflict.no_side" },
        { "shared twice", State(mine: SideStatus.Shared), Complete, "conflict.side_shared" },
        { "resolved", State(ConflictStatus.Resolved, SideStatus.Draft), Complete, "conflict.resolved" },
    };

    [Theory]
    [MemberData(nameof(ShareCases))]
    public void CanShare_WhenTheAuthorIsReady_AndTheSideIsWhole(string because, ConflictState state, SideText? side, string? error)
        => Assert.True(error == Conflicts.CanShare(state, side)?.Code, because);

    public static TheoryData<string, ConflictState, string?, string?, string?, DateTime?> AttemptCases => new()
    {
        { "apology with words", State(), "Apology", "I'm sorry I snapped.", null, null },
        { "apology needs words", State(), "Apology", "  ", "text.required", null },
        { "custom needs words", State(), "Custom", null, "text.required", null },
        { "try again without words", State(), "TryAgain", null, null, null },
        { "break starts a 20-minute timer", State(), "BreakRequest", null, null, Now.AddMinutes(20) },
        { "break while a break runs", State(breakEnds: Now.AddMinutes(5)), "BreakRequest", null, "break.running", null },
        { "break after the last one ended", State(breakEnds: Now.AddMinutes(-1)), "BreakRequest", null, null, Now.AddMinutes(20) },
        { "unknown kind", State(), "Flowers", "here", "repair.kind_required", null },
        { "no kind", State(), null, "here", "repair.kind_required", null },
        { "words too long", State(), "TryAgain", new string('x', Conflicts.AttemptMax + 1), "text.too_long", null },
        { "resolved conflict", State(ConflictStatus.Resolved), "Apology", "Sorry", "conflict.resolved", null },
    };

    [Theory]
    [MemberData(nameof(AttemptCases))]
    public void Attempt_FollowsTheRulesForEachKind(string because, ConflictState state, string? kind, string? text, string? error, DateTime? breakEnds)
    {
        var result = Conflicts.Attempt(state, kind, text, Now);
        Assert.True(error == result.Error?.Code, $"{because}: got {result.Error?.Code}");
        if (error is null)
        {
            Assert.Equal(breakEnds, result.Value.BreakEndsAtUtc);
        }
    }

    public static TheoryData<string, ConflictState, string?> ResolveCases => new()
    {
        { "both shared", State(mine: SideStatus.Shared, theirs: SideStatus.Shared), null },
        { "only mine shared", State(mine: SideStatus.Shared, theirs: SideStatus.Draft), "conflict.sides_not_shared" },
        { "only theirs shared", State(mine: SideStatus.Draft, theirs: SideStatus.Shared), "conflict.sides_not_shared" },
        { "nothing written", State(), "conflict.sides_not_shared" },
        { "already resolved", State(ConflictStatus.Resolved, SideStatus.Shared, SideStatus.Shared), "conflict.resolved" },
    };

    [Theory]
    [MemberData(nameof(ResolveCases))]
    public void CanResolve_OnlyOpenConflictsWithBothSidesShared(string because, ConflictState state, string? error)
        => Assert.True(error == Conflicts.CanResolve(state)?.Code, because);

    [Theory]
    [InlineData(null, "title.required")]
    [InlineData("   ", "title.required")]
    [InlineData("The dishes on Sunday", null)]
    public void ValidateTitle_NeedsAShortNeutralTitle(string? title, string? error)
        => Assert.Equal(error, Conflicts.ValidateTitle(title).Error?.Code);

    [Fact]
    public void ValidateTitle_RejectsTooLong()
        => Assert.Equal("Title", Conflicts.ValidateTitle(new string('t', Conflicts.TitleMax + 1)).Error!.Field);
}
