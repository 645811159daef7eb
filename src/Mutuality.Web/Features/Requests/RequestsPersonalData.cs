using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Requests.Data;
using Mutuality.Web.Features.Shared.PersonalData;
using static Mutuality.Web.Features.Shared.PersonalData.ImportRules;

namespace Mutuality.Web.Features.Requests;

/// <summary>
/// Requests in a person's data (docs/privacy.md): theirs go with their history; on the partner's, their history lines
/// and their alternative go and the request names nobody (<see cref="ImportRules.FormerPartner"/>). The export holds
/// the requests between the two of them; an import brings back the person's own, without the partner's words.
/// </summary>
public sealed class RequestsPersonalData(AppDbContext db) : IPersonalData
{
    public IReadOnlyCollection<Type> Entities { get; } = [typeof(SupportRequest), typeof(RequestEvent), typeof(RequestMailPreference)];

    public async Task DeleteAsync(PersonLeaving person, CancellationToken ct)
    {
        var userId = person.UserId;
        var theirRequests = db.SupportRequests.Where(r => r.RequesterId == userId).Select(r => r.Id);
        await db.RequestEvents.Where(e => theirRequests.Contains(e.RequestId) || e.ActorId == userId).ExecuteDeleteAsync(ct);
        await db.SupportRequests.Where(r => r.RequesterId == userId).ExecuteDeleteAsync(ct);
        await db.SupportRequests.Where(r => r.PartnerId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PartnerId, FormerPartner).SetProperty(r => r.Alternative, (string?)null), ct);
        await db.RequestMailPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
    }

    public async Task<ExportDocument> ExportAsync(PersonExporting person, ExportDocument doc, CancellationToken ct)
    {
        var (userId, active) = (person.UserId, person.ActiveCouple);
        var requests = await db.SupportRequests.AsNoTracking()
            .Where(r => r.RequesterId == userId || (r.CoupleId == active && r.PartnerId == userId))
            .OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id).ToListAsync(ct);
        var requestIds = requests.Select(r => r.Id).ToList();
        var events = await db.RequestEvents.AsNoTracking().Where(e => requestIds.Contains(e.RequestId)).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        return doc with
        {
            Requests = [.. requests.Select(r => new ExportRequest(r.Id, person.Who(r.RequesterId), r.Feeling, r.Need, r.AskedType, r.Urgency, r.WindowEndsUtc, r.RequesterTimeZoneId, r.State, r.FirstAnsweredAtUtc,
                r.ProposedAtUtc, r.Alternative, r.GivenType, r.DoneAtUtc, r.Outcome, r.ThankYou, r.CreatedAtUtc, r.UpdatedAtUtc,
                [.. events.Where(e => e.RequestId == r.Id).Select(e => new ExportRequestEvent(e.Id, person.Who(e.ActorId), e.Kind, e.Text, e.ProposedAtUtc, e.GivenType, e.Outcome, e.AtUtc))]))],
        };
    }

    public void WriteCsv(ExportDocument doc, ExportCsv csv)
    {
        csv.Add("requests.csv", doc.Requests.Select(r => new { r.Id, r.Requester, r.Feeling, r.Need, r.AskedType, r.Urgency, r.WindowEndsUtc, r.TimeZoneId, r.State, r.FirstAnsweredAtUtc, r.ProposedAtUtc, r.Alternative, r.GivenType, r.DoneAtUtc, r.Outcome, r.ThankYou, r.CreatedAtUtc, r.UpdatedAtUtc }));
        csv.Add("request-history.csv", doc.Requests.SelectMany(r => r.History.Select(e => new { RequestId = r.Id, e.Id, e.Actor, e.Kind, e.Text, e.ProposedAtUtc, e.GivenType, e.Outcome, e.AtUtc })));
    }

    public async Task<Result<int>> ImportAsync(PersonImporting person, ExportDocument export, CancellationToken ct)
    {
        if (Missing(export.Requests, "requests") is { } missing)
        {
            return missing;
        }

        if (export.Requests.Any(r => r.History is null || r.History.Contains(null!)))
        {
            return Refuse("this export has no list of a request's history, so it isn't a whole export.");
        }

        var requests = export.OwnPart().Requests;
        if (Check(requests, person.Now) is { } problem)
        {
            return problem;
        }

        var ids = requests.Select(r => r.Id).ToList();
        var events = requests.SelectMany(r => r.History).Select(e => e.Id).ToList();
        if (!person.Claim(ids.Concat(events)))
        {
            return SameIdTwice;
        }

        var userId = person.UserId;
        if (await db.SupportRequests.AnyAsync(r => r.RequesterId == userId || r.PartnerId == userId, ct))
        {
            return HasData;
        }

        if ((ids.Count > 0 && await db.SupportRequests.AnyAsync(x => ids.Contains(x.Id), ct))
            || (events.Count > 0 && await db.RequestEvents.AnyAsync(x => events.Contains(x.Id), ct)))
        {
            return IdsTaken;
        }

        foreach (var r in requests)
        {
            db.SupportRequests.Add(new SupportRequest
            {
                Id = r.Id,
                CoupleId = person.CoupleId,
                RequesterId = userId,
                PartnerId = FormerPartner,
                Feeling = Clean(r.Feeling),
                Need = Clean(r.Need),
                AskedType = r.AskedType,
                Urgency = r.Urgency,
                WindowEndsUtc = Utc(r.WindowEndsUtc),
                RequesterTimeZoneId = r.TimeZoneId.Trim(),
                State = r.State,
                FirstAnsweredAtUtc = Utc(r.FirstAnsweredAtUtc),
                ProposedAtUtc = Utc(r.ProposedAtUtc),
                GivenType = r.GivenType,
                DoneAtUtc = Utc(r.DoneAtUtc),
                Outcome = r.Outcome,
                ThankYou = r.ThankYou is null ? null : Clean(r.ThankYou),
                CreatedAtUtc = Utc(r.CreatedAtUtc),
                UpdatedAtUtc = Utc(r.UpdatedAtUtc),
            });
            foreach (var e in r.History)
            {
                db.RequestEvents.Add(new RequestEvent { Id = e.Id, CoupleId = person.CoupleId, RequestId = r.Id, ActorId = userId, Kind = e.Kind, Text = e.Text is null ? null : Clean(e.Text), ProposedAtUtc = Utc(e.ProposedAtUtc), GivenType = e.GivenType, Outcome = e.Outcome, AtUtc = Utc(e.AtUtc) });
            }
        }

        return Result<int>.Ok(requests.Count);
    }

    private static DomainError? Check(List<ExportRequest> requests, DateTime now)
    {
        foreach (var r in requests)
        {
            var item = $"the request of {Day(r.CreatedAtUtc)}";
            var problem = Id(item, r.Id)
                ?? Text(item, TextRules.Optional(r.Feeling, SupportRequests.FeelingMaxLength, "Feeling", "How I feel"))
                ?? Text(item, TextRules.Required(r.Need, SupportRequests.NeedMaxLength, "Need", "What I need"))
                ?? Text(item, TextRules.Optional(r.ThankYou, SupportRequests.ThankYouMaxLength, "ThankYou", "Thank you"))
                ?? (SupportTypes.IsDefined(r.AskedType) && (r.GivenType is null || SupportTypes.IsDefined(r.GivenType.Value))
                    ? null : Item(item, new DomainError("request.type", "Kind of support: choose one of the five kinds.")))
                ?? (Enum.IsDefined(r.Urgency) && Enum.IsDefined(r.State) && (r.Outcome is null || Enum.IsDefined(r.Outcome.Value))
                    ? null : Item(item, new DomainError("request.state", "How soon, where it stands or how it went: choose one of the options.")))
                ?? (PersonRules.TimeZone(r.TimeZoneId) is { IsSuccess: false, Error: { } zone } ? Item(item, zone) : null)
                ?? Dates(item, now, r.CreatedAtUtc, r.UpdatedAtUtc, r.FirstAnsweredAtUtc, r.DoneAtUtc);
            if (problem is not null)
            {
                return problem;
            }

            foreach (var e in r.History)
            {
                problem = Id(item, e.Id)
                    ?? Text(item, TextRules.Optional(e.Text, SupportRequests.AlternativeMaxLength, "Text", "What was said"))
                    ?? (Enum.IsDefined(e.Kind) && (e.GivenType is null || SupportTypes.IsDefined(e.GivenType.Value)) && (e.Outcome is null || Enum.IsDefined(e.Outcome.Value))
                        ? null : Item(item, new DomainError("request.event", "Its history has a step we don't recognise.")))
                    ?? Dates(item, now, e.AtUtc);
                if (problem is not null)
                {
                    return problem;
                }
            }
        }

        return null;
    }
}
