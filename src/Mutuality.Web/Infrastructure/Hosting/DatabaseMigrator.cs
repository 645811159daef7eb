using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Security;
using Npgsql;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// The keys of the PostgreSQL advisory locks the nodes of one database agree on (ADR 0006). Session locks are per
/// database, so two installs on one server do not meet.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Held while one node applies migrations; the others wait, then find nothing to do.</summary>
    public const long Migrations = 0x4D75_7475_0001;

    /// <summary>Held for one tick of the scheduled mail (digests, reminders, request mail).</summary>
    public const long ScheduledMail = 0x4D75_7475_0002;

    /// <summary>Held for one tick of the check-in reminders.</summary>
    public const long CheckInReminders = 0x4D75_7475_0003;

    /// <summary>Held for one tick of the push outbox.</summary>
    public const long PushOutbox = 0x4D75_7475_0004;

    /// <summary>Held for one tick of the request mail.</summary>
    public const long RequestMail = 0x4D75_7475_0005;

    /// <summary>Held for one tick of the scheduled push notices (check-in reminder, monthly day).</summary>
    public const long ScheduledNotices = 0x4D75_7475_0006;
}

/// <summary>
/// Applies the provider's migrations, once. On PostgreSQL several nodes may start together: each takes the
/// migrations advisory lock on a connection of its own first, so one applies the migrations while the others wait and
/// then find none pending. (EF Core also locks its history table while it migrates; the advisory lock makes the whole
/// step — looking for pending migrations, applying them, reporting — one node's.) On SQLite it also turns on
/// write-ahead logging and keeps the files private.
/// </summary>
public static class DatabaseMigrator
{
    /// <summary>Migrates the database of <paramref name="db"/>; returns the migrations this call applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            return await MigrateSqliteAsync(db, ct);
        }

        await using var holder = await OpenLockConnectionAsync(db.Database.GetConnectionString()!, ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", holder))
        {
            take.Parameters.AddWithValue("key", AdvisoryLocks.Migrations);
            take.CommandTimeout = 0; // waiting for another node's migrations is the point
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                await db.Database.MigrateAsync(ct);
            }

            return pending;
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", holder);
            release.Parameters.AddWithValue("key", AdvisoryLocks.Migrations);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Whether the database still needs migrations (for a node told not to migrate at start).</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(AppDbContext db, CancellationToken ct = default)
        => [.. await db.Database.GetPendingMigrationsAsync(ct)];

    /// <summary>
    /// A connection of its own, outside the pool (a pooled connection would keep a session lock when handed back).
    /// When the database does not exist yet (EF creates it), the lock is taken in the server's "postgres" database.
    /// </summary>
    private static async Task<NpgsqlConnection> OpenLockConnectionAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
            connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync(ct);
            return connection;
        }
    }

    private static async Task<IReadOnlyList<string>> MigrateSqliteAsync(AppDbContext db, CancellationToken ct)
    {
        // WAL is a property of the database file: set once, it stays.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // Most starts find nothing to apply: one read of the history table says so, and the migrator (its lock table,
        // its model checks) is started only when something is pending (issue 21: no start-up work that can wait).
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct);
        }

        if (new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is { Length: > 0 } file)
        {
            // The database and its write-ahead log are for the app's user only (SQLite gives the log the file's mode).
            foreach (var part in new[] { file, file + "-wal", file + "-shm" })
            {
                PrivateFiles.Restrict(part);
            }
        }

        return pending;
    }
}
