using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutuality.Web.Features.Insights.Data;

/// <summary>A nudge one person dismissed: it stays away for them (only them) until the rule fires for a new period.</summary>
public sealed class InsightDismissal
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string PeriodKey { get; set; } = string.Empty;

    public DateTime DismissedAtUtc { get; set; }
}

internal sealed class InsightDismissalConfiguration : IEntityTypeConfiguration<InsightDismissal>
{
    public void Configure(EntityTypeBuilder<InsightDismissal> builder)
    {
        builder.Property(d => d.Kind).HasMaxLength(40).IsRequired();
        builder.Property(d => d.PeriodKey).HasMaxLength(20).IsRequired();
        builder.HasIndex(d => new { d.UserId, d.Kind, d.PeriodKey }).IsUnique();
        builder.HasOne<Mutuality.Web.Data.AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
