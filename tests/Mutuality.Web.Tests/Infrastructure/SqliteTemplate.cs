using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Tests.Infrastructure;

/// <summary>
/// One migrated SQLite database file per test run, copied into each test app's data folder before it starts, so the
/// migrations run once per process rather than once per app (applying them builds every migration's model: seconds of
/// CPU per app on a busy machine). The template is migrated by the app's own <see cref="DatabaseMigrator"/> (write-ahead
/// logging on, which the file keeps), and the app's start-up still migrates the copy: it finds nothing pending.
/// </summary>
public static class SqliteTemplate
{
    private static readonly Lazy<string> Template = new(Create);

    /// <summary>Copies the migrated template to <paramref name="file"/>.</summary>
    public static void CopyTo(string file) => File.Copy(Template.Value, file);

    private static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mutuality-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "mutuality.db");
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options;
        using (var db = new SqliteAppDbContext(options))
        {
            DatabaseMigrator.MigrateAsync(db).GetAwaiter().GetResult();

            // Everything into the one file, so a copy of it alone is the whole database.
            db.Database.OpenConnection();
            db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
            db.Database.CloseConnection();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return file;
    }
}
