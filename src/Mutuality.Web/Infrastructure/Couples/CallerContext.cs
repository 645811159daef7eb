using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;

namespace Mutuality.Web.Infrastructure.Couples;

/// <summary>The signed-in person's place: who they are and, if they have one, their active couple and partner.</summary>
public sealed record Caller(Guid UserId, string DisplayName, string TimeZoneId, Guid? CoupleId, Guid? PartnerId, string? PartnerName)
{
    public bool HasCouple => CoupleId is not null;

    public bool HasPartner => PartnerId is not null;
}

/// <summary>
/// Resolves the caller once per request. Every couple-scoped query filters by <see cref="Caller.CoupleId"/>;
/// a resource outside it does not exist for the caller (404).
/// </summary>
public sealed class CallerContext(IHttpContextAccessor accessor, AppDbContext db)
{
    private Caller? _caller;
    private bool _loaded;

    public static Guid? UserIdOf(ClaimsPrincipal principal)
        => Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The caller, or null when nobody is signed in (or the account no longer exists).</summary>
    public async Task<Caller?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return _caller;
        }

        _loaded = true;
        var principal = accessor.HttpContext?.User;
        var userId = principal is null ? null : UserIdOf(principal);
        if (userId is null)
        {
            return null;
        }

        var me = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.TimeZoneId })
            .SingleOrDefaultAsync(cancellationToken);
        if (me is null)
        {
            return null;
        }

        var coupleId = await db.CoupleMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.LeftAtUtc == null)
            .Select(m => (Guid?)m.CoupleId)
            .SingleOrDefaultAsync(cancellationToken);

        var partner = coupleId is null
            ? null
            : await db.CoupleMembers.AsNoTracking()
                .Where(m => m.CoupleId == coupleId && m.UserId != userId && m.LeftAtUtc == null)
                .Select(m => new { m.UserId, m.User!.DisplayName })
                .SingleOrDefaultAsync(cancellationToken);

        _caller = new Caller(userId.Value, me.DisplayName, me.TimeZoneId, coupleId, partner?.UserId, partner?.DisplayName);
        return _caller;
    }

    /// <summary>Forgets what was loaded, after a write that changed the caller's couple.</summary>
    public void Forget()
    {
        _loaded = false;
        _caller = null;
    }

    /// <summary>The caller, for pages that require sign-in (the authorisation policy guarantees one).</summary>
    public async Task<Caller> RequireAsync(CancellationToken cancellationToken = default)
        => await GetAsync(cancellationToken) ?? throw new InvalidOperationException("This page requires a signed-in person.");
}
