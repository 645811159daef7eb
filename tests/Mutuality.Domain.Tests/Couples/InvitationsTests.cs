using Mutuality.Domain.Couples;

namespace Mutuality.Domain.Tests.Couples;

public sealed class InvitationsTests
{
    private static readonly Guid Inviter = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Acceptor = new("00000000-0000-0000-0000-00000000000b");
    private static readonly DateTime Created = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static InvitationState Open(DateTime? used = null, DateTime? revoked = null)
        => new(Guid.Empty, Inviter, Created, Created + Invitations.Lifetime, used, revoked);

    private static readonly CoupleState WaitingCouple = new(IsEnded: false, ActiveMemberCount: 1);

    public static TheoryData<string, InvitationState, CoupleState, Guid, bool, DateTime, string?> Cases => new()
    {
        { "fresh invitation, free acceptor", Open(), WaitingCouple, Acceptor, false, Created.AddDays(1), null },
        { "one tick before expiry", Open(), WaitingCouple, Acceptor, false, Created + Invitations.Lifetime - TimeSpan.FromTicks(1), null },
        { "exactly at expiry", Open(), WaitingCouple, Acceptor, false, Created + Invitations.Lifetime, "invitation.expired" },
        { "after expiry", Open(), WaitingCouple, Acceptor, false, Created.AddDays(8), "invitation.expired" },
        { "already used", Open(used: Created.AddHours(1)), WaitingCouple, Acceptor, false, Created.AddDays(1), "invitation.used" },
        { "withdrawn", Open(revoked: Created.AddHours(1)), WaitingCouple, Acceptor, false, Created.AddDays(1), "invitation.revoked" },
        { "own invitation", Open(), WaitingCouple, Inviter, false, Created.AddDays(1), "invitation.own" },
        { "acceptor already in a couple", Open(), WaitingCouple, Acceptor, true, Created.AddDays(1), "invitation.already_in_couple" },
        { "couple ended", Open(), new CoupleState(true, 0), Acceptor, false, Created.AddDays(1), "invitation.couple_ended" },
        { "couple already full", Open(), new CoupleState(false, 2), Acceptor, false, Created.AddDays(1), "invitation.couple_full" },
        { "used wins over expired", Open(used: Created.AddHours(1)), WaitingCouple, Acceptor, false, Created.AddDays(9), "invitation.used" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CanAccept_DecidesByTheRules(string because, InvitationState invitation, CoupleState couple, Guid acceptor, bool acceptorHasCouple, DateTime now, string? expectedCode)
    {
        var error = Invitations.CanAccept(invitation, couple, acceptor, acceptorHasCouple, now);
        Assert.True(expectedCode == error?.Code, $"{because}: expected {expectedCode ?? "allowed"}, got {error?.Code ?? "allowed"}");
    }

    [Theory]
    [InlineData(false, 1, null)]
    [InlineData(false, 2, "invitation.couple_full")]
    [InlineData(true, 0, "invitation.couple_ended")]
    public void CanInvite_OnlyWhileWaitingForThePartner(bool ended, int members, string? expected)
        => Assert.Equal(expected, Invitations.CanInvite(new CoupleState(ended, members))?.Code);

    [Fact]
    public void CodeFromBytes_UsesOnlyTheUnambiguousAlphabet_AndNormalisesBack()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (var offset = 0; offset + Invitations.CodeLength <= bytes.Length; offset += 8)
        {
            var code = Invitations.CodeFromBytes(bytes.AsSpan(offset, Invitations.CodeLength));
            Assert.Equal(9, code.Length);
            Assert.Equal('-', code[4]);
            Assert.All(code.Replace("-", string.Empty, StringComparison.Ordinal), c => Assert.Contains(c, Invitations.CodeAlphabet));
            Assert.Equal(code.Replace("-", string.Empty, StringComparison.Ordinal), Invitations.NormaliseCode(code.ToLowerInvariant()));
        }
    }

    [Theory]
    [InlineData("k7qp-m2xd", "K7QPM2XD")]
    [InlineData(" K7QP M2XD ", "K7QPM2XD")]
    [InlineData("K7QPM2X", null)]
    [InlineData("K7QPM2XDD", null)]
    [InlineData("K7QP-M2X0", null)]
    [InlineData("<script>", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void NormaliseCode_AcceptsOnlyWellFormedCodes(string? typed, string? expected)
        => Assert.Equal(expected, Invitations.NormaliseCode(typed));

    [Fact]
    public void Hash_IsStableAndDoesNotContainTheSecret()
    {
        var hash = Invitations.Hash("K7QPM2XD");
        Assert.Equal(hash, Invitations.Hash("K7QPM2XD"));
        Assert.NotEqual(hash, Invitations.Hash("K7QPM2XE"));
        Assert.DoesNotContain("K7QPM2XD", hash, StringComparison.Ordinal);
        Assert.Equal(64, hash.Length);
    }
}
