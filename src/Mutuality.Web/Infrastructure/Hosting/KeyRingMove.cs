using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Security;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// <c>keys to-database [settings]</c> and <c>keys to-folder [settings]</c> (issue 18, item 2): moves the Data Protection
/// key ring between its folder (<c>DataProtection:KeysFolder</c>, else <c>{DataFolder}/keys</c>) and the database's
/// <c>DataProtectionKeys</c> table, so an instance can go from one node to several (and back) without losing anything the
/// keys protect — encrypted text, two-step secrets, the VAPID keys, sign-in cookies.
/// <para>
/// Each key's XML is copied unchanged (a key protected with a certificate stays protected with it), then read back from
/// the destination and compared with the source; only when every key is there, byte for byte, are they removed from the
/// source. Revocations move the same way. A key already in the destination with the same id and the same XML is not
/// copied twice; one with the same id and different XML stops the move before anything is written. Run it while the app is stopped, then start the app
/// with <c>DataProtection:KeysInDatabase</c> set to match (true after <c>to-database</c>, false after <c>to-folder</c>).
/// </para>
/// </summary>
public static class KeyRingMove
{
    public const int Refused = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || args[1] is not ("to-database" or "to-folder"))
        {
            error.WriteLine("usage: keys to-database|to-folder   (with the same settings as the app, e.g. --Database:DataFolder=...)");
            return 2;
        }

        var toDatabase = args[1] == "to-database";
        var builder = WebApplication.CreateBuilder(StartupArguments.Options(args.Skip(2).ToArray()));
        builder.Logging.ClearProviders();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMutualityData(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        var keysFolder = builder.Configuration["DataProtection:KeysFolder"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(DatabaseSetup.ResolveDataFolder(builder.Configuration, builder.Environment), "keys");

        try
        {
            var folder = new FileSystemXmlRepository(PrivateFiles.Folder(keysFolder), app.Services.GetRequiredService<ILoggerFactory>());
            var database = new EntityFrameworkCoreXmlRepository<AppDbContext>(app.Services, app.Services.GetRequiredService<ILoggerFactory>());
            IXmlRepository from = toDatabase ? folder : database;
            IXmlRepository to = toDatabase ? database : folder;
            var (fromName, toName) = toDatabase ? ($"the folder {keysFolder}", "the database") : ("the database", $"the folder {keysFolder}");

            var moving = from.GetAllElements().ToList();
            if (moving.Count == 0)
            {
                error.WriteLine($"keys: no key ring in {fromName}; nothing was changed.");
                return Refused;
            }

            // A key is known by its id; any other element (a revocation) by its whole text.
            var already = to.GetAllElements().GroupBy(Identity).ToDictionary(g => g.Key, g => Text(g.First()));
            foreach (var key in moving)
            {
                if (already.TryGetValue(Identity(key), out var there) && there != Text(key))
                {
                    error.WriteLine($"keys: {toName} already holds a different key with the id {KeyId(key)}; nothing was changed.");
                    return Refused;
                }
            }

            foreach (var key in moving.Where(k => !already.ContainsKey(Identity(k))))
            {
                to.StoreElement(key, KeyId(key) is { } id ? "key-" + id : key.Name.LocalName + "-" + Guid.NewGuid().ToString("N"));
            }

            var arrived = to.GetAllElements().Select(Text).ToHashSet(StringComparer.Ordinal);
            var missing = moving.Count(k => !arrived.Contains(Text(k)));
            if (missing > 0)
            {
                error.WriteLine($"keys: {missing} key(s) did not arrive in {toName}; {fromName} is left as it was.");
                return 1;
            }

            var moved = moving.Select(Text).ToHashSet(StringComparer.Ordinal);
            if (toDatabase)
            {
                foreach (var file in Directory.EnumerateFiles(keysFolder, "*.xml").Where(f => moved.Contains(Text(XElement.Load(f)))))
                {
                    File.Delete(file);
                }
            }
            else
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var rows = await db.DataProtectionKeys.ToListAsync();
                db.DataProtectionKeys.RemoveRange(rows.Where(r => r.Xml is { } xml && moved.Contains(Text(XElement.Parse(xml)))));
                await db.SaveChangesAsync();
            }

            output.WriteLine($"keys: moved {moving.Count} key(s) from {fromName} to {toName}, each read back and compared before the source was cleared.");
            output.WriteLine(toDatabase
                ? "Start the app with DataProtection__KeysInDatabase=true (and keep the certificate, if you use one, outside the database)."
                : "Start the app without DataProtection__KeysInDatabase (or with it false); back the keys folder up apart from the database.");
            return 0;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            error.WriteLine($"keys failed: {e.Message}");
            return 1;
        }
    }

    private static string Identity(XElement element) => KeyId(element) is { } id ? "key " + id.ToLowerInvariant() : Text(element);

    private static string? KeyId(XElement element) => element.Name.LocalName == "key" ? (string?)element.Attribute("id") : null;

    private static string Text(XElement element) => element.ToString(SaveOptions.DisableFormatting);
}
