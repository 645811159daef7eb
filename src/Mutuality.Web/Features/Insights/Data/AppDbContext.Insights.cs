using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Insights.Data;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    public DbSet<InsightDismissal> InsightDismissals => Set<InsightDismissal>();

    public DbSet<InsightVersion> InsightVersions => Set<InsightVersion>();
}
