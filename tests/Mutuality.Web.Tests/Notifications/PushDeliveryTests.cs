using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Features.Notifications;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.Notifications;

/// <summary>Issue 15: Web Push encryption, the outbox, the worker's handling of push service answers, and ntfy.</summary>
public sealed class PushDeliveryTests(ITestOutputHelper output)
{
    private const string Rfc8291Body =
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    [Fact]
    public void TheReceiverSideDecryptor_OpensRfc8291AppendixA_ToTheWatermelonSentence()
    {
        var uaPublic = PushReceiver.FromB64("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
        var key = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = PushReceiver.FromB64("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94"),
            Q = new ECPoint { X = uaPublic[1..33], Y = uaPublic[33..65] },
        });
        using var receiver = new PushReceiver(key, PushReceiver.FromB64("BTBZMqHH6r4Tts7J_aSIgg"));
        Assert.Equal("When I grow up, I want to be a watermelon", receiver.Decrypt(PushReceiver.FromB64(Rfc8291Body)));

        // A changed byte fails authentication: the decryptor really checks.
        var tampered = PushReceiver.FromB64(Rfc8291Body);
        tampered[^1] ^= 0x40;
        Assert.ThrowsAny<CryptographicException>(() => receiver.Decrypt(tampered));
    }

    private static async Task SubscribeAsync(TestClient client, FakePushService push, PushReceiver receiver, string path, string name)
    {
        var answer = await client.PostFormAsync("/Account/Manage/Notifications?handler=Subscribe",
            ("endpoint", push.BaseUrl + path), ("p256dh", receiver.P256dh), ("auth", receiver.AuthText), ("name", name));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }

    [Fact]
    public async Task ARequestNoticeReachesThePushService_EncryptedWithTtlTopicAndAValidVapidJwt_WithoutContent_AndIsNotSentAgainAfterARestart()
    {
        await using var push = new FakePushService();
        await push.StartAsync();
        var app = new PushApp();
        try
        {
            var couple = await app.CreateCoupleAsync();
            using var robin = await app.SignedInAsync(couple.A);
            using var sam = await app.SignedInAsync(couple.B);
            using var receiver = new PushReceiver();
            await SubscribeAsync(sam, push, receiver, "/push/sams-phone", "Sam's phone");

            const string need = "A long walk on Saturday, just us";
            var sent = await robin.PostFormAsync("/Requests/New", ("Input.Need", need), ("Input.Type", "Companionship"), ("Input.Urgency", "ThisWeek"));
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            var requestPath = sent.Headers.Location!.OriginalString;

            var queued = await app.WithDbAsync(db => db.NotificationOutbox.AsNoTracking().ToListAsync());
            var notice = Assert.Single(queued);
            Assert.Equal(couple.B.Id, notice.UserId);
            Assert.Equal("Robin sent you a request", notice.Body);

            // Sam lives in New York: 09:00 UTC is 04:00 there, inside the default quiet hours (22:00–07:00), so the
            // notice waits until 07:00 New York time (12:00 UTC).
            Assert.Equal(new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc), notice.DueAtUtc);
            var sender = app.Services.GetRequiredService<NotificationSender>();
            Assert.Equal(0, await sender.DrainOnceAsync());
            Assert.Empty(push.Requests);
            app.Clock.Advance(TimeSpan.FromHours(3));
            Assert.Equal(1, await sender.DrainOnceAsync());
            var received = Assert.Single(push.Requests);
            Assert.Equal("/push/sams-phone", received.Path);
            Assert.Equal("aes128gcm", received.Headers["Content-Encoding"]);
            Assert.Equal("43200", received.Headers["TTL"]);
            Assert.Equal(notice.EventId.ToString("N"), received.Headers["Topic"]);

            // The body opens only with the browser's keys, and holds no word of the request.
            var payload = receiver.Decrypt(received.Body);
            output.WriteLine("Decrypted payload: " + payload);
            using (var json = JsonDocument.Parse(payload))
            {
                Assert.Equal("Robin sent you a request", json.RootElement.GetProperty("body").GetString());
                Assert.Equal(requestPath, json.RootElement.GetProperty("url").GetString());

                // The app icon's badge: Sam's unread count at sending time, the same number Sam's pages show.
                var badge = (await sam.GetPageAsync("/Help")).QuerySelector("#feed-unread")!.TextContent.Trim().Split(' ')[0];
                Assert.Equal("1", badge);
                Assert.Equal(1, json.RootElement.GetProperty("unread").GetInt32());
                Assert.Equal(NotificationSender.PayloadBytes, Encoding.UTF8.GetByteCount(payload));
            }

            Assert.DoesNotContain("walk", payload, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("walk", Encoding.Latin1.GetString(received.Body), StringComparison.OrdinalIgnoreCase);

            // VAPID: "vapid t=<JWT>, k=<the instance's public key>", the JWT signed with ES256 by that key, for this push service.
            var authorization = received.Headers["Authorization"];
            Assert.StartsWith("vapid ", authorization, StringComparison.Ordinal);
            var parts = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries).ToDictionary(p => p[..p.IndexOf('=')], p => p[(p.IndexOf('=') + 1)..]);
            var (publicKey, _) = await app.Services.GetRequiredService<VapidKeys>().GetAsync();
            Assert.Equal(publicKey, parts["k"]);
            var jwt = parts["t"].Split('.');
            var point = PushReceiver.FromB64(parts["k"]);
            using var verifier = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..65] } });
            Assert.True(verifier.VerifyData(Encoding.ASCII.GetBytes(jwt[0] + "." + jwt[1]), PushReceiver.FromB64(jwt[2]), HashAlgorithmName.SHA256), "ES256 signature");
            using (var header = JsonDocument.Parse(PushReceiver.FromB64(jwt[0])))
            {
                Assert.Equal("ES256", header.RootElement.GetProperty("alg").GetString());
            }

            using (var claims = JsonDocument.Parse(PushReceiver.FromB64(jwt[1])))
            {
                var audience = claims.RootElement.GetProperty("aud").GetString();
                output.WriteLine($"JWT aud={audience} sub={claims.RootElement.GetProperty("sub").GetString()}");
                var origin = new Uri(push.BaseUrl);
                Assert.Contains(audience, new[] { $"{origin.Scheme}://{origin.Host}", $"{origin.Scheme}://{origin.Host}:{origin.Port}" });
                Assert.Equal("https://mutuality.test", claims.RootElement.GetProperty("sub").GetString());
            }

            // The private key is kept protected by the key ring, never in clear.
            var stored = await app.WithDbAsync(db => db.PushServerKeys.AsNoTracking().SingleAsync());
            Assert.Equal(publicKey, stored.PublicKey);
            var privateKey = (await app.Services.GetRequiredService<VapidKeys>().GetAsync()).PrivateKey;
            Assert.DoesNotContain(privateKey, stored.ProtectedPrivateKey, StringComparison.Ordinal);

            // A restart over the same data finds nothing left to send: once per event.
            var device = await app.WithDbAsync(db => db.PushDevices.AsNoTracking().SingleAsync());
            Assert.NotNull(device.LastDeliveredAtUtc);
            app = app.Restart();
            Assert.Equal(0, await app.Services.GetRequiredService<NotificationSender>().DrainOnceAsync());
            Assert.Single(push.Requests);
            Assert.Equal(publicKey, (await app.Services.GetRequiredService<VapidKeys>().GetAsync()).PublicKey);
            var counts = await app.WithDbAsync(async db => (Sent: await db.NotificationOutbox.CountAsync(o => o.SentAtUtc != null), Pending: await db.NotificationOutbox.CountAsync(o => o.SentAtUtc == null)));
            output.WriteLine($"Outbox after restart: {counts.Sent} sent, {counts.Pending} pending; fake push service received {push.Requests.Count}");
        }
        finally
        {
            app.Dispose();
        }
    }

    [Fact]
    public async Task ABusyPushServiceIsRetriedAfterItsWait_AndAGoneSubscriptionIsRemovedWithWhatWaitedForIt()
    {
        await using var push = new FakePushService();
        await push.StartAsync();
        using var app = new PushApp();
        var couple = await app.CreateCoupleAsync();
        using var sam = await app.SignedInAsync(couple.B);
        using var robin = await app.SignedInAsync(couple.A);
        using var receiver = new PushReceiver();
        await SubscribeAsync(sam, push, receiver, "/push/sam", "Sam's laptop");
        var deviceId = await app.WithDbAsync(db => db.PushDevices.Select(d => d.Id).SingleAsync());

        // Someone else's device is not theirs to test or remove.
        Assert.Equal(HttpStatusCode.NotFound, (await robin.PostFormAsync("/Account/Manage/Notifications?handler=Test", ("id", deviceId.ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await robin.PostFormAsync("/Account/Manage/Notifications?handler=Remove", ("id", deviceId.ToString()))).StatusCode);

        var sender = app.Services.GetRequiredService<NotificationSender>();
        push.AnswerNext(429);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync("/Account/Manage/Notifications?handler=Test", ("id", deviceId.ToString()))).StatusCode);
        Assert.Equal(0, await sender.DrainOnceAsync());
        Assert.Single(push.Requests);
        var waiting = await app.WithDbAsync(db => db.NotificationOutbox.AsNoTracking().SingleAsync());
        Assert.Equal(1, waiting.Attempts);
        Assert.Null(waiting.SentAtUtc);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(120), waiting.DueAtUtc);

        // Not before the wait is over; then once, with the same Topic.
        Assert.Equal(0, await sender.DrainOnceAsync());
        Assert.Single(push.Requests);
        app.Clock.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal(1, await sender.DrainOnceAsync());
        Assert.Equal(2, push.Requests.Count);
        Assert.Equal(push.Requests[0].Headers["Topic"], push.Requests[1].Headers["Topic"]);
        Assert.Contains("A test notification", receiver.Decrypt(push.Requests[1].Body), StringComparison.Ordinal);

        // 410 Gone: the device and its pending notices are removed.
        push.AnswerNext(410);
        await sam.PostFormAsync("/Account/Manage/Notifications?handler=Test", ("id", deviceId.ToString()));
        Assert.Equal(0, await sender.DrainOnceAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.PushDevices.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.NotificationOutbox.CountAsync(o => o.SentAtUtc == null)));
        output.WriteLine($"Fake push service received {push.Requests.Count} requests: 429, 201, 410");
    }

    [Fact]
    public async Task DiscreetMode_QuietHours_AndKindsTurnedOff_ShapeWhatIsQueued_AndAllOffQueuesNothing()
    {
        await using var push = new FakePushService();
        await push.StartAsync();
        using var app = new PushApp();
        var couple = await app.CreateCoupleAsync();
        using var sam = await app.SignedInAsync(couple.B);
        using var robin = await app.SignedInAsync(couple.A);
        using var receiver = new PushReceiver();
        await SubscribeAsync(sam, push, receiver, "/push/sam", "Sam's phone");

        // Sam (New York, 09:00 UTC on 2 March = 04:00 local): discreet, quiet 03:00–05:00, pebbles off.
        var kinds = new[] { "PartnerRequest", "AnswerToMyRequest", "ResponseToMyMoment", "ConflictSideShared", "RevealReady", "MyCheckInReminder", "MonthlyDay" };
        var saved = await sam.PostFormAsync("/Account/Manage/Notifications?handler=Preferences",
            [.. kinds.Select(k => new KeyValuePair<string, string>("kinds", k)), new("discreet", "true"), new("quietFrom", "03:00"), new("quietUntil", "05:00")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await robin.PostFormAsync("/Requests/New", ("Input.Need", "Tea later"), ("Input.Type", "Practical"), ("Input.Urgency", "ThisWeek"));
        await robin.PostFormAsync("/Moments/Pebble", ("Text", "thinking of you"));
        var queued = await app.WithDbAsync(db => db.NotificationOutbox.AsNoTracking().ToListAsync());
        var notice = Assert.Single(queued);
        Assert.Equal("Something new in Mutuality", notice.Body);
        Assert.Equal(new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc), notice.DueAtUtc);
        Assert.Equal(0, await app.Services.GetRequiredService<NotificationSender>().DrainOnceAsync());

        // One tap turns everything off, and what was waiting is dropped.
        await sam.PostFormAsync("/Account/Manage/Notifications?handler=AllOff", ("on", "false"));
        await robin.PostFormAsync("/Requests/New", ("Input.Need", "Call me"), ("Input.Type", "Emotional"), ("Input.Urgency", "Now"));
        Assert.Equal(0, await app.WithDbAsync(db => db.NotificationOutbox.CountAsync()));
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await app.Services.GetRequiredService<NotificationSender>().DrainOnceAsync());
        Assert.Empty(push.Requests);
    }

    [Fact]
    public async Task AnNtfyTopic_GetsOnlyTheDiscreetWords_AndAddressesOnThePrivateNetworkAreRefusedByDefault()
    {
        using (var strict = new AppFactory())
        {
            var person = await strict.CreatePersonAsync("Robin");
            using var robin = await strict.SignedInAsync(person);
            foreach (var address in new[] { "http://127.0.0.1:2586/topic", "http://10.1.2.3/topic", "http://169.254.169.254/latest", "http://[::1]/t", "ftp://ntfy.example/t", "http://localhost/t" })
            {
                var refused = await robin.PostFormAsync("/Account/Manage/Notifications?handler=Ntfy", ("topicUrl", address), ("name", "mine"));
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                var page = await TestClient.ParseAsync(refused);
                Assert.NotNull(page.QuerySelector("[role=alert]"));
            }

            Assert.Equal(0, await strict.WithDbAsync(db => db.PushDevices.CountAsync()));
        }

        await using var ntfy = new FakePushService();
        await ntfy.StartAsync();
        using var app = new PushApp();
        var couple = await app.CreateCoupleAsync();
        using var sam = await app.SignedInAsync(couple.B);
        using var robinClient = await app.SignedInAsync(couple.A);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync("/Account/Manage/Notifications?handler=Ntfy",
            ("topicUrl", ntfy.BaseUrl + "/sam-topic"), ("token", "tk_secret"), ("name", "my ntfy"))).StatusCode);
        await robinClient.PostFormAsync("/Requests/New", ("Input.Need", "A hug"), ("Input.Type", "Emotional"), ("Input.Urgency", "ThisWeek"));
        app.Clock.Advance(TimeSpan.FromHours(3)); // past Sam's default quiet hours (New York)
        Assert.Equal(1, await app.Services.GetRequiredService<NotificationSender>().DrainOnceAsync());
        var received = Assert.Single(ntfy.Requests);
        Assert.Equal("/sam-topic", received.Path);
        Assert.Equal("Something new in Mutuality", Encoding.UTF8.GetString(received.Body));
        Assert.Equal("Bearer tk_secret", received.Headers["Authorization"]);
        Assert.DoesNotContain("Robin", string.Join(" ", received.Headers.Values), StringComparison.Ordinal);
    }
}
