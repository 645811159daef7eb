using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutuality.Domain.Support;

namespace Mutuality.Web.Features.Requests.Data;

/// <summary>
/// A need said as a request. Both partners see it. <see cref="State"/> is the stored state; "missed" is
/// computed from the clock (<see cref="SupportRequests.EffectiveState"/>). Every change is a conditional
/// update on <see cref="Version"/>, so two answers at once leave one outcome.
/// </summary>
public sealed class SupportRequest
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid RequesterId { get; set; }

    public Guid PartnerId { get; set; }

    [Mutuality.Web.Infrastructure.Security.Encrypted]
    public string Feeling { get; set; } = string.Empty;

    [Mutuality.Web.Infrastructure.Security.Encrypted]
    public string Need { get; set; } = string.Empty;

    public SupportType AskedType { get; set; }

    public Urgency Urgency { get; set; }

    public DateTime WindowEndsUtc { get; set; }

    public string RequesterTimeZoneId { get; set; } = "UTC";

    public RequestState State { get; set; }

    public DateTime? FirstAnsweredAtUtc { get; set; }

    public DateTime? ProposedAtUtc { get; set; }

    [Mutuality.Web.Infrastructure.Security.Encrypted]
    public string? Alternative { get; set; }

    public SupportType? GivenType { get; set; }

    public DateTime? DoneAtUtc { get; set; }

    public RequestOutcome? Outcome { get; set; }

    [Mutuality.Web.Infrastructure.Security.Encrypted]
    public string? ThankYou { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public int Version { get; set; }

    public DateTime? EmailedAtUtc { get; set; }

    public RequestSnapshot Snapshot() => new(State, WindowEndsUtc, FirstAnsweredAtUtc);
}

/// <summary>One line of a request's history.</summary>
public sealed class RequestEvent
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid RequestId { get; set; }

    public Guid ActorId { get; set; }

    public RequestEventKind Kind { get; set; }

    [Mutuality.Web.Infrastructure.Security.Encrypted]
    public string? Text { get; set; }

    public DateTime? ProposedAtUtc { get; set; }

    public SupportType? GivenType { get; set; }

    public RequestOutcome? Outcome { get; set; }

    public DateTime AtUtc { get; set; }
}

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.Property(r => r.Feeling).HasMaxLength(SupportRequests.FeelingMaxLength).IsRequired();
        builder.Property(r => r.Need).HasMaxLength(SupportRequests.NeedMaxLength).IsRequired();
        builder.Property(r => r.Alternative).HasMaxLength(SupportRequests.AlternativeMaxLength);
        builder.Property(r => r.ThankYou).HasMaxLength(SupportRequests.ThankYouMaxLength);
        builder.Property(r => r.RequesterTimeZoneId).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => new { r.CoupleId, r.CreatedAtUtc });

        // Insights count requests done in a period (M1) by date range.
        builder.HasIndex(r => new { r.CoupleId, r.DoneAtUtc });
        builder.HasOne<Web.Data.Couple>().WithMany().HasForeignKey(r => r.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.Property(e => e.Text).HasMaxLength(500);
        builder.HasIndex(e => new { e.CoupleId, e.AtUtc });
        builder.HasIndex(e => new { e.CoupleId, e.ActorId, e.AtUtc }); // the unread badge
        builder.HasIndex(e => e.RequestId);
        builder.HasOne<SupportRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
