using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Common;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>The couple's cadence (one proposes, the other agrees) and each person's own reminder time.</summary>
public sealed class CheckInSettingsService(AppDbContext db, TimeProvider clock)
{
    public sealed record CadenceState(Cadence Cadence, Cadence? Proposed, bool ProposedByMe);

    public async Task<CadenceState> CadenceAsync(Caller caller, CancellationToken ct = default)
    {
        var s = await db.CheckInCoupleSettings.AsNoTracking().SingleOrDefaultAsync(x => x.CoupleId == caller.CoupleId, ct);
        return s is null
            ? new CadenceState(Cadence.Daily, null, false)
            : new CadenceState((Cadence)s.Cadence, s.ProposedCadence is { } p ? (Cadence)p : null, s.ProposedByUserId == caller.UserId);
    }

    /// <summary>Proposes a cadence; the partner's agreement makes it the couple's.</summary>
    public async Task<Result<bool>> ProposeAsync(Caller caller, Cadence cadence, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(cadence))
        {
            return new DomainError("cadence.unknown", "How often: choose daily or weekly.", "Cadence");
        }

        var s = await LoadOrNewAsync(caller, ct);
        if ((Cadence)s.Cadence == cadence)
        {
            s.ProposedCadence = null;
            s.ProposedByUserId = null;
        }
        else
        {
            s.ProposedCadence = (int)cadence;
            s.ProposedByUserId = caller.UserId;
        }

        s.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>Agrees to the partner's proposal (never one's own).</summary>
    public async Task<Result<bool>> AgreeAsync(Caller caller, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.CheckInCoupleSettings
            .Where(s => s.CoupleId == caller.CoupleId && s.ProposedCadence != null && s.ProposedByUserId != null && s.ProposedByUserId != caller.UserId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Cadence, s => s.ProposedCadence!.Value).SetProperty(s => s.ProposedCadence, (int?)null).SetProperty(s => s.ProposedByUserId, (Guid?)null).SetProperty(s => s.UpdatedAtUtc, now), ct);
        return changed == 1
            ? Result<bool>.Ok(true)
            : new DomainError("cadence.nothing_to_agree", "There is no change from your partner waiting for you.");
    }

    public async Task<TimeOnly?> ReminderAsync(Caller caller, CancellationToken ct = default)
        => await db.CheckInPersonSettings.AsNoTracking().Where(s => s.UserId == caller.UserId && s.CoupleId == caller.CoupleId).Select(s => s.ReminderTime).SingleOrDefaultAsync(ct);

    public async Task<bool> EmailRemindersAsync(Caller caller, CancellationToken ct = default)
        => await db.CheckInPersonSettings.AsNoTracking().AnyAsync(s => s.UserId == caller.UserId && s.CoupleId == caller.CoupleId && s.EmailReminders, ct);

    public async Task SetReminderAsync(Caller caller, TimeOnly? time, bool email = false, CancellationToken ct = default)
    {
        var s = await db.CheckInPersonSettings.SingleOrDefaultAsync(x => x.UserId == caller.UserId, ct);
        if (s is null)
        {
            s = new CheckInPersonSettings { UserId = caller.UserId };
            db.CheckInPersonSettings.Add(s);
        }

        s.CoupleId = caller.CoupleId!.Value;
        s.ReminderTime = time;
        s.EmailReminders = email && time is not null;
        s.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private async Task<CheckInCoupleSettings> LoadOrNewAsync(Caller caller, CancellationToken ct)
    {
        var s = await db.CheckInCoupleSettings.SingleOrDefaultAsync(x => x.CoupleId == caller.CoupleId, ct);
        if (s is null)
        {
            s = new CheckInCoupleSettings { CoupleId = caller.CoupleId!.Value, Cadence = (int)Cadence.Daily };
            db.CheckInCoupleSettings.Add(s);
        }

        return s;
    }
}
