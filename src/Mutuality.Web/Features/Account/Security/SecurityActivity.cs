using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Features.Account.Security;

/// <summary>The kinds of security event a person can see about their own account.</summary>
public static class SecurityEventKinds
{
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string TwoFactorOn = "two-factor-on";
    public const string TwoFactorOff = "two-factor-off";
    public const string RecoveryCodesMade = "recovery-codes-made";
    public const string OtherSessionsSignedOut = "other-sessions-signed-out";
    public const string SessionSignedOut = "session-signed-out";
    public const string Exported = "exported";
    public const string EmailChanged = "email-changed";

    public static string Describe(string kind) => kind switch
    {
        SignedIn => "Signed in",
        SignInFailed => "A sign-in attempt with a wrong password",
        LockedOut => "Locked for 15 minutes after several wrong attempts",
        PasswordChanged => "Password changed",
        PasswordReset => "Password reset by e-mail link",
        TwoFactorOn => "Two-step sign-in turned on",
        TwoFactorOff => "Two-step sign-in turned off",
        RecoveryCodesMade => "New recovery codes made",
        EmailChanged => "E-mail address changed",
        OtherSessionsSignedOut => "All other sessions signed out",
        SessionSignedOut => "A session was signed out",
        Exported => "Your data was exported",
        _ => kind,
    };
}

/// <summary>
/// Server-side sessions on top of Identity's cookie: each sign-in gets a session id claim and a row; a
/// revoked row signs that browser out at its next request. Also records security events for the owner.
/// </summary>
public sealed class SecurityActivity(AppDbContext db, TimeProvider clock)
{
    public const string SessionClaim = "mutuality:sid";

