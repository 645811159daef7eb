using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Features.Notifications;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.Notifications;

/// <summary>Issue 15, item 5: the check-in reminder and the monthly check-in day, sent by push at the person's own local time, once.</summary>
public sealed class ScheduledNoticeTests(ITestOutputHelper output)
{
    private static async Task SubscribeAsync(TestClient client, FakePushService push, PushReceiver receiver, string path, string name)
    {
        var answer = await client.PostFormAsync("/Account/Manage/Notifications?handler=Subscribe",
            ("endpoint", push.BaseUrl + path), ("p256dh", receiver.P256dh), ("auth", receiver.AuthText), ("name", name));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }

    private static async Task<int> RunAsync(PushApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduledNotices>().RunDueAsync();
    }

    [Fact]
    public async Task ACheckInReminderIsQueuedAtTheChosenLocalTime_WithoutContent_OnceADay_NotAgainAfterARestart_AndNotAfterCheckingIn()
    {
        await using var push = new FakePushService();
        await push.StartAsync();
        var app = new PushApp();
        try
        {
            // Robin (London) chose 09:30 for the check-in reminder; the clock says 09:00 London time.
            var couple = await app.CreateCoupleAsync();
            using (var robin = await app.SignedInAsync(couple.A))
            {
                using var receiver = new PushReceiver();
                await SubscribeAsync(robin, push, receiver, "/push/robins-phone", "Robin's phone");
            }

            await app.WithDbAsync(async db =>
            {
                db.CheckInPersonSettings.Add(new CheckInPersonSettings { UserId = couple.A.Id, CoupleId = couple.Id, ReminderTime = new TimeOnly(9, 30), UpdatedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync();
            });

            Assert.Equal(0, await RunAsync(app));
            app.Clock.Advance(TimeSpan.FromMinutes(40));
            Assert.Equal(1, await RunAsync(app));
            Assert.Equal(0, await RunAsync(app));
            var notice = await app.WithDbAsync(db => db.NotificationOutbox.AsNoTracking().SingleAsync());
            Assert.Equal(couple.A.Id, notice.UserId);
            Assert.Equal("A moment to check in, when you're ready", notice.Body);
            Assert.Equal("/CheckIns/Form", notice.Url);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, notice.DueAtUtc);

            // A restart over the same data (before and after the notice went out) queues and sends nothing again.
            app = app.Restart();
            Assert.Equal(0, await RunAsync(app));
            var sender = app.Services.GetRequiredService<NotificationSender>();
            Assert.Equal(1, await sender.DrainOnceAsync());
            app = app.Restart();
            Assert.Equal(0, await RunAsync(app));
            Assert.Equal(0, await app.Services.GetRequiredService<NotificationSender>().DrainOnceAsync());
            var received = Assert.Single(push.Requests);
            Assert.Equal(notice.EventId.ToString("N"), received.Headers["Topic"]);

            // The next day Robin has already checked in by 09:40: no reminder.
            app.Clock.Advance(TimeSpan.FromDays(1));
            var today = Periods.Current(Cadence.Daily, app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
            await app.WithDbAsync(async db =>
            {
                var now = app.Clock.GetUtcNow().UtcDateTime;
                db.CheckIns.Add(new CheckInEntry
                {
                    Id = Guid.CreateVersion7(),
                    CoupleId = couple.Id,
                    AuthorId = couple.A.Id,
                    Cadence = (int)Cadence.Daily,
                    PeriodStart = today.Start,
                    PeriodLabel = today.Label,
                    ContentJson = CheckInJson.Write(CheckInContent.Empty),
                    CreatedAtUtc = now,
                    UpdatedAtUtc = now,
                    SubmittedAtUtc = now,
                });
                await db.SaveChangesAsync();
            });
            Assert.Equal(0, await RunAsync(app));
            var counts = await app.WithDbAsync(async db => (Sent: await db.NotificationOutbox.CountAsync(o => o.SentAtUtc != null), Pending: await db.NotificationOutbox.CountAsync(o => o.SentAtUtc == null)));
            Assert.Equal((1, 0), counts);
            TestReport.Write(output, $"Check-in reminder: outbox {counts.Sent} sent, {counts.Pending} pending after two restarts and a day; the fake push service received {push.Requests.Count}.");
        }
        finally
        {
            app.Dispose();
        }
    }

    [Fact]
    public async Task AReminderInsideQuietHoursIsNotSent_AndTheMonthlyDayComesOnTheMorningOfTheDayInEachPersonsZone_AfterTheirQuietHours()
    {
        await using var push = new FakePushService();
        await push.StartAsync();
        using var app = new PushApp();
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        using var robinsPhone = new PushReceiver();
        using var samsPhone = new PushReceiver();
        await SubscribeAsync(robin, push, robinsPhone, "/push/robin", "Robin's phone");
        await SubscribeAsync(sam, push, samsPhone, "/push/sam", "Sam's phone");

        // Sam (New York, 04:00 there) chose a 04:00 reminder, inside the default quiet hours 22:00–07:00, and keeps
        // quiet until 09:00 this time. Their monthly check-in day is today, the 2nd.
        var kinds = new[] { "PartnerRequest", "AnswerToMyRequest", "Pebble", "ResponseToMyMoment", "ConflictSideShared", "RevealReady", "MyCheckInReminder", "MonthlyDay" };
        var saved = await sam.PostFormAsync("/Account/Manage/Notifications?handler=Preferences",
            [.. kinds.Select(k => new KeyValuePair<string, string>("kinds", k)), new("quietFrom", "22:00"), new("quietUntil", "09:00")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.CheckInPersonSettings.Add(new CheckInPersonSettings { UserId = couple.B.Id, CoupleId = couple.Id, ReminderTime = new TimeOnly(4, 0), UpdatedAtUtc = now });
            db.MonthlyRhythms.Add(new MonthlyRhythmSetting { CoupleId = couple.Id, DayOfMonth = 2, ChosenById = couple.A.Id, UpdatedAtUtc = now.AddDays(-10) });
            await db.SaveChangesAsync();
        });

        // 09:00 UTC: Robin's 08:00 London morning has passed, so Robin's monthly notice goes now; Sam's reminder
        // fell in quiet hours and is dropped; Sam's monthly morning (08:00 New York = 13:00 UTC) has not come yet.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await RunAsync(app));
        var first = await app.WithDbAsync(db => db.NotificationOutbox.AsNoTracking().SingleAsync());
        Assert.Equal((couple.A.Id, "It's your monthly check-in day", "/Monthly/Prepare"), (first.UserId, first.Body, first.Url));

        // 13:05 UTC: Sam's morning; the notice waits for the end of Sam's quiet hours, 09:00 New York (14:00 UTC).
        app.Clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(1, await RunAsync(app));
        Assert.Equal(0, await RunAsync(app));
        var second = await app.WithDbAsync(db => db.NotificationOutbox.AsNoTracking().SingleAsync(o => o.UserId == couple.B.Id));
        Assert.Equal(Domain.Notifications.NoticeKind.MonthlyDay, second.Kind);
        Assert.Equal(new DateTime(2026, 3, 2, 14, 0, 0, DateTimeKind.Utc), second.DueAtUtc);

        var sender = app.Services.GetRequiredService<NotificationSender>();
        Assert.Equal(1, await sender.DrainOnceAsync());
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await sender.DrainOnceAsync());
        Assert.Equal(0, await RunAsync(app));
        Assert.Equal(["/push/robin", "/push/sam"], push.Requests.Select(r => r.Path).Order().ToArray());
        using var json = JsonDocument.Parse(samsPhone.Decrypt(push.Requests.Single(r => r.Path == "/push/sam").Body));
        Assert.Equal("It's your monthly check-in day", json.RootElement.GetProperty("body").GetString());
        Assert.DoesNotContain(await app.WithDbAsync(db => db.NotificationOutbox.AsNoTracking().Select(o => o.Kind).ToListAsync()), k => k == Domain.Notifications.NoticeKind.MyCheckInReminder);
        TestReport.Write(output, $"Monthly day: 2 notices (London at once, New York at the end of quiet hours), the quiet-hours reminder dropped; the fake push service received {push.Requests.Count}.");
    }

    [Fact]
    public async Task AMonthlyNoticeHeldByQuietHours_IsAskedAgainWhenItsTimeComes_AndNotSentIfTheCoupleFinishedTheMonthMeanwhile()
    {
        await using var push = new FakePushService();
        await push.StartAsync();
        using var app = new PushApp();
        var couple = await app.CreateCoupleAsync();
        using var sam = await app.SignedInAsync(couple.B);
        using var samsPhone = new PushReceiver();
        await SubscribeAsync(sam, push, samsPhone, "/push/sam", "Sam's phone");
        var kinds = new[] { "PartnerRequest", "MonthlyDay" };
        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync("/Account/Manage/Notifications?handler=Preferences",
            [.. kinds.Select(k => new KeyValuePair<string, string>("kinds", k)), new("quietFrom", "22:00"), new("quietUntil", "09:00")])).StatusCode);
        await app.WithDbAsync(async db =>
        {
            db.MonthlyRhythms.Add(new MonthlyRhythmSetting { CoupleId = couple.Id, DayOfMonth = 2, ChosenById = couple.A.Id, UpdatedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(-10) });
            await db.SaveChangesAsync();
        });

        // 13:05 UTC is Sam's New York morning: the notice is queued, held until Sam's quiet hours end at 14:00 UTC.
        app.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(5));
        Assert.Equal(1, await RunAsync(app));

        // Meanwhile the couple has their monthly check-in (an early-morning talk).
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.MonthlyCheckIns.Add(new MonthlyCheckIn { Id = Guid.CreateVersion7(), CoupleId = couple.Id, Month = new DateOnly(2026, 3, 1), CreatedAtUtc = now, FinishedAtUtc = now });
            await db.SaveChangesAsync();
        });

        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await app.Services.GetRequiredService<NotificationSender>().DrainOnceAsync());
        Assert.Empty(push.Requests);
        var held = await app.WithDbAsync(db => db.NotificationOutbox.AsNoTracking().SingleAsync());
        Assert.NotNull(held.AbandonedAtUtc);
        Assert.Null(held.SentAtUtc);
        TestReport.Write(output, "Monthly day held by quiet hours, month finished meanwhile: 0 sent, the held notice dropped at its time.");
    }
}
