using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mutuality.Web.Data;

namespace Mutuality.Web.Infrastructure.Intents;

/// <summary>What the current request's form intends: set by <see cref="OneRowPerIntentFilter"/> around its handler.</summary>
public sealed class IntentState(Guid userId, Guid key, DateTime nowUtc)
{
    public const string ItemKey = "mutuality:intent";

    public Guid UserId { get; } = userId;

    public Guid Key { get; } = key;

    public DateTime NowUtc { get; } = nowUtc;

    internal SubmittedIntent? Pending { get; set; }

    /// <summary>The intent row was saved together with the first thing the handler created.</summary>
    public bool Saved { get; internal set; }

    /// <summary>A save that carried the intent row failed (perhaps because the same intent was saved first elsewhere).</summary>
    public bool SaveFailed { get; internal set; }
}

/// <summary>
/// Adds the request's intent row to the first save that creates something, so the row and what it creates commit
/// together or not at all. A second post of the same form then fails on the intent's unique key, whichever of the
/// two came first, on SQLite and PostgreSQL alike.
/// </summary>
public sealed class IntentInterceptor(IHttpContextAccessor accessor) : SaveChangesInterceptor
{
    private IntentState? Current => accessor.HttpContext?.Items[IntentState.ItemKey] as IntentState;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Attach(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Attach(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Attach(DbContext? context)
    {
        if (Current is not { Saved: false, Pending: null } state || context is not AppDbContext db)
        {
            return;
        }

        if (db.ChangeTracker.Entries().Any(e => e.State == EntityState.Added))
        {
            state.Pending = new SubmittedIntent { UserId = state.UserId, Key = state.Key, CreatedAtUtc = state.NowUtc };
            db.SubmittedIntents.Add(state.Pending);
        }
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved();
        return ValueTask.FromResult(result);
    }

    private void Saved()
    {
        if (Current is { Pending: not null } state)
        {
            state.Saved = true;
            state.Pending = null;
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Failed(DbContext? context)
    {
        if (Current is { Pending: { } pending } state && context is not null)
        {
            // Nothing of that save was kept; forget the intent row too, so a later save in the handler does not retry it.
            context.Entry(pending).State = EntityState.Detached;
            state.Pending = null;
            state.SaveFailed = true;
        }
    }
}
