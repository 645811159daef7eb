using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Security;

namespace Mutuality.Web.Infrastructure.Hosting;

public static class DatabaseSetup
{
    /// <summary>Registers <see cref="AppDbContext"/> for the configured provider.</summary>
    public static IServiceCollection AddMutualityData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataFolder = ResolveDataFolder(options, environment);
        services.AddSingleton(new DataFolder(dataFolder));
        services.AddSingleton(new NodeTicks(options)); // issue 18: one node works each background tick
        if (Features.Feed.FeedRelay.Enabled(options, configuration))
        {
            // issue 18, item 3: live feed signals reach pages open on the other nodes (LISTEN/NOTIFY, ids only)
            services.AddSingleton(sp => new Features.Feed.FeedRelay(
                sp.GetRequiredService<Features.Shared.FeedNotifier>(), sp.GetRequiredService<Features.Account.Security.SignedOutSessions>(),
                options, sp.GetRequiredService<ILogger<Features.Feed.FeedRelay>>()));
            services.AddHostedService(sp => sp.GetRequiredService<Features.Feed.FeedRelay>());
        }

        // issue 18, item 7: an optional standby for heavy reads (ADR 0007); misconfigured, the app does not start.
        if (ReadReplica.Configured(configuration, options) is { } replica)
        {
            services.AddSingleton(sp => new ReadReplica(replica, sp.GetRequiredService<ILogger<ReadReplica>>()));
        }

        services.AddScoped<ReadRouting>();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but Database:ConnectionString is empty. Set Database__ConnectionString.");
            }

            // Pooled: a context is reset and reused rather than built for every request (its set-up was a large share of
            // a small write's time in bench/run.sh moments). Contexts hold no state of ours beyond EF's own.
            services.AddSingleton<Intents.IntentInterceptor>();
            services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((sp, o) => o
                .UseNpgsql(PostgresConnectionString(options.ConnectionString), npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
                .ReplaceService<IModelCacheKeyFactory, PerAppModelCacheKeyFactory>()
                .AddInterceptors(sp.GetRequiredService<Intents.IntentInterceptor>())
                .ConfigureWarnings(QuietHandledFailures));
        }
        else
        {
            var connectionString = SqliteConnectionString(options, dataFolder);
            services.AddSingleton<SqliteWriteGate>();
            services.AddSingleton<SqliteInUse>(); // issue 20: restore refuses while the app runs
            services.AddSingleton<Intents.IntentInterceptor>();
            services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .ReplaceService<IModelCacheKeyFactory, PerAppModelCacheKeyFactory>()
                .AddInterceptors(sp.GetRequiredService<SqliteWriteGate>(), sp.GetRequiredService<Intents.IntentInterceptor>())
                .ConfigureWarnings(QuietHandledFailures));
        }

        return services;
    }

    /// <summary>
    /// A failed command or save is logged by EF as information: the code that catches it decides whether it is a fault.
    /// Races settled by a unique index (two posts of one form, two export clicks) are expected and handled; anything not
    /// handled is still logged as an error by the error handler, and a database that is away as a warning.
    /// </summary>
    private static void QuietHandledFailures(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings)
        => warnings.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Information),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Information));

    /// <summary>
    /// The configured PostgreSQL connection string, with Npgsql's automatic statement preparation turned on unless
    /// the string says otherwise: the same few statements run on every request (resolving the caller, the feed's
    /// badge), and a prepared statement skips the server's parsing and planning. Behind a pooler that cannot keep
    /// prepared statements across transactions, set <c>Max Auto Prepare=0</c>.
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return configured;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(configured) { MaxAutoPrepare = 64 }.ToString();
    }

    public static string SqliteConnectionString(DatabaseOptions options, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataFolder, "mutuality.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public static string ResolveDataFolder(IConfiguration configuration, IHostEnvironment environment)
        => ResolveDataFolder(configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions(), environment);

    private static string ResolveDataFolder(DatabaseOptions options, IHostEnvironment environment)
    {
        var folder = Path.IsPathRooted(options.DataFolder)
            ? options.DataFolder
            : Path.Combine(environment.ContentRootPath, options.DataFolder);
        PrivateFiles.Folder(folder);
        return Path.GetFullPath(folder);
    }

    /// <summary>
    /// Applies the provider's migrations at start (once across nodes: see <see cref="DatabaseMigrator"/>), or, with
    /// <c>Database:MigrateAtStart=false</c> (migrations run by the <c>migrate</c> command in the deploy), refuses to
    /// start on a database that still needs them.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite() && new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is { Length: > 0 } databaseFile)
        {
            await app.Services.GetRequiredService<SqliteInUse>().HoldAsync(Path.GetFullPath(databaseFile), app.Logger, app.Lifetime.ApplicationStopping);
        }

        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Mutuality.Migrations");
        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!options.MigrateAtStart)
        {
            var pending = await DatabaseMigrator.PendingAsync(db);
            if (pending.Count > 0)
            {
                throw new InvalidOperationException($"The database needs {pending.Count} migration(s) ({string.Join(", ", pending)}) and Database:MigrateAtStart is false: run the 'migrate' command first (docs/operations.md).");
            }
        }
        else
        {
            var applied = await DatabaseMigrator.MigrateAsync(db);
            if (applied.Count > 0)
            {
                logger.LogInformation("Applied {Count} migration(s): {Migrations}", applied.Count, string.Join(", ", applied));
            }
        }

        if (await TwoStepSecrets.EncryptPlainRowsAsync(db) is > 0 and var encrypted)
        {
            app.Logger.LogInformation("Encrypted {Count} two-step secrets that an earlier version stored as plain text", encrypted);
        }
    }
}

/// <summary>
/// The running app's shared hold on the SQLite file's in-use marker (<see cref="InUseMarker"/>), for its lifetime: restore
/// refuses while it is held. If a restore holds the marker at start, the app waits for it to finish.
/// </summary>
public sealed class SqliteInUse : IDisposable
{
    private FileStream? _hold;

    public async Task HoldAsync(string databaseFile, ILogger logger, CancellationToken stopping)
    {
        if (_hold is not null || databaseFile == ":memory:")
        {
            return;
        }

        try
        {
            if (!File.Exists(InUseMarker.PathFor(databaseFile)))
            {
                await File.WriteAllBytesAsync(InUseMarker.PathFor(databaseFile), [], stopping);
                PrivateFiles.Restrict(InUseMarker.PathFor(databaseFile));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not write the in-use marker {Marker} ({Reason}); restore cannot tell this app is running", InUseMarker.PathFor(databaseFile), e.Message);
            return;
        }

        for (var waited = 0; (_hold = InUseMarker.TryHoldShared(databaseFile)) is null; waited++)
        {
            if (waited == 0)
            {
                logger.LogWarning("A restore of {Database} is under way; waiting for it to finish", databaseFile);
                Console.WriteLine($"Mutuality: a restore of {databaseFile} is under way; waiting for it to finish.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), stopping);
        }
    }

    public void Dispose() => _hold?.Dispose();
}

/// <summary>The folder where this instance keeps its files.</summary>
public sealed record DataFolder(string Path);
