using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Notifications.Data;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Notifications;

/// <summary>
/// The instance's VAPID identity: one P-256 key pair made the first time it is needed and kept in the database
/// with the private key protected by the Data Protection key ring (never in clear, never in a plain file). Several
/// nodes starting together all try to insert row 1; one wins and the others read it.
/// </summary>
public sealed class VapidKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptions<MailOptions> mail, TimeProvider clock) : IDisposable
{
    public const string Purpose = "Mutuality.Notifications.Vapid.v1";

    private readonly SemaphoreSlim gate = new(1, 1);

    private (string PublicKey, string PrivateKey)? keys;

    /// <summary>The subject the push services see: the instance's public address (or a neutral mailto when none is set).</summary>
    public string Subject
    {
        get
        {
            var configured = mail.Value.PublicBaseUrl;
            return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                ? uri.GetLeftPart(UriPartial.Authority)
                : "mailto:push@mutuality.invalid";
        }
    }

    /// <summary>
    /// Why Apple's push service cannot be used here, or null when it can. Apple refuses a VAPID subject on
    /// localhost, .local or .invalid (or none at all); the rest of the app is unaffected.
    /// </summary>
    public string? AppleUnavailableReason
    {
        get
        {
            var configured = mail.Value.PublicBaseUrl;
            if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri))
            {
                return "Notifications to iPhones and iPads are off: this instance has no public address (Mail:PublicBaseUrl), and Apple's push service needs one.";
            }

            var host = uri.Host.ToLowerInvariant();
            return host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || host.EndsWith(".local", StringComparison.Ordinal)
                || host.EndsWith(".invalid", StringComparison.Ordinal) || System.Net.IPAddress.TryParse(host, out _)
                ? $"Notifications to iPhones and iPads are off: Apple's push service refuses this instance's address ({host}). Set Mail:PublicBaseUrl to its real public address."
                : null;
        }
    }

    public static bool IsApple(string endpoint)
        => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Host.EndsWith(".push.apple.com", StringComparison.OrdinalIgnoreCase);

    public async Task<(string PublicKey, string PrivateKey)> GetAsync(CancellationToken ct = default)
    {
        if (keys is { } known)
        {
            return known;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (keys is { } again)
            {
                return again;
            }

            var protector = protection.CreateProtector(Purpose);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await db.PushServerKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == 1, ct);
            if (row is null)
            {
                using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var p = ecdsa.ExportParameters(includePrivateParameters: true);
                var publicKey = Base64Url([0x04, .. p.Q.X!, .. p.Q.Y!]);
                db.PushServerKeys.Add(new PushServerKey
                {
                    Id = 1,
                    PublicKey = publicKey,
                    ProtectedPrivateKey = protector.Protect(Base64Url(p.D!)),
                    CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another node made the pair first: use theirs.
                }

                row = await db.PushServerKeys.AsNoTracking().FirstAsync(k => k.Id == 1, ct);
            }

            keys = (row.PublicKey, protector.Unprotect(row.ProtectedPrivateKey));
            return keys.Value;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
