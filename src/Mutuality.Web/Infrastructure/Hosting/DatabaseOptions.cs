namespace Mutuality.Web.Infrastructure.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Settings under "Database". Defaults run on an embedded SQLite file in the data folder.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>A connection string. For SQLite, empty means "{DataFolder}/mutuality.db".</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the app keeps its files (SQLite database, mail pickup in development). Relative to the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// Apply pending migrations at start (under an advisory lock on PostgreSQL, so nodes starting together migrate
    /// once). False: the <c>migrate</c> command does it, and a node refuses to start while migrations are pending.
    /// </summary>
    public bool MigrateAtStart { get; set; } = true;
}
