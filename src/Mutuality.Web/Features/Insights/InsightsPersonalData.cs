using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Insights.Data;
using Mutuality.Web.Features.Shared.PersonalData;

namespace Mutuality.Web.Features.Insights;

/// <summary>Insights in a person's data: the insights they dismissed go with their account (the numbers are read from the other features' rows).</summary>
public sealed class InsightsPersonalData(AppDbContext db) : IPersonalData
{
    public IReadOnlyCollection<Type> Entities { get; } = [typeof(InsightDismissal)];

    public Task DeleteAsync(PersonLeaving person, CancellationToken ct)
        => db.InsightDismissals.Where(d => d.UserId == person.UserId).ExecuteDeleteAsync(ct);
}
