using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Mutuality.Domain.Support;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.ScheduledMail;
using Mutuality.Web.Features.ScheduledMail.Data;
using Mutuality.Web.Infrastructure.Mail;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.ScheduledMail;

/// <summary>
/// The weekly digest and the monthly check-in reminder, through the real scheduler, ledger and pickup folder.
/// Each test has its own app (its own clock). The app's own worker also runs on every clock move; the runner lets
/// one run at a time, so once <see cref="RunAsync"/> returns, whatever was due has been written.
/// The clock starts on Monday 2 March 2026, 09:00 UTC. Robin lives in London (UTC until 29 March), Sam in
/// New York (UTC−5 until summer time starts on Sunday 8 March, then UTC−4).
/// </summary>
public sealed class ScheduledMailTests
{
    /// <summary>The app with a public address for links, and a sender that can be told to fail.</summary>
    public sealed class MailApp : AppFactory
    {
        public MailApp()
        {
        }

        private MailApp(MailApp stopped, DateTimeOffset? now)
            : base(stopped, now)
        {
        }

        private int _failNextSends;

        /// <summary>How many of the next sends fail (as an unreachable mail server would); below zero once they were all used up.</summary>
        public int FailNextSends
        {
            get => Volatile.Read(ref _failNextSends);
            set => Volatile.Write(ref _failNextSends, value);
        }

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Mail:PublicBaseUrl"] = "https://mutuality.test" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IMailSender>(sp => new FailingFirst(this, sp.GetRequiredService<MailKitSender>())));
        }

        /// <summary>Stops this app (keeping its data) and starts a new one over the same data folder and database.</summary>
        public MailApp Restart(DateTimeOffset? now = null)
        {
            KeepData = true;
            Dispose();
            var next = new MailApp(this, now);
            _ = next.Services; // start it
            return next;
        }

