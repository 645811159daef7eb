using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Mutuality.Web.Data;

namespace Mutuality.Web.Infrastructure.Couples;

/// <summary>The signed-in person's place: who they are and, if they have one, their active couple and partner.</summary>
public sealed record Caller(Guid UserId, string DisplayName, string TimeZoneId, Guid? CoupleId, Guid? PartnerId, string? PartnerName, string? PartnerTimeZoneId = null)
{
    public bool HasCouple => CoupleId is not null;

    public bool HasPartner => PartnerId is not null;

    /// <summary>The couple's month now: the same for both partners wherever each lives (<see cref="Domain.Rituals.MonthlyRhythm.CoupleMonthOf"/>).</summary>
    public DateOnly CoupleMonth(DateTime nowUtc) => Domain.Rituals.MonthlyRhythm.CoupleMonthOf(
        nowUtc, Domain.People.TimeZones.FindOrUtc(TimeZoneId), PartnerTimeZoneId is null ? null : Domain.People.TimeZones.FindOrUtc(PartnerTimeZoneId));
}

/// <summary>
/// The caller's row, read by one precompiled query (left joins): the person, their active couple and their partner.
/// Every page and write resolves it, so it skips building and looking up the LINQ tree per request. A compiled query
/// belongs to one model, and each app builds its own (encrypted columns use that app's keys; EF may also rebuild a
/// model it evicted from its cache when many apps share a process, as in tests): one compiled query per model.
/// </summary>
public sealed class CallerQuery
{
    private readonly ConditionalWeakTable<IModel, Func<AppDbContext, Guid, CancellationToken, Task<CallerRow?>>> _byModel = new();

    public Task<CallerRow?> RunAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken)
        => _byModel.GetValue(db.Model, static _ => Compile())(db, userId, cancellationToken);

    private static Func<AppDbContext, Guid, CancellationToken, Task<CallerRow?>> Compile() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId, CancellationToken ct) => (
                from u in db.Users
                where u.Id == userId
                join m in db.CoupleMembers.Where(m => m.LeftAtUtc == null) on u.Id equals m.UserId into memberships
                from m in memberships.DefaultIfEmpty()
                join o in db.CoupleMembers.Where(o => o.LeftAtUtc == null && o.UserId != userId) on m.CoupleId equals o.CoupleId into partners
                from o in partners.DefaultIfEmpty()
                join pu in db.Users on o.UserId equals pu.Id into partnerUsers
                from pu in partnerUsers.DefaultIfEmpty()
                select new CallerRow(
                    u.DisplayName,
                    u.TimeZoneId,
                    m == null ? null : m.CoupleId,
                    o == null ? null : o.UserId,
                    pu == null ? null : pu.DisplayName,
                    pu == null ? null : pu.TimeZoneId))
            .AsNoTracking()
            .FirstOrDefault());
}

public sealed record CallerRow(string DisplayName, string TimeZoneId, Guid? CoupleId, Guid? PartnerId, string? PartnerName, string? PartnerTimeZoneId);

/// <summary>
/// Resolves the caller once per request. Every couple-scoped query filters by <see cref="Caller.CoupleId"/>;
/// a resource outside it does not exist for the caller (404).
/// </summary>
public sealed class CallerContext(IHttpContextAccessor accessor, AppDbContext db, CallerQuery query)
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

        var principal = accessor.HttpContext?.User;
        var userId = principal is null ? null : UserIdOf(principal);
        if (userId is null)
        {
            _loaded = true;
            return null;
        }

        // Loaded only once the query has answered: if it throws (the database is away), a later call must not take
        // "nobody" for an answer and send a signed-in person to the sign-in page.
        var me = await query.RunAsync(db, userId.Value, cancellationToken);
        _caller = me is null ? null : new Caller(userId.Value, me.DisplayName, me.TimeZoneId, me.CoupleId, me.PartnerId, me.PartnerId is null ? null : me.PartnerName ?? string.Empty, me.PartnerId is null ? null : me.PartnerTimeZoneId);
        _loaded = true;
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
