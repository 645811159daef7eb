using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Infrastructure.Security;

namespace Mutuality.Web.Features.Monthly.Data;

/// <summary>The couple's chosen day of the month for the check-in (one row per couple).</summary>
public sealed class MonthlyRhythmSetting
{
    public Guid CoupleId { get; set; }

    public int DayOfMonth { get; set; }

    public Guid ChosenById { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>One month's check-in and where its talk mode stands (shared by both phones).</summary>
public sealed class MonthlyCheckIn
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    /// <summary>The first day of the month the check-in belongs to.</summary>
    public DateOnly Month { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Who started talk mode: they speak first on each topic. Null until the talk starts.</summary>
    public Guid? StarterId { get; set; }

    public DateTime? TalkStartedAtUtc { get; set; }

    public int TopicIndex { get; set; }

    public TalkSpeaker Speaker { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    public DateTime? BreakEndsAtUtc { get; set; }
}

/// <summary>One partner's private preparation for a check-in. The partner sees it only once <see cref="SharedAtUtc"/> is set.</summary>
public sealed class MonthlyPreparation
{
    public Guid Id { get; set; }

    public Guid CheckInId { get; set; }

    public Guid CoupleId { get; set; }

    public Guid AuthorId { get; set; }

    [Encrypted]
    public string Appreciations { get; set; } = string.Empty;

    [Encrypted]
    public string WentWell { get; set; } = string.Empty;

    [Encrypted]
    public string HardThing { get; set; } = string.Empty;

    [Encrypted]
    public string NeedNextMonth { get; set; } = string.Empty;

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SharedAtUtc { get; set; }
}

/// <summary>An agreement (who, what, by when), made at a check-in or to resolve a conflict; reviewed once, later.</summary>
public sealed class RitualAgreement
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid CreatedById { get; set; }

    /// <summary>The partner it is for; null when it's for both.</summary>
    public Guid? OwnerId { get; set; }

    [Encrypted]
    public string What { get; set; } = string.Empty;

    public DateOnly? DueOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public Guid? CheckInId { get; set; }

    public Guid? ConflictId { get; set; }

    public Guid? CarriedOnFromId { get; set; }

    public AgreementOutcome? Outcome { get; set; }

    public bool CarriedOn { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public Guid? ReviewedById { get; set; }
}

internal sealed class MonthlyRhythmSettingConfiguration : IEntityTypeConfiguration<MonthlyRhythmSetting>
{
    public void Configure(EntityTypeBuilder<MonthlyRhythmSetting> builder)
    {
        builder.HasKey(r => r.CoupleId);
        builder.HasOne<Web.Data.Couple>().WithMany().HasForeignKey(r => r.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MonthlyCheckInConfiguration : IEntityTypeConfiguration<MonthlyCheckIn>
{
    public void Configure(EntityTypeBuilder<MonthlyCheckIn> builder)
    {
        builder.HasIndex(c => new { c.CoupleId, c.Month }).IsUnique();
        builder.HasOne<Web.Data.Couple>().WithMany().HasForeignKey(c => c.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MonthlyPreparationConfiguration : IEntityTypeConfiguration<MonthlyPreparation>
{
    public void Configure(EntityTypeBuilder<MonthlyPreparation> builder)
    {
        builder.HasIndex(p => new { p.CheckInId, p.AuthorId }).IsUnique();
        builder.HasIndex(p => p.CoupleId);
        builder.HasOne<MonthlyCheckIn>().WithMany().HasForeignKey(p => p.CheckInId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RitualAgreementConfiguration : IEntityTypeConfiguration<RitualAgreement>
{
    public void Configure(EntityTypeBuilder<RitualAgreement> builder)
    {
        builder.HasIndex(a => a.CoupleId);
        builder.HasIndex(a => a.CheckInId);
        builder.HasIndex(a => a.ConflictId);
        builder.HasOne<Web.Data.Couple>().WithMany().HasForeignKey(a => a.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}