        private sealed class FailingFirst(MailApp app, IMailSender inner) : IMailSender
        {
            public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
                => Interlocked.Decrement(ref app._failNextSends) >= 0
                    ? throw new IOException("The mail server is not answering (test).")
                    : inner.SendAsync(mail, cancellationToken);
        }
    }

    private static readonly DateTimeOffset MondayLate = new(2026, 3, 2, 23, 0, 0, TimeSpan.Zero); // 18:00 in New York

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static async Task RunAsync(AppFactory app, DateTimeOffset? at = null)
    {
        if (at is { } t)
        {
            app.Clock.SetUtcNow(t);
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduledMailRunner>().RunDueAsync(app.Clock.GetUtcNow());
    }

    private static List<MimeMessage> Digests(AppFactory app, TestPerson person)
        => [.. Mailbox.To(app, person.Email).Where(m => m.Subject?.StartsWith("Your week in Mutuality", StringComparison.Ordinal) == true)];

    private static List<MimeMessage> Reminders(AppFactory app, TestPerson person)
        => [.. Mailbox.To(app, person.Email).Where(m => m.Subject == "Today is your monthly check-in")];

    private static async Task SettingsAsync(TestClient client, bool digest, DayOfWeek day = DayOfWeek.Monday, int hour = 18, bool monthly = true)
    {
        var fields = new List<(string, string)> { ("DigestDay", ((int)day).ToString()), ("DigestHour", hour.ToString()) };
        if (digest)
        {
            fields.Add(("WeeklyDigest", "true"));
        }

        if (monthly)
        {
            fields.Add(("MonthlyReminder", "true"));
        }

        var response = await client.PostFormAsync("/Account/Manage/Email", [.. fields]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<(TestCouple Couple, TestClient Robin, TestClient Sam)> CoupleAsync(AppFactory app)
    {
        var couple = await app.CreateCoupleAsync();
        return (couple, await app.SignedInAsync(couple.A), await app.SignedInAsync(couple.B));
    }

    [Fact]
    public async Task Digest_ArrivesOnceAtTheChosenLocalTime_AndNotBefore()
    {
        using var app = new MailApp();
        var (couple, robin, sam) = await CoupleAsync(app);
        await SettingsAsync(sam, digest: true, DayOfWeek.Monday, 18);

        await RunAsync(app, MondayLate.AddMinutes(-1));
        Assert.Empty(Digests(app, couple.B));

        await RunAsync(app, MondayLate);
        await RunAsync(app);
        var digest = Assert.Single(Digests(app, couple.B));
        Assert.Equal("Your week in Mutuality, up to Monday 2 March", digest.Subject);
        Assert.Contains("https://mutuality.test/", digest.TextBody, StringComparison.Ordinal);
        Assert.Equal("/Insights", Mailbox.LinkTo(app, couple.B.Email, "/Insights"));
        Assert.Empty(Mailbox.To(app, couple.A.Email));

        // And again a week later — by then New York is on summer time, and 18:00 there is 22:00 UTC.
        await RunAsync(app, Utc(3, 9, 21, 59));
        Assert.Single(Digests(app, couple.B));
        await RunAsync(app, Utc(3, 9, 22));
        Assert.Equal(2, Digests(app, couple.B).Count);
        robin.Dispose();
        sam.Dispose();
    }

    [Fact]
    public async Task Digest_FollowsTheClockChange_OnTheDayItHappens()
    {
        using var app = new MailApp();
        var (couple, _, sam) = await CoupleAsync(app);
        await SettingsAsync(sam, digest: true, DayOfWeek.Sunday, 9);

        // Sunday 8 March: New York moves to summer time at 02:00, so 09:00 there is 13:00 UTC (not 14:00).
        await RunAsync(app, Utc(3, 8, 12, 59));
        Assert.Empty(Digests(app, couple.B));
        await RunAsync(app, Utc(3, 8, 13));
        Assert.Single(Digests(app, couple.B));
        sam.Dispose();
    }

    [Fact]
    public async Task Digest_CountsOnlyWhatTheRecipientMaySee_AndQuotesNothing()
    {
        using var app = new MailApp();
        var (couple, robin, sam) = await CoupleAsync(app);
        // Robin wrote a private moment, a shared moment and a pebble (all "gave"), and asked Sam for something.
        var ids = await SupportData.SeedAsync(app, couple);
        // Sam wrote a private moment about being helped by Robin: Robin must not hear of it.
        var samPrivate = $"sams-own-private-{Guid.NewGuid():N}";
        await app.WithDbAsync(async db =>
        {
            var at = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-15);
            db.SupportMoments.Add(new SupportMoment
            {
                Id = Guid.CreateVersion7(),
                CoupleId = couple.Id,
                AuthorId = couple.B.Id,
                Kind = MomentKind.Moment,
                Direction = MomentDirection.Received,
                Type = SupportType.Emotional,
                Note = samPrivate,
                OccurredAtUtc = at,
                CreatedAtUtc = at,
                AuthorTimeZoneId = "America/New_York",
                Visibility = Visibility.Private,
            });
            await db.SaveChangesAsync();
        });
        await SettingsAsync(robin, digest: true, DayOfWeek.Monday, 18);
        await SettingsAsync(sam, digest: true, DayOfWeek.Monday, 18);

        await RunAsync(app, MondayLate);
        var forSam = Assert.Single(Digests(app, couple.B));
        var forRobin = Assert.Single(Digests(app, couple.A));

        // Sam sees Robin's shared moment and pebble, and their own private note counts for them alone.
        Assert.Contains("You received support twice (emotional, practical).", forSam.TextBody, StringComparison.Ordinal);
        Assert.Contains("Robin shared one moment with you.", forSam.TextBody, StringComparison.Ordinal);
        Assert.Contains("Robin sent you one pebble.", forSam.TextBody, StringComparison.Ordinal);

        // Robin's private moment counts for Robin; Sam's private moment is not there at all.
        Assert.Contains("You gave support twice (practical).", forRobin.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("emotional", forRobin.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sam shared", forRobin.TextBody, StringComparison.Ordinal);

        foreach (var mail in new[] { forSam, forRobin })
        {
            foreach (var phrase in new[] { ids.PrivateText, ids.SharedText, ids.PebbleText, ids.NeedText, samPrivate })
            {
                Assert.DoesNotContain(phrase, mail.TextBody, StringComparison.Ordinal);
                Assert.DoesNotContain(phrase, mail.HtmlBody, StringComparison.Ordinal);
            }
        }

        robin.Dispose();
        sam.Dispose();
    }

    [Fact]
    public async Task Digest_AfterOptingOut_SendsNothing_AndAQuietWeekStillSaysSoKindly()
    {
        using var app = new MailApp();
        var (couple, robin, sam) = await CoupleAsync(app);
        await SettingsAsync(sam, digest: true);
        await SettingsAsync(sam, digest: false);
        await SettingsAsync(robin, digest: true);
        await RunAsync(app, MondayLate);
        Assert.Empty(Digests(app, couple.B));
        Assert.Contains("quiet week", Assert.Single(Digests(app, couple.A)).TextBody, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MailPreferences.Where(p => p.UserId == couple.B.Id).Select(p => p.WeeklyDigest).SingleAsync()));
        robin.Dispose();
        sam.Dispose();
    }

    [Fact]
    public async Task Restart_NeitherLosesNorDuplicatesAWeek()
    {
        var first = new MailApp();
        var (couple, _, sam) = await CoupleAsync(first);
        await SettingsAsync(sam, digest: true);
        await RunAsync(first, MondayLate);
        Assert.Single(Digests(first, couple.B));
        sam.Dispose();

        // Restarted an hour later over the same data: its start-up run and ours find the week already claimed.
        using var second = first.Restart(MondayLate.AddHours(1));
        await RunAsync(second);
        await RunAsync(second);
        Assert.Single(Digests(second, couple.B));

        // The next week still comes, once.
        await RunAsync(second, Utc(3, 9, 22));
        await RunAsync(second);
        Assert.Equal(2, Digests(second, couple.B).Count);
    }

    [Fact]
    public async Task MissedWhileDown_GoesOutLateOnce_ButOnlyTheLatestWeek()
    {
        var first = new MailApp();
        var (couple, _, sam) = await CoupleAsync(first);
        await SettingsAsync(sam, digest: true);
        sam.Dispose();

        // Down from Monday morning until Tuesday afternoon: Monday's digest goes out late, once.
        var second = first.Restart(Utc(3, 3, 15));
        await RunAsync(second);
        await RunAsync(second);
        Assert.Equal(["Your week in Mutuality, up to Monday 2 March"], Digests(second, couple.B).Select(m => m.Subject));

        // Down again for almost three weeks: the week of 9 March is skipped, only the latest (16 March) is sent.
        using var third = second.Restart(Utc(3, 20, 12));
        await RunAsync(third);
        await RunAsync(third);
        Assert.Equal(["Your week in Mutuality, up to Monday 16 March", "Your week in Mutuality, up to Monday 2 March"], Digests(third, couple.B).Select(m => m.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CrashBetweenClaimAndSend_LosesThatWeek_NeverSendsItTwice()
    {
        using var app = new MailApp();
        var (couple, _, sam) = await CoupleAsync(app);
        await SettingsAsync(sam, digest: true);
        // What a process that died right after claiming leaves behind: a claim with no SentAtUtc.
        await app.WithDbAsync(async db =>
        {
            db.ScheduledMailSent.Add(new ScheduledMailSent { Id = Guid.CreateVersion7(), PersonId = couple.B.Id, Kind = ScheduledMailKind.WeeklyDigest, PeriodKey = "2026-W10", DueAtUtc = MondayLate.UtcDateTime, ClaimedAtUtc = MondayLate.UtcDateTime });
            await db.SaveChangesAsync();
        });

        await RunAsync(app, MondayLate.AddMinutes(5));
        Assert.Empty(Digests(app, couple.B)); // at most once: we cannot know whether it went out, so it is not sent again

        await RunAsync(app, Utc(3, 9, 22));
        Assert.Single(Digests(app, couple.B));
        sam.Dispose();
    }

    [Fact]
    public async Task SenderFailure_ReleasesTheClaim_AndALaterRunSendsOnce()
    {
        using var app = new MailApp();
        var (couple, _, sam) = await CoupleAsync(app);
        await SettingsAsync(sam, digest: true);
        app.FailNextSends = 1;

        await RunAsync(app, MondayLate);
        await RunAsync(app);
        await RunAsync(app);
        Assert.True(app.FailNextSends < 0, "the failing send was attempted");
        Assert.Single(Digests(app, couple.B));
        var claims = await app.WithDbAsync(db => db.ScheduledMailSent.Where(s => s.PersonId == couple.B.Id).ToListAsync());
        Assert.NotNull(Assert.Single(claims).SentAtUtc);
        sam.Dispose();
    }

    [Fact]
    public async Task MonthlyReminder_EachPartnerOnTheMorningOfTheDay_InTheirOwnZone_Once_AndCanBeTurnedOff()
    {
        using var app = new MailApp();
        var (couple, robin, sam) = await CoupleAsync(app);
        var saved = await robin.PostFormAsync("/Monthly?handler=Day", [new("Input.DayOfMonth", "3")], "/Monthly");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await RunAsync(app, Utc(3, 3, 7, 59));
        Assert.Empty(Reminders(app, couple.A));
        Assert.Empty(Reminders(app, couple.B));

        await RunAsync(app, Utc(3, 3, 8)); // 08:00 in London
        var toRobin = Assert.Single(Reminders(app, couple.A));
        Assert.Contains("Today is your monthly check-in with Sam.", toRobin.TextBody, StringComparison.Ordinal);
        Assert.Equal("/Monthly/Prepare", Mailbox.LinkTo(app, couple.A.Email, "/Monthly"));
        Assert.Empty(Reminders(app, couple.B));

        await RunAsync(app, Utc(3, 3, 13)); // 08:00 in New York
        await RunAsync(app);
        Assert.Single(Reminders(app, couple.A));
        Assert.Single(Reminders(app, couple.B));

        // Sam turns it off; next month only Robin hears (08:00 in London is 07:00 UTC in summer time).
        await SettingsAsync(sam, digest: false, monthly: false);
        await RunAsync(app, Utc(4, 3, 13));
        Assert.Equal(2, Reminders(app, couple.A).Count);
        Assert.Single(Reminders(app, couple.B));
        robin.Dispose();
        sam.Dispose();
    }

    [Fact]
    public async Task MonthlyReminder_MissedOnTheDay_IsNotSentAfterIt()
    {
        using var app = new MailApp();
        var (couple, robin, _) = await CoupleAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Monthly?handler=Day", [new("Input.DayOfMonth", "3")], "/Monthly")).StatusCode);

        // The app was "down" all of 3 March in both zones (no run); on 4 March it's too late for a same-day reminder.
        await RunAsync(app, Utc(3, 4, 12));
        Assert.Empty(Reminders(app, couple.A));
        Assert.Empty(Reminders(app, couple.B));
        robin.Dispose();
    }

    [Fact]
    public async Task Settings_WithAnImpossibleDayOrHour_SayWhatToFix()
    {
        using var app = new MailApp();
        var (_, robin, _) = await CoupleAsync(app);
        var response = await robin.PostFormAsync("/Account/Manage/Email", ("WeeklyDigest", "true"), ("DigestDay", "9"), ("DigestHour", "18"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Day: choose a day of the week.", (await TestClient.ParseAsync(response)).FieldErrors());
        response = await robin.PostFormAsync("/Account/Manage/Email", ("WeeklyDigest", "true"), ("DigestDay", "1"), ("DigestHour", "noon"));
        Assert.Contains("Time: choose an hour from 00 to 23.", (await TestClient.ParseAsync(response)).FieldErrors());

        var page = await robin.GetPageAsync("/Account/Manage/Email");
        Assert.NotNull(page.QuerySelector("input[name=MonthlyReminder][checked]"));
        Assert.Null(page.QuerySelector("input[name=WeeklyDigest][checked]"));
        robin.Dispose();
    }
}
