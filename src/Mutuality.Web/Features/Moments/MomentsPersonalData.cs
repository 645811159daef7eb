using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Shared.PersonalData;
using static Mutuality.Web.Features.Shared.PersonalData.ImportRules;

namespace Mutuality.Web.Features.Moments;

/// <summary>
/// Moments and pebbles in a person's data (docs/privacy.md): theirs are deleted, exported and imported; their
/// response or reaction on the partner's is removed with their account; the partner's shared ones are in their export.
/// </summary>
public sealed class MomentsPersonalData(AppDbContext db) : IPersonalData
{
    public IReadOnlyCollection<Type> Entities { get; } = [typeof(SupportMoment)];

    public async Task DeleteAsync(PersonLeaving person, CancellationToken ct)
    {
        var userId = person.UserId;
        await db.SupportMoments.Where(m => m.AuthorId == userId).ExecuteDeleteAsync(ct);
        await db.SupportMoments.Where(m => person.Couples.Contains(m.CoupleId) && (m.ResponseKind != null || m.Reaction != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ResponseKind, (MomentResponseKind?)null)
                .SetProperty(m => m.ResponseRating, (int?)null)
                .SetProperty(m => m.ResponseNote, (string?)null)
                .SetProperty(m => m.RespondedAtUtc, (DateTime?)null)
                .SetProperty(m => m.Reaction, (PebbleReaction?)null)
                .SetProperty(m => m.ReactedAtUtc, (DateTime?)null), ct);
    }

    public async Task<ExportDocument> ExportAsync(PersonExporting person, ExportDocument doc, CancellationToken ct)
    {
        var (userId, active, partnerId) = (person.UserId, person.ActiveCouple, person.PartnerId);
        var moments = await db.SupportMoments.AsNoTracking()
            .Where(m => m.AuthorId == userId || (m.CoupleId == active && m.AuthorId == partnerId && m.Visibility == Visibility.Shared))
            .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).ToListAsync(ct);
        return doc with
        {
            Moments = [.. moments.Select(m => new ExportMoment(m.Id, person.Who(m.AuthorId), m.Kind, m.Direction, m.Type, m.Note, m.Link, m.OccurredAtUtc, m.AuthorTimeZoneId, m.Visibility, m.CreatedAtUtc, m.UpdatedAtUtc,
                m.ResponseKind, m.ResponseRating, m.ResponseNote, m.RespondedAtUtc, m.Reaction, m.ReactedAtUtc))],
        };
    }

    public void WriteCsv(ExportDocument doc, ExportCsv csv) => csv.Add("moments.csv", doc.Moments);

    public async Task<Result<int>> ImportAsync(PersonImporting person, ExportDocument export, CancellationToken ct)
    {
        if (Missing(export.Moments, "moments") is { } missing)
        {
            return missing;
        }

        var moments = export.OwnPart().Moments;
        if (Check(moments, person.Now) is { } problem)
        {
            return problem;
        }

        if (!person.Claim(moments.Select(m => m.Id)))
        {
            return SameIdTwice;
        }

        if (await db.SupportMoments.AnyAsync(m => m.AuthorId == person.UserId, ct))
        {
            return HasData;
        }

        var ids = moments.Select(m => m.Id).ToList();
        if (ids.Count > 0 && await db.SupportMoments.AnyAsync(x => ids.Contains(x.Id), ct))
        {
            return IdsTaken;
        }

        foreach (var m in moments)
        {
            db.SupportMoments.Add(new SupportMoment
            {
                Id = m.Id,
                CoupleId = person.CoupleId,
                AuthorId = person.UserId,
                Kind = m.Kind,
                Direction = m.Direction,
                Type = m.Type,
                Note = Clean(m.Note),
                Link = string.IsNullOrWhiteSpace(m.Link) ? null : Clean(m.Link),
                OccurredAtUtc = Utc(m.OccurredAtUtc),
                AuthorTimeZoneId = m.TimeZoneId.Trim(),
                Visibility = m.Visibility,
                CreatedAtUtc = Utc(m.CreatedAtUtc),
                UpdatedAtUtc = Utc(m.UpdatedAtUtc),
            });
        }

        return Result<int>.Ok(moments.Count);
    }

    private static DomainError? Check(List<ExportMoment> moments, DateTime now)
    {
        foreach (var m in moments)
        {
            var item = $"the moment of {Day(m.OccurredAtUtc)}";
            if (Id(item, m.Id) is { } noId)
            {
                return noId;
            }

            if (m.Kind is not (MomentKind.Moment or MomentKind.Pebble) || m.Direction is not (MomentDirection.Gave or MomentDirection.Received) || !SupportTypes.IsDefined(m.Type))
            {
                return Item(item, new DomainError("moment.kind", "Kind of support: choose one of the five kinds, given or received."));
            }

            if (m.Visibility is not (Visibility.Shared or Visibility.Private))
            {
                return Item(item, new DomainError("moment.visibility", "Who sees it: choose shared or private."));
            }

            if (m.Kind == MomentKind.Moment)
            {
                if (MomentRules.Note(m.Note) is { IsSuccess: false, Error: { } note })
                {
                    return Item(item, note);
                }

                if (!string.IsNullOrWhiteSpace(m.Link))
                {
                    return Item(item, new DomainError("moment.link", "Link: only a pebble carries a link."));
                }
            }
            else
            {
                var words = TextRules.Optional(m.Note, MomentRules.PebbleTextMaxLength, "Text", "Your pebble");
                if (!words.IsSuccess)
                {
                    return Item(item, words.Error!);
                }

                var link = MomentRules.Link(m.Link);
                if (!link.IsSuccess)
                {
                    return Item(item, link.Error!);
                }

                if (words.Value.Length == 0 && link.Value.Length == 0)
                {
                    return Item(item, new DomainError("pebble.empty", "Your pebble: it has neither words nor a link."));
                }

                if (m.Visibility != Visibility.Shared || m.Direction != MomentDirection.Gave)
                {
                    return Item(item, new DomainError("pebble.shape", "A pebble is always given and shared."));
                }
            }

            if (PersonRules.TimeZone(m.TimeZoneId) is { IsSuccess: false, Error: { } zone })
            {
                return Item(item, zone);
            }

            if (Dates(item, now, m.OccurredAtUtc, m.CreatedAtUtc, m.UpdatedAtUtc) is { } when)
            {
                return when;
            }
        }

        return null;
    }
}
