using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Intimacy.Data;
using Mutuality.Web.Features.Shared.PersonalData;
using static Mutuality.Web.Features.Shared.PersonalData.ImportRules;

namespace Mutuality.Web.Features.Intimacy;

/// <summary>The intimacy map in a person's data: their ratings are deleted, exported and imported; never the partner's.</summary>
public sealed class IntimacyPersonalData(AppDbContext db) : IPersonalData
{
    public IReadOnlyCollection<Type> Entities { get; } = [typeof(IntimacyEntry)];

    public Task DeleteAsync(PersonLeaving person, CancellationToken ct)
        => db.IntimacyEntries.Where(e => e.AuthorId == person.UserId).ExecuteDeleteAsync(ct);

    public async Task<ExportDocument> ExportAsync(PersonExporting person, ExportDocument doc, CancellationToken ct)
        => doc with
        {
            IntimacyEntries = await db.IntimacyEntries.AsNoTracking().Where(e => e.AuthorId == person.UserId).OrderBy(e => e.Month).ThenBy(e => e.Kind)
                .Select(e => new ExportIntimacy(e.Id, e.Month, e.Kind, e.Fulfilment, e.Importance, e.CreatedAtUtc)).ToListAsync(ct),
        };

    public void WriteCsv(ExportDocument doc, ExportCsv csv) => csv.Add("intimacy-entries.csv", doc.IntimacyEntries);

    public async Task<Result<int>> ImportAsync(PersonImporting person, ExportDocument export, CancellationToken ct)
    {
        if (Missing(export.IntimacyEntries, "intimacy entries") is { } missing)
        {
            return missing;
        }

        var entries = export.IntimacyEntries;
        if (Check(entries, person.Now) is { } problem)
        {
            return problem;
        }

        if (!person.Claim(entries.Select(e => e.Id)))
        {
            return SameIdTwice;
        }

        if (entries.GroupBy(e => (e.Month, e.Kind)).Any(g => g.Count() > 1))
        {
            return Refuse("it answers the same question twice for one month.");
        }

        if (await db.IntimacyEntries.AnyAsync(e => e.AuthorId == person.UserId, ct))
        {
            return HasData;
        }

        var ids = entries.Select(e => e.Id).ToList();
        if (ids.Count > 0 && await db.IntimacyEntries.AnyAsync(x => ids.Contains(x.Id), ct))
        {
            return IdsTaken;
        }

        foreach (var e in entries)
        {
            db.IntimacyEntries.Add(new IntimacyEntry { Id = e.Id, CoupleId = person.CoupleId, AuthorId = person.UserId, Month = e.Month, Kind = e.Kind, Fulfilment = e.Fulfilment, Importance = e.Importance, CreatedAtUtc = Utc(e.CreatedAtUtc) });
        }

        return Result<int>.Ok(entries.Count);
    }

    private static DomainError? Check(List<ExportIntimacy> entries, DateTime now)
    {
        foreach (var e in entries)
        {
            var item = $"the intimacy map for {e.Month:yyyy-MM}";
            var kind = Domain.Rituals.Intimacy.Find(e.Kind ?? string.Empty);
            var problem = Id(item, e.Id) ?? Month(item, e.Month, now)
                ?? (kind is null ? Item(item, new DomainError("intimacy.unknown", "Kind: we don't have that kind of intimacy.")) : null)
                ?? (e.Fulfilment is < Domain.Rituals.Intimacy.Min or > Domain.Rituals.Intimacy.Max || e.Importance is < Domain.Rituals.Intimacy.Min or > Domain.Rituals.Intimacy.Max
                    ? Item(item, new DomainError("intimacy.out_of_range", $"{kind!.Name}: choose numbers from {Domain.Rituals.Intimacy.Min} to {Domain.Rituals.Intimacy.Max}.")) : null)
                ?? Dates(item, now, e.CreatedAtUtc);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }
}
