using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.People;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.CheckIns;

public sealed class CheckInCalendarTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<string> NewFeedPathAsync(TestClient client)
    {
        var response = await client.PostFormAsync("/CheckIns/Settings?handler=Feed");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = (await TestClient.ParseAsync(response)).QuerySelector("#feed-link")!.GetAttribute("value")!;
        return new Uri(link).AbsolutePath;
    }

    [Fact]
    public async Task Feed_WithItsSecretToken_ListsUpcomingTimes_WithoutSigningIn_AndWithoutContent()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await robin.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", "20:30"));
        await robin.PostFormAsync("/CheckIns/Form?handler=Submit", ("Input.MeDesires", "CONTENT-MARKER"));
        var path = await NewFeedPathAsync(robin);

        using var anonymous = app.NewClient();
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Equal(CheckInCalendar.DailyEvents, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART:20260302T203000Z", ics); // London is on GMT on 2 March
        Assert.DoesNotContain("CONTENT-MARKER", ics);
    }

    [Fact]
    public async Task Feed_UnknownOrRevokedOrReplacedToken_IsNotFound()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/CheckIns/Calendar/not-a-token")).StatusCode);

        var first = await NewFeedPathAsync(robin);
        var second = await NewFeedPathAsync(robin);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);

        await robin.PostFormAsync("/CheckIns/Settings?handler=RevokeFeed");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second)).StatusCode);
    }

    [Fact]
    public async Task Feed_OfSomeoneWhoLeftTheCouple_IsNotFound()
    {
        var couple = await app.CreateCoupleAsync();
        using var sam = await app.SignedInAsync(couple.B);
        var path = await NewFeedPathAsync(sam);
        await app.WithDbAsync(async db =>
        {
            foreach (var m in db.CoupleMembers.Where(m => m.CoupleId == couple.Id))
            {
                m.LeftAtUtc = app.Clock.GetUtcNow().UtcDateTime;
            }

            await db.SaveChangesAsync();
        });
        using var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public void Upcoming_KeepsTheLocalWallClockTimeAcrossTheSpringDstChange()
    {
        // London moves to BST on 2026-03-29: 20:30 local is 20:30 UTC before and 19:30 UTC after.
        var london = TimeZones.Find("Europe/London")!;
        var times = CheckInCalendar.Upcoming(Cadence.Daily, new TimeOnly(20, 30), london, new DateTime(2026, 3, 27, 12, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 3, 27, 20, 30, 0, DateTimeKind.Utc), times[0]);
        Assert.Equal(new DateTime(2026, 3, 28, 20, 30, 0, DateTimeKind.Utc), times[1]);
        Assert.Equal(new DateTime(2026, 3, 29, 19, 30, 0, DateTimeKind.Utc), times[2]);

        // Weekly: Sundays, in New York across its autumn change (1 November 2026).
        var newYork = TimeZones.Find("America/New_York")!;
        var weekly = CheckInCalendar.Upcoming(Cadence.Weekly, new TimeOnly(21, 0), newYork, new DateTime(2026, 10, 20, 12, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 10, 26, 1, 0, 0, DateTimeKind.Utc), weekly[0]); // Sun 25 Oct 21:00 EDT
        Assert.Equal(new DateTime(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc), weekly[1]); // Sun 1 Nov 21:00 EST
    }
}

public sealed class CheckInReminderMailTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<int> SendDueAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CheckInReminderMailer>().SendDueAsync();
    }

    [Fact]
    public async Task EmailReminder_GoesOutOnceAtThePersonsLocalTime_OnlyIfOptedIn_AndSaysNothingAboutThePartner()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);

        // It is 09:00 in London and 04:00 in New York. Robin opts in at 08:30; Sam at 08:30 (not yet due); a third only in-app.
        await robin.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", "08:30"), ("EmailReminders", "true"));
        await sam.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", "08:30"), ("EmailReminders", "true"));
        await sam.PostFormAsync("/CheckIns/Form?handler=Draft", ("Input.MeDesires", "SAM-DRAFT"));
        var other = await app.CreateCoupleAsync("Alex", "Kim");
        using var alex = await app.SignedInAsync(other.A);
        await alex.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", "08:30"), ("EmailReminders", "false"));

        await SendDueAsync();
        await SendDueAsync();

        var mails = Mailbox.To(app, couple.A.Email).Where(m => m.Subject == "Your check-in time").ToList();
        var mail = Assert.Single(mails);
        Assert.DoesNotContain("SAM-DRAFT", mail.TextBody);
        Assert.DoesNotContain("Sam", mail.TextBody);
        Assert.DoesNotContain(Mailbox.To(app, couple.B.Email), m => m.Subject == "Your check-in time");
        Assert.DoesNotContain(Mailbox.To(app, other.A.Email), m => m.Subject == "Your check-in time");
        Assert.Contains("checked", (await robin.GetPageAsync("/CheckIns/Settings")).QuerySelector("#email-reminders")!.OuterHtml);
    }

    [Fact]
    public async Task EmailReminder_IsNotSentToSomeoneWhoAlreadyCheckedIn()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await robin.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", "08:45"), ("EmailReminders", "true"));
        var fields = new (string, string)[]
        {
            ("Input.MeFeelings[calm]", "1"), ("Input.MeSupported", "4"), ("Input.MeAbleToGive", "4"), ("Input.MeStress", "4"),
            ("Input.GuessFeelings[calm]", "1"), ("Input.GuessSupported", "4"), ("Input.GuessAbleToGive", "4"), ("Input.GuessStress", "4"),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/CheckIns/Form?handler=Submit", fields)).StatusCode);
        await SendDueAsync();
        Assert.DoesNotContain(Mailbox.To(app, couple.A.Email), m => m.Subject == "Your check-in time");
    }

    [Fact]
    public async Task ClearingTheReminderTime_TurnsRemindersOff()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await robin.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", "07:00"), ("EmailReminders", "true"));
        await robin.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", ""), ("EmailReminders", "true"));
        var page = await robin.GetPageAsync("/CheckIns/Settings");
        Assert.Equal("", page.QuerySelector("#reminder-time")!.GetAttribute("value") ?? "");
        await SendDueAsync();
        Assert.DoesNotContain(Mailbox.To(app, couple.A.Email), m => m.Subject == "Your check-in time");
    }
}
