using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Home;

/// <summary>One step of a new couple's first week: what to do, where, and whether it is done already.</summary>
public sealed record FirstStep(string Key, string Text, string Url, bool Done);

/// <summary>
/// Issue 16: the "first steps" card after joining. Each step ticks itself off from what the person (or, for the
/// couple's shared choices, either partner) has already done; once every step is done — or the person's first
/// <see cref="ShownFor"/> in the couple have passed — the card is gone for good, with nothing stored for it.
/// </summary>
public sealed class FirstSteps(AppDbContext db, TimeProvider clock)
{
    /// <summary>How long after joining the card is offered: a new couple's first weeks, not a settled couple's home.</summary>
    public static readonly TimeSpan ShownFor = TimeSpan.FromDays(28);

    public async Task<IReadOnlyList<FirstStep>> ForAsync(Caller caller, CancellationToken ct = default)
    {
        if (caller.CoupleId is not { } coupleId || !caller.HasPartner)
        {
            return [];
        }

        // One round trip for all five (the home page asks on every visit, also long after the card is gone).
        var me = caller.UserId;
        var done = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => new
        {
            Joined = db.CoupleMembers.Where(m => m.UserId == me && m.CoupleId == coupleId && m.LeftAtUtc == null).Select(m => (DateTime?)m.JoinedAtUtc).FirstOrDefault(),
            Rhythm = db.CheckInCoupleSettings.Any(s => s.CoupleId == coupleId) || db.CheckInPersonSettings.Any(s => s.UserId == me),
            Moment = db.SupportMoments.Any(m => m.CoupleId == coupleId && m.AuthorId == me && m.Kind == MomentKind.Moment),
            Pebble = db.SupportMoments.Any(m => m.CoupleId == coupleId && m.AuthorId == me && m.Kind == MomentKind.Pebble),
            Monthly = db.MonthlyRhythms.Any(r => r.CoupleId == coupleId),
            Notifications = db.PushDevices.Any(d => d.UserId == me) || db.NotificationPreferences.Any(p => p.UserId == me),
        }).FirstOrDefaultAsync(ct);
        if (done is null || done.Joined is not { } joined || clock.GetUtcNow().UtcDateTime - joined > ShownFor)
        {
            return [];
        }

        var partner = caller.PartnerName ?? "your partner";
        return
        [
            new("rhythm", "Choose your check-in rhythm and a reminder time", "/CheckIns/Settings", done.Rhythm),
            new("moment", "Record a first moment of support", "/Moments", done.Moment),
            new("pebble", $"Send {partner} a pebble", "/Moments/Pebble", done.Pebble),
            new("monthly", "Pick your day for the monthly check-in", "/Monthly", done.Monthly),
            new("notifications", "Choose what notifies you (on this phone too)", "/Account/Manage/Notifications", done.Notifications),
        ];
    }
}

/// <summary>The first-steps card on the couple's home (the view renders what <see cref="FirstSteps"/> found).</summary>
public sealed class FirstStepsViewComponent(FirstSteps steps) : Microsoft.AspNetCore.Mvc.ViewComponent
{
    public async Task<Microsoft.AspNetCore.Mvc.IViewComponentResult> InvokeAsync(Caller caller)
        => View("/Features/Home/_FirstSteps.cshtml", await steps.ForAsync(caller));
}
