using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutuality.Domain.Mail;

namespace Mutuality.Web.Features.ScheduledMail.Data;

/// <summary>
/// A person's choices about the scheduled e-mails (the request e-mail and its quiet hours live beside it, in
/// <see cref="Requests.Data.RequestMailPreference"/>). No row means the defaults: no digest, monthly reminder on.
/// </summary>
public sealed class MailPreference
{
    public Guid UserId { get; set; }

    /// <summary>Opt-in: a weekly digest of the week's highlights.</summary>
    public bool WeeklyDigest { get; set; }

    public DayOfWeek DigestDay { get; set; } = MailSchedule.DefaultDigestDay;

    /// <summary>Local time of day, in the person's own zone.</summary>
    public TimeOnly DigestTime { get; set; } = MailSchedule.DefaultDigestTime;

    /// <summary>When the digest was last switched on or rescheduled: no digest falls due before it (no surprise "late" digest on opting in).</summary>
    public DateTime? DigestSinceUtc { get; set; }

    /// <summary>On by default once the couple has chosen a monthly check-in day; each person can turn it off.</summary>
    public bool MonthlyReminder { get; set; } = true;

    public DateTime UpdatedAtUtc { get; set; }
}

public enum ScheduledMailKind
{
    WeeklyDigest = 1,
    MonthlyReminder = 2,
}

/// <summary>
/// The ledger of scheduled e-mails: one row per person, kind and period, claimed (inserted, unique) before
/// the e-mail is sent. A claim stands unless the sender reports failure, so a restart never sends a period
/// twice; <see cref="SentAtUtc"/> stays empty when the process died between claim and send (that one is lost:
/// at most once).
/// </summary>
public sealed class ScheduledMailSent
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public ScheduledMailKind Kind { get; set; }

    /// <summary>"2026-W10" for a digest (ISO week of its local day), "2026-03-12" for a monthly reminder (the check-in day).</summary>
    public string PeriodKey { get; set; } = string.Empty;

    public DateTime DueAtUtc { get; set; }

    public DateTime ClaimedAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }
}

internal sealed class MailPreferenceConfiguration : IEntityTypeConfiguration<MailPreference>
{
    public void Configure(EntityTypeBuilder<MailPreference> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.HasOne<Web.Data.AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScheduledMailSentConfiguration : IEntityTypeConfiguration<ScheduledMailSent>
{
    public void Configure(EntityTypeBuilder<ScheduledMailSent> builder)
    {
        builder.ToTable("ScheduledMailSent");
        builder.Property(s => s.PeriodKey).HasMaxLength(16).IsRequired();
        builder.HasIndex(s => new { s.PersonId, s.Kind, s.PeriodKey }).IsUnique();
        builder.HasOne<Web.Data.AppUser>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
