using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Requests.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Requests;

public sealed record RequestHistoryLine(Guid ActorId, RequestEventKind Kind, string? Text, DateTime? ProposedAtUtc, SupportType? GivenType, RequestOutcome? Outcome, DateTime AtUtc);

/// <summary>Reads of requests, always scoped to the caller's couple.</summary>
public static class RequestQueries
{
    public static IQueryable<SupportRequest> OfCouple(AppDbContext db, Caller caller)
        => db.SupportRequests.AsNoTracking().Where(r => r.CoupleId == caller.CoupleId);

    public static async Task<List<RequestHistoryLine>> HistoryAsync(AppDbContext db, Caller caller, Guid requestId)
        => await db.RequestEvents.AsNoTracking()
            .Where(e => e.RequestId == requestId && e.CoupleId == caller.CoupleId)
            .OrderBy(e => e.AtUtc)
            .Select(e => new RequestHistoryLine(e.ActorId, e.Kind, e.Text, e.ProposedAtUtc, e.GivenType, e.Outcome, e.AtUtc))
            .ToListAsync();
}
