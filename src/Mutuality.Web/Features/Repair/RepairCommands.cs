using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Features.Repair.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Repair;

/// <summary>What one partner may know about a conflict: the record, their own side, and the partner's side only once shared.</summary>
public sealed record ConflictView(ConflictRecord Record, ConflictSide? MySide, ConflictSide? PartnerSharedSide, ConflictState State);

/// <summary>The writes of repair after conflict. Each loads the caller's view, asks the domain, then saves.</summary>
public sealed class RepairCommands(AppDbContext db, TimeProvider clock, Notifications.Notices notices)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The conflict as the caller may see it; null when it isn't in their couple (404).</summary>
    public async Task<ConflictView?> LoadAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        if (caller.CoupleId is not { } coupleId)
        {
            return null;
        }

        var record = await db.ConflictRecords.SingleOrDefaultAsync(c => c.Id == id && c.CoupleId == coupleId, ct);
        if (record is null)
        {
            return null;
        }

        // Private sides are filtered by author in the query itself: the partner's draft never leaves the database.
        var sides = await db.ConflictSides
            .Where(s => s.ConflictId == id && s.CoupleId == coupleId && (s.AuthorId == caller.UserId || s.SharedAtUtc != null))
            .ToListAsync(ct);
        var mine = sides.SingleOrDefault(s => s.AuthorId == caller.UserId);
        var theirs = sides.SingleOrDefault(s => s.AuthorId != caller.UserId);
        var state = new ConflictState(
            record.Status,
            mine is null ? SideStatus.None : mine.SharedAtUtc is null ? SideStatus.Draft : SideStatus.Shared,
            theirs is null ? SideStatus.None : SideStatus.Shared,
            record.BreakEndsAtUtc);
        return new ConflictView(record, mine, theirs, state);
    }

    public async Task<Result<Guid>> OpenAsync(Caller caller, string? title, CancellationToken ct = default)
    {
        var checkedTitle = Conflicts.ValidateTitle(title);
        if (!checkedTitle.IsSuccess)
        {
            return checkedTitle.Error!;
        }

        var record = new ConflictRecord
        {
            Id = Guid.CreateVersion7(),
            CoupleId = caller.CoupleId!.Value,
            OpenedById = caller.UserId,
            Title = checkedTitle.Value,
            OpenedAtUtc = Now,
            Status = ConflictStatus.Open,
        };
        db.ConflictRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(record.Id);
    }

    /// <summary>Saves the caller's own side; with <paramref name="share"/> it is shared too (all four parts needed).</summary>
    public async Task<IReadOnlyList<DomainError>> SaveSideAsync(Caller caller, ConflictView view, string? feelings, string? sawIt, string? myImpact, string? yourImpact, bool share, CancellationToken ct = default)
    {
        var (text, errors) = Conflicts.WriteSide(view.State, feelings, sawIt, myImpact, yourImpact);
        if (text is null)
        {
            return errors;
        }

        if (share && Conflicts.CanShare(view.State with { MySide = SideStatus.Draft }, text) is { } cannot)
        {
            return [cannot];
        }

        var side = view.MySide;
        if (side is null)
        {
            side = new ConflictSide { Id = Guid.CreateVersion7(), ConflictId = view.Record.Id, CoupleId = view.Record.CoupleId, AuthorId = caller.UserId };
            db.ConflictSides.Add(side);
        }

        side.FeelingsAndNeeds = text.FeelingsAndNeeds;
        side.HowYouSawIt = text.HowYouSawIt;
        side.MyImpactOnYou = text.MyImpactOnYou;
        side.YourImpactOnMe = text.YourImpactOnMe;
        side.UpdatedAtUtc = Now;
        if (share)
        {
            side.SharedAtUtc = Now;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person saved their side twice at the same moment (one side per person per conflict).
            db.ChangeTracker.Clear();
            return [Monthly.MonthlyCommands.SavedTwice];
        }

        if (share && caller.PartnerId is { } partner)
        {
            await notices.NotifyAsync(partner, Domain.Notifications.NoticeKind.ConflictSideShared, caller.UserId, $"/Repair/Conflict/{view.Record.Id}", ct: ct);
        }

        return [];
    }

    public async Task<DomainError?> AttemptAsync(Caller caller, ConflictView view, string? kind, string? text, CancellationToken ct = default)
    {
        var now = Now;
        var attempt = Conflicts.Attempt(view.State, kind, text, now);
        if (!attempt.IsSuccess)
        {
            return attempt.Error;
        }

        db.RepairAttempts.Add(new RepairAttempt
        {
            Id = Guid.CreateVersion7(),
            ConflictId = view.Record.Id,
            CoupleId = view.Record.CoupleId,
            AuthorId = caller.UserId,
            Kind = attempt.Value.Kind,
            Text = attempt.Value.Text,
            SentAtUtc = now,
            BreakEndsAtUtc = attempt.Value.BreakEndsAtUtc,
        });
        if (attempt.Value.BreakEndsAtUtc is { } ends)
        {
            view.Record.BreakEndsAtUtc = ends;
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Resolves an open conflict with an agreement (who, what, by when), in one transaction.</summary>
    public async Task<IReadOnlyList<DomainError>> ResolveAsync(Caller caller, ConflictView view, string? who, string? what, DateOnly? dueOn, CancellationToken ct = default)
    {
        if (Conflicts.CanResolve(view.State) is { } cannot)
        {
            return [cannot];
        }

        var today = TimeZones.LocalDay(Now, TimeZones.FindOrUtc(caller.TimeZoneId));
        var (agreement, errors) = Agreements.Create(who, what, dueOn, caller.UserId, caller.PartnerId!.Value, today);
        if (agreement is null)
        {
            return errors;
        }

        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.ConflictRecords
            .Where(c => c.Id == view.Record.Id && c.CoupleId == view.Record.CoupleId && c.Status == ConflictStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ConflictStatus.Resolved).SetProperty(c => c.ResolvedAtUtc, now).SetProperty(c => c.ResolvedById, caller.UserId), ct);
        if (changed == 0)
        {
            await tx.RollbackAsync(ct);
            return [Conflicts.AlreadyResolved];
        }

        db.RitualAgreements.Add(new RitualAgreement
        {
            Id = Guid.CreateVersion7(),
            CoupleId = view.Record.CoupleId,
            CreatedById = caller.UserId,
            OwnerId = agreement.OwnerId,
            What = agreement.What,
            DueOn = agreement.DueOn,
            CreatedAtUtc = now,
            ConflictId = view.Record.Id,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return [];
    }

    public async Task SaveReflectionsAsync(Guid authorId, string guide, IReadOnlyDictionary<string, string> texts, CancellationToken ct = default)
    {
        var existing = await db.GuideReflections.Where(r => r.AuthorId == authorId && r.Guide == guide).ToListAsync(ct);
        foreach (var (key, text) in texts)
        {
            var row = existing.SingleOrDefault(r => r.PromptKey == key);
            if (row is null)
            {
                if (text.Length == 0)
                {
                    continue;
                }

                row = new GuideReflection { Id = Guid.CreateVersion7(), AuthorId = authorId, Guide = guide, PromptKey = key };
                db.GuideReflections.Add(row);
            }

            row.Text = text;
            row.UpdatedAtUtc = Now;
        }

        await db.SaveChangesAsync(ct);
    }
}
