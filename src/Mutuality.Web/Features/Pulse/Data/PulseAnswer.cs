using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutuality.Web.Features.Pulse.Data;

/// <summary>One partner's answer to one pulse statement for one month (M9).</summary>
public sealed class PulseAnswer
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid AuthorId { get; set; }

    /// <summary>The first day of the author's local month.</summary>
    public DateOnly Month { get; set; }

    public string ItemId { get; set; } = string.Empty;

    public int Value { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class PulseAnswerConfiguration : IEntityTypeConfiguration<PulseAnswer>
{
    public void Configure(EntityTypeBuilder<PulseAnswer> builder)
    {
        builder.Property(a => a.ItemId).HasMaxLength(20).IsRequired();
        builder.HasIndex(a => a.CoupleId);

        // One answer per statement, per person, per month: a second submission cannot slip in.
        builder.HasIndex(a => new { a.CoupleId, a.AuthorId, a.Month, a.ItemId }).IsUnique();
        builder.HasOne<Mutuality.Web.Data.Couple>().WithMany().HasForeignKey(a => a.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}
