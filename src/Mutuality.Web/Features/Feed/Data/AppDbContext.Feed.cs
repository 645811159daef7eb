using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Feed.Data;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    public DbSet<FeedCursor> FeedCursors => Set<FeedCursor>();
}
