using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Monthly;

/// <summary>What a person writes to prepare for this month's check-in.</summary>
public sealed class PreparationInput
{
    public string? Appreciations { get; set; }

    public string? WentWell { get; set; }

    public string? HardThing { get; set; }

    public string? NeedNextMonth { get; set; }
}

/// <summary>Saving (and perhaps sharing) one's own preparation (issue 19 item 2: one use case, one file).</summary>
public sealed class SavePreparation(AppDbContext db, ThisMonth thisMonth)
{
    /// <summary>Sharing also needs something written. Nothing is stored on any error.</summary>
    public async Task<Result> HandleAsync(Caller caller, PreparationInput input, bool share, CancellationToken ct = default)
    {
        var (text, errors) = Preparation.Validate(input.Appreciations, input.WentWell, input.HardThing, input.NeedNextMonth);
        if (text is null)
        {
            return Result.Fail(errors);
        }

        if (share && Preparation.CanShare(text) is { } cannot)
        {
            return cannot;
        }

        var now = thisMonth.Now;
        var checkIn = await thisMonth.CheckInAsync(caller, ct);
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
        prep.UpdatedAtUtc = now;
        if (share)
        {
            prep.SharedAtUtc ??= now;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person saved twice at the same moment (one row per person per check-in).
            db.ChangeTracker.Clear();
            return MonthlyErrors.SavedTwice;
        }

        return Result.Ok;
    }
}
