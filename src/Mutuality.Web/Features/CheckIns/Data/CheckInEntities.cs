using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutuality.Web.Features.CheckIns.Data;

/// <summary>One person's check-in for one period: a draft until <see cref="SubmittedAtUtc"/> is set, then read-only.</summary>
public sealed class CheckInEntry
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid AuthorId { get; set; }

    /// <summary>The cadence (1 daily, 2 weekly) the period belongs to.</summary>
    public int Cadence { get; set; }

    /// <summary>The first local day of the period in the author's calendar (the day, or the ISO week's Monday).</summary>
    public DateOnly PeriodStart { get; set; }

    /// <summary>The period's label, e.g. "2026-03-02" or "2026-W10".</summary>
    public string PeriodLabel { get; set; } = "";

    /// <summary>The four parts as JSON (see <see cref="CheckInJson"/>).</summary>
    [Mutuality.Web.Infrastructure.Security.Encrypted]
    public string ContentJson { get; set; } = "{}";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>
    /// Brought in from an export (docs/privacy.md): the author's own history, shown only to them. An imported check-in
    /// never counts as sent for a reveal: it neither opens the partner's check-in nor is opened to the partner.
    /// </summary>
    public bool Imported { get; set; }

    /// <summary>
    /// Insights facts (docs/adr/0004-insights-aggregation.md): null = not read yet; 1 = ratings copied, no partner check-in
    /// for the period yet; 2 = ratings copied and <see cref="GuessAgreement"/> computed against the partner's (a reveal).
    /// Only numbers are copied out of the encrypted content; words and free text stay encrypted.
    /// </summary>
    public int? FactsState { get; set; }

    public int? MeSupported { get; set; }

    public int? MeAbleToGive { get; set; }

    public int? MeStress { get; set; }

    public int? GuessSupported { get; set; }

    public int? GuessAbleToGive { get; set; }

    public int? GuessStress { get; set; }

    /// <summary>M5 overall (0–1) of this check-in's guess against the partner's own report, once both have sent.</summary>
    public double? GuessAgreement { get; set; }
}

/// <summary>A reply to something the partner shared at a reveal: thanks for telling me about an impact, or an answer to their question.</summary>
public sealed class CheckInReply
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    /// <summary>The partner's check-in being answered.</summary>
    public Guid CheckInId { get; set; }

    /// <summary>Who wrote the reply (the viewer of the reveal, never the check-in's author).</summary>
    public Guid AuthorId { get; set; }

    /// <summary>1 = thanks for an impact the partner shared; 2 = an answer to the partner's question.</summary>
    public int Kind { get; set; }

    [Mutuality.Web.Infrastructure.Security.Encrypted]
    public string Text { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>The couple's cadence, and a change one partner proposed that the other has not agreed to yet.</summary>
public sealed class CheckInCoupleSettings
{
    public Guid CoupleId { get; set; }

    public int Cadence { get; set; } = 1;

    public int? ProposedCadence { get; set; }

    public Guid? ProposedByUserId { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A person's own check-in reminder time (local wall-clock time in their zone) and private calendar token.</summary>
public sealed class CheckInPersonSettings
{
    public Guid UserId { get; set; }

    public Guid CoupleId { get; set; }

    public TimeOnly? ReminderTime { get; set; }

    /// <summary>Opt-in: also send the reminder by e-mail.</summary>
    public bool EmailReminders { get; set; }

    /// <summary>The local day the last reminder e-mail was sent for, so each day gets at most one.</summary>
    public DateOnly? LastEmailReminderDay { get; set; }

    /// <summary>SHA-256 of the secret calendar-feed token; null when no feed is active.</summary>
    public string? FeedTokenHash { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class CheckInEntryConfiguration : IEntityTypeConfiguration<CheckInEntry>
{
    public void Configure(EntityTypeBuilder<CheckInEntry> builder)
    {
        builder.ToTable("CheckIns");
        builder.Property(c => c.PeriodLabel).HasMaxLength(10).IsRequired();
        builder.Property(c => c.ContentJson).IsRequired();
        builder.HasIndex(c => c.CoupleId);

        // One check-in per person per period, held by the database.
        builder.HasIndex(c => new { c.AuthorId, c.Cadence, c.PeriodStart }).IsUnique();
        builder.HasIndex(c => new { c.CoupleId, c.Cadence, c.PeriodStart });

        // Insights read a period's check-ins by date whatever the cadence. The index covers every column those
        // queries read: the encrypted content makes rows long (overflow pages), so reading the table is slow.
        builder.HasIndex(c => new
        {
            c.CoupleId,
            c.PeriodStart,
            c.AuthorId,
            c.Cadence,
            c.SubmittedAtUtc,
            c.FactsState,
            c.MeSupported,
            c.MeAbleToGive,
            c.MeStress,
            c.GuessSupported,
            c.GuessAbleToGive,
            c.GuessStress,
            c.GuessAgreement,
        }).HasDatabaseName("IX_CheckIns_Insights");
    }
}

internal sealed class CheckInReplyConfiguration : IEntityTypeConfiguration<CheckInReply>
{
    public void Configure(EntityTypeBuilder<CheckInReply> builder)
    {
        builder.ToTable("CheckInReplies");
        builder.Property(r => r.Text).HasMaxLength(2000).IsRequired();
        builder.HasIndex(r => r.CoupleId);
        builder.HasIndex(r => new { r.CheckInId, r.AuthorId, r.Kind }).IsUnique();
    }
}

internal sealed class CheckInCoupleSettingsConfiguration : IEntityTypeConfiguration<CheckInCoupleSettings>
{
    public void Configure(EntityTypeBuilder<CheckInCoupleSettings> builder)
    {
        builder.ToTable("CheckInCoupleSettings");
        builder.HasKey(s => s.CoupleId);
    }
}

internal sealed class CheckInPersonSettingsConfiguration : IEntityTypeConfiguration<CheckInPersonSettings>
{
    public void Configure(EntityTypeBuilder<CheckInPersonSettings> builder)
    {
        builder.ToTable("CheckInPersonSettings");
        builder.HasKey(s => s.UserId);
        builder.HasIndex(s => s.CoupleId);
        builder.Property(s => s.FeedTokenHash).HasMaxLength(64);
        builder.HasIndex(s => s.FeedTokenHash).IsUnique();
    }
}
