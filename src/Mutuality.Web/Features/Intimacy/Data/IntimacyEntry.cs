using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutuality.Web.Features.Intimacy.Data;

/// <summary>One partner's rating of one kind of intimacy for one month (0–10 fulfilment and importance).</summary>
public sealed class IntimacyEntry
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid AuthorId { get; set; }

    /// <summary>The first day of the author's local month.</summary>
    public DateOnly Month { get; set; }

    public string Kind { get; set; } = string.Empty;

    public int Fulfilment { get; set; }

    public int Importance { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class IntimacyEntryConfiguration : IEntityTypeConfiguration<IntimacyEntry>
{
    public void Configure(EntityTypeBuilder<IntimacyEntry> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(20).IsRequired();
        builder.HasIndex(e => e.CoupleId);
        builder.HasIndex(e => new { e.CoupleId, e.AuthorId, e.Month, e.Kind }).IsUnique();
        builder.HasOne<Mutuality.Web.Data.Couple>().WithMany().HasForeignKey(e => e.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}
