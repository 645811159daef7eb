using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Pulse.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Composition;
using PulseRules = Mutuality.Domain.Rituals.Pulse;

namespace Mutuality.Web.Features.Pulse;

public static class PulseSetup
{
    /// <summary>Our pulse: its demo history and its link.</summary>
    public static IServiceCollection AddPulse(this IServiceCollection services)
        => services.AddScoped<IDemoHistory, PulseDemoHistory>()
            .AddPersonalData<PulsePersonalData>()
            .AddNavLink(NavPlace.More, 40, "/Pulse", "Our pulse", c => c.HasCouple);
}

/// <summary>Six months of pulses for Robin and Sam; this month only Robin has answered, so Sam's page shows the form.</summary>
public sealed class PulseDemoHistory(AppDbContext db) : IDemoHistory
{
    public async Task SeedAsync(DemoCouple couple, CancellationToken ct)
    {
        var random = new Random(42);
        foreach (var (person, zone, lean) in new[] { (couple.RobinId, "Europe/London", 0), (couple.SamId, "America/New_York", 0) })
        {
            var thisMonth = PulseRules.MonthOf(couple.NowUtc, TimeZones.FindOrUtc("Europe/London"), TimeZones.FindOrUtc("America/New_York"));
            for (var back = 5; back >= 0; back--)
            {
                if (back == 0 && person == couple.SamId)
                {
                    continue;
                }

                var month = thisMonth.AddMonths(-back);

                // A dip two and three months ago (a hard stretch at work), then a recovery.
                var dip = back is 2 or 3 ? -1 : 0;
                foreach (var item in PulseRules.Items)
                {
                    var value = Math.Clamp(4 + lean + dip + random.Next(-1, 2), PulseRules.Min, PulseRules.Max);
                    db.PulseAnswers.Add(new PulseAnswer
                    {
                        Id = Guid.CreateVersion7(),
                        CoupleId = couple.CoupleId,
                        AuthorId = person,
                        Month = month,
                        ItemId = item.Id,
                        Value = value,
                        CreatedAtUtc = couple.NowUtc.AddDays(-30 * back),
                    });
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
