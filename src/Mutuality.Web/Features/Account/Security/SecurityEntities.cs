namespace Mutuality.Web.Data;

/// <summary>One signed-in browser or device. Revoking it signs that browser out at its next request.</summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime LastSeenAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>A coarse description such as "Firefox on Android" — never the full user-agent or an IP address.</summary>
    public string Device { get; set; } = string.Empty;
}

/// <summary>Something that happened to an account's security, shown only to that account's owner.</summary>
public sealed class SecurityEvent
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTime AtUtc { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Device { get; set; } = string.Empty;
}

public abstract partial class AppDbContext
{
    public Microsoft.EntityFrameworkCore.DbSet<UserSession> UserSessions => Set<UserSession>();

    public Microsoft.EntityFrameworkCore.DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
}
