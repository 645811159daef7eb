using Mutuality.Domain.Rituals;

namespace Mutuality.Domain.Tests.Rituals;

public sealed class IntimacyTests
{
    private static Dictionary<string, int?> All(int? fulfilment, int? importance)
        => Intimacy.Kinds.SelectMany(k => new[] { ($"{k.Id}.fulfilment", fulfilment), ($"{k.Id}.importance", importance) })
            .ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public void Kinds_AreSevenEachWithAnExplanationAndIdeas()
    {
        Assert.Equal(["physical", "emotional", "intellectual", "spiritual", "playful", "aesthetic", "future"], Intimacy.Kinds.Select(k => k.Id));
        Assert.All(Intimacy.Kinds, k =>
        {
            Assert.False(string.IsNullOrWhiteSpace(k.Explanation));
            Assert.True(k.Ideas.Count >= 3);
        });
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(5, 5)]
    public void Validate_AcceptsZeroToTen(int f, int i)
    {
        var result = Intimacy.Validate(All(f, i));
        Assert.True(result.IsSuccess);
        Assert.Equal(7, result.Value.Count);
        Assert.All(result.Value, r => Assert.Equal(i - f, r.Gap));
    }

    [Theory]
    [InlineData(-1, "intimacy.out_of_range")]
    [InlineData(11, "intimacy.out_of_range")]
    [InlineData(null, "intimacy.missing")]
    public void Validate_RefusesOffTheScale_NamingTheField(int? bad, string code)
    {
        var values = All(5, 5);
        values["playful.importance"] = bad;
        var result = Intimacy.Validate(values);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal("playful.importance", result.Error.Field);
        Assert.StartsWith("Playful (how much it matters):", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LargestGaps_AreImportanceAboveFulfilment_LargestFirst_OverBothPartners()
    {
        IntimacyRating[] mine = [new("physical", 3, 9), new("playful", 6, 8), new("aesthetic", 9, 2)];
        IntimacyRating[] partners = [new("emotional", 2, 9), new("physical", 5, 6), new("future", 7, 8)];
        var gaps = Intimacy.LargestGaps(mine, partners);
        Assert.Equal(["emotional", "physical", "playful"], gaps.Select(g => g.Kind.Id));
        Assert.Equal((6, 1), (gaps[1].MyGap!.Value, gaps[1].PartnersGap!.Value));
        Assert.Null(gaps[0].MyGap);
    }

    [Fact]
    public void LargestGaps_WithoutPartner_UseOnlyMine_AndIgnoreNoGap()
    {
        IntimacyRating[] mine = [new("physical", 9, 9), new("spiritual", 1, 4)];
        var gaps = Intimacy.LargestGaps(mine, null);
        var only = Assert.Single(gaps);
        Assert.Equal("spiritual", only.Kind.Id);
        Assert.Null(only.PartnersGap);
    }
}
