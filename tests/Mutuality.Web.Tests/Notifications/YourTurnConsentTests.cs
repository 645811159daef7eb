using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Notifications;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.Notifications;

/// <summary>
/// Issue 15, item 7: "tell me when my partner has checked in", turned on together (one proposes, the other agrees,
/// either turns it off for both). It opens one fact of the seal — that a check-in exists — and nothing else.
/// </summary>
public sealed class YourTurnConsentTests(ITestOutputHelper output)
{
    private const string Fact = "data-partner-checked-in";

    private static readonly (string, string)[] CheckIn =
    [
        ("Input.MeFeelings[calm]", "2"), ("Input.MeSupported", "3"), ("Input.MeAbleToGive", "3"), ("Input.MeStress", "4"),
        ("Input.GuessFeelings[calm]", "2"), ("Input.GuessSupported", "3"), ("Input.GuessAbleToGive", "3"), ("Input.GuessStress", "4"),
        ("Input.MeDesires", "SEALED-WORDS-about-the-garden"), ("Input.ShareMeDesires", "true"),
    ];

    private static async Task SubscribeAsync(TestClient client, FakePushService push, PushReceiver receiver, string path)
    {
        var answer = await client.PostFormAsync("/Account/Manage/Notifications?handler=Subscribe",
            ("endpoint", push.BaseUrl + path), ("p256dh", receiver.P256dh), ("auth", receiver.AuthText), ("name", "Phone"));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }

    private static async Task<string> PageAsync(TestClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task TheFactThatMyPartnerCheckedIn_ReachesMeOnlyWhenWeBothSaidYes_WithoutContent_AndEitherOfUsTurnsItOffForBoth()
    {
        await using var push = new FakePushService();
        await push.StartAsync();
        using var app = new PushApp();
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        using var samsPhone = new PushReceiver();
        await SubscribeAsync(sam, push, samsPhone, "/push/sam");

        // Off by default, explained plainly.
        var samsSettings = await PageAsync(sam, "/Account/Manage/Notifications");
        Assert.Contains("Tell me when Robin has checked in", samsSettings, StringComparison.Ordinal);
        Assert.Contains("Ask Robin to turn it on with me", samsSettings, StringComparison.Ordinal);

        // Robin proposes; one yes opens nothing. Robin checks in (it is 09:00 in London): Sam hears and sees nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Account/Manage/Notifications?handler=YourTurn", ("on", "true"))).StatusCode);
        Assert.Contains("It starts when Sam turns it on too", await PageAsync(robin, "/Account/Manage/Notifications"), StringComparison.Ordinal);
        Assert.Contains("Robin would like this", await PageAsync(sam, "/Account/Manage/Notifications"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/CheckIns/Form/2026-03-02?handler=Submit", CheckIn)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.NotificationOutbox.CountAsync()));
        Assert.DoesNotContain(Fact, await PageAsync(sam, "/"), StringComparison.Ordinal);

        // Sam agrees: now Sam's pages say that Robin has checked in for today (2 March, in London and New York alike),
        // and the next check-in Robin sends is told to Sam by a notice — the fact only.
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync("/Account/Manage/Notifications?handler=YourTurn", ("on", "true"))).StatusCode);
        Assert.Contains("On for both of you", await PageAsync(robin, "/Account/Manage/Notifications"), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromHours(14)); // 23:00 London, 18:00 New York, both on 2 March
        var home = await PageAsync(sam, "/");
        Assert.Contains("Robin has checked in for today. Your turn, when you're ready.", home, StringComparison.Ordinal);
        Assert.DoesNotContain("garden", home, StringComparison.Ordinal);
        Assert.DoesNotContain("garden", await PageAsync(sam, "/CheckIns/Reveal/2026-03-02"), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(2)); // 3 March in London
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/CheckIns/Form/2026-03-03?handler=Submit", CheckIn)).StatusCode);
        var notice = await app.WithDbAsync(db => db.NotificationOutbox.AsNoTracking().SingleAsync());
        Assert.Equal((couple.B.Id, NoticeKind.PartnerCheckedIn, "Robin has checked in: your turn, when you're ready", "/CheckIns/Form?period=2026-03-03"),
            (notice.UserId, notice.Kind, notice.Body, notice.Url));

        // Sam checks in for 2 March: the reveal is ready for Robin, and the fact is gone from Sam's home (it was only
        // ever "your turn").
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync("/CheckIns/Form/2026-03-02?handler=Submit", CheckIn)).StatusCode);
        Assert.DoesNotContain(Fact, await PageAsync(sam, "/"), StringComparison.Ordinal);

