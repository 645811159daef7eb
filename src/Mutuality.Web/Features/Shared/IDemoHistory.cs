namespace Mutuality.Web.Features.Shared;

/// <summary>The demo couple, for features that add their history to it.</summary>
public sealed record DemoCouple(Guid CoupleId, Guid RobinId, Guid SamId, DateTime NowUtc);

/// <summary>A feature's contribution to the demo couple's history. Register with <c>AddScoped&lt;IDemoHistory, ...&gt;</c>.</summary>
public interface IDemoHistory
{
    Task SeedAsync(DemoCouple couple, CancellationToken ct);
}
