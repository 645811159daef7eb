using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Moments;

/// <summary>"Today" and "this week" in each viewer's own zone: across a DST change, and for partners 10 hours apart.
/// Each class has its own app (and clock), moved forward to a fixed date.</summary>
public abstract class SupportTimeTestBase(AppFactory app)
{
    protected AppFactory App => app;

    protected void MoveClockTo(DateTime utc)
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        Assert.True(utc >= now, "tests in this class must move the clock forward");
        App.Clock.Advance(utc - now);
    }

    protected Task SetZoneAsync(TestPerson person, string zone)
        => app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, zone)));

    protected Task AddGaveAsync(TestCouple couple, TestPerson author, DateTime at)
        => app.WithDbAsync(async db =>
        {
            db.SupportMoments.Add(new Web.Features.Moments.Data.SupportMoment
            {
                Id = Guid.CreateVersion7(),
                CoupleId = couple.Id,
                AuthorId = author.Id,
                Kind = Domain.Support.MomentKind.Moment,
                Direction = Domain.Support.MomentDirection.Gave,
                Type = Domain.Support.SupportType.Emotional,
                Note = "listened",
                OccurredAtUtc = at,
                CreatedAtUtc = at,
                AuthorTimeZoneId = "UTC",
                Visibility = Domain.Support.Visibility.Shared,
            });
            await db.SaveChangesAsync();
        });
}

public sealed class PartnersTenHoursApartTests(AppFactory app) : SupportTimeTestBase(app), IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_ThisWeek_ForPartnersTenHoursApart_IsEachOnesOwnWeek()
    {
        // Monday 9 March 2026, 05:00 UTC: Monday 05:00 in London, but still Sunday 19:00 in Honolulu (UTC-10).
        MoveClockTo(new DateTime(2026, 3, 9, 5, 0, 0, DateTimeKind.Utc));
        var couple = await App.CreateCoupleAsync();
        await SetZoneAsync(couple.B, "Pacific/Honolulu");
        await AddGaveAsync(couple, couple.B, new DateTime(2026, 3, 8, 20, 0, 0, DateTimeKind.Utc)); // Sunday for both
        await AddGaveAsync(couple, couple.A, new DateTime(2026, 3, 9, 4, 0, 0, DateTimeKind.Utc)); // Monday in London, Sunday in Honolulu

        using var robin = await App.SignedInAsync(couple.A);
        using var sam = await App.SignedInAsync(couple.B);
        var robinHome = await robin.GetPageAsync("/");
        var samHome = await sam.GetPageAsync("/");
        Assert.Equal(("1", "0"), (robinHome.QuerySelector(".week-given-me")!.TextContent.Trim(), robinHome.QuerySelector(".week-given-partner")!.TextContent.Trim()));
        Assert.Equal(("1", "1"), (samHome.QuerySelector(".week-given-me")!.TextContent.Trim(), samHome.QuerySelector(".week-given-partner")!.TextContent.Trim()));
    }
}

public sealed class TodayAcrossDstTests(AppFactory app) : SupportTimeTestBase(app), IClassFixture<AppFactory>
{
    [Fact]
    public async Task B_Today_OnTheDayLondonSpringsForward_EndsAtLocalMidnight()
    {
        MoveClockTo(new DateTime(2026, 3, 29, 9, 0, 0, DateTimeKind.Utc));
        var couple = await App.CreateCoupleAsync();
        using var robin = await App.SignedInAsync(couple.A);
        using var sam = await App.SignedInAsync(couple.B);
        var asked = await robin.PostFormAsync("/Requests/New", ("Input.Need", "A quiet evening"), ("Input.Type", "Companionship"), ("Input.Urgency", "Today"));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var samAsked = await sam.PostFormAsync("/Requests/New", ("Input.Need", "A call"), ("Input.Type", "Emotional"), ("Input.Urgency", "Today"));
        Assert.Equal(HttpStatusCode.Redirect, samAsked.StatusCode);
        // Need is encrypted at rest, so SQL can't order by it: order after decryption.
        var rows = await App.WithDbAsync(db => db.SupportRequests.Where(r => r.CoupleId == couple.Id).Select(r => new { r.Need, r.WindowEndsUtc }).ToListAsync());
        var windows = rows.OrderBy(r => r.Need, StringComparer.Ordinal).Select(r => r.WindowEndsUtc).ToList();
        // Robin (London): midnight BST = 23:00 UTC. Sam (New York, already on summer time): midnight EDT = 04:00 UTC.
        Assert.Equal(new DateTime(2026, 3, 30, 4, 0, 0, DateTimeKind.Utc), windows[0]);
        Assert.Equal(new DateTime(2026, 3, 29, 23, 0, 0, DateTimeKind.Utc), windows[1]);
    }
}

public sealed class WeekAcrossDstTests(AppFactory app) : SupportTimeTestBase(app), IClassFixture<AppFactory>
{
    [Fact]
    public async Task C_ThisWeek_AfterTheDstChange_StartsAtLocalMidnightNotUtcMidnight()
    {
        // Monday 30 March 2026, 00:30 UTC = 01:30 BST. London's week began at 23:00 UTC on Sunday.
        MoveClockTo(new DateTime(2026, 3, 30, 0, 30, 0, DateTimeKind.Utc));
        var couple = await App.CreateCoupleAsync();
        await AddGaveAsync(couple, couple.A, new DateTime(2026, 3, 29, 22, 30, 0, DateTimeKind.Utc)); // Sunday 23:30 BST: last week
        await AddGaveAsync(couple, couple.A, new DateTime(2026, 3, 29, 23, 10, 0, DateTimeKind.Utc)); // Monday 00:10 BST: this week
        using var robin = await App.SignedInAsync(couple.A);
        Assert.Equal("1", (await robin.GetPageAsync("/")).QuerySelector(".week-given-me")!.TextContent.Trim());
    }
}

public sealed class SkippedTimeTests(AppFactory app) : SupportTimeTestBase(app), IClassFixture<AppFactory>
{
    [Fact]
    public async Task D_AMomentAtATimeSkippedByDst_IsStoredJustAfterTheGap()
    {
        MoveClockTo(new DateTime(2026, 3, 30, 12, 0, 0, DateTimeKind.Utc));
        var couple = await App.CreateCoupleAsync();
        using var robin = await App.SignedInAsync(couple.A);
        var response = await robin.PostFormAsync("/Moments", ("Input.Direction", "Gave"), ("Input.Type", "Emotional"), ("Input.Note", "late-night talk"), ("Input.OccurredAt", "2026-03-29T01:30"), ("Input.Visibility", "Shared"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), await App.WithDbAsync(db => db.SupportMoments.Where(m => m.CoupleId == couple.Id).Select(m => m.OccurredAtUtc).SingleAsync()));
    }
}