        // Either can turn it off, for both: Robin's check-ins stay sealed again, and what waited is dropped.
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Account/Manage/Notifications?handler=YourTurn", ("on", "false"))).StatusCode);
        Assert.Contains("Ask Robin to turn it on with me", await PageAsync(sam, "/Account/Manage/Notifications"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.YourTurnConsents.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.NotificationOutbox.CountAsync(o => o.Kind == NoticeKind.PartnerCheckedIn && o.SentAtUtc == null)));
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/CheckIns/Form/2026-03-04?handler=Submit", CheckIn)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.NotificationOutbox.CountAsync(o => o.Kind == NoticeKind.PartnerCheckedIn)));
        TestReport.Write(output, "Your turn: one yes opened nothing; both yeses opened the fact (page and one content-free notice); one no closed it for both.");
    }

    [Fact]
    public async Task AnotherCouplesYes_NeverCountsForThisCouple_TheSettingsShowNothingOfThePartnersDevices_AndWithoutAPartnerItSaysWhy()
    {
        using var app = new PushApp();
        var couple = await app.CreateCoupleAsync();
        var other = await app.CreateCoupleAsync("Alex", "Jo");
        var single = await app.CreatePersonAsync("Kim");
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        using var alex = await app.SignedInAsync(other.A);
        using var jo = await app.SignedInAsync(other.B);
        using var kim = await app.SignedInAsync(single);

        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Account/Manage/Notifications?handler=Ntfy", ("topicUrl", "https://ntfy.example.org/robins-secret-topic"), ("name", "Robins-own-ntfy"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Account/Manage/Notifications?handler=YourTurn", ("on", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await alex.PostFormAsync("/Account/Manage/Notifications?handler=YourTurn", ("on", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await jo.PostFormAsync("/Account/Manage/Notifications?handler=YourTurn", ("on", "true"))).StatusCode);

        // The other couple is on for themselves; Robin's proposal still waits for Sam, and nobody else saw it.
        Assert.Contains("On for both of you", await PageAsync(alex, "/Account/Manage/Notifications"), StringComparison.Ordinal);
        Assert.Contains("It starts when Sam turns it on too", await PageAsync(robin, "/Account/Manage/Notifications"), StringComparison.Ordinal);
        Assert.DoesNotContain("would like this", await PageAsync(jo, "/Account/Manage/Notifications"), StringComparison.Ordinal);

        // Jo turning it off ends it for Alex and Jo only.
        Assert.Equal(HttpStatusCode.Redirect, (await jo.PostFormAsync("/Account/Manage/Notifications?handler=YourTurn", ("on", "false"))).StatusCode);
        Assert.Contains("It starts when Sam turns it on too", await PageAsync(robin, "/Account/Manage/Notifications"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.YourTurnConsents.CountAsync()));

        // Robin's devices are Robin's: Sam's settings page shows none of them.
        var samsPage = await PageAsync(sam, "/Account/Manage/Notifications");
        Assert.DoesNotContain("Robins-own-ntfy", samsPage, StringComparison.Ordinal);
        Assert.DoesNotContain("robins-secret-topic", samsPage, StringComparison.Ordinal);
        Assert.Contains("Robin would like this", samsPage, StringComparison.Ordinal);

        // Without a partner there is nothing to agree with: a plain message, nothing stored.
        Assert.DoesNotContain("your-turn-heading", await PageAsync(kim, "/Account/Manage/Notifications"), StringComparison.Ordinal);
        var alone = await kim.PostFormAsync("/Account/Manage/Notifications?handler=YourTurn", ("on", "true"));
        Assert.Equal(HttpStatusCode.OK, alone.StatusCode);
        Assert.Contains("needs your partner in Mutuality first", await alone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.YourTurnConsents.CountAsync()));
    }
}
