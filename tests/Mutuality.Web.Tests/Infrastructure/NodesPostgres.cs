using Mutuality.Web.Tests.Faults;
using Npgsql;

namespace Mutuality.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server for tests of several nodes on one database (issue 18): the run's server (MUTUALITY_TEST_PG)
/// when there is one, else a private one started once for the process. These tests need PostgreSQL whichever
/// engine the rest of the pass uses, so they carry Runs=Once and run in the SQLite pass.
/// </summary>
public static class NodesPostgres
{
    private static readonly Lock Gate = new();
    private static PrivatePostgres? _own;

    public static string BaseConnection
    {
        get
        {
            if (Environment.GetEnvironmentVariable("MUTUALITY_TEST_PG") is { Length: > 0 } shared)
            {
                return shared;
            }

            lock (Gate)
            {
                if (_own is null)
                {
                    _own = PrivatePostgres.Start();
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => _own.Dispose();
                }

                return _own.ConnectionString;
            }
        }
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public static string CreateEmptyDatabase(string prefix)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..16];
        using var connection = new NpgsqlConnection(BaseConnection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        command.ExecuteNonQuery();
        return $"{BaseConnection};Database={name}";
    }

    /// <summary>A new database with every migration applied (a copy of the run's template).</summary>
    public static string CreateMigratedDatabase(string prefix)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..16];
        PostgresTemplate.CreateDatabase(BaseConnection, name);
        return $"{BaseConnection};Database={name}";
    }

    public static void Drop(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(BaseConnection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