    public async Task RecordAsync(Guid userId, string kind, HttpContext? http, CancellationToken ct = default)
    {
        db.SecurityEvents.Add(new SecurityEvent
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            Device = DeviceOf(http),
        });
        ForgetRefusedAccountChanges(db);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Identity saves each change to an account at once. An account row still marked changed when a security row is
    /// written is a change the database refused because a simultaneous request changed the row first (two browsers
    /// sending one code, wrong passwords at once): it must not ride along with the security row and fail it — the
    /// person who signed in would get a 500 (issue 20, item 1; issue 12, item 11).
    /// </summary>
    private static void ForgetRefusedAccountChanges(AppDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<AppUser>().Where(e => e.State == EntityState.Modified).ToList())
        {
            entry.State = EntityState.Unchanged;
        }
    }

    public static Guid? SessionIdOf(ClaimsPrincipal? principal)
        => Guid.TryParse(principal?.FindFirstValue(SessionClaim), out var id) ? id : null;

    /// <summary>Cookie events: a new sign-in starts a session; refreshes keep it; a revoked session is rejected.</summary>
    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Events.OnSigningIn = async context =>
        {
            if (context.Principal?.Identity is not ClaimsIdentity identity || CallerUserId(context.Principal) is not { } userId)
            {
                return;
            }

            // A refresh (profile change, two-step on) re-issues the cookie: keep the same session.
            var existing = SessionIdOf(context.HttpContext.User);
            if (existing is not null && CallerUserId(context.HttpContext.User) == userId)
            {
                identity.AddClaim(new Claim(SessionClaim, existing.Value.ToString()));
                return;
            }

            var services = context.HttpContext.RequestServices;
            var db = services.GetRequiredService<AppDbContext>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var device = DeviceOf(context.HttpContext);
            var session = new UserSession { Id = Guid.CreateVersion7(), UserId = userId, CreatedAtUtc = now, LastSeenAtUtc = now, Device = device };
            db.UserSessions.Add(session);
            db.SecurityEvents.Add(new SecurityEvent { Id = Guid.CreateVersion7(), UserId = userId, AtUtc = now, Kind = SecurityEventKinds.SignedIn, Device = device });
            ForgetRefusedAccountChanges(db);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (Exception e) when (StorageUnavailable.IsStorageAway(e))
            {
                // The password was right; only the session row could not be written (a full disk, read-only). The person
                // is signed in without a listed session (the security stamp still signs them out everywhere) (issue 20).
                db.ChangeTracker.Clear();
                services.GetRequiredService<ILoggerFactory>().CreateLogger<SecurityActivity>()
                    .LogWarning("Could not record the new session at sign-in ({Reason}); signed in without it", e.GetBaseException().Message);
                return;
            }

            identity.AddClaim(new Claim(SessionClaim, session.Id.ToString()));
        };

        options.Events.OnValidatePrincipal = async context =>
        {
            var sessionId = SessionIdOf(context.Principal);
            var services = context.HttpContext.RequestServices;
            var recent = services.GetRequiredService<IMemoryCache>();
            if (sessionId is not null && !recent.TryGetValue(CacheKey(sessionId.Value), out _))
            {
                var db = services.GetRequiredService<AppDbContext>();
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                var session = await db.UserSessions.AsNoTracking()
                    .Where(s => s.Id == sessionId)
                    .Select(s => new { s.RevokedAtUtc, s.LastSeenAtUtc })
                    .SingleOrDefaultAsync();
                if (session is null || session.RevokedAtUtc is not null)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                if (now - session.LastSeenAtUtc > TimeSpan.FromMinutes(5))
                {
                    try
                    {
                        await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, now));
                    }
                    catch (Exception e) when (StorageUnavailable.IsStorageAway(e))
                    {
                        // "Last seen" is a nicety: a database that takes no writes must not stop the page (issue 20).
                        services.GetRequiredService<ILoggerFactory>().CreateLogger<SecurityActivity>()
                            .LogInformation("Could not update the session's last-seen time ({Reason})", e.GetBaseException().Message);
                    }
                }

                // A live session is re-checked at most every 30 seconds; this server forgets it at once when it is revoked.
                recent.Set(CacheKey(sessionId.Value), true, TimeSpan.FromSeconds(30));
            }

            // Identity's validator checks the stamp only once the interval has passed since the cookie was issued;
            // asking the same question first spares building the sign-in and user managers on every other request.
            var stamp = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
            var issued = context.Properties.IssuedUtc;
            if (issued is null || (stamp.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued.Value > stamp.ValidationInterval)
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            }
        };
    }

    private static string CacheKey(Guid sessionId) => "session:" + sessionId.ToString("N");

    /// <summary>Makes this server check these sessions against the database at their next request.</summary>
    public static void Forget(IMemoryCache cache, IEnumerable<Guid> sessionIds)
    {
        foreach (var id in sessionIds)
        {
            cache.Remove(CacheKey(id));
        }
    }

    /// <summary>When Identity refreshes the principal (security stamp check), the session claim comes along.</summary>
    public static void KeepSessionOnRefresh(SecurityStampValidatorOptions options)
        => options.OnRefreshingPrincipal = context =>
        {
            var sid = context.CurrentPrincipal?.FindFirst(SessionClaim);
            if (sid is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SessionClaim))
            {
                identity.AddClaim(new Claim(SessionClaim, sid.Value));
            }

            return Task.CompletedTask;
        };

    private static Guid? CallerUserId(ClaimsPrincipal? principal)
        => Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>"Firefox on Android" from a user-agent; coarse on purpose.</summary>
    public static string DeviceOf(HttpContext? http)
    {
        var ua = http?.Request.Headers.UserAgent.ToString() ?? string.Empty;
        static bool Has(string ua, string s) => ua.Contains(s, StringComparison.OrdinalIgnoreCase);
        var browser = Has(ua, "Edg/") ? "Edge"
            : Has(ua, "Firefox/") ? "Firefox"
            : Has(ua, "Chrome/") || Has(ua, "Chromium/") ? "Chrome"
            : Has(ua, "Safari/") ? "Safari"
            : "A browser";
        var system = Has(ua, "Android") ? "Android"
            : Has(ua, "iPhone") || Has(ua, "iPad") ? "iPhone or iPad"
            : Has(ua, "Windows") ? "Windows"
            : Has(ua, "Mac OS") ? "a Mac"
            : Has(ua, "Linux") ? "Linux"
            : "an unknown system";
        return $"{browser} on {system}";
    }
}
