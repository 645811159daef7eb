using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Demo;
using Mutuality.Web.Features.Moments.Data;

namespace Mutuality.Web.Features.Moments;

/// <summary>
/// The benchmark's baseline (bench/run.sh moments): the same single-row insert of a moment as the real page
/// does, on the same database and server, without sign-in, antiforgery, validation or rendering. Mapped only
/// when the setting <c>Bench:BareEndpoints=true</c> is given; a normal start never serves it.
/// </summary>
public static class BenchEndpoints
{
    public static void MapBenchEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Bench:BareEndpoints"))
        {
            return;
        }

        (Guid CoupleId, Guid AuthorId)? demo = null;
        app.MapPost("/bench/bare-moment", async (AppDbContext db, TimeProvider clock) =>
        {
            demo ??= await db.CoupleMembers.AsNoTracking()
                .Where(m => m.User!.Email == DemoSeeder.RobinEmail && m.LeftAtUtc == null)
                .Select(m => new ValueTuple<Guid, Guid>(m.CoupleId, m.UserId))
                .SingleAsync();
            var now = clock.GetUtcNow().UtcDateTime;
            db.SupportMoments.Add(new SupportMoment
            {
                Id = Guid.CreateVersion7(),
                CoupleId = demo.Value.CoupleId,
                AuthorId = demo.Value.AuthorId,
                Kind = MomentKind.Moment,
                Direction = MomentDirection.Gave,
                Type = SupportType.Practical,
                Note = "Made dinner so you could rest",
                OccurredAtUtc = now,
                AuthorTimeZoneId = "Europe/London",
                Visibility = Visibility.Shared,
                CreatedAtUtc = now,
            });
            await db.SaveChangesAsync();
            return Results.NoContent();
        }).DisableAntiforgery();
    }
}
