using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Data;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>
/// The numbers kept beside each encrypted check-in for the measures (the six ratings; M5 agreement once both have
/// sent). Check-ins own them; the insights and the form ask for them to be filled.
/// </summary>
public sealed class CheckInFacts(AppDbContext db, ILogger<CheckInFacts> logger)
{
    /// <summary>
    /// Copies the numbers the insights need (the six ratings, and M5 agreement once both have sent) out of the encrypted
    /// check-ins in the period that have not been read yet. Each check-in is read once; later loads find nothing to do.
    /// A check-in sent through the form is filled at once; rows written any other way (demo, import, bench) on first view.
    /// </summary>
    public async Task<int> FillAsync(Guid couple, DateOnly fromDay, DateOnly toDay, CancellationToken ct)
    {
        var pending = await db.CheckIns
            .Where(c => c.CoupleId == couple && c.PeriodStart >= fromDay && c.PeriodStart < toDay && c.SubmittedAtUtc != null
                && (c.FactsState == null || (c.FactsState == 1 && !c.Imported && db.CheckIns.Any(p => p.CoupleId == couple && p.Cadence == c.Cadence && p.PeriodStart == c.PeriodStart
                    && p.AuthorId != c.AuthorId && p.SubmittedAtUtc != null && !p.Imported))))
            .ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var starts = pending.Select(c => c.PeriodStart).Distinct().ToList();
        var pendingIds = pending.Select(c => c.Id).ToHashSet();
        var others = await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == couple && c.SubmittedAtUtc != null && starts.Contains(c.PeriodStart))
            .Select(c => new { c.Id, c.AuthorId, c.Cadence, c.PeriodStart, c.ContentJson, c.Imported })
            .ToListAsync(ct);
        var contents = others.ToDictionary(c => c.Id, c => CheckInJson.Read(c.ContentJson));
        foreach (var c in pending)
        {
            var mine = contents.TryGetValue(c.Id, out var content) ? content : CheckInJson.Read(c.ContentJson);
            c.MeSupported = mine.Me.Ratings.Supported;
            c.MeAbleToGive = mine.Me.Ratings.AbleToGive;
            c.MeStress = mine.Me.Ratings.Stress;
            c.GuessSupported = mine.Guess.Ratings.Supported;
            c.GuessAbleToGive = mine.Guess.Ratings.AbleToGive;
            c.GuessStress = mine.Guess.Ratings.Stress;
            // An imported check-in is its author's own history: it never pairs with the partner's (docs/privacy.md).
            var theirs = c.Imported ? null
                : others.FirstOrDefault(o => o.Cadence == c.Cadence && o.PeriodStart == c.PeriodStart && o.AuthorId != c.AuthorId && !o.Imported && !pendingIds.Contains(o.Id))
                ?? others.FirstOrDefault(o => o.Cadence == c.Cadence && o.PeriodStart == c.PeriodStart && o.AuthorId != c.AuthorId && !o.Imported);
            if (theirs is null)
            {
                c.FactsState = 1;
                continue;
            }

            c.GuessAgreement = Agreement.Compute(mine.Guess, contents[theirs.Id].Me).Overall;
            c.FactsState = 2;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (Infrastructure.Hosting.StorageUnavailable.IsStorageAway(e))
        {
            // A write on a read: when the database takes no writes, the insights show what is already stored and these
            // check-ins are read on a later visit (issue 20).
            logger.LogWarning("Could not store the numbers of {Count} check-ins for the insights ({Reason}); showing what is stored", pending.Count, e.GetBaseException().Message);
            db.ChangeTracker.Clear();
            return 0;
        }

        db.ChangeTracker.Clear();
        return pending.Count;
    }
}
