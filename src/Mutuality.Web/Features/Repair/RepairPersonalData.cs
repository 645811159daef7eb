using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Repair.Data;
using Mutuality.Web.Features.Shared.PersonalData;
using static Mutuality.Web.Features.Shared.PersonalData.ImportRules;

namespace Mutuality.Web.Features.Repair;

/// <summary>
/// Repair in a person's data (docs/privacy.md): their sides, attempts and guide reflections go; a conflict they opened
/// stays for the partner under a neutral title (<see cref="FormerPartnerConflictTitle"/>) and without their id. The
/// export holds the couple's conflicts with their sides (the partner's once shared) and attempts.
/// </summary>
public sealed class RepairPersonalData(AppDbContext db) : IPersonalData
{
    public const string FormerPartnerConflictTitle = "A conflict opened by a former partner";

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(ConflictRecord), typeof(ConflictSide), typeof(RepairAttempt), typeof(GuideReflection)];

    public async Task DeleteAsync(PersonLeaving person, CancellationToken ct)
    {
        var userId = person.UserId;
        await db.ConflictSides.Where(x => x.AuthorId == userId).ExecuteDeleteAsync(ct);
        await db.RepairAttempts.Where(x => x.AuthorId == userId).ExecuteDeleteAsync(ct);
        await db.ConflictRecords.Where(c => c.OpenedById == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OpenedById, FormerPartner).SetProperty(c => c.Title, FormerPartnerConflictTitle), ct);
        await db.ConflictRecords.Where(c => c.ResolvedById == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedById, (Guid?)null), ct);
        await db.GuideReflections.Where(r => r.AuthorId == userId).ExecuteDeleteAsync(ct);
    }

    public async Task<ExportDocument> ExportAsync(PersonExporting person, ExportDocument doc, CancellationToken ct)
    {
        var (userId, active) = (person.UserId, person.ActiveCouple);
        var conflicts = await db.ConflictRecords.AsNoTracking()
            .Where(c => c.OpenedById == userId || c.CoupleId == active)
            .OrderBy(c => c.OpenedAtUtc).ThenBy(c => c.Id).ToListAsync(ct);
        var conflictIds = conflicts.Select(c => c.Id).ToList();
        var sides = await db.ConflictSides.AsNoTracking()
            .Where(s => conflictIds.Contains(s.ConflictId) && (s.AuthorId == userId || (s.CoupleId == active && s.SharedAtUtc != null)))
            .OrderBy(s => s.UpdatedAtUtc).ThenBy(s => s.Id).ToListAsync(ct);
        var attempts = await db.RepairAttempts.AsNoTracking()
            .Where(a => conflictIds.Contains(a.ConflictId) && (a.AuthorId == userId || a.CoupleId == active))
            .OrderBy(a => a.SentAtUtc).ThenBy(a => a.Id).ToListAsync(ct);
        var reflections = await db.GuideReflections.AsNoTracking().Where(r => r.AuthorId == userId).OrderBy(r => r.Guide).ThenBy(r => r.PromptKey)
            .Select(r => new ExportReflection(r.Id, r.Guide, r.PromptKey, r.Text, r.UpdatedAtUtc)).ToListAsync(ct);
        return doc with
        {
            Conflicts = [.. conflicts.Select(c => new ExportConflict(c.Id, person.Who(c.OpenedById), c.CoupleId == active || c.OpenedById == userId ? c.Title : "A conflict from an earlier couple space", c.Status, c.OpenedAtUtc, c.ResolvedAtUtc,
                [.. sides.Where(s => s.ConflictId == c.Id).Select(s => new ExportSide(s.Id, person.Who(s.AuthorId), s.FeelingsAndNeeds, s.HowYouSawIt, s.MyImpactOnYou, s.YourImpactOnMe, s.UpdatedAtUtc, s.SharedAtUtc))],
                [.. attempts.Where(a => a.ConflictId == c.Id).Select(a => new ExportAttempt(a.Id, person.Who(a.AuthorId), a.Kind, a.Text, a.SentAtUtc))]))],
            GuideReflections = reflections,
        };
    }

    public void WriteCsv(ExportDocument doc, ExportCsv csv)
    {
        csv.Add("conflicts.csv", doc.Conflicts.Select(c => new { c.Id, c.OpenedBy, c.Title, c.Status, c.OpenedAtUtc, c.ResolvedAtUtc }));
        csv.Add("conflict-sides.csv", doc.Conflicts.SelectMany(c => c.Sides.Select(s => new { ConflictId = c.Id, s.Id, s.Author, s.FeelingsAndNeeds, s.HowYouSawIt, s.MyImpactOnYou, s.YourImpactOnMe, s.UpdatedAtUtc, s.SharedAtUtc })));
        csv.Add("repair-attempts.csv", doc.Conflicts.SelectMany(c => c.Attempts.Select(a => new { ConflictId = c.Id, a.Id, a.Author, a.Kind, a.Text, a.SentAtUtc })));
        csv.Add("guide-reflections.csv", doc.GuideReflections);
    }

    public async Task<Result<int>> ImportAsync(PersonImporting person, ExportDocument export, CancellationToken ct)
    {
        if ((Missing(export.Conflicts, "conflicts") ?? Missing(export.GuideReflections, "guide reflections")) is { } missing)
        {
            return missing;
        }

        if (export.Conflicts.Any(c => c.Sides is null || c.Attempts is null || c.Sides.Contains(null!) || c.Attempts.Contains(null!)))
        {
            return Refuse("this export has no list of a conflict's sides or repair attempts, so it isn't a whole export.");
        }

        var own = export.OwnPart();
        var (conflicts, reflections) = (own.Conflicts, own.GuideReflections);
        if ((CheckConflicts(conflicts, person.Now) ?? CheckReflections(reflections, person.Now)) is { } problem)
        {
            return problem;
        }

        var conflictIds = conflicts.Select(c => c.Id).ToList();
        var sideIds = conflicts.SelectMany(c => c.Sides).Select(s => s.Id).ToList();
        var attemptIds = conflicts.SelectMany(c => c.Attempts).Select(a => a.Id).ToList();
        var reflectionIds = reflections.Select(r => r.Id).ToList();
        if (!person.Claim(conflictIds.Concat(sideIds).Concat(attemptIds).Concat(reflectionIds)))
        {
            return SameIdTwice;
        }

        var userId = person.UserId;
        if (await db.ConflictRecords.AnyAsync(c => c.OpenedById == userId, ct) || await db.GuideReflections.AnyAsync(r => r.AuthorId == userId, ct))
        {
            return HasData;
        }

        if ((conflictIds.Count > 0 && await db.ConflictRecords.AnyAsync(x => conflictIds.Contains(x.Id), ct))
            || (sideIds.Count > 0 && await db.ConflictSides.AnyAsync(x => sideIds.Contains(x.Id), ct))
            || (attemptIds.Count > 0 && await db.RepairAttempts.AnyAsync(x => attemptIds.Contains(x.Id), ct))
            || (reflectionIds.Count > 0 && await db.GuideReflections.AnyAsync(x => reflectionIds.Contains(x.Id), ct)))
        {
            return IdsTaken;
        }

        var coupleId = person.CoupleId;
        foreach (var c in conflicts)
        {
            db.ConflictRecords.Add(new ConflictRecord { Id = c.Id, CoupleId = coupleId, OpenedById = userId, Title = Clean(c.Title), OpenedAtUtc = Utc(c.OpenedAtUtc), Status = c.Status, ResolvedAtUtc = Utc(c.ResolvedAtUtc) });
            foreach (var s in c.Sides)
            {
                db.ConflictSides.Add(new ConflictSide
                {
                    Id = s.Id,
                    ConflictId = c.Id,
                    CoupleId = coupleId,
                    AuthorId = userId,
                    FeelingsAndNeeds = Clean(s.FeelingsAndNeeds),
                    HowYouSawIt = Clean(s.HowYouSawIt),
                    MyImpactOnYou = Clean(s.MyImpactOnYou),
                    YourImpactOnMe = Clean(s.YourImpactOnMe),
                    UpdatedAtUtc = Utc(s.UpdatedAtUtc),
                    SharedAtUtc = Utc(s.SharedAtUtc),
                });
            }

            foreach (var a in c.Attempts)
            {
                db.RepairAttempts.Add(new RepairAttempt { Id = a.Id, ConflictId = c.Id, CoupleId = coupleId, AuthorId = userId, Kind = a.Kind, Text = Clean(a.Text), SentAtUtc = Utc(a.SentAtUtc) });
            }
        }

        foreach (var r in reflections)
        {
            db.GuideReflections.Add(new GuideReflection { Id = r.Id, AuthorId = userId, Guide = r.Guide, PromptKey = r.PromptKey, Text = Clean(r.Text), UpdatedAtUtc = Utc(r.UpdatedAtUtc) });
        }

        return Result<int>.Ok(conflicts.Count + reflections.Count);
    }

    private static DomainError? CheckConflicts(List<ExportConflict> conflicts, DateTime now)
    {
        var open = new ConflictState(ConflictStatus.Open, SideStatus.None, SideStatus.None, null);
        foreach (var c in conflicts)
        {
            var item = $"the conflict of {Day(c.OpenedAtUtc)}";
            var problem = Id(item, c.Id) ?? Text(item, Conflicts.ValidateTitle(c.Title))
                ?? (Enum.IsDefined(c.Status) ? null : Item(item, new DomainError("conflict.status", "Where it stands: open or resolved.")))
                ?? Dates(item, now, c.OpenedAtUtc, c.ResolvedAtUtc);
            if (problem is not null)
            {
                return problem;
            }

            foreach (var s in c.Sides)
            {
                var (_, errors) = Conflicts.WriteSide(open, s.FeelingsAndNeeds, s.HowYouSawIt, s.MyImpactOnYou, s.YourImpactOnMe);
                problem = Id(item, s.Id) ?? (errors.Count > 0 ? Item(item, errors[0]) : null) ?? Dates(item, now, s.UpdatedAtUtc, s.SharedAtUtc);
                if (problem is not null)
                {
                    return problem;
                }
            }

            foreach (var a in c.Attempts)
            {
                var attempt = Conflicts.Attempt(open, a.Kind.ToString(), a.Text, a.SentAtUtc);
                problem = Id(item, a.Id) ?? (attempt.IsSuccess ? null : Item(item, attempt.Error!)) ?? Dates(item, now, a.SentAtUtc);
                if (problem is not null)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static DomainError? CheckReflections(List<ExportReflection> reflections, DateTime now)
    {
        foreach (var r in reflections)
        {
            var guide = Guides.Find(r.Guide);
            var prompt = guide?.Prompts.FirstOrDefault(p => p.Key == r.PromptKey);
            var item = $"the reflection of {Day(r.UpdatedAtUtc)}";
            var problem = Id(item, r.Id)
                ?? (prompt is null ? Item(item, new DomainError("guide.unknown", "Guide: we don't have that guide or question.")) : null)
                ?? Text(item, TextRules.Optional(r.Text, Guides.ReflectionMax, "Text", prompt!.Label))
                ?? Dates(item, now, r.UpdatedAtUtc);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }
}
