using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// Free text written through the app is stored only as ciphertext: the raw database (the SQLite file and its
/// write-ahead log, or every PostgreSQL table) never contains the words, while the app reads them back.
/// </summary>
public sealed class EncryptionAtRestTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task KnownPhrases_WrittenThroughTheApp_NeverAppearInTheRawDatabase()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var note = $"marmalade-lighthouse-{tag}";
        var feeling = $"tangerine-weariness-{tag}";
        var need = $"velvet-umbrella-{tag}";
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);

        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Moments",
            ("Input.Direction", "Gave"), ("Input.Type", "Practical"), ("Input.Note", note), ("Input.Visibility", "Private"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Requests/New",
            ("Input.Feeling", feeling), ("Input.Need", need), ("Input.Type", "Emotional"), ("Input.Urgency", "ThisWeek"))).StatusCode);

        // The app reads them back as text.
        Assert.Contains(note, (await robin.GetPageAsync("/Moments")).MainText(), StringComparison.Ordinal);
        Assert.Contains(need, (await robin.GetPageAsync("/Requests")).MainText(), StringComparison.Ordinal);

        var phrases = new[] { note, feeling, need };
        var found = await ScanAsync(phrases);
        output.WriteLine($"scanned {found.Scanned} for {phrases.Length} phrases");
        Assert.True(found.Hits.Count == 0, "plaintext found at rest: " + string.Join(", ", found.Hits));

        // And the scan can see plain text when it is there (a control: the display name is not encrypted).
        var control = await ScanAsync([couple.A.Email]);
        Assert.NotEmpty(control.Hits);
    }

    [Fact]
    public async Task TwoStepSecrets_TheAuthenticatorKeyAndRecoveryCodes_NeverAppearInTheRawDatabase()
    {
        var person = await app.CreatePersonAsync("Guarded");
        using var client = await app.SignedInAsync(person);
        var twoStep = await Account.TwoStepTests.TurnOnAsync(app, client);

        // The app still reads them: the key turned two-step on, and the page counts the codes.
        Assert.Contains("10 recovery codes left", (await client.GetPageAsync("/Account/Manage/TwoFactor")).MainText(), StringComparison.Ordinal);

        var secrets = twoStep.RecoveryCodes.Prepend(twoStep.Key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()).ToArray();
        var found = await ScanAsync(secrets);
        output.WriteLine($"scanned {found.Scanned} for {secrets.Length} two-step secrets");
        Assert.True(found.Hits.Count == 0, "two-step secret found at rest: " + string.Join(", ", found.Hits));
        Assert.NotEmpty((await ScanAsync([person.Email])).Hits);
    }

    private async Task<(List<string> Hits, string Scanned)> ScanAsync(string[] phrases)
    {
        var hits = new List<string>();
        if (AppFactory.Provider == "Postgres")
        {
            var tables = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
                "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").ToListAsync());
            foreach (var table in tables)
            {
#pragma warning disable EF1002 // the table names come from the database's own catalogue
                var rows = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>($"SELECT t::text AS \"Value\" FROM \"{table}\" t").ToListAsync());
#pragma warning restore EF1002
                hits.AddRange(phrases.Where(p => rows.Any(r => r.Contains(p, StringComparison.Ordinal))).Select(p => $"{table}: {p}"));
            }

            return (hits, $"{tables.Count} PostgreSQL tables");
        }

        // Make sure everything is on disk, then read the files byte for byte.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);"));
        var files = Directory.GetFiles(app.DataFolder, "mutuality.db*");
        foreach (var file in files)
        {
            byte[] bytes;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                await stream.ReadExactlyAsync(bytes);
            }

            foreach (var phrase in phrases)
            {
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(phrase)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(phrase)) >= 0)
                {
                    hits.Add($"{Path.GetFileName(file)}: {phrase}");
                }
            }
        }

        SqliteConnection.ClearAllPools();
        return (hits, $"{files.Length} SQLite files");
    }
}
