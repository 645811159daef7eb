using Mutuality.Domain.Support;

namespace Mutuality.Domain.Tests.Support;

public sealed class MomentRulesTests
{
    private static readonly Guid Me = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Partner = Guid.Parse("00000000-0000-0000-0000-000000000002");

    [Theory]
    [InlineData(MomentResponseKind.Helped, 1, null, true)]
    [InlineData(MomentResponseKind.Helped, 5, null, true)]
    [InlineData(MomentResponseKind.Helped, 0, null, false)]
    [InlineData(MomentResponseKind.Helped, 6, null, false)]
    [InlineData(MomentResponseKind.Helped, null, null, false)]
    [InlineData(MomentResponseKind.HadNotNoticed, null, null, true)]
    [InlineData(MomentResponseKind.NotQuite, null, "A hug first, then the plan.", true)]
    [InlineData(MomentResponseKind.NotQuite, null, "  ", false)]
    [InlineData((MomentResponseKind)9, null, null, false)]
    public void Response_Rules(MomentResponseKind kind, int? rating, string? note, bool ok)
        => Assert.Equal(ok, MomentRules.Response(kind, rating, note).IsSuccess);

    [Theory]
    [InlineData("partner", MomentDirection.Gave, Visibility.Shared, MomentKind.Moment, null)]
    [InlineData("me", MomentDirection.Gave, Visibility.Shared, MomentKind.Moment, "response.own")]
    [InlineData("partner", MomentDirection.Gave, Visibility.Private, MomentKind.Moment, "response.not_shared")]
    [InlineData("partner", MomentDirection.Gave, Visibility.Shared, MomentKind.Pebble, "response.pebble")]
    [InlineData("partner", MomentDirection.Received, Visibility.Shared, MomentKind.Moment, "response.received")]
    public void CanRespond_OnlyTheReceiverOfASharedGivenMoment(string author, MomentDirection d, Visibility v, MomentKind k, string? code)
        => Assert.Equal(code, MomentRules.CanRespond(Me, author == "me" ? Me : Partner, d, v, k)?.Code);

    [Fact]
    public void Note_LongerThanAThousand_IsRefusedWithTheLabel()
    {
        Assert.True(MomentRules.Note(new string('a', 1000)).IsSuccess);
        Assert.StartsWith("Note: use at most 1000 characters", MomentRules.Note(new string('a', 1001)).Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, "moment.in_future")]
    [InlineData(4, null)]
    [InlineData(-60 * 24 * 367, "moment.too_old")]
    public void OccurredAt_NotInTheFutureNorOverAYearAgo(int minutes, string? code)
    {
        var now = new DateTime(2026, 3, 4, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(code, MomentRules.CheckOccurredAt(now.AddMinutes(minutes), now)?.Code);
    }

    [Theory]
    [InlineData("https://example.org/song", true)]
    [InlineData("", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("not a link", false)]
    public void Link_OnlyWebAddresses(string link, bool ok) => Assert.Equal(ok, MomentRules.Link(link).IsSuccess);

    [Fact]
    public void EveryType_HasAPlainExplanationAndExample()
        => Assert.All(Enum.GetValues<SupportType>(), t =>
        {
            var info = SupportTypes.Describe(t);
            Assert.False(string.IsNullOrWhiteSpace(info.Explanation));
            Assert.False(string.IsNullOrWhiteSpace(info.Example));
        });
}
