using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Repair.Data;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    public DbSet<ConflictRecord> ConflictRecords => Set<ConflictRecord>();

    public DbSet<ConflictSide> ConflictSides => Set<ConflictSide>();

    public DbSet<RepairAttempt> RepairAttempts => Set<RepairAttempt>();

    public DbSet<GuideReflection> GuideReflections => Set<GuideReflection>();
}
