using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Account.Privacy;
using Mutuality.Web.Features.Insights.Data;
using Mutuality.Web.Features.Notifications.Data;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Security;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// Issue 19 item 3: each feature owns its part of a person's data (<see cref="IPersonalData"/>), and Account runs
/// them all. Every table of the model has an owner (a new one without one fails here, besides the every-table
/// deletion test in <see cref="AccountDeletionTests"/>), and an import is one transaction across the parts.
/// </summary>
public sealed class PersonalDataTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    /// <summary>The tables that hold nothing of a person, and why. Anything else needs a part that owns it.</summary>
    private static readonly Dictionary<Type, string> NobodysData = new()
    {
        [typeof(DataProtectionKey)] = "the app's key ring",
        [typeof(IdentityRole<Guid>)] = "role names",
        [typeof(IdentityRoleClaim<Guid>)] = "claims of roles",
        [typeof(RateLimitWindow)] = "counts per SHA-256 of a bucket, for one window",
        [typeof(PushServerKey)] = "the server's own push key",
        [typeof(InsightVersion)] = "a couple's month's version number, no person's id or words",
    };

    [Fact]
    [Trait("Runs", "Once")]
    public void EveryTableOfTheModel_IsOwnedBySomeFeaturesPersonalData_OrHoldsNothingOfAPerson()
    {
        using var scope = app.Services.CreateScope();
        var parts = scope.ServiceProvider.GetServices<IPersonalData>().ToList();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var tables = model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType).Select(t => t.ClrType).ToList();
        var owners = parts.SelectMany(p => p.Entities.Select(e => (Entity: e, Part: p.GetType().Name))).ToList();
        foreach (var group in owners.GroupBy(o => o.Part))
        {
            output.WriteLine($"{group.Key}: {string.Join(", ", group.Select(o => o.Entity.Name))}");
        }

        var unowned = tables.Where(t => !NobodysData.ContainsKey(t) && owners.All(o => o.Entity != t)).Select(t => t.Name).ToList();
        Assert.True(unowned.Count == 0, "These tables have no IPersonalData owning them (add them to their feature's part, or say here why they hold nothing of a person): " + string.Join(", ", unowned));
        Assert.Empty(owners.Where(o => !tables.Contains(o.Entity)).Select(o => $"{o.Part} lists {o.Entity.Name}, which is not in the model"));
        Assert.Empty(owners.GroupBy(o => o.Entity).Where(g => g.Count() > 1).Select(g => $"{g.Key.Name} is owned by {string.Join(" and ", g.Select(o => o.Part))}"));
        Assert.True(parts.Count >= 10, $"Expected the features' parts to be registered, found {parts.Count}");
    }

    [Fact]
    public async Task AnImport_WhoseLaterSectionIsRefused_LeavesNothing_NotEvenTheSectionsBeforeIt()
    {
        var person = await app.CreatePersonAsync("Jo");
        var moment = new ExportMoment(Guid.CreateVersion7(), ExportDocument.Me, Domain.Support.MomentKind.Moment, Domain.Support.MomentDirection.Gave, Domain.Support.SupportType.Practical,
            "An old moment, kept with its date", null, new DateTime(2025, 1, 10, 18, 0, 0, DateTimeKind.Utc), "Europe/London", Domain.Support.Visibility.Private,
            new DateTime(2025, 1, 10, 18, 0, 0, DateTimeKind.Utc), null, null, null, null, null, null, null);
        var pulse = new ExportPulse(Guid.CreateVersion7(), new DateOnly(2026, 2, 1), "close", 4, new DateTime(2026, 2, 10, 10, 0, 0, DateTimeKind.Utc));
        var export = new ExportDocument(1, null, null, null, [moment], [], [], [], [], [], [], [], [pulse], [], [])
        {
            // The last part refuses: a favourite that is not a question of the library.
            QuestionFavourites = [new ExportQuestionFavourite(Guid.CreateVersion7(), "no-such-question", "", new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc))],
        };

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var refused = await scope.ServiceProvider.GetRequiredService<DataImporter>().ImportAsync(person.Id, export);
            Assert.False(refused.IsSuccess);
            Assert.Contains("Nothing was brought in", refused.Error!.Message, StringComparison.Ordinal);
        }

        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.SupportMoments.AnyAsync(m => m.Id == moment.Id), "The moments written before the refusal stayed");
            Assert.False(await db.PulseAnswers.AnyAsync(a => a.Id == pulse.Id), "The pulse answers written before the refusal stayed");
            Assert.False(await db.CoupleMembers.AnyAsync(m => m.UserId == person.Id), "The couple space made for the import stayed");
        });

        // The same file without the bad favourite comes in whole: the refusal held nothing back.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var good = await scope.ServiceProvider.GetRequiredService<DataImporter>().ImportAsync(person.Id, export with { QuestionFavourites = [] });
            Assert.True(good.IsSuccess, good.Error?.Message);
            Assert.Equal(2, good.Value);
        }
    }
}
