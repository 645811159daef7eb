using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Npgsql;

namespace Mutuality.Web.Tests.Infrastructure;

/// <summary>
/// One migrated PostgreSQL database per test run, copied for each test app (<c>CREATE DATABASE … TEMPLATE</c>), so
/// the migrations run once per process rather than once per test class. The copy is what the app's own start-up
/// then finds: every migration applied, no rows.
/// </summary>
public static class PostgresTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    /// <summary>Creates <paramref name="database"/> as a copy of the migrated template (made on first use).</summary>
    public static void CreateDatabase(string baseConnection, string database)
    {
        Gate.Wait();
        try
        {
            _template ??= CreateTemplate(baseConnection);
            using var connection = new NpgsqlConnection(baseConnection);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{database}\" TEMPLATE \"{_template}\"";
            command.ExecuteNonQuery();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string CreateTemplate(string baseConnection)
    {
        var name = "mut_template_" + Guid.NewGuid().ToString("N")[..12];
        var connection = new NpgsqlConnectionStringBuilder(baseConnection) { Database = name, Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(connection, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
            .Options;
        using (var db = new PostgresAppDbContext(options))
        {
            db.Database.Migrate();
        }

        // No session may stay connected to a template while it is copied.
        NpgsqlConnection.ClearAllPools();

        // The template goes with the run (the server may be shared and outlive it).
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(baseConnection) { Pooling = false }.ConnectionString);
                admin.Open();
                using var drop = admin.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                drop.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The server is already gone (the test command stops its private one): nothing left to drop.
            }
        };
        return name;
    }
}
