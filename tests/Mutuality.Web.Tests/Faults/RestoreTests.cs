using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Faults;

/// <summary>
/// Issue 20, item 6: a restore that cannot lose writes. It refuses, changing nothing, while the app or another program
/// has the database open, and when the data folder's key ring cannot read the backup; the checksum it prints is the
/// restored file's, equal to the backup's. About SQLite's files, so it runs once (PostgreSQL uses pg_restore).
/// </summary>
[Trait("Runs", "Once")]
public sealed partial class RestoreTests
{
    /// <summary>An app over the data folder of one that was stopped (the same files, the same key ring).</summary>
    private sealed class Again(AppFactory stopped) : AppFactory(stopped);

    private static string Db(AppFactory app) => Path.Combine(app.DataFolder, "mutuality.db");

    /// <summary>Closes the stopped app's pooled connections to its file (only those: other tests' stay as they are).</summary>
    private static void ClosePool(AppFactory app)
        => SqliteConnection.ClearPool(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Db(app), Pooling = true, DefaultTimeout = 30 }.ToString()));

    private static string Checksum(string file) => Maintenance.Checksum(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Maintenance.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>An app with a couple and a shared moment (its note encrypted with this app's keys), and a backup of it.</summary>
    private static async Task<(AppFactory App, TestCouple Couple, string Backup, string BackupChecksum)> AppWithBackupAsync(string note)
    {
        var app = new AppFactory { KeepData = true };
        var couple = await app.CreateCoupleAsync();
        using (var robin = await app.SignedInAsync(couple.A))
        {
            var saved = await robin.PostFormAsync("/Moments", ("Input.Direction", "Gave"), ("Input.Type", "Practical"), ("Input.Note", note), ("Input.Visibility", "Shared"), ("__Intent", Guid.NewGuid().ToString()), ("__IntentPath", "/Moments"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var backup = Path.Combine(app.DataFolder, "backup.db");
        var (code, output, _) = Run("backup", backup, $"--Database:DataFolder={app.DataFolder}");
        Assert.Equal(0, code);
        return (app, couple, backup, ChecksumPrinted(output));
    }

    private static string ChecksumPrinted(string output) => ChecksumLine().Match(output) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No checksum in: " + output);

    [GeneratedRegex(@"^checksum ([0-9A-F]{64})\s*$", RegexOptions.Multiline)]
    private static partial Regex ChecksumLine();

    [Fact]
    public async Task Restore_WhileTheAppIsRunning_IsRefused_SaysHowToStopIt_AndChangesNothing()
    {
        var (app, couple, backup, _) = await AppWithBackupAsync("before the backup");
        try
        {
            // A write after the backup: a restore now would lose it.
            using var robin = await app.SignedInAsync(couple.A);
            Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Moments", ("Input.Direction", "Gave"), ("Input.Type", "Practical"), ("Input.Note", "after the backup"), ("Input.Visibility", "Shared"), ("__Intent", Guid.NewGuid().ToString()), ("__IntentPath", "/Moments"))).StatusCode);
            var before = Checksum(Db(app));

            var (code, _, error) = Run("restore", backup, $"--Database:DataFolder={app.DataFolder}");

            Assert.Equal(Maintenance.Refused, code);
            Assert.Contains("is in use", error, StringComparison.Ordinal);
            Assert.Contains("Stop the app first", error, StringComparison.Ordinal);
            Assert.Equal(before, Checksum(Db(app)));
            Assert.Contains("after the backup", await app.WithDbAsync(db => db.SupportMoments.Where(m => m.CoupleId == couple.Id).Select(m => m.Note).ToListAsync()));
        }
        finally
        {
            app.KeepData = false;
            app.Dispose();
        }
    }

    [Fact]
    public async Task Restore_WhileAnotherProgramHasTheDatabaseOpen_IsRefused_AndGoesAheadOnceItIsClosed()
    {
        var (app, _, backup, backupChecksum) = await AppWithBackupAsync("kept");
        var folder = app.DataFolder;
        app.Dispose();
        ClosePool(app);
        try
        {
            // Another program (as the sqlite3 shell would) has the file open and has read from it.
            using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "mutuality.db"), Pooling = false }.ToString()))
            {
                other.Open();
                using var read = other.CreateCommand();
                read.CommandText = "SELECT count(*) FROM SupportMoments";
                read.ExecuteScalar();

                var (refused, _, error) = Run("restore", backup, $"--Database:DataFolder={folder}");
                Assert.True(refused == Maintenance.Refused, error);
                Assert.Contains("is in use", error, StringComparison.Ordinal);
            }

            var (code, output, _) = Run("restore", backup, $"--Database:DataFolder={folder}");
            Assert.Equal(0, code);
            Assert.Equal(backupChecksum, ChecksumPrinted(output));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Restore_WithAKeyRingThatCannotReadTheBackup_IsRefused_AndTheDatabaseThereIsUntouched()
    {
        var (source, _, backup, _) = await AppWithBackupAsync("written with the first key ring");
        var elsewhere = new AppFactory { KeepData = true };
        try
        {
            // Another install, with a key ring of its own, stopped.
            await elsewhere.CreateCoupleAsync("Ash", "Kai");
            elsewhere.Dispose();
            ClosePool(elsewhere);
            var before = Checksum(Db(elsewhere));

            var (code, _, error) = Run("restore", backup, $"--Database:DataFolder={elsewhere.DataFolder}");

            Assert.Equal(Maintenance.Refused, code);
            Assert.Contains("cannot read this backup's encrypted fields", error, StringComparison.Ordinal);
            Assert.Contains("Nothing was changed", error, StringComparison.Ordinal);
            Assert.Equal(before, Checksum(Db(elsewhere)));
        }
        finally
        {
            source.KeepData = false;
            source.Dispose();
            Directory.Delete(elsewhere.DataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Restore_PrintsTheRestoredFilesChecksum_EqualToTheBackups_AndTheAppReadsItAgain()
    {
        var (app, couple, backup, backupChecksum) = await AppWithBackupAsync("a walk by the river");
        using (var robin = await app.SignedInAsync(couple.A))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Moments", ("Input.Direction", "Gave"), ("Input.Type", "Practical"), ("Input.Note", "after the backup"), ("Input.Visibility", "Shared"), ("__Intent", Guid.NewGuid().ToString()), ("__IntentPath", "/Moments"))).StatusCode);
        }

        app.Dispose();
        ClosePool(app);
        using var again = new Again(app);
        try
        {
            var (code, output, error) = Run("restore", backup, $"--Database:DataFolder={app.DataFolder}");

            Assert.True(code == 0, error);
            Assert.Equal(backupChecksum, ChecksumPrinted(output));
            Assert.Equal(backupChecksum, Checksum(Db(app)));

            // The app starts on the restored file with the same key ring: the page reads the encrypted note.
            using var robin = again.NewClient();
            await robin.SignInAsync(couple.A.Email, TestPerson.DefaultPassword);
            var moments = await robin.GetPageAsync("/Moments");
            Assert.Contains("a walk by the river", moments.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("after the backup", moments.Body!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            again.KeepData = false;
        }
    }
}
