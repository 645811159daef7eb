using Microsoft.AspNetCore.Identity;

namespace Mutuality.Web.Data;

/// <summary>A person's account. Identity holds the credentials; we add how to address them and their zone.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>IANA time-zone id, e.g. "Europe/Berlin".</summary>
    public string TimeZoneId { get; set; } = "UTC";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The 30-second time-step of the last authenticator code accepted: no code of that step or an earlier one counts again.</summary>
    public long? LastAuthenticatorStep { get; set; }
}

/// <summary>A shared space for two partners. It ends when either partner leaves.</summary>
public sealed class Couple
{
    public Guid Id { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? EndedAtUtc { get; set; }

    public List<CoupleMember> Members { get; set; } = [];
}

/// <summary>A person's membership of a couple space. Active while <see cref="LeftAtUtc"/> is null.</summary>
public sealed class CoupleMember
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid UserId { get; set; }

    public DateTime JoinedAtUtc { get; set; }

    public DateTime? LeftAtUtc { get; set; }

    public AppUser? User { get; set; }
}

/// <summary>A single-use invitation into a couple space. Only hashes of its secrets are stored.</summary>
public sealed class Invitation
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid InvitedByUserId { get; set; }

    public string TokenHash { get; set; } = string.Empty;

    public string CodeHash { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? UsedAtUtc { get; set; }

    public Guid? UsedByUserId { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}
