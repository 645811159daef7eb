using Mutuality.Domain.Support;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Requests.Data;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Infrastructure;

/// <summary>A couple's support data made directly in the database, with distinct texts to look for.</summary>
public sealed record SupportIds(Guid PrivateMoment, Guid SharedMoment, Guid Pebble, Guid Request, string PrivateText, string SharedText, string PebbleText, string NeedText);

public static class SupportData
{
    public static async Task<SupportIds> SeedAsync(AppFactory app, TestCouple couple)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var ids = new SupportIds(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
            $"secret-diary-{tag}", $"shared-walk-{tag}", $"pebble-hug-{tag}", $"need-call-{tag}");
        await app.WithDbAsync(async db =>
        {
            db.SupportMoments.Add(Moment(ids.PrivateMoment, couple, ids.PrivateText, Visibility.Private, MomentKind.Moment, now.AddMinutes(-30)));
            db.SupportMoments.Add(Moment(ids.SharedMoment, couple, ids.SharedText, Visibility.Shared, MomentKind.Moment, now.AddMinutes(-20)));
            db.SupportMoments.Add(Moment(ids.Pebble, couple, ids.PebbleText, Visibility.Shared, MomentKind.Pebble, now.AddMinutes(-10)));
            db.SupportRequests.Add(new SupportRequest
            {
                Id = ids.Request,
                CoupleId = couple.Id,
                RequesterId = couple.A.Id,
                PartnerId = couple.B.Id,
                Need = ids.NeedText,
                AskedType = SupportType.Emotional,
                Urgency = Urgency.Today,
                WindowEndsUtc = now.AddHours(8),
                RequesterTimeZoneId = "Europe/London",
                State = RequestState.Open,
                CreatedAtUtc = now.AddMinutes(-5),
                UpdatedAtUtc = now.AddMinutes(-5),
            });
            db.RequestEvents.Add(new RequestEvent { Id = Guid.CreateVersion7(), CoupleId = couple.Id, RequestId = ids.Request, ActorId = couple.A.Id, Kind = RequestEventKind.Asked, AtUtc = now.AddMinutes(-5) });
            await db.SaveChangesAsync();
        });
        return ids;
    }

    private static SupportMoment Moment(Guid id, TestCouple couple, string note, Visibility visibility, MomentKind kind, DateTime at) => new()
    {
        Id = id,
        CoupleId = couple.Id,
        AuthorId = couple.A.Id,
        Kind = kind,
        Direction = MomentDirection.Gave,
        Type = kind == MomentKind.Pebble ? SupportType.Companionship : SupportType.Practical,
        Note = note,
        OccurredAtUtc = at,
        CreatedAtUtc = at,
        AuthorTimeZoneId = "Europe/London",
        Visibility = visibility,
    };
}
