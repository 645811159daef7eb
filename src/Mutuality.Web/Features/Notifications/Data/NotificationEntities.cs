using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutuality.Domain.Notifications;
using Mutuality.Web.Infrastructure.Security;

namespace Mutuality.Web.Features.Notifications.Data;

public enum DeviceChannel
{
    WebPush = 1,
    Ntfy = 2,
}

/// <summary>
/// One device (or ntfy topic) a person receives notices on. The push endpoint and keys, and the ntfy address and
/// token, are secrets of that device: stored encrypted, never exported, never shown back.
/// </summary>
public sealed class PushDevice
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DeviceChannel Channel { get; set; }

    /// <summary>The person's own name for it ("Robin's phone").</summary>
    public string Name { get; set; } = "";

    /// <summary>The push service endpoint, or the ntfy topic URL.</summary>
    [Encrypted]
    public string Endpoint { get; set; } = "";

    /// <summary>SHA-256 of the endpoint: one row per device, found again when the browser subscribes again.</summary>
    public string EndpointHash { get; set; } = "";

    [Encrypted]
    public string? P256dh { get; set; }

    [Encrypted]
    public string? Auth { get; set; }

    /// <summary>An ntfy access token, if the topic needs one.</summary>
    [Encrypted]
    public string? Token { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastDeliveredAtUtc { get; set; }

    /// <summary>Why the last attempt failed, in plain words without content (e.g. "the push service was busy").</summary>
    public string? LastProblem { get; set; }
}

/// <summary>A person's choices: which kinds notify, quiet hours, discreet wording, or nothing at all.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }

    public bool AllOff { get; set; }

    public bool Discreet { get; set; }

    public bool PartnerRequest { get; set; } = true;

    public bool AnswerToMyRequest { get; set; } = true;

    public bool Pebble { get; set; } = true;

    public bool ResponseToMyMoment { get; set; } = true;

    public bool ConflictSideShared { get; set; } = true;

    public bool RevealReady { get; set; } = true;

    public bool MyCheckInReminder { get; set; } = true;

    public bool MonthlyDay { get; set; } = true;

    /// <summary>Quiet hours in the person's zone; both null means none.</summary>
    public TimeOnly? QuietFrom { get; set; } = new(22, 0);

    public TimeOnly? QuietUntil { get; set; } = new(7, 0);

    /// <summary>An urgent request from the partner may come through quiet hours.</summary>
    public bool UrgentThroughQuiet { get; set; } = true;

    public bool Wants(NoticeKind kind) => !AllOff && kind switch
    {
        NoticeKind.PartnerRequest => PartnerRequest,
        NoticeKind.AnswerToMyRequest => AnswerToMyRequest,
        NoticeKind.Pebble => Pebble,
        NoticeKind.ResponseToMyMoment => ResponseToMyMoment,
        NoticeKind.ConflictSideShared => ConflictSideShared,
        NoticeKind.RevealReady => RevealReady,
        NoticeKind.MyCheckInReminder => MyCheckInReminder,
        NoticeKind.MonthlyDay => MonthlyDay,
        NoticeKind.PartnerCheckedIn => true, // the two-sided consent is the choice
        NoticeKind.Test => true,
        _ => false,
    };

    public void Set(NoticeKind kind, bool on)
    {
        switch (kind)
        {
            case NoticeKind.PartnerRequest: PartnerRequest = on; break;
            case NoticeKind.AnswerToMyRequest: AnswerToMyRequest = on; break;
            case NoticeKind.Pebble: Pebble = on; break;
            case NoticeKind.ResponseToMyMoment: ResponseToMyMoment = on; break;
            case NoticeKind.ConflictSideShared: ConflictSideShared = on; break;
            case NoticeKind.RevealReady: RevealReady = on; break;
            case NoticeKind.MyCheckInReminder: MyCheckInReminder = on; break;
            case NoticeKind.MonthlyDay: MonthlyDay = on; break;
            default: break;
        }
    }
}

/// <summary>
/// The outbox: one row per notice per device, written with the event and sent later by the background worker.
/// EventId is the notice's Topic at the push service, so a resend after a crash replaces rather than repeats.
/// Holds only the content-free wording and the page to open.
/// </summary>
public sealed class NotificationOutboxItem
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public Guid UserId { get; set; }

    public Guid DeviceId { get; set; }

    public NoticeKind Kind { get; set; }

    public string Body { get; set; } = "";

    public string Url { get; set; } = "/";

    public bool Urgent { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Not before this instant: the end of quiet hours, or the next try after a busy push service.</summary>
    public DateTime DueAtUtc { get; set; }

    public int Attempts { get; set; }

    /// <summary>A worker holds the row until then (several nodes never send the same row at once).</summary>
    public DateTime? LeasedUntilUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>Given up (gone device, or too many tries); kept briefly for the counts, never retried.</summary>
    public DateTime? AbandonedAtUtc { get; set; }
}

/// <summary>
/// One partner's "yes" to "tell me when my partner has checked in" (C12, issue 15 item 7). It is on for a couple only
/// while both current partners have a row: the first to say yes proposes, the other agrees; either turning it off
/// removes both. When on, it opens one fact of the seal (that a check-in for the period exists) and nothing else.
/// </summary>
public sealed class YourTurnConsent
{
    public Guid CoupleId { get; set; }

    public Guid UserId { get; set; }

    public DateTime AgreedAtUtc { get; set; }
}

/// <summary>The instance's VAPID key pair (one row), the private key protected by the Data Protection key ring.</summary>
public sealed class PushServerKey
{
    public int Id { get; set; }

    public string PublicKey { get; set; } = "";

    public string ProtectedPrivateKey { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class PushDeviceConfiguration : IEntityTypeConfiguration<PushDevice>
{
    public void Configure(EntityTypeBuilder<PushDevice> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(60);
        builder.Property(d => d.EndpointHash).HasMaxLength(64);
        builder.Property(d => d.LastProblem).HasMaxLength(200);
        builder.HasIndex(d => new { d.UserId, d.EndpointHash }).IsUnique();
        builder.HasOne<Web.Data.AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.HasOne<Web.Data.AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationOutboxConfiguration : IEntityTypeConfiguration<NotificationOutboxItem>
{
    public void Configure(EntityTypeBuilder<NotificationOutboxItem> builder)
    {
        builder.ToTable("NotificationOutbox");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Body).HasMaxLength(120);
        builder.Property(o => o.Url).HasMaxLength(200);
        builder.HasIndex(o => new { o.EventId, o.DeviceId }).IsUnique();
        builder.HasIndex(o => new { o.SentAtUtc, o.DueAtUtc });
        builder.HasOne<PushDevice>().WithMany().HasForeignKey(o => o.DeviceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Web.Data.AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class YourTurnConsentConfiguration : IEntityTypeConfiguration<YourTurnConsent>
{
    public void Configure(EntityTypeBuilder<YourTurnConsent> builder)
    {
        builder.HasKey(c => new { c.CoupleId, c.UserId });
        builder.HasIndex(c => c.UserId);
        builder.HasOne<Web.Data.Couple>().WithMany().HasForeignKey(c => c.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Web.Data.AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PushServerKeyConfiguration : IEntityTypeConfiguration<PushServerKey>
{
    public void Configure(EntityTypeBuilder<PushServerKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
    }
}
