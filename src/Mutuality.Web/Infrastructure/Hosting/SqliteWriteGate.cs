using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// SQLite allows one writer at a time; when many try at once they poll and the tail latency explodes
/// (see STACK.md). This interceptor lets one write transaction in at a time, in arrival order, and sets
/// <c>synchronous=NORMAL</c> (safe with WAL) on every connection it sees opened.
/// A transaction holds the gate from its start until it ends or its connection closes.
/// </summary>
public sealed class SqliteWriteGate : DbConnectionInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Holder> _held = new();

    private sealed class Holder
    {
        public bool Held;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // The pragma belongs to the physical SQLite connection, which the pool reuses: set it once per handle.
    private readonly ConditionalWeakTable<object, Holder> _prepared = new();

    private bool NeedsPragmas(DbConnection connection)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            return true;
        }

        var fresh = false;
        _prepared.GetValue(handle, _ =>
        {
            fresh = true;
            return new Holder();
        });
        return fresh;
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    // Single-statement saves run without a transaction unless told otherwise; make them take one so they pass the gate.
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AlwaysTransact(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AlwaysTransact(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void AlwaysTransact(DbContext? context)
    {
        if (context is not null)
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        _gate.Wait();
        _held.AddOrUpdate(connection, new Holder { Held = true });
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        _held.AddOrUpdate(connection, new Holder { Held = true });
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(eventData));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(eventData));
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(eventData));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(eventData));
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(ConnectionOf(eventData));

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(eventData));
        return Task.CompletedTask;
    }

    public void Dispose() => _gate.Dispose();

    private static DbConnection? ConnectionOf(DbContextEventData eventData)
        => eventData.Context?.Database.GetDbConnection();

    private void Release(DbConnection? connection)
    {
        if (connection is not null && _held.TryGetValue(connection, out var holder) && holder.Held)
        {
            holder.Held = false;
            _gate.Release();
        }
    }
}
