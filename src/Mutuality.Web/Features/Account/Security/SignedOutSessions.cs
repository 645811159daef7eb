using Microsoft.Extensions.Caching.Memory;
using Mutuality.Web.Data;

namespace Mutuality.Web.Features.Account.Security;

/// <summary>
/// Sessions just signed out (by their owner, from "Security", or "sign out everywhere else"): every node forgets that it
/// saw them alive, so the next request carrying one is checked against the database and refused — on this node at once,
/// and with several nodes on every other node as soon as the signal arrives (<see cref="Feed.FeedRelay"/>, issue 18).
/// Without the relay a node re-checks a live session at most every 30 seconds.
/// </summary>
public sealed class SignedOutSessions(IMemoryCache cache)
{
    /// <summary>Set by the relay: tells the other nodes, on the write's connection, after the revocation committed.</summary>
    internal Func<AppDbContext, IReadOnlyCollection<Guid>, CancellationToken, Task>? Relay { get; set; }

    /// <summary>Call after the sessions' <c>RevokedAtUtc</c> is committed.</summary>
    public async Task ForgetAsync(AppDbContext db, IReadOnlyCollection<Guid> sessionIds, CancellationToken ct = default)
    {
        SecurityActivity.Forget(cache, sessionIds);
        if (sessionIds.Count > 0 && Relay is { } relay)
        {
            await relay(db, sessionIds, ct);
        }
    }

    /// <summary>A signal from another node.</summary>
    internal void ForgetHere(Guid sessionId) => SecurityActivity.Forget(cache, [sessionId]);
}
