using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Pulse.Data;
using Mutuality.Web.Features.Shared.PersonalData;
using static Mutuality.Web.Features.Shared.PersonalData.ImportRules;
using PulseRules = Mutuality.Domain.Rituals.Pulse;

namespace Mutuality.Web.Features.Pulse;

/// <summary>Our pulse in a person's data: their answers are deleted, exported and imported; never the partner's.</summary>
public sealed class PulsePersonalData(AppDbContext db) : IPersonalData
{
    public IReadOnlyCollection<Type> Entities { get; } = [typeof(PulseAnswer)];

    public Task DeleteAsync(PersonLeaving person, CancellationToken ct)
        => db.PulseAnswers.Where(a => a.AuthorId == person.UserId).ExecuteDeleteAsync(ct);

    public async Task<ExportDocument> ExportAsync(PersonExporting person, ExportDocument doc, CancellationToken ct)
        => doc with
        {
            PulseAnswers = await db.PulseAnswers.AsNoTracking().Where(a => a.AuthorId == person.UserId).OrderBy(a => a.Month).ThenBy(a => a.ItemId)
                .Select(a => new ExportPulse(a.Id, a.Month, a.ItemId, a.Value, a.CreatedAtUtc)).ToListAsync(ct),
        };

    public void WriteCsv(ExportDocument doc, ExportCsv csv) => csv.Add("pulse-answers.csv", doc.PulseAnswers);

    public async Task<Result<int>> ImportAsync(PersonImporting person, ExportDocument export, CancellationToken ct)
    {
        if (Missing(export.PulseAnswers, "pulse answers") is { } missing)
        {
            return missing;
        }

        var answers = export.PulseAnswers;
        if (Check(answers, person.Now) is { } problem)
        {
            return problem;
        }

        if (!person.Claim(answers.Select(a => a.Id)))
        {
            return SameIdTwice;
        }

        if (answers.GroupBy(a => (a.Month, a.ItemId)).Any(g => g.Count() > 1))
        {
            return Refuse("it answers the same question twice for one month.");
        }

        if (await db.PulseAnswers.AnyAsync(a => a.AuthorId == person.UserId, ct))
        {
            return HasData;
        }

        var ids = answers.Select(a => a.Id).ToList();
        if (ids.Count > 0 && await db.PulseAnswers.AnyAsync(x => ids.Contains(x.Id), ct))
        {
            return IdsTaken;
        }

        foreach (var a in answers)
        {
            db.PulseAnswers.Add(new PulseAnswer { Id = a.Id, CoupleId = person.CoupleId, AuthorId = person.UserId, Month = a.Month, ItemId = a.ItemId, Value = a.Value, CreatedAtUtc = Utc(a.CreatedAtUtc) });
        }

        return Result<int>.Ok(answers.Count);
    }

    private static DomainError? Check(List<ExportPulse> answers, DateTime now)
    {
        foreach (var a in answers)
        {
            var item = $"the pulse answer for {a.Month:yyyy-MM}";
            var known = PulseRules.Items.FirstOrDefault(i => i.Id == a.ItemId);
            var problem = Id(item, a.Id) ?? Month(item, a.Month, now)
                ?? (known is null ? Item(item, new DomainError("pulse.unknown", "Question: we don't have that question.")) : null)
                ?? (a.Value is < PulseRules.Min or > PulseRules.Max ? Item(item, new DomainError("pulse.out_of_range", $"{known!.Label}: choose an answer from {PulseRules.Min} to {PulseRules.Max}.")) : null)
                ?? Dates(item, now, a.CreatedAtUtc);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }
}
