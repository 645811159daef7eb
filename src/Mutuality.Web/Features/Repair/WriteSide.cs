using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Repair.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Repair;

/// <summary>One partner's side of a conflict, in four parts.</summary>
public sealed class SideInput
{
    public string? FeelingsAndNeeds { get; set; }

    public string? HowYouSawIt { get; set; }

    public string? MyImpactOnYou { get; set; }

    public string? YourImpactOnMe { get; set; }
}

/// <summary>Writing one's own side, privately or shared (issue 19 item 2: one use case, one file).</summary>
public sealed class WriteSide(AppDbContext db, TimeProvider clock, Notifications.Notices notices)
{
    /// <summary>Saves the caller's own side; with <paramref name="share"/> it is shared too (all four parts needed).</summary>
    public async Task<Result> HandleAsync(Caller caller, ConflictView view, SideInput input, bool share, CancellationToken ct = default)
    {
        var (text, errors) = Conflicts.WriteSide(view.State, input.FeelingsAndNeeds, input.HowYouSawIt, input.MyImpactOnYou, input.YourImpactOnMe);
        if (text is null)
        {
            return Result.Fail(errors);
        }

        if (share && Conflicts.CanShare(view.State with { MySide = SideStatus.Draft }, text) is { } cannot)
        {
            return cannot;
        }

        var now = clock.GetUtcNow().UtcDateTime;
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
        side.UpdatedAtUtc = now;
        if (share)
        {
            side.SharedAtUtc = now;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person saved their side twice at the same moment (one side per person per conflict).
            db.ChangeTracker.Clear();
            return RepairErrors.SavedTwice;
        }

        if (share && caller.PartnerId is { } partner)
        {
            await notices.NotifyAsync(partner, Domain.Notifications.NoticeKind.ConflictSideShared, caller.UserId, $"/Repair/Conflict/{view.Record.Id}", ct: ct);
        }

        return Result.Ok;
    }
}
