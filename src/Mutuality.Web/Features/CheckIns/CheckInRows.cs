using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>The one write of a person's own check-in row, shared by <see cref="SaveDraft"/> and <see cref="SendCheckIn"/>.</summary>
internal static class CheckInRows
{
    /// <summary>
    /// Writes the content of the caller's unsent check-in for the period (made on first use), and sends it when
    /// <paramref name="sentAt"/> is given. False when it was already sent: single sending is enforced by the database,
    /// as only a row still unsent is updated, and the unique (author, period) index refuses a second row.
    /// </summary>
    public static async Task<bool> WriteUnsentAsync(AppDbContext db, Caller caller, CheckInPeriod period, string json, DateTime now, DateTime? sentAt, CancellationToken ct)
    {
        var unsent = db.CheckIns.Where(c => c.CoupleId == caller.CoupleId && c.AuthorId == caller.UserId && c.Cadence == (int)period.Cadence
            && c.PeriodStart == period.Start && c.SubmittedAtUtc == null);
        var updated = sentAt is null
            ? await unsent.ExecuteUpdateAsync(s => s.SetProperty(c => c.ContentJson, json).SetProperty(c => c.UpdatedAtUtc, now), ct)
            : await unsent.ExecuteUpdateAsync(s => s.SetProperty(c => c.ContentJson, json).SetProperty(c => c.UpdatedAtUtc, now)
                .SetProperty(c => c.SubmittedAtUtc, sentAt).SetProperty(c => c.Imported, false), ct);
        if (updated > 0)
        {
            return true;
        }

        if (await db.CheckIns.AnyAsync(c => c.CoupleId == caller.CoupleId && c.AuthorId == caller.UserId && c.Cadence == (int)period.Cadence && c.PeriodStart == period.Start, ct))
        {
            return false;
        }

        db.CheckIns.Add(new CheckInEntry
        {
            Id = Guid.CreateVersion7(),
            CoupleId = caller.CoupleId!.Value,
            AuthorId = caller.UserId,
            Cadence = (int)period.Cadence,
            PeriodStart = period.Start,
            PeriodLabel = period.Label,
            ContentJson = json,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            SubmittedAtUtc = sentAt,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique (author, period) index: another request made it a moment ago.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
