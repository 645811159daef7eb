using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// Command-line maintenance, run instead of the web server:
/// <c>backup FILE</c> writes an online, consistent copy of the SQLite database (safe while the app runs);
/// <c>restore FILE</c> replaces the database with a backup (stop the app first). Both print a checksum of the
/// database's contents so a round trip can be compared. PostgreSQL installs use pg_dump / pg_restore
/// (docs/operations.md). <c>migrate</c> applies pending migrations, on either engine, once even when several nodes
/// run it together (see <see cref="DatabaseMigrator"/>).
/// </summary>
public static class Maintenance
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "backup" or "restore" or "migrate";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
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

                Backup(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString(), live);
                output.WriteLine($"restored {file}");
                output.WriteLine($"checksum {Checksum(live)}");
            }
        }
        catch (SqliteException e)
        {
            error.WriteLine($"{args[0]} failed: {e.Message}");
            return 1;
        }

        return 0;
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
