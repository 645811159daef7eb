using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Moments.Data;

namespace Mutuality.Web.Features.Demo;

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

        // bench/run.sh dashboard: the floor for a read — one small indexed query for the demo couple, no sign-in or rendering.
        app.MapGet("/bench/bare-read", async (AppDbContext db, TimeProvider clock) =>
        {
            demo ??= await db.CoupleMembers.AsNoTracking()
                .Where(m => m.User!.Email == DemoSeeder.RobinEmail && m.LeftAtUtc == null)
                .Select(m => new ValueTuple<Guid, Guid>(m.CoupleId, m.UserId))
                .SingleAsync();
            var since = clock.GetUtcNow().UtcDateTime.AddDays(-28);
            var count = await db.SupportMoments.AsNoTracking().CountAsync(m => m.CoupleId == demo.Value.CoupleId && m.OccurredAtUtc >= since);
            return Results.Text(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });

        // bench/run.sh dashboard: makes a couple with this many days of daily history (see BenchHistory).
        app.MapPost("/bench/generate-history", async (string email, string password, int days, BenchHistory history, CancellationToken ct) =>
            days is < 1 or > 3660 || string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)
                ? Results.BadRequest("days: 1 to 3660; email and password are required")
                : Results.Ok(await history.GenerateAsync(email.Trim(), password, days, ct)))
            .DisableAntiforgery();
    }
}
