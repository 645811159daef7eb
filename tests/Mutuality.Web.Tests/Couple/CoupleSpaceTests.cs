using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Couple;

public sealed class CoupleSpaceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Made(string Link, string Code, TestClient Inviter);

    private async Task<Made> InviteAsync(TestPerson inviter)
    {
        var client = await app.SignedInAsync(inviter);
        var response = await client.PostFormAsync("/Couple?handler=Invite", [], "/Couple");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        var link = page.QuerySelector("#invite-link")!.GetAttribute("value")!;
        var code = page.QuerySelector("#invite-code")!.TextContent.Trim();
        return new Made(new Uri(link).PathAndQuery, code, client);
    }

    private Task<int> ActiveMembers(Guid userId)
        => app.WithDbAsync(db => db.CoupleMembers.CountAsync(m => m.UserId == userId && m.LeftAtUtc == null));

    [Fact]
    public async Task Invite_ThenPartnerJoinsByCode_BothSeeEachOther()
    {
        var robin = await app.CreatePersonAsync("Robin");
        var sam = await app.CreatePersonAsync("Sam");
        var invite = await InviteAsync(robin);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", invite.Code);
        Assert.StartsWith("/Couple/Join/", invite.Link, StringComparison.Ordinal);

        using var samClient = await app.SignedInAsync(sam);
        var joined = await samClient.PostFormAsync("/Couple/Join", [new("Code", invite.Code.ToLowerInvariant())], "/Couple/Join");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);

        Assert.Contains("Robin", (await samClient.GetPageAsync("/Couple")).QuerySelector(".partner-name")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam", (await invite.Inviter.GetPageAsync("/Couple")).QuerySelector(".partner-name")!.TextContent, StringComparison.Ordinal);
        invite.Inviter.Dispose();
    }

    [Fact]
    public async Task Invite_ThenPartnerJoinsByLink_Works_AndTheLinkIsSingleUse()
    {
        var robin = await app.CreatePersonAsync("Robin");
        var sam = await app.CreatePersonAsync("Sam");
        var alex = await app.CreatePersonAsync("Alex");
        var invite = await InviteAsync(robin);

        using var samClient = await app.SignedInAsync(sam);
        var preview = await samClient.GetPageAsync(invite.Link);
        Assert.Contains("Robin has invited you", preview.MainText(), StringComparison.Ordinal);
        var joined = await samClient.PostFormAsync(invite.Link, [], invite.Link);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);

        using var alexClient = await app.SignedInAsync(alex);
        var reused = await alexClient.PostFormAsync(invite.Link, [], "/");
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("already been used", (await TestClient.ParseAsync(reused)).MainText(), StringComparison.Ordinal);
        Assert.Equal(0, await ActiveMembers(alex.Id));
        invite.Inviter.Dispose();
    }

    [Fact]
    public async Task Join_AfterSevenDays_SaysExpired()
    {
        var robin = await app.CreatePersonAsync("Robin");
        var sam = await app.CreatePersonAsync("Sam");
        var invite = await InviteAsync(robin);
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        using var samClient = await app.SignedInAsync(sam);
        var response = await samClient.PostFormAsync("/Couple/Join", [new("Code", invite.Code)], "/Couple/Join");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("expired", (await TestClient.ParseAsync(response)).MainText(), StringComparison.Ordinal);
        Assert.Equal(0, await ActiveMembers(sam.Id));
        invite.Inviter.Dispose();
    }

    [Theory]
    [InlineData("ZZZZ-ZZZZ", "don't recognise")]
    [InlineData("short", "8 letters")]
    [InlineData("<script>alert(1)</script>", "8 letters")]
    [InlineData("'; DELETE FROM \"Couples\"; --", "8 letters")]
    public async Task Join_WithAnUnknownOrMalformedCode_SaysSoPlainly(string code, string expected)
    {
        var sam = await app.CreatePersonAsync("Sam");
        using var samClient = await app.SignedInAsync(sam);
        var response = await samClient.PostFormAsync("/Couple/Join", [new("Code", code)], "/Couple/Join");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, (await TestClient.ParseAsync(response)).MainText(), StringComparison.Ordinal);
        Assert.Equal(0, await ActiveMembers(sam.Id));
    }

    [Fact]
    public async Task Join_WithOversizedInput_IsRefusedWithoutError()
    {
        var sam = await app.CreatePersonAsync("Sam");
        using var samClient = await app.SignedInAsync(sam);
        var response = await samClient.PostFormAsync("/Couple/Join", [new("Code", new string('A', 50_000))], "/Couple/Join");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unknownLink = await samClient.GetAsync("/Couple/Join/" + new string('x', 2000));
        Assert.Equal(HttpStatusCode.OK, unknownLink.StatusCode);
        Assert.Contains("don't recognise", (await TestClient.ParseAsync(unknownLink)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_WhenAlreadyInACouple_IsRefused()
    {
        var couple = await app.CreateCoupleAsync();
        var other = await app.CreatePersonAsync("Other");
        var invite = await InviteAsync(other);

        using var client = await app.SignedInAsync(couple.A);
        var response = await client.PostFormAsync("/Couple/Join", [new("Code", invite.Code)], "/Couple/Join");
        Assert.Contains("already in a couple space", (await TestClient.ParseAsync(response)).MainText(), StringComparison.Ordinal);
        Assert.Equal(1, await ActiveMembers(couple.A.Id));
        Assert.Equal(couple.Id, await app.WithDbAsync(db => db.CoupleMembers.Where(m => m.UserId == couple.A.Id && m.LeftAtUtc == null).Select(m => m.CoupleId).SingleAsync()));
        invite.Inviter.Dispose();
    }

    [Fact]
    public async Task Join_OwnInvitation_IsRefused()
    {
        var robin = await app.CreatePersonAsync("Robin");
        var invite = await InviteAsync(robin);
        var response = await invite.Inviter.PostFormAsync("/Couple/Join", [new("Code", invite.Code)], "/Couple/Join");
        Assert.Contains("your own invitation", (await TestClient.ParseAsync(response)).MainText(), StringComparison.Ordinal);
        invite.Inviter.Dispose();
    }

    [Fact]
    public async Task NewInvitation_WithdrawsTheOldOne()
    {
        var robin = await app.CreatePersonAsync("Robin");
        var sam = await app.CreatePersonAsync("Sam");
        var first = await InviteAsync(robin);
        var second = await InviteAsync(robin);

        using var samClient = await app.SignedInAsync(sam);
        var old = await samClient.PostFormAsync("/Couple/Join", [new("Code", first.Code)], "/Couple/Join");
        Assert.Contains("withdrawn", (await TestClient.ParseAsync(old)).MainText(), StringComparison.Ordinal);
        var fresh = await samClient.PostFormAsync("/Couple/Join", [new("Code", second.Code)], "/Couple/Join");
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        first.Inviter.Dispose();
        second.Inviter.Dispose();
    }

    [Fact]
    public async Task RevokeInvitation_OfAnotherCouple_Returns404_AndChangesNothing()
    {
        var robin = await app.CreatePersonAsync("Robin");
        var invite = await InviteAsync(robin);
        var invitationId = await app.WithDbAsync(db => db.Invitations.Where(i => i.InvitedByUserId == robin.Id).Select(i => i.Id).SingleAsync());

        // Someone in another couple, and someone with no couple at all, try to withdraw it by id.
        var outsiders = await app.CreateCoupleAsync("Eve", "Mallory");
        var loner = await app.CreatePersonAsync("Loner");
        foreach (var outsider in new[] { outsiders.A, loner })
        {
            using var client = await app.SignedInAsync(outsider);
            var response = await client.PostFormAsync($"/Couple?handler=Revoke&id={invitationId}", [], "/Couple");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // And a made-up id looks exactly the same.
        using (var client = await app.SignedInAsync(outsiders.A))
        {
            var response = await client.PostFormAsync($"/Couple?handler=Revoke&id={Guid.NewGuid()}", [], "/Couple");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Null(await app.WithDbAsync(db => db.Invitations.Where(i => i.Id == invitationId).Select(i => i.RevokedAtUtc).SingleAsync()));

        // The inviter can withdraw it.
        var own = await invite.Inviter.PostFormAsync($"/Couple?handler=Revoke&id={invitationId}", [], "/Couple");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Invitations.Where(i => i.Id == invitationId).Select(i => i.RevokedAtUtc).SingleAsync()));
        invite.Inviter.Dispose();
    }

    [Fact]
    public async Task Leave_EndsTheSpaceForBoth_AndTellsThePartner()
    {
        var couple = await app.CreateCoupleAsync();
        using var a = await app.SignedInAsync(couple.A);
        var confirm = await a.GetPageAsync("/Couple/Leave");
        Assert.Contains("each of you keeps everything you wrote", confirm.MainText(), StringComparison.Ordinal);

        var left = await a.PostFormAsync("/Couple/Leave", [], "/Couple/Leave");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Equal(0, await ActiveMembers(couple.A.Id));
        Assert.Equal(0, await ActiveMembers(couple.B.Id));
        Assert.NotNull(await app.WithDbAsync(db => db.Couples.Where(c => c.Id == couple.Id).Select(c => c.EndedAtUtc).SingleAsync()));
        Assert.Contains(Mailbox.To(app, couple.B.Email), m => m.Subject?.Contains("closed", StringComparison.Ordinal) == true);

        using var b = await app.SignedInAsync(couple.B);
        Assert.Contains("Welcome, Sam", (await b.GetPageAsync("/")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_TwoPeopleRacingForOneInvitation_OnlyOneGetsIn()
    {
        var robin = await app.CreatePersonAsync("Robin");
        var invite = await InviteAsync(robin);
        var racers = new List<TestClient>();
        var people = new List<TestPerson>();
        for (var i = 0; i < 4; i++)
        {
            var p = await app.CreatePersonAsync($"Racer{i}");
            people.Add(p);
            racers.Add(await app.SignedInAsync(p));
        }

        var tokens = await Task.WhenAll(racers.Select(r => r.TokenAsync("/Couple/Join")));
        var posts = racers.Select((r, i) =>
        {
            var content = new FormUrlEncodedContent([new("Code", invite.Code), new("__RequestVerificationToken", tokens[i])]);
            return r.Http.PostAsync("/Couple/Join", content);
        });
        var responses = await Task.WhenAll(posts);
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        var joined = 0;
        foreach (var p in people)
        {
            joined += await ActiveMembers(p.Id);
        }

        Assert.Equal(1, joined);
        foreach (var r in racers)
        {
            r.Dispose();
        }

        invite.Inviter.Dispose();
    }
}
