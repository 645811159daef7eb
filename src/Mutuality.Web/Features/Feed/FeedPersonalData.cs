using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Feed.Data;
using Mutuality.Web.Features.Shared.PersonalData;

namespace Mutuality.Web.Features.Feed;

/// <summary>The feed in a person's data: where they had read up to goes with their account (the feed itself is the other features' rows).</summary>
public sealed class FeedPersonalData(AppDbContext db) : IPersonalData
{
    public IReadOnlyCollection<Type> Entities { get; } = [typeof(FeedCursor)];

    public Task DeleteAsync(PersonLeaving person, CancellationToken ct)
        => db.FeedCursors.Where(c => c.UserId == person.UserId).ExecuteDeleteAsync(ct);
}
