using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mutuality.Web.Data;
using Npgsql;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// Issue 20, item 5. What is known about the storage beyond a single request: whether the app could finish starting
/// (apply its migrations) and, if not, why in plain words. While <see cref="Problem"/> is set, every page answers the
/// clear 503 page and <c>/healthz</c> says why; the app keeps trying and clears it once the database takes writes.
/// </summary>
public sealed class StorageState
{
    private volatile string? _problem;

    public string? Problem
    {
        get => _problem;
        set => _problem = value;
    }
}

/// <summary>Plain words for why the database cannot be written, for the log, the console and <c>/healthz</c>.</summary>
public static class StorageProblem
{
    /// <summary>Below this much free space in the SQLite file's folder the disk counts as full (writes are failing or about to).</summary>
    public const long DefaultMinimumFreeBytes = 8L * 1024 * 1024;

    /// <summary>The folder of a SQLite connection string's file, or null for PostgreSQL or an in-memory database.</summary>
    public static string? SqliteFolder(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString) || !connectionString.Contains("Data Source", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" ? null : Path.GetDirectoryName(Path.GetFullPath(file));
    }

    /// <summary>Free bytes on the volume holding the folder, or null when that cannot be asked.</summary>
    public static long? FreeBytes(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    public static string DiskFull(string folder, long? free)
        => $"the disk is full at {folder}" + (free is { } bytes ? $" ({Size(bytes)} free)" : "");

    /// <summary>Why a database operation failed, in words an operator can act on.</summary>
    public static string Describe(Exception e, string? sqliteFolder)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException { SqliteErrorCode: 13 } when sqliteFolder is not null:
                    return DiskFull(sqliteFolder, FreeBytes(sqliteFolder));
                case SqliteException { SqliteErrorCode: 8 } when sqliteFolder is not null:
                    return $"the database file in {sqliteFolder} is read-only (check its owner and permissions)";
                case SqliteException when sqliteFolder is not null && FreeBytes(sqliteFolder) is { } free && free < DefaultMinimumFreeBytes:
                    return DiskFull(sqliteFolder, free);
                case PostgresException { SqlState: "53100" } pg:
                    return $"the database server's disk is full ({pg.MessageText})";
                case PostgresException { SqlState: "25006" }:
                    return "the database is read-only: it refuses every write (is default_transaction_read_only on, or is this a standby?)";
                case PostgresException pg:
                    return $"the database refused: {pg.SqlState} {pg.MessageText}";
                case NpgsqlException npgsql:
                    return $"the database server does not answer ({npgsql.Message})";
                case SqliteException sqlite:
                    return $"the database file cannot be used: {sqlite.Message}";
            }
        }

        return $"the database cannot be used: {e.GetType().Name}: {e.Message}";
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
}

/// <summary>
/// Healthy only when the database takes a write: a committed no-op update of the newest row in the migrations history
/// (it changes nothing, yet the database must write it, as for any form), and on SQLite enough free space beside the
/// file. A full disk, a read-only database or one that is away each fail (503) with the reason in the body.
/// </summary>
public sealed class DatabaseHealthCheck(AppDbContext db, StorageState storage, IConfiguration configuration) : IHealthCheck
{
    private const string NoOpWrite = """
        UPDATE "__EFMigrationsHistory" SET "ProductVersion" = "ProductVersion"
        WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__EFMigrationsHistory")
        """;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (storage.Problem is { } problem)
        {
            return HealthCheckResult.Unhealthy("the app could not finish starting: " + problem);
        }

        var folder = StorageProblem.SqliteFolder(db.Database.GetConnectionString());
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(NoOpWrite, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(StorageProblem.Describe(e, folder));
        }

        if (folder is not null && StorageProblem.FreeBytes(folder) is { } free
            && free < configuration.GetValue("Health:MinimumFreeBytes", StorageProblem.DefaultMinimumFreeBytes))
        {
            return HealthCheckResult.Unhealthy(StorageProblem.DiskFull(folder, free));
        }

        return HealthCheckResult.Healthy();
    }

    /// <summary>"Healthy", or "Unhealthy: " and the reasons, as plain text.</summary>
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "text/plain; charset=utf-8";
        var reasons = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description).OfType<string>().ToList();
        return http.Response.WriteAsync(report.Status == HealthStatus.Healthy ? "Healthy" : report.Status + ": " + string.Join("; ", reasons));
    }

    public static HealthCheckOptions Options => new() { ResponseWriter = WriteAsync };
}

/// <summary>
/// Applies the migrations at start. When the database cannot be used for a storage reason (a full disk, the server
/// away), the app still starts: it says why on the console and in the log, answers the clear 503 page and an
/// unhealthy <c>/healthz</c> with the reason, and tries again every few seconds until it can finish.
/// </summary>
public static class StartupStorage
{
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    /// <summary>True when the database is ready; false when the app starts without it (and keeps trying).</summary>
    public static async Task<bool> PrepareAsync(WebApplication app, ILogger logger)
    {
        var storage = app.Services.GetRequiredService<StorageState>();
        try
        {
            await app.MigrateDatabaseAsync();
            return true;
        }
        catch (Exception e) when (StorageUnavailable.IsStorageAway(e))
        {
            storage.Problem = Describe(app, e);
            var words = $"Mutuality: {storage.Problem}. The app has started, but it cannot read or save anything until this is fixed; it tries again every {RetryEvery.TotalSeconds:0} seconds, and /healthz says why.";
            logger.LogError("Could not prepare the database at start: {Problem}", storage.Problem);
            Console.WriteLine(words);
            _ = Task.Run(() => RetryAsync(app, storage, logger, app.Lifetime.ApplicationStopping));
            return false;
        }
    }

    private static string Describe(WebApplication app, Exception e)
    {
        using var scope = app.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString();
        return StorageProblem.Describe(e, StorageProblem.SqliteFolder(connection));
    }

    private static async Task RetryAsync(WebApplication app, StorageState storage, ILogger logger, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryEvery, stopping);
                await app.MigrateDatabaseAsync();
                storage.Problem = null;
                logger.LogWarning("The database is ready again; the app is serving normally.");
                Console.WriteLine("Mutuality: the database is ready again.");
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (StorageUnavailable.IsStorageAway(e))
            {
                storage.Problem = Describe(app, e);
                logger.LogInformation("The database is still not ready: {Problem}", storage.Problem);
            }
        }
    }

    /// <summary>While the app could not finish starting, every request but <c>/healthz</c> and static files gets the clear 503 page.</summary>
    public static IApplicationBuilder UseStartupStorageGate(this IApplicationBuilder app)
    {
        var storage = app.ApplicationServices.GetRequiredService<StorageState>();
        return app.Use(async (http, next) =>
        {
            if (storage.Problem is not null && !http.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase))
            {
                await StorageUnavailable.WriteAsync(http);
                return;
            }

            await next(http);
        });
    }
}
