using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Intimacy.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Composition;
using IntimacyRules = Mutuality.Domain.Rituals.Intimacy;

namespace Mutuality.Web.Features.Intimacy;

public static class IntimacySetup
{
    /// <summary>The intimacy map: its demo history and its link.</summary>
    public static IServiceCollection AddIntimacy(this IServiceCollection services)
        => services.AddScoped<IDemoHistory, IntimacyDemoHistory>()
            .AddPersonalData<IntimacyPersonalData>()
            .AddNavLink(NavPlace.More, 30, "/Intimacy", "Intimacy map", c => c.HasCouple);
}

/// <summary>
/// Six months of intimacy maps for Robin and Sam. Robin misses playful time, Sam misses emotional closeness;
/// both rate this month, so the demo shows the overlaid radar and the gaps.
/// </summary>
public sealed class IntimacyDemoHistory(AppDbContext db) : IDemoHistory
{
    private static readonly Dictionary<string, (int Fulfilment, int Importance)> Robin = new()
    {
        ["physical"] = (7, 8),
        ["emotional"] = (6, 8),
        ["intellectual"] = (8, 6),
        ["spiritual"] = (5, 4),
        ["playful"] = (3, 8),
        ["aesthetic"] = (6, 6),
        ["future"] = (6, 7),
    };

    private static readonly Dictionary<string, (int Fulfilment, int Importance)> Sam = new()
    {
        ["physical"] = (6, 7),
        ["emotional"] = (4, 9),
        ["intellectual"] = (7, 7),
        ["spiritual"] = (6, 6),
        ["playful"] = (6, 7),
        ["aesthetic"] = (7, 5),
        ["future"] = (5, 8),
    };

    public async Task SeedAsync(DemoCouple couple, CancellationToken ct)
    {
        var random = new Random(42);
        foreach (var (person, zone, baseline) in new[] { (couple.RobinId, "Europe/London", Robin), (couple.SamId, "America/New_York", Sam) })
        {
            var thisMonth = Mutuality.Domain.Rituals.Pulse.MonthOf(couple.NowUtc, TimeZones.FindOrUtc("Europe/London"), TimeZones.FindOrUtc("America/New_York"));
            for (var back = 5; back >= 0; back--)
            {
                foreach (var kind in IntimacyRules.Kinds)
                {
                    var (fulfilment, importance) = baseline[kind.Id];
                    db.IntimacyEntries.Add(new IntimacyEntry
                    {
                        Id = Guid.CreateVersion7(),
                        CoupleId = couple.CoupleId,
                        AuthorId = person,
                        Month = thisMonth.AddMonths(-back),
                        Kind = kind.Id,
                        Fulfilment = Math.Clamp(fulfilment + random.Next(-1, 2), IntimacyRules.Min, IntimacyRules.Max),
                        Importance = Math.Clamp(importance + random.Next(-1, 2), IntimacyRules.Min, IntimacyRules.Max),
                        CreatedAtUtc = couple.NowUtc.AddDays(-30 * back),
                    });
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
