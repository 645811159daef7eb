using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Features.Demo;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Demo;

public sealed class DemoAppFactory : AppFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Demo:Enabled"] = "true" };
}

public sealed class SupportDemoTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task Demo_HasTwelveWeeksOfHistory_AndRequestsInEveryState()
    {
        using var robin = app.NewClient();
        await robin.SignInAsync(DemoSeeder.RobinEmail, "demo-couple-2026");
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var requests = await app.WithDbAsync(db => db.SupportRequests.Select(r => new { r.State, r.WindowEndsUtc, r.FirstAnsweredAtUtc }).ToListAsync());
        var states = requests.Select(r => SupportRequests.EffectiveState(new RequestSnapshot(r.State, r.WindowEndsUtc, r.FirstAnsweredAtUtc), now)).ToHashSet();
        Assert.Equal(Enum.GetValues<RequestState>().ToHashSet(), states);

        var span = await app.WithDbAsync(async db => new
        {
            First = await db.SupportMoments.MinAsync(m => m.OccurredAtUtc),
            Pebbles = await db.SupportMoments.CountAsync(m => m.Kind == MomentKind.Pebble),
            Private = await db.SupportMoments.CountAsync(m => m.Visibility == Visibility.Private),
        });
        Assert.InRange((now - span.First).TotalDays, 70, 84);
        Assert.True(span.Pebbles >= 12);
        Assert.True(span.Private > 0);

        foreach (var url in new[] { "/", "/Feed", "/Moments", "/Requests" })
        {
            await robin.GetPageAsync(url);
        }
    }
}
