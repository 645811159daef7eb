using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Features.Demo;
using Mutuality.Web.Features.Repair;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Repair;

public sealed class RitualsDemoHistoryTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<TestCouple> SeededCoupleAsync()
    {
        var couple = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var history = scope.ServiceProvider.GetServices<IDemoHistory>().OfType<RitualsDemoHistory>().Single();
        await history.SeedAsync(new DemoCouple(couple.Id, couple.A.Id, couple.B.Id, app.Clock.GetUtcNow().UtcDateTime), CancellationToken.None);
        return couple;
    }

    [Fact]
    public async Task Seed_GivesSixMonthsOfCheckIns_AgreementsInEveryState_AndOneResolvedConflict()
    {
        var couple = await SeededCoupleAsync();
        Assert.Equal(6, await app.WithDbAsync(db => db.MonthlyCheckIns.CountAsync(c => c.CoupleId == couple.Id && c.FinishedAtUtc != null)));
        Assert.Equal(12, await app.WithDbAsync(db => db.MonthlyPreparations.CountAsync(p => p.CoupleId == couple.Id && p.SharedAtUtc != null)));

        var agreements = await app.WithDbAsync(db => db.RitualAgreements.Where(a => a.CoupleId == couple.Id).ToListAsync());
        Assert.Contains(agreements, a => a.Outcome == null);
        Assert.Contains(agreements, a => a.Outcome == AgreementOutcome.Kept);
        Assert.Contains(agreements, a => a.Outcome == AgreementOutcome.PartlyKept);
        Assert.Contains(agreements, a => a.Outcome == AgreementOutcome.NotKept);
        Assert.Contains(agreements, a => a.CarriedOn && agreements.Any(c => c.CarriedOnFromId == a.Id));

        var conflict = await app.WithDbAsync(db => db.ConflictRecords.SingleAsync(c => c.CoupleId == couple.Id));
        Assert.Equal(ConflictStatus.Resolved, conflict.Status);
        Assert.Equal(2, await app.WithDbAsync(db => db.ConflictSides.CountAsync(s => s.ConflictId == conflict.Id && s.SharedAtUtc != null)));
        Assert.True(await app.WithDbAsync(db => db.RepairAttempts.AnyAsync(a => a.ConflictId == conflict.Id)));
        Assert.Contains(agreements, a => a.ConflictId == conflict.Id);
    }

    [Fact]
    public async Task SeededHistory_ShowsOnEveryPage_ForBothPartners()
    {
        var couple = await SeededCoupleAsync();
        var conflictId = await app.WithDbAsync(db => db.ConflictRecords.Where(c => c.CoupleId == couple.Id).Select(c => c.Id).SingleAsync());
        foreach (var person in new[] { couple.A, couple.B })
        {
            using var client = await app.SignedInAsync(person);
            Assert.Contains("12th", (await client.GetPageAsync("/Monthly")).QuerySelector("select option[selected]")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Looked back on", (await client.GetPageAsync("/Monthly")).MainText(), StringComparison.Ordinal);
            Assert.Contains("The missed call on Sunday", (await client.GetPageAsync("/Repair")).MainText(), StringComparison.Ordinal);
            var detail = await client.GetPageAsync($"/Repair/Conflict/{conflictId}");
            Assert.Equal("Resolved", detail.QuerySelector(".conflict-status")!.TextContent);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Monthly/Talk")).StatusCode);
        }
    }
}
