using Mutuality.Domain.Common;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Repair.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Repair;

/// <summary>A repair attempt: its kind and, perhaps, a few words.</summary>
public sealed class AttemptInput
{
    public string? Kind { get; set; }

    public string? Text { get; set; }
}

/// <summary>Sending a repair attempt, which may start a break (issue 19 item 2: one use case, one file).</summary>
public sealed class SendRepairAttempt(AppDbContext db, TimeProvider clock)
{
    public async Task<Result> HandleAsync(Caller caller, ConflictView view, AttemptInput input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = Conflicts.Attempt(view.State, input.Kind, input.Text, now);
        if (!attempt.IsSuccess)
        {
            return Result.Fail(attempt.Errors);
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
        return Result.Ok;
    }
}
