using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// SQLite allows one writer at a time; when many try at once they poll and the tail latency explodes
/// (docs/adr/0003-sqlite-single-writer.md). This interceptor lets one write transaction in at a time, in arrival order, and sets
/// <c>synchronous=NORMAL</c> (safe with WAL) on every connection it sees opened.
/// A transaction holds the gate from its start until it ends or its connection closes. A statement that runs
/// outside a transaction and may write (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL: anything but a plain
/// <c>SELECT</c>) holds the gate for that one statement, so every write passes through the one writer (ADR 0003).
/// </summary>
public sealed class SqliteWriteGate : DbConnectionInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Holder> _held = new();
    private readonly ConditionalWeakTable<DbCommand, Holder> _statements = new();

    /// <summary>Raised when a writer finds the gate taken and starts to wait its turn (for tests and diagnostics).</summary>
    public event Action? Queued;

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
        Enter();
        _held.AddOrUpdate(connection, new Holder { Held = true });
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(cancellationToken);
        _held.AddOrUpdate(connection, new Holder { Held = true });
        return result;
    }

    private void Enter()
    {
        if (_gate.CurrentCount == 0)
        {
            Queued?.Invoke();
        }

        _gate.Wait();
    }

    private Task EnterAsync(CancellationToken cancellationToken)
    {
        if (_gate.CurrentCount == 0)
        {
            Queued?.Invoke();
        }

        return _gate.WaitAsync(cancellationToken);
    }

    // Statements outside a transaction: EF opens none for ExecuteUpdate/ExecuteDelete or raw SQL, so the statement
    // itself takes the gate when it may write, and gives it back when it has run (or failed, or was cancelled).
    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ReleaseStatement(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        ReleaseStatement(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command);
        return ValueTask.FromResult(result);
    }

    // A reader's statement runs while it is read: the gate is given back when the reader is closed.
    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ReleaseStatement(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ReleaseStatement(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ReleaseStatement(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command);
        return Task.CompletedTask;
    }

    private bool StatementNeedsGate(DbCommand command)
        => !(command.Connection is { } connection && _held.TryGetValue(connection, out var holder) && holder.Held)
            && MayWrite(command.CommandText);

    private void EnterForStatement(DbCommand command)
    {
        if (StatementNeedsGate(command))
        {
            Enter();
            _statements.AddOrUpdate(command, new Holder { Held = true });
        }
    }

    private async Task EnterForStatementAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (StatementNeedsGate(command))
        {
            await EnterAsync(cancellationToken);
            _statements.AddOrUpdate(command, new Holder { Held = true });
        }
    }

    private void ReleaseStatement(DbCommand command)
    {
        if (_statements.TryGetValue(command, out var holder) && holder.Held)
        {
            holder.Held = false;
            _statements.Remove(command);
            _gate.Release();
        }
    }

    /// <summary>
    /// Whether a statement may write: everything but a query that starts (after blanks and <c>--</c> comment lines,
    /// as EF's tagged queries do) with <c>SELECT</c>. Erring towards "may write" only costs a read its turn at the gate.
    /// </summary>
    public static bool MayWrite(string? sql)
    {
        var text = (sql ?? string.Empty).AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var end = text.IndexOf('\n');
                text = end < 0 ? [] : text[(end + 1)..];
                continue;
            }

            break;
        }

        if (!text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "SELECT ...; DELETE ..." in one command is a write too.
        return text.IndexOf(';') is var semicolon and >= 0 && !text[(semicolon + 1)..].Trim().IsEmpty;
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
