using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutuality.Domain.Support;

namespace Mutuality.Web.Features.Moments.Data;

/// <summary>
/// A moment of support (or a pebble) written by one partner. Private ones are seen by their author only:
/// every query filters <c>AuthorId == caller || Visibility == Shared</c> next to the couple scope.
/// The receiver's response (or, for a pebble, reaction) lives on the same row: there is at most one.
/// </summary>
public sealed class SupportMoment
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid AuthorId { get; set; }

    public MomentKind Kind { get; set; }

    public MomentDirection Direction { get; set; }

    public SupportType Type { get; set; }

    [Mutuality.Web.Infrastructure.Security.Encrypted]
    public string Note { get; set; } = string.Empty;

    [Mutuality.Web.Infrastructure.Security.Encrypted]
    public string? Link { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    /// <summary>The author's zone when they wrote it, so "when" can be shown as they meant it.</summary>
    public string AuthorTimeZoneId { get; set; } = "UTC";

    public Visibility Visibility { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    public MomentResponseKind? ResponseKind { get; set; }

    public int? ResponseRating { get; set; }

    [Mutuality.Web.Infrastructure.Security.Encrypted]
    public string? ResponseNote { get; set; }

    public DateTime? RespondedAtUtc { get; set; }

    public PebbleReaction? Reaction { get; set; }

    public DateTime? ReactedAtUtc { get; set; }
}

internal sealed class SupportMomentConfiguration : IEntityTypeConfiguration<SupportMoment>
{
    public void Configure(EntityTypeBuilder<SupportMoment> builder)
    {
        builder.Property(m => m.Note).HasMaxLength(MomentRules.NoteMaxLength).IsRequired();
        builder.Property(m => m.Link).HasMaxLength(MomentRules.LinkMaxLength);
        builder.Property(m => m.AuthorTimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(m => m.ResponseNote).HasMaxLength(MomentRules.ResponseNoteMaxLength);
        builder.HasIndex(m => new { m.CoupleId, m.CreatedAtUtc });

        // The unread badge on every page: what the partner shared since I last looked, and answers to what I shared
        // (read from the index alone, however long the history).
        builder.HasIndex(m => new { m.CoupleId, m.AuthorId, m.Visibility, m.CreatedAtUtc, m.RespondedAtUtc, m.ReactedAtUtc })
            .HasDatabaseName("IX_SupportMoments_Unread");
        // By date within a couple; it also covers the columns the insights tallies group by (no table reads).
        builder.HasIndex(m => new { m.CoupleId, m.OccurredAtUtc, m.AuthorId, m.Visibility, m.Direction, m.Kind, m.ResponseKind, m.ResponseRating })
            .HasDatabaseName("IX_SupportMoments_CoupleId_OccurredAtUtc_Insights");
        builder.HasOne<Web.Data.Couple>().WithMany().HasForeignKey(m => m.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}
