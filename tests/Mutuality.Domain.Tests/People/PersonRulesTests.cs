using Mutuality.Domain.Common;
using Mutuality.Domain.People;

namespace Mutuality.Domain.Tests.People;

public sealed class PersonRulesTests
{
    [Theory]
    [InlineData("Robin", "Robin")]
    [InlineData("  Sam  ", "Sam")]
    [InlineData("Zoë", "Zoë")]
    [InlineData("A\u0000B", "AB")]
    public void DisplayName_IsCleaned(string raw, string expected) => Assert.Equal(expected, PersonRules.DisplayName(raw).Value);

    [Theory]
    [InlineData("", "person.display_name.required")]
    [InlineData("   ", "person.display_name.required")]
    [InlineData(null, "person.display_name.required")]
    public void DisplayName_Empty_IsRefusedWithTheFieldNamed(string? raw, string code)
    {
        var result = PersonRules.DisplayName(raw);
        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal("DisplayName", result.Error.Field);
        Assert.StartsWith("Display name:", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DisplayName_TooLong_IsRefused()
        => Assert.Equal("person.display_name.too_long", PersonRules.DisplayName(new string('x', 61)).Error!.Code);

    [Fact]
    public void TextRules_Optional_CountsAfterCleaning()
    {
        Assert.True(TextRules.Optional("  " + new string('a', 10) + "  ", 10, "Note", "Note").IsSuccess);
        var tooLong = TextRules.Optional(new string('a', 11), 10, "Note", "Note");
        Assert.Equal("Note", tooLong.Error!.Field);
        Assert.Contains("at most 10", tooLong.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextRules_Clean_KeepsNewlinesAndDropsControlCharacters()
        => Assert.Equal("line one\nline two", TextRules.Clean("line one\r\nline two\u0007"));
}
