using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// Command-line maintenance, run instead of the web server:
/// <c>backup FILE</c> writes an online, consistent copy of the SQLite database (safe while the app runs);
/// <c>restore FILE</c> replaces the database with a backup. Restore refuses, changing nothing, while the app or any other
/// program has the database open, and when the key ring in the data folder cannot read the backup's encrypted fields
/// (issue 20). Both print a checksum of the database's contents; restore prints the restored file's and checks it equals
/// the backup's. PostgreSQL installs use pg_dump / pg_restore (docs/operations.md).
/// <c>migrate</c> applies pending migrations, on either engine, once even when several nodes
/// run it together (see <see cref="DatabaseMigrator"/>).
/// <c>keys to-database|to-folder</c> moves the key ring between its folder and the database (see <see cref="KeyRingMove"/>).
/// </summary>
public static class Maintenance
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "backup" or "restore" or "migrate" or "keys";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args[0] == "keys")
        {
            return KeyRingMove.RunAsync(args, output, error).GetAwaiter().GetResult();
        }

        if (args[0] == "migrate")
        {
            return Migrate(args.Skip(1).ToArray(), output, error).GetAwaiter().GetResult();
        }

        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine($"usage: {args[0]} FILE   (with the same settings as the app, e.g. --Database:DataFolder=...)");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(args.Skip(2).ToArray());
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            error.WriteLine("This instance runs on PostgreSQL: use pg_dump -Fc and pg_restore (see docs/operations.md).");
            return 2;
        }

        var dataFolder = DatabaseSetup.ResolveDataFolder(builder.Configuration, builder.Environment);
        var live = DatabaseSetup.SqliteConnectionString(options, dataFolder);
        var file = Path.GetFullPath(args[1]);
        try
        {
            if (args[0] == "backup")
            {
                Backup(live, file);
                output.WriteLine($"backup written to {file}");
                output.WriteLine($"checksum {Checksum(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString())}");
            }
            else
            {
                if (!File.Exists(file))
                {
                    error.WriteLine($"no backup at {file}");
                    return 2;
                }

                return Restore(builder, options, dataFolder, live, file, output, error);
            }
        }
        catch (SqliteException e)
        {
            error.WriteLine($"{args[0]} failed: {e.Message}");
            return 1;
        }

        return 0;
    }

    /// <summary>Exit code of a restore that was refused; nothing was changed.</summary>
    public const int Refused = 3;

    private static int Restore(WebApplicationBuilder builder, DatabaseOptions options, string dataFolder, string live, string file, TextWriter output, TextWriter error)
    {
        var backup = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        var liveFile = Path.GetFullPath(new SqliteConnectionStringBuilder(live).DataSource);

        // 1. The backup can be read with this data folder's key ring; otherwise every signed-in page would fail after it.
        if (KeyRingProblem(builder, dataFolder, backup) is { } problem)
        {
            error.WriteLine($"restore refused: {problem}");
            error.WriteLine("Nothing was changed. Put back the key ring that was in use when the backup was taken (the keys folder, see docs/operations.md) and run restore again.");
            return Refused;
        }

        // 2. Nobody has the database open: first the app's own marker, then SQLite's locks (any other program).
        using var marker = InUseMarker.TryTakeAlone(liveFile);
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = liveFile, Pooling = false, DefaultTimeout = 1 }.ToString());
        var expected = Checksum(backup);
        var copied = false;
        if (marker is not null && TryLockAlone(target))
        {
            try
            {
                using var source = new SqliteConnection(backup);
                source.Open();
                source.BackupDatabase(target);
                copied = true;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
            {
                // Another connection holds the file (SQLite copies nothing then).
            }
        }

        if (!copied)
        {
            error.WriteLine($"restore refused: the database {liveFile} is in use: Mutuality is running on it, or another program has it open.");
            error.WriteLine("Nothing was changed. Stop the app first (for example `systemctl stop mutuality` or `docker compose stop`), close any other program using the file, then run restore again.");
            return Refused;
        }

        // 3. The checksum printed is of the restored file, read back through the same (still exclusive) connection.
        var restored = Checksum(target);
        output.WriteLine($"restored {file} into {liveFile}");
        output.WriteLine($"checksum {restored}");
        if (restored != expected)
        {
            error.WriteLine($"restore failed: the restored database's checksum {restored} differs from the backup's {expected}.");
            return 1;
        }

        output.WriteLine("the checksum equals the backup's");
        return 0;
    }

    /// <summary>
    /// Opens the live database and takes SQLite's exclusive lock, kept until the connection closes: false when another
    /// connection (the app, the sqlite3 shell, another restore) has it open.
    /// </summary>
    private static bool TryLockAlone(SqliteConnection connection)
    {
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;";
            command.ExecuteNonQuery();
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            return false;
        }
    }

    /// <summary>
    /// Why this data folder's key ring cannot read the backup's encrypted fields, or null when it can (or there is nothing
    /// encrypted in it, or the keys live in the database and travel with it). One value of each encrypted column is tried.
    /// </summary>
    public static string? KeyRingProblem(WebApplicationBuilder builder, string dataFolder, string backupConnectionString)
    {
        var configuration = builder.Configuration;
        if (configuration.GetValue<bool>("DataProtection:KeysInDatabase"))
        {
            return null;
        }

        var keysFolder = configuration["DataProtection:KeysFolder"] is { Length: > 0 } configured ? configured : Path.Combine(dataFolder, "keys");
        var services = new ServiceCollection();
        services.AddLogging();
        var protection = services.AddDataProtection().SetApplicationName("Mutuality")
            .PersistKeysToFileSystem(new DirectoryInfo(keysFolder)).DisableAutomaticKeyGeneration();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            protection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"], System.Security.Cryptography.X509Certificates.X509KeyStorageFlags.EphemeralKeySet));
        }

        using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(Security.ProtectedTextConverter.Purpose);

        using var design = new Data.SqliteAppDbContext(new DbContextOptionsBuilder<Data.SqliteAppDbContext>()
            .UseSqlite(backupConnectionString)
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, Security.PerAppModelCacheKeyFactory>()
            .Options);
        using var connection = new SqliteConnection(backupConnectionString);
        connection.Open();
        foreach (var entity in design.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table)
            {
                continue;
            }

            foreach (var property in entity.GetProperties().Where(p => p.PropertyInfo?.GetCustomAttributes(typeof(Security.EncryptedAttribute), inherit: true).Length > 0))
            {
                var column = property.GetColumnName();
                using var read = connection.CreateCommand();
                read.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL AND \"{column}\" <> '' LIMIT 1";
                string? value;
                try
                {
                    value = read.ExecuteScalar() as string;
                }
                catch (SqliteException)
                {
                    continue; // a backup from before this table or column existed
                }

                if (value is null)
                {
                    continue;
                }

                try
                {
                    protector.Unprotect(value);
                }
                catch (System.Security.Cryptography.CryptographicException e)
                {
                    return $"the key ring in {keysFolder} cannot read this backup's encrypted fields ({table}.{column}: {e.Message}). Restoring it would make every signed-in page fail.";
                }
            }
        }

        return null;
    }

    /// <summary><c>migrate [settings]</c>: applies what is pending and says what it did.</summary>
    private static async Task<int> Migrate(string[] settings, TextWriter output, TextWriter error)
    {
        var builder = WebApplication.CreateBuilder(StartupArguments.Options(settings));
        builder.Logging.ClearProviders();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMutualityData(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var applied = await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<Data.AppDbContext>());
            output.WriteLine(applied.Count == 0
                ? "migrate: the database is up to date"
                : $"migrate: applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            error.WriteLine($"migrate failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>SQLite's online backup: a consistent copy even while others write.</summary>
    public static void Backup(string fromConnectionString, string toPathOrConnectionString)
    {
        var to = toPathOrConnectionString.Contains('=', StringComparison.Ordinal)
            ? toPathOrConnectionString
            : new SqliteConnectionStringBuilder { DataSource = toPathOrConnectionString, Pooling = false }.ToString();
        using var source = new SqliteConnection(fromConnectionString);
        using var destination = new SqliteConnection(to);
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
    }

    /// <summary>A SHA-256 over every table's rows in rowid order: equal for databases with equal contents.</summary>
    public static string Checksum(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return Checksum(connection);
    }

    /// <summary>The checksum over an open connection.</summary>
    public static string Checksum(SqliteConnection connection)
    {
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\u0001" + table));
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ORDER BY rowid";
            using var reader = rows.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "\u0000" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                    hash.AppendData(Encoding.UTF8.GetBytes(value + "\u0002"));
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

/// <summary>
/// A marker beside the SQLite file that every running app holds with a shared lock (several instances may share a data
/// folder), and that restore takes alone: while any app runs, restore cannot; while a restore runs, an app waits.
/// </summary>
public static class InUseMarker
{
    public static string PathFor(string databaseFile) => databaseFile + ".in-use";

    /// <summary>The shared hold a running app keeps for its lifetime; null when a restore holds the marker alone.</summary>
    public static FileStream? TryHoldShared(string databaseFile)
    {
        try
        {
            Create(databaseFile);
            return new FileStream(PathFor(databaseFile), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The marker held alone (by restore); null when an app holds it.</summary>
    public static FileStream? TryTakeAlone(string databaseFile)
    {
        try
        {
            Create(databaseFile);
            return new FileStream(PathFor(databaseFile), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Create(string databaseFile)
    {
        var path = PathFor(databaseFile);
        if (!File.Exists(path))
        {
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            Security.PrivateFiles.Restrict(path);
        }
    }
}
