using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Infrastructure.Security;

namespace Mutuality.Web.Features.Repair.Data;

/// <summary>A conflict record with a neutral title. Open until an agreement resolves it.</summary>
public sealed class ConflictRecord
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid OpenedById { get; set; }

    [Encrypted]
    public string Title { get; set; } = string.Empty;

    public DateTime OpenedAtUtc { get; set; }

    public ConflictStatus Status { get; set; }

    public DateTime? ResolvedAtUtc { get; set; }

    public Guid? ResolvedById { get; set; }

    /// <summary>When the latest requested break ends (for the shared timer).</summary>
    public DateTime? BreakEndsAtUtc { get; set; }
}

/// <summary>One partner's side, in four parts. Private to its author until <see cref="SharedAtUtc"/> is set.</summary>
public sealed class ConflictSide
{
    public Guid Id { get; set; }

    public Guid ConflictId { get; set; }

    public Guid CoupleId { get; set; }

    public Guid AuthorId { get; set; }

    [Encrypted]
    public string FeelingsAndNeeds { get; set; } = string.Empty;

    [Encrypted]
    public string HowYouSawIt { get; set; } = string.Empty;

    [Encrypted]
    public string MyImpactOnYou { get; set; } = string.Empty;

    [Encrypted]
    public string YourImpactOnMe { get; set; } = string.Empty;

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SharedAtUtc { get; set; }
}

/// <summary>A repair attempt sent to the partner: it is seen by both as soon as it is sent.</summary>
public sealed class RepairAttempt
{
    public Guid Id { get; set; }

    public Guid ConflictId { get; set; }

    public Guid CoupleId { get; set; }

    public Guid AuthorId { get; set; }

    public RepairKind Kind { get; set; }

    [Encrypted]
    public string Text { get; set; } = string.Empty;

    public DateTime SentAtUtc { get; set; }

    public DateTime? BreakEndsAtUtc { get; set; }
}

/// <summary>A private reflection on a guide prompt. Only its author ever sees it.</summary>
public sealed class GuideReflection
{
    public Guid Id { get; set; }

    public Guid AuthorId { get; set; }

    public string Guide { get; set; } = string.Empty;

    public string PromptKey { get; set; } = string.Empty;

    [Encrypted]
    public string Text { get; set; } = string.Empty;

    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class ConflictRecordConfiguration : IEntityTypeConfiguration<ConflictRecord>
{
    public void Configure(EntityTypeBuilder<ConflictRecord> builder)
    {
        builder.HasIndex(c => c.CoupleId);
        builder.HasOne<Web.Data.Couple>().WithMany().HasForeignKey(c => c.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConflictSideConfiguration : IEntityTypeConfiguration<ConflictSide>
{
    public void Configure(EntityTypeBuilder<ConflictSide> builder)
    {
        builder.HasIndex(s => new { s.ConflictId, s.AuthorId }).IsUnique();
        builder.HasIndex(s => s.CoupleId);
        builder.HasOne<ConflictRecord>().WithMany().HasForeignKey(s => s.ConflictId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RepairAttemptConfiguration : IEntityTypeConfiguration<RepairAttempt>
{
    public void Configure(EntityTypeBuilder<RepairAttempt> builder)
    {
        builder.HasIndex(a => a.ConflictId);
        builder.HasIndex(a => a.CoupleId);
        builder.HasOne<ConflictRecord>().WithMany().HasForeignKey(a => a.ConflictId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuideReflectionConfiguration : IEntityTypeConfiguration<GuideReflection>
{
    public void Configure(EntityTypeBuilder<GuideReflection> builder)
    {
        builder.Property(r => r.Guide).HasMaxLength(40).IsRequired();
        builder.Property(r => r.PromptKey).HasMaxLength(40).IsRequired();
        builder.HasIndex(r => new { r.AuthorId, r.Guide, r.PromptKey }).IsUnique();
        builder.HasOne<Web.Data.AppUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
