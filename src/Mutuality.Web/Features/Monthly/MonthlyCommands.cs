using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Monthly;

/// <summary>The writes of the monthly check-in. Each loads state within the caller's couple, asks the domain, then saves.</summary>
public sealed class MonthlyCommands(AppDbContext db, TimeProvider clock)
{
    public static readonly DomainError Moved = new("talk.moved", "Your partner moved the conversation on a moment ago — here's where you are now.");

    public static readonly DomainError SavedTwice = new("save.conflict", "This was saved twice at the same moment. Please check it and save again.");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly CurrentMonth(Caller caller) => caller.CoupleMonth(Now);

    public DateOnly Today(Caller caller) => TimeZones.LocalDay(Now, TimeZones.FindOrUtc(caller.TimeZoneId));

    public async Task<DomainError?> SetDayAsync(Caller caller, int? day, CancellationToken ct = default)
    {
        var checkedDay = MonthlyRhythm.ValidateDay(day);
        if (!checkedDay.IsSuccess)
        {
            return checkedDay.Error;
        }

        var coupleId = caller.CoupleId!.Value;
        var existing = await db.MonthlyRhythms.SingleOrDefaultAsync(r => r.CoupleId == coupleId, ct);
        if (existing is null)
        {
            db.MonthlyRhythms.Add(new MonthlyRhythmSetting { CoupleId = coupleId, DayOfMonth = checkedDay.Value, ChosenById = caller.UserId, UpdatedAtUtc = Now });
        }
        else
        {
            existing.DayOfMonth = checkedDay.Value;
            existing.ChosenById = caller.UserId;
            existing.UpdatedAtUtc = Now;
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>This month's check-in for the caller's couple, made on first use. Two partners racing both get the same row.</summary>
    public async Task<MonthlyCheckIn> CurrentCheckInAsync(Caller caller, CancellationToken ct = default)
    {
        var coupleId = caller.CoupleId!.Value;
        var month = CurrentMonth(caller);
        var existing = await db.MonthlyCheckIns.SingleOrDefaultAsync(c => c.CoupleId == coupleId && c.Month == month, ct);
        if (existing is not null)
        {
            return existing;
        }

        var created = new MonthlyCheckIn { Id = Guid.CreateVersion7(), CoupleId = coupleId, Month = month, CreatedAtUtc = Now };
        db.MonthlyCheckIns.Add(created);
        try
        {
            await db.SaveChangesAsync(ct);
            return created;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.MonthlyCheckIns.SingleAsync(c => c.CoupleId == coupleId && c.Month == month, ct);
        }
    }

    /// <summary>Saves the caller's own preparation; sharing also needs something written. Nothing is stored on any error.</summary>
    public async Task<IReadOnlyList<DomainError>> SavePreparationAsync(Caller caller, string? appreciations, string? wentWell, string? hardThing, string? need, bool share, CancellationToken ct = default)
    {
        var (text, errors) = Preparation.Validate(appreciations, wentWell, hardThing, need);
        if (text is null)
        {
            return errors;
        }

        if (share && Preparation.CanShare(text) is { } cannot)
        {
            return [cannot];
        }

        var checkIn = await CurrentCheckInAsync(caller, ct);
        var prep = await db.MonthlyPreparations.SingleOrDefaultAsync(p => p.CheckInId == checkIn.Id && p.AuthorId == caller.UserId, ct);
        if (prep is null)
        {
            prep = new MonthlyPreparation { Id = Guid.CreateVersion7(), CheckInId = checkIn.Id, CoupleId = checkIn.CoupleId, AuthorId = caller.UserId };
            db.MonthlyPreparations.Add(prep);
        }

        prep.Appreciations = text.Appreciations;
        prep.WentWell = text.WentWell;
        prep.HardThing = text.HardThing;
        prep.NeedNextMonth = text.NeedNextMonth;
        prep.UpdatedAtUtc = Now;
        if (share)
        {
            prep.SharedAtUtc ??= Now;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person saved twice at the same moment (one row per person per check-in).
            db.ChangeTracker.Clear();
            return [SavedTwice];
        }

        return [];
    }

    public async Task StartTalkAsync(Caller caller, CancellationToken ct = default)
    {
        var checkIn = await CurrentCheckInAsync(caller, ct);
        var now = Now;
        await db.MonthlyCheckIns
            .Where(c => c.Id == checkIn.Id && c.StarterId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StarterId, caller.UserId).SetProperty(c => c.TalkStartedAtUtc, now)
                .SetProperty(c => c.TopicIndex, 0).SetProperty(c => c.Speaker, TalkSpeaker.Starter), ct);
    }

    /// <summary>
    /// Moves the talk one turn forward or back. The form carries the turn it was showing, so two phones
    /// pressing at once move it only once (a conditional update).
    /// </summary>
    public async Task<DomainError?> MoveAsync(Caller caller, bool forward, int shownTopic, TalkSpeaker shownSpeaker, bool shownFinished, CancellationToken ct = default)
    {
        var checkIn = await CurrentCheckInAsync(caller, ct);
        if (checkIn.StarterId is null)
        {
            return null;
        }

        var position = Position(checkIn);
        if (position != new TalkPosition(shownTopic, shownSpeaker, shownFinished))
        {
            return Moved;
        }

        var moved = forward ? TalkMode.Next(position, Breaks.IsRunning(checkIn.BreakEndsAtUtc, Now)) : TalkMode.Back(position);
        if (!moved.IsSuccess)
        {
            return moved.Error;
        }

        var next = moved.Value;
        DateTime? finishedAt = next.Finished ? Now : null;
        var changed = await db.MonthlyCheckIns
            .Where(c => c.Id == checkIn.Id && c.TopicIndex == position.TopicIndex && c.Speaker == position.Speaker && (c.FinishedAtUtc != null) == position.Finished)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TopicIndex, next.TopicIndex).SetProperty(c => c.Speaker, next.Speaker).SetProperty(c => c.FinishedAtUtc, finishedAt), ct);
        return changed == 1 ? null : Moved;
    }

    public async Task<DomainError?> PauseAsync(Caller caller, CancellationToken ct = default)
    {
        var checkIn = await CurrentCheckInAsync(caller, ct);
        var started = Breaks.Start(checkIn.BreakEndsAtUtc, Now);
        if (!started.IsSuccess)
        {
            return started.Error;
        }

        checkIn.BreakEndsAtUtc = started.Value;
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task ResumeAsync(Caller caller, CancellationToken ct = default)
    {
        var checkIn = await CurrentCheckInAsync(caller, ct);
        checkIn.BreakEndsAtUtc = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records an agreement in the caller's couple, at a check-in or as the end of a conflict.</summary>
    public async Task<IReadOnlyList<DomainError>> AddAgreementAsync(Caller caller, string? who, string? what, DateOnly? dueOn, Guid? checkInId, Guid? conflictId, CancellationToken ct = default)
    {
        var (agreement, errors) = Agreements.Create(who, what, dueOn, caller.UserId, caller.PartnerId!.Value, Today(caller));
        if (agreement is null)
        {
            return errors;
        }

        db.RitualAgreements.Add(New(caller, agreement.OwnerId, agreement.What, agreement.DueOn, checkInId, conflictId, carriedFrom: null));
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Looks back on an open agreement of the caller's couple. Null result = no such agreement there (404).</summary>
    public async Task<Result<bool>?> ReviewAsync(Caller caller, Guid agreementId, string? outcome, bool carryOn, CancellationToken ct = default)
    {
        var coupleId = caller.CoupleId!.Value;
        var agreement = await db.RitualAgreements.SingleOrDefaultAsync(a => a.Id == agreementId && a.CoupleId == coupleId, ct);
        if (agreement is null)
        {
            return null;
        }

        var review = Agreements.Review(new AgreementState(agreement.Outcome), outcome, carryOn);
        if (!review.IsSuccess)
        {
            return Result<bool>.Fail(review.Error!);
        }

        var checkIn = await CurrentCheckInAsync(caller, ct);
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.RitualAgreements
            .Where(a => a.Id == agreementId && a.CoupleId == coupleId && a.Outcome == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Outcome, review.Value.Outcome).SetProperty(a => a.CarriedOn, review.Value.CarryOn)
                .SetProperty(a => a.ReviewedAtUtc, now).SetProperty(a => a.ReviewedById, caller.UserId), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct);
            return Result<bool>.Fail(Agreements.AlreadyReviewed);
        }

        if (review.Value.CarryOn)
        {
            db.RitualAgreements.Add(New(caller, agreement.OwnerId, agreement.What, null, checkIn.Id, null, agreement.Id));
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return Result<bool>.Ok(true);
    }

    public static TalkPosition Position(MonthlyCheckIn c) => new(c.TopicIndex, c.Speaker, c.FinishedAtUtc is not null);

    private RitualAgreement New(Caller caller, Guid? owner, string what, DateOnly? due, Guid? checkInId, Guid? conflictId, Guid? carriedFrom) => new()
    {
        Id = Guid.CreateVersion7(),
        CoupleId = caller.CoupleId!.Value,
        CreatedById = caller.UserId,
        OwnerId = owner,
        What = what,
        DueOn = due,
        CreatedAtUtc = Now,
        CheckInId = checkInId,
        ConflictId = conflictId,
        CarriedOnFromId = carriedFrom,
    };
}
