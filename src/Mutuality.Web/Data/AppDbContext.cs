using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Infrastructure.Security;

namespace Mutuality.Web.Data;

/// <summary>
/// The one context. Each provider has a thin subclass so that each keeps its own migration set
/// (see docs/adr/0002-two-migration-sets.md). It is partial: each feature adds its DbSets in its own file
/// (Features/<Feature>/Data/AppDbContext.<Feature>.cs) and its configurations are found by assembly scan.
/// </summary>
public abstract partial class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Couple> Couples => Set<Couple>();

    public DbSet<CoupleMember> CoupleMembers => Set<CoupleMember>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        EncryptedTextModel.Apply(builder, this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime we store is UTC; SQLite hands them back as Unspecified, so we say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
