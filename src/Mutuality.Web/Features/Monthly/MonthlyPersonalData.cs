using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Features.Shared.PersonalData;
using static Mutuality.Web.Features.Shared.PersonalData.ImportRules;

namespace Mutuality.Web.Features.Monthly;

/// <summary>
/// The monthly check-in in a person's data (docs/privacy.md): their preparations and the agreements they wrote or
/// that were theirs go; the day they chose, the month they started and a review they made stay for the partner
/// without their id. The export holds their preparations and the partner's shared ones, and the couple's agreements.
/// </summary>
public sealed class MonthlyPersonalData(AppDbContext db) : IPersonalData
{
    public IReadOnlyCollection<Type> Entities { get; } = [typeof(MonthlyPreparation), typeof(MonthlyRhythmSetting), typeof(MonthlyCheckIn), typeof(RitualAgreement)];

    public async Task DeleteAsync(PersonLeaving person, CancellationToken ct)
    {
        var userId = person.UserId;
        await db.MonthlyPreparations.Where(p => p.AuthorId == userId).ExecuteDeleteAsync(ct);
        await db.MonthlyRhythms.Where(r => r.ChosenById == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ChosenById, FormerPartner), ct);
        await db.MonthlyCheckIns.Where(c => c.StarterId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.StarterId, (Guid?)null), ct);
        await db.RitualAgreements.Where(a => a.CreatedById == userId || a.OwnerId == userId).ExecuteDeleteAsync(ct);
        await db.RitualAgreements.Where(a => a.ReviewedById == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ReviewedById, (Guid?)null), ct);
    }

    public async Task<ExportDocument> ExportAsync(PersonExporting person, ExportDocument doc, CancellationToken ct)
    {
        var (userId, active, partnerId) = (person.UserId, person.ActiveCouple, person.PartnerId);
        var preparations = await (
                from p in db.MonthlyPreparations.AsNoTracking()
                join c in db.MonthlyCheckIns.AsNoTracking() on p.CheckInId equals c.Id
                where p.AuthorId == userId || (p.CoupleId == active && p.AuthorId == partnerId && p.SharedAtUtc != null)
                orderby c.Month, p.Id
                select new ExportPreparation(p.Id, p.AuthorId == userId ? ExportDocument.Me : ExportDocument.Partner, c.Month, p.Appreciations, p.WentWell, p.HardThing, p.NeedNextMonth, p.UpdatedAtUtc, p.SharedAtUtc))
            .ToListAsync(ct);
        var agreements = await db.RitualAgreements.AsNoTracking()
            .Where(a => a.CreatedById == userId || a.CoupleId == active)
            .OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id).ToListAsync(ct);
        return doc with
        {
            MonthlyPreparations = preparations,
            Agreements = [.. agreements.Select(a => new ExportAgreement(a.Id, person.Who(a.CreatedById), a.OwnerId is { } o ? person.Who(o) : null, a.What, a.DueOn, a.CreatedAtUtc, a.Outcome, a.CarriedOn, a.ReviewedAtUtc))],
        };
    }

    public void WriteCsv(ExportDocument doc, ExportCsv csv)
    {
        csv.Add("monthly-preparations.csv", doc.MonthlyPreparations);
        csv.Add("agreements.csv", doc.Agreements);
    }

    public async Task<Result<int>> ImportAsync(PersonImporting person, ExportDocument export, CancellationToken ct)
    {
        if ((Missing(export.MonthlyPreparations, "monthly preparations") ?? Missing(export.Agreements, "agreements")) is { } missing)
        {
            return missing;
        }

        var own = export.OwnPart();
        var (preparations, agreements) = (own.MonthlyPreparations, own.Agreements);
        if ((CheckPreparations(preparations, person.Now) ?? CheckAgreements(agreements, person.Now)) is { } problem)
        {
            return problem;
        }

        var preparationIds = preparations.Select(p => p.Id).ToList();
        var agreementIds = agreements.Select(a => a.Id).ToList();
        if (!person.Claim(preparationIds.Concat(agreementIds)))
        {
            return SameIdTwice;
        }

        var userId = person.UserId;
        if (await db.MonthlyPreparations.AnyAsync(p => p.AuthorId == userId, ct) || await db.RitualAgreements.AnyAsync(a => a.CreatedById == userId, ct))
        {
            return HasData;
        }

        if ((preparationIds.Count > 0 && await db.MonthlyPreparations.AnyAsync(x => preparationIds.Contains(x.Id), ct))
            || (agreementIds.Count > 0 && await db.RitualAgreements.AnyAsync(x => agreementIds.Contains(x.Id), ct)))
        {
            return IdsTaken;
        }

        var monthly = new Dictionary<DateOnly, Guid>();
        foreach (var p in preparations)
        {
            if (!monthly.TryGetValue(p.Month, out var checkInId))
            {
                checkInId = Guid.CreateVersion7();
                monthly[p.Month] = checkInId;
                db.MonthlyCheckIns.Add(new MonthlyCheckIn { Id = checkInId, CoupleId = person.CoupleId, Month = p.Month, CreatedAtUtc = Utc(p.UpdatedAtUtc) });
            }

            db.MonthlyPreparations.Add(new MonthlyPreparation
            {
                Id = p.Id,
                CheckInId = checkInId,
                CoupleId = person.CoupleId,
                AuthorId = userId,
                Appreciations = Clean(p.Appreciations),
                WentWell = Clean(p.WentWell),
                HardThing = Clean(p.HardThing),
                NeedNextMonth = Clean(p.NeedNextMonth),
                UpdatedAtUtc = Utc(p.UpdatedAtUtc),
                SharedAtUtc = Utc(p.SharedAtUtc),
            });
        }

        foreach (var a in agreements)
        {
            db.RitualAgreements.Add(new RitualAgreement
            {
                Id = a.Id,
                CoupleId = person.CoupleId,
                CreatedById = userId,
                OwnerId = a.For switch { ExportDocument.Me => userId, null => null, _ => FormerPartner },
                What = Clean(a.What),
                DueOn = a.DueOn,
                CreatedAtUtc = Utc(a.CreatedAtUtc),
                Outcome = a.Outcome,
                CarriedOn = a.CarriedOn,
                ReviewedAtUtc = Utc(a.ReviewedAtUtc),
                ReviewedById = a.ReviewedAtUtc is null ? null : userId,
            });
        }

        return Result<int>.Ok(preparations.Count + agreements.Count);
    }

    private static DomainError? CheckPreparations(List<ExportPreparation> preparations, DateTime now)
    {
        foreach (var p in preparations)
        {
            var item = $"the monthly preparation for {p.Month:yyyy-MM}";
            var (text, errors) = Preparation.Validate(p.Appreciations, p.WentWell, p.HardThing, p.NeedNextMonth);
            var problem = Id(item, p.Id) ?? Month(item, p.Month, now)
                ?? (errors.Count > 0 ? Item(item, errors[0]) : null)
                ?? (p.SharedAtUtc is not null && Preparation.CanShare(text!) is { } empty ? Item(item, empty) : null)
                ?? Dates(item, now, p.UpdatedAtUtc, p.SharedAtUtc);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static DomainError? CheckAgreements(List<ExportAgreement> agreements, DateTime now)
    {
        foreach (var a in agreements)
        {
            var item = $"the agreement of {Day(a.CreatedAtUtc)}";
            var problem = Id(item, a.Id)
                ?? Text(item, TextRules.Required(a.What, Agreements.MaxLength, "What", "What"))
                ?? (a.For is null or ExportDocument.Me or ExportDocument.Partner ? null : Item(item, new DomainError("agreement.who_required", "Who: choose me, you or both of us.")))
                ?? (a.Outcome is null || Enum.IsDefined(a.Outcome.Value) ? null : Item(item, new DomainError("agreement.outcome", "How it went: choose kept, partly kept or not kept.")))
                ?? (a.DueOn is { } due && due < HistoryDates.Earliest ? Item(item, new DomainError("history.too_old", "By when: that day is older than any history of ours.")) : null)
                ?? Dates(item, now, a.CreatedAtUtc, a.ReviewedAtUtc);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }
}
