using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>The caller's own check-in for a period (null when they have not started it).</summary>
public sealed record OwnCheckIn(Guid Id, CheckInPeriod Period, bool Submitted, CheckInContent Content, DateTime UpdatedAtUtc);

/// <summary>A reveal both partners can see: my check-in, what I may see of theirs, and the replies on both.</summary>
public sealed record RevealView(OwnCheckIn Mine, PartnerView Partner, Guid? PartnerCheckInId, IReadOnlyList<CheckInReply> Replies);

/// <summary>
/// The reads of check-ins that its pages and use cases share. Every read of a partner's check-in goes through
/// <see cref="PartnerViewAsync"/>, which asks the domain's <see cref="SealedReveal"/> rule: this is the one place the
/// seal is enforced. The writes are one file a use case (<see cref="SaveDraft"/>, <see cref="SendCheckIn"/>,
/// <see cref="ReplyToCheckIn"/>).
/// </summary>
public sealed class CheckInQueries(AppDbContext db, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Cadence> CadenceAsync(Guid coupleId, CancellationToken ct = default)
    {
        var value = await db.CheckInCoupleSettings.AsNoTracking().Where(s => s.CoupleId == coupleId).Select(s => (int?)s.Cadence).SingleOrDefaultAsync(ct);
        return value is 2 ? Cadence.Weekly : Cadence.Daily;
    }

    public async Task<CheckInPeriod> CurrentPeriodAsync(Caller caller, CancellationToken ct = default)
        => Periods.Current(await CadenceAsync(caller.CoupleId!.Value, ct), Now, TimeZones.FindOrUtc(caller.TimeZoneId));

    /// <summary>The caller's own check-in for a period, within their couple.</summary>
    public async Task<OwnCheckIn?> OwnAsync(Caller caller, CheckInPeriod period, CancellationToken ct = default)
    {
        var entry = await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == caller.CoupleId && c.AuthorId == caller.UserId && c.Cadence == (int)period.Cadence && c.PeriodStart == period.Start)
            .SingleOrDefaultAsync(ct);
        return entry is null ? null : ToOwn(entry);
    }

    /// <summary>
    /// What the caller may see of their partner's check-in for a period — THE query behind every page that shows
    /// anything of it. Reads the caller's own check-in first; only when it was sent through the app (not imported) is
    /// the partner's read at all, and then only a sent, not imported one: an unrevealed check-in of the partner is never
    /// loaded or decrypted. What is shown is what <see cref="SealedReveal"/> allows.
    /// </summary>
    public async Task<(PartnerView View, Guid? PartnerCheckInId)> PartnerViewAsync(Caller caller, CheckInPeriod period, CancellationToken ct = default)
    {
        if (caller.CoupleId is null || caller.PartnerId is null)
        {
            return (new PartnerView(RevealStage.SealedUntilYouCheckIn, null), null);
        }

        var mine = await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == caller.CoupleId && c.AuthorId == caller.UserId && c.Cadence == (int)period.Cadence && c.PeriodStart == period.Start
                && c.SubmittedAtUtc != null && !c.Imported)
            .SingleOrDefaultAsync(ct);
        if (mine is null)
        {
            return (SealedReveal.See(caller.UserId, null, null), null);
        }

        var theirs = await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == caller.CoupleId && c.AuthorId == caller.PartnerId && c.Cadence == (int)period.Cadence && c.PeriodStart == period.Start
                && c.SubmittedAtUtc != null && !c.Imported)
            .SingleOrDefaultAsync(ct);
        var view = SealedReveal.See(caller.UserId, ToState(mine), ToState(theirs));
        return (view, view.IsRevealed ? theirs!.Id : null);
    }

    /// <summary>
    /// Whether the partner has sent their check-in for <paramref name="period"/> through the app (an imported one never
    /// counts, as for the reveal). A sealed fact: only for the first sender's "reveal ready" notice and for the
    /// two-sided "your turn" consent (issue 15), never shown otherwise.
    /// </summary>
    public Task<bool> PartnerSentAsync(Caller caller, CheckInPeriod period, CancellationToken ct = default)
        => caller.PartnerId is not { } partner
            ? Task.FromResult(false)
            : db.CheckIns.AnyAsync(c => c.CoupleId == caller.CoupleId && c.AuthorId == partner && c.Cadence == (int)period.Cadence && c.PeriodStart == period.Start
                && c.SubmittedAtUtc != null && !c.Imported, ct);

    public async Task<RevealView?> RevealAsync(Caller caller, CheckInPeriod period, CancellationToken ct = default)
    {
        var mine = await OwnAsync(caller, period, ct);
        if (mine is null || !mine.Submitted)
        {
            return null;
        }

        var (view, partnerId) = await PartnerViewAsync(caller, period, ct);
        IReadOnlyList<CheckInReply> replies = [];
        if (view.IsRevealed)
        {
            var ids = new[] { mine.Id, partnerId!.Value };
            replies = await db.CheckInReplies.AsNoTracking()
                .Where(r => r.CoupleId == caller.CoupleId && ids.Contains(r.CheckInId))
                .OrderBy(r => r.CreatedAtUtc)
                .ToListAsync(ct);
        }

        return new RevealView(mine, view, partnerId, replies);
    }

    /// <summary>The caller's own sent check-ins, oldest first.</summary>
    public async Task<IReadOnlyList<OwnCheckIn>> OwnSubmittedAsync(Caller caller, CancellationToken ct = default)
    {
        var entries = await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == caller.CoupleId && c.AuthorId == caller.UserId && c.SubmittedAtUtc != null)
            .OrderBy(c => c.PeriodStart)
            .ToListAsync(ct);
        return entries.Select(ToOwn).ToList();
    }

    /// <summary>
    /// One page of the caller's own sent check-ins, newest first (<paramref name="skip"/> of the newest left out), each with
    /// whether it is revealed; one more than <paramref name="take"/> is read, so the caller knows an older page exists.
    /// Reads the periods only, nothing encrypted, and only the page's periods: the cost follows the page, not the history.
    /// A period is revealed by the <see cref="SealedReveal"/> rule: the caller's check-in and the partner's were both sent
    /// through the app (not imported); the partner's are looked up only for periods the caller sent theirs for.
    /// </summary>
    public async Task<IReadOnlyList<(CheckInPeriod Period, bool Revealed)>> OwnSentPageAsync(Caller caller, int skip, int take, CancellationToken ct = default)
    {
        var couple = caller.CoupleId;
        var me = caller.UserId;
        var mine = await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == couple && c.AuthorId == me && c.SubmittedAtUtc != null)
            .OrderByDescending(c => c.PeriodStart).ThenByDescending(c => c.Cadence)
            .Skip(skip).Take(take + 1)
            .Select(c => new { c.Cadence, c.PeriodStart, c.Imported })
            .ToListAsync(ct);
        if (mine.Count == 0)
        {
            return [];
        }

        var sent = new HashSet<(int, DateOnly)>();
        if (caller.PartnerId is { } partner)
        {
            var from = mine[^1].PeriodStart;
            var to = mine[0].PeriodStart;
            var theirs = await db.CheckIns.AsNoTracking()
                .Where(c => c.CoupleId == couple && c.AuthorId == partner && c.PeriodStart >= from && c.PeriodStart <= to && c.SubmittedAtUtc != null && !c.Imported
                    && db.CheckIns.Any(o => o.CoupleId == couple && o.AuthorId == me && o.Cadence == c.Cadence && o.PeriodStart == c.PeriodStart
                        && o.SubmittedAtUtc != null && !o.Imported))
                .Select(c => new { c.Cadence, c.PeriodStart })
                .ToListAsync(ct);
            sent = [.. theirs.Select(t => (t.Cadence, t.PeriodStart))];
        }

        return [.. mine.Select(m => (new CheckInPeriod((Cadence)m.Cadence, m.PeriodStart),
            SealedReveal.Stage(!m.Imported, sent.Contains((m.Cadence, m.PeriodStart))) == RevealStage.Revealed))];
    }

    /// <summary>Every period in which both partners sent a check-in, oldest first, with what the caller may see.</summary>
    public async Task<IReadOnlyList<(OwnCheckIn Mine, CheckInContent Theirs)>> RevealsAsync(Caller caller, CancellationToken ct = default)
    {
        if (caller.CoupleId is null || caller.PartnerId is null)
        {
            return [];
        }

        // Only sent, not imported check-ins take part in a reveal; the partner's are read only for periods the caller
        // sent theirs for (the database decides), so an unrevealed check-in of the partner is never loaded or decrypted.
        var couple = caller.CoupleId;
        var me = caller.UserId;
        var entries = await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == couple && c.SubmittedAtUtc != null && !c.Imported
                && (c.AuthorId == me
                    || (c.AuthorId == caller.PartnerId && db.CheckIns.Any(o => o.CoupleId == couple && o.AuthorId == me && o.Cadence == c.Cadence
                        && o.PeriodStart == c.PeriodStart && o.SubmittedAtUtc != null && !o.Imported))))
            .ToListAsync(ct);
        var result = new List<(OwnCheckIn, CheckInContent)>();
        foreach (var group in entries.GroupBy(e => (e.Cadence, e.PeriodStart)).OrderBy(g => g.Key.PeriodStart))
        {
            var mine = group.SingleOrDefault(e => e.AuthorId == caller.UserId);
            var theirs = group.SingleOrDefault(e => e.AuthorId == caller.PartnerId);
            var view = SealedReveal.See(caller.UserId, ToState(mine), ToState(theirs));
            if (view.IsRevealed)
            {
                result.Add((ToOwn(mine!), view.Content!));
            }
        }

        return result;
    }

    private static CheckInState? ToState(CheckInEntry? e)
        => e is null ? null : new CheckInState(e.AuthorId, new CheckInPeriod((Cadence)e.Cadence, e.PeriodStart), e.SubmittedAtUtc is not null, CheckInJson.Read(e.ContentJson));

    private static OwnCheckIn ToOwn(CheckInEntry e)
        => new(e.Id, new CheckInPeriod((Cadence)e.Cadence, e.PeriodStart), e.SubmittedAtUtc is not null, CheckInJson.Read(e.ContentJson), e.UpdatedAtUtc);
}
