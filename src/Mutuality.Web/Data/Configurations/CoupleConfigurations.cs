using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutuality.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(60).IsRequired();
        builder.Property(u => u.TimeZoneId).HasMaxLength(64).IsRequired();
    }
}

internal sealed class CoupleConfiguration : IEntityTypeConfiguration<Couple>
{
    public void Configure(EntityTypeBuilder<Couple> builder)
    {
        builder.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoupleMemberConfiguration : IEntityTypeConfiguration<CoupleMember>
{
    public void Configure(EntityTypeBuilder<CoupleMember> builder)
    {
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);

        // One active couple per person, held by the database as well as by the rules.
        builder.HasIndex(m => m.UserId).IsUnique().HasFilter("\"LeftAtUtc\" IS NULL");
        builder.HasIndex(m => m.CoupleId);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.CodeHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.CodeHash).IsUnique();
        builder.HasIndex(i => i.CoupleId);
        builder.HasOne<Couple>().WithMany().HasForeignKey(i => i.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}
