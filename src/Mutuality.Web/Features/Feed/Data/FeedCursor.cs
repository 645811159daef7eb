using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutuality.Web.Features.Feed.Data;

/// <summary>How far a person has read their couple feed: items from the partner after this are unread.</summary>
public sealed class FeedCursor
{
    public Guid UserId { get; set; }

    public DateTime SeenAtUtc { get; set; }
}

internal sealed class FeedCursorConfiguration : IEntityTypeConfiguration<FeedCursor>
{
    public void Configure(EntityTypeBuilder<FeedCursor> builder)
    {
        builder.HasKey(c => c.UserId);
        builder.HasOne<Web.Data.AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
