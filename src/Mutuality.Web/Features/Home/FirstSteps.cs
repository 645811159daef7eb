using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Home;

/// <summary>One step of a new couple's first week: what to do, where, and whether it is done already.</summary>
public sealed record FirstStep(string Key, string Text, string Url, bool Done);

/// <summary>
/// Issue 16: the "first steps" card after joining. Each step ticks itself off from what the person (or, for the
/// couple's shared choices, either partner) has already done; once every step is done the card is gone for good,
/// with nothing stored for it.
/// </summary>
public sealed class FirstSteps(AppDbContext db)
{
    public async Task<IReadOnlyList<FirstStep>> ForAsync(Caller caller, CancellationToken ct = default)
    {
        if (caller.CoupleId is not { } coupleId || !caller.HasPartner)
        {
            return [];
        }

        var me = caller.UserId;
        var rhythm = await db.CheckInCoupleSettings.AsNoTracking().AnyAsync(s => s.CoupleId == coupleId, ct)
            || await db.CheckInPersonSettings.AsNoTracking().AnyAsync(s => s.UserId == me, ct);
        var moment = await db.SupportMoments.AsNoTracking().AnyAsync(m => m.CoupleId == coupleId && m.AuthorId == me && m.Kind == MomentKind.Moment, ct);
        var pebble = await db.SupportMoments.AsNoTracking().AnyAsync(m => m.CoupleId == coupleId && m.AuthorId == me && m.Kind == MomentKind.Pebble, ct);
        var monthly = await db.MonthlyRhythms.AsNoTracking().AnyAsync(r => r.CoupleId == coupleId, ct);
        var notifications = await db.PushDevices.AsNoTracking().AnyAsync(d => d.UserId == me, ct)
            || await db.NotificationPreferences.AsNoTracking().AnyAsync(p => p.UserId == me, ct);
        var partner = caller.PartnerName ?? "your partner";
        return
        [
            new("rhythm", "Choose your check-in rhythm and a reminder time", "/CheckIns/Settings", rhythm),
            new("moment", "Record a first moment of support", "/Moments", moment),
            new("pebble", $"Send {partner} a pebble", "/Moments/Pebble", pebble),
            new("monthly", "Pick your day for the monthly check-in", "/Monthly", monthly),
            new("notifications", "Choose what notifies you (on this phone too)", "/Account/Manage/Notifications", notifications),
        ];
    }
}
