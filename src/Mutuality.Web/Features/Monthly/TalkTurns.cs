using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Monthly;

/// <summary>
/// Talk mode's turns (issue 19 item 2: one use case, one file): starting the talk, moving a turn forward or back,
/// a break and coming back from it. Each is a conditional update, so two phones pressing at once move it only once.
/// </summary>
public sealed class TalkTurns(AppDbContext db, ThisMonth thisMonth)
{
    public async Task<Result> StartAsync(Caller caller, CancellationToken ct = default)
    {
        var checkIn = await thisMonth.CheckInAsync(caller, ct);
        var now = thisMonth.Now;
        await db.MonthlyCheckIns
            .Where(c => c.Id == checkIn.Id && c.StarterId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StarterId, caller.UserId).SetProperty(c => c.TalkStartedAtUtc, now)
                .SetProperty(c => c.TopicIndex, 0).SetProperty(c => c.Speaker, TalkSpeaker.Starter), ct);
        return Result.Ok;
    }

    /// <summary>Moves the talk one turn. The form carries the turn it was showing: a press on an older turn is refused.</summary>
    public async Task<Result> MoveAsync(Caller caller, bool forward, TalkPosition shown, CancellationToken ct = default)
    {
        var checkIn = await thisMonth.CheckInAsync(caller, ct);
        if (checkIn.StarterId is null)
        {
            return Result.Ok;
        }

        var position = ThisMonth.Position(checkIn);
        if (position != shown)
        {
            return MonthlyErrors.Moved;
        }

        var now = thisMonth.Now;
        var moved = forward ? TalkMode.Next(position, Breaks.IsRunning(checkIn.BreakEndsAtUtc, now)) : TalkMode.Back(position);
        if (!moved.IsSuccess)
        {
            return Result.Fail(moved.Errors);
        }

        var next = moved.Value;
        DateTime? finishedAt = next.Finished ? now : null;
        var changed = await db.MonthlyCheckIns
            .Where(c => c.Id == checkIn.Id && c.TopicIndex == position.TopicIndex && c.Speaker == position.Speaker && (c.FinishedAtUtc != null) == position.Finished)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TopicIndex, next.TopicIndex).SetProperty(c => c.Speaker, next.Speaker).SetProperty(c => c.FinishedAtUtc, finishedAt), ct);
        return changed == 1 ? Result.Ok : MonthlyErrors.Moved;
    }

    public async Task<Result> PauseAsync(Caller caller, CancellationToken ct = default)
    {
        var checkIn = await thisMonth.CheckInAsync(caller, ct);
        var started = Breaks.Start(checkIn.BreakEndsAtUtc, thisMonth.Now);
        if (!started.IsSuccess)
        {
            return Result.Fail(started.Errors);
        }

        checkIn.BreakEndsAtUtc = started.Value;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    public async Task<Result> ResumeAsync(Caller caller, CancellationToken ct = default)
    {
        var checkIn = await thisMonth.CheckInAsync(caller, ct);
        checkIn.BreakEndsAtUtc = null;
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
