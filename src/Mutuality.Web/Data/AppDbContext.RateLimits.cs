using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Infrastructure.Security;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    /// <summary>Attempt and export limits counted across nodes (issue 18, item 5).</summary>
    public DbSet<RateLimitWindow> RateLimitWindows => Set<RateLimitWindow>();
}
