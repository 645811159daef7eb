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

        // One round trip (left joins): the person, their active couple and their partner. Every page and write resolves it.
        var me = await (
                from u in db.Users.AsNoTracking()
                where u.Id == userId
                join m in db.CoupleMembers.AsNoTracking().Where(m => m.LeftAtUtc == null) on u.Id equals m.UserId into memberships
                from m in memberships.DefaultIfEmpty()
                join o in db.CoupleMembers.AsNoTracking().Where(o => o.LeftAtUtc == null && o.UserId != userId) on m.CoupleId equals o.CoupleId into partners
                from o in partners.DefaultIfEmpty()
                join pu in db.Users.AsNoTracking() on o.UserId equals pu.Id into partnerUsers
                from pu in partnerUsers.DefaultIfEmpty()
                select new
                {
                    u.DisplayName,
                    u.TimeZoneId,
                    CoupleId = m == null ? (Guid?)null : m.CoupleId,
                    PartnerId = o == null ? (Guid?)null : o.UserId,
                    PartnerName = pu == null ? null : pu.DisplayName,
                })
            .FirstOrDefaultAsync(cancellationToken);
        if (me is null)
        {
            return null;
        }

        var coupleId = me.CoupleId;
        var partner = me.PartnerId is { } partnerId ? new { UserId = partnerId, DisplayName = me.PartnerName ?? string.Empty } : null;

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
