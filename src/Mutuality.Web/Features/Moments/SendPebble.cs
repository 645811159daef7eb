using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Moments;

/// <summary>Sending a pebble: a small shared companionship moment.</summary>
public sealed class SendPebble(AppDbContext db, TimeProvider clock, FeedNotifier notifier, Notifications.Notices notices)
{
    /// <summary>Sends a pebble: a shared companionship moment given, with a short text and/or a link.</summary>
    public async Task<Result<Guid>> SendPebbleAsync(Caller caller, string? text, string? link, CancellationToken ct = default)
    {
        if (caller.CoupleId is not { } coupleId || !caller.HasPartner)
        {
            return MomentErrors.NoPartner;
        }

        var words = TextRules.Optional(text, MomentRules.PebbleTextMaxLength, "Text", "Your pebble");
        if (!words.IsSuccess)
        {
            return words.Error!;
        }

        var url = MomentRules.Link(link);
        if (!url.IsSuccess)
        {
            return url.Error!;
        }

        if (words.Value.Length == 0 && url.Value.Length == 0)
        {
            return new DomainError("pebble.empty", "Your pebble: pick one of ours, or write a few words or a link.", "Text");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pebble = new SupportMoment
        {
            Id = Guid.CreateVersion7(),
            CoupleId = coupleId,
            AuthorId = caller.UserId,
            Kind = MomentKind.Pebble,
            Direction = MomentDirection.Gave,
            Type = SupportType.Companionship,
            Note = words.Value,
            Link = url.Value.Length == 0 ? null : url.Value,
            OccurredAtUtc = now,
            CreatedAtUtc = now,
            AuthorTimeZoneId = caller.TimeZoneId,
            Visibility = Visibility.Shared,
        };
        db.SupportMoments.Add(pebble);
        await using (var write = await notifier.BeginAsync(db, ct: ct))
        {
            await db.SaveChangesAsync(ct);
            write.MomentChanged(caller.PartnerId, null, pebble.Visibility);
            await write.CommitAsync(ct);
        }

        if (caller.PartnerId is { } partner)
        {
            await notices.NotifyAsync(partner, Domain.Notifications.NoticeKind.Pebble, caller.UserId, $"/Moments/View/{pebble.Id}", ct: ct);
        }

        return Result<Guid>.Ok(pebble.Id);
    }

}
