using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Intimacy.Data;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    public DbSet<IntimacyEntry> IntimacyEntries => Set<IntimacyEntry>();
}
