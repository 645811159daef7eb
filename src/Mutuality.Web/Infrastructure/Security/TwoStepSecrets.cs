using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;

namespace Mutuality.Web.Infrastructure.Security;

/// <summary>
/// Two-step secrets (the authenticator key and the recovery codes) are stored encrypted like free text. Versions before
/// that stored them as plain text; at start-up every such row is rewritten encrypted, and until then it is still read,
/// so an account with two-step on keeps signing in across the upgrade.
/// </summary>
public static class TwoStepSecrets
{
    /// <summary>How every Data Protection payload begins (its magic header, base64url-encoded).</summary>
    public const string ProtectedPrefix = "CfDJ8";

    /// <summary>Encrypts every secret row still in plain text; returns how many there were.</summary>
    public static async Task<int> EncryptPlainRowsAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var plain = await db.UserTokens
            .FromSql($"SELECT * FROM \"AspNetUserTokens\" WHERE \"Value\" IS NOT NULL AND substr(\"Value\", 1, 5) <> 'CfDJ8'")
            .ToListAsync(cancellationToken);
        foreach (var row in plain)
        {
            // Read as it was (plain), written back through the converter (encrypted).
            db.Entry(row).Property(t => t.Value).IsModified = true;
        }

        if (plain.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return plain.Count;
    }
}
