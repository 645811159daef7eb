using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutuality.Web.Features.Requests.Data;

/// <summary>A person's opt-in to e-mail about their partner's new requests, with quiet hours in their own zone.</summary>
public sealed class RequestMailPreference
{
    public Guid UserId { get; set; }

    public bool EmailNewRequests { get; set; }

    public int QuietFromHour { get; set; } = Domain.Support.QuietHours.DefaultFromHour;

    public int QuietToHour { get; set; } = Domain.Support.QuietHours.DefaultToHour;
}

internal sealed class RequestMailPreferenceConfiguration : IEntityTypeConfiguration<RequestMailPreference>
{
    public void Configure(EntityTypeBuilder<RequestMailPreference> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.HasOne<Web.Data.AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
