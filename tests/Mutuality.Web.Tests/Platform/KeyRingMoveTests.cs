using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Security;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// Issue 18, item 2: <c>keys to-database</c> and <c>keys to-folder</c> move the key ring without losing anything it
/// protects — text encrypted before the move is read after it, from the new place only (key generation off), on
/// SQLite and on PostgreSQL, with and without a certificate protecting the keys at rest.
/// </summary>
[Trait("Runs", "Once")]
public sealed class KeyRingMoveTests
{
    private const string Secret = "A private note only the key ring can read";

    [Theory]
    [InlineData("Sqlite", false)]
    [InlineData("Postgres", true)]
    public async Task TextEncryptedBeforeTheMove_IsReadAfterIt_FromTheDatabase_AndBackFromTheFolder(string provider, bool certificate)
    {
        var folder = Directory.CreateTempSubdirectory("mutuality-keys.").FullName;
        var database = provider == "Postgres" ? NodesPostgres.CreateMigratedDatabase("mut_keys_") : null;
        using var cert = certificate ? Certificate() : null;
        try
        {
            List<string> settings = [$"--Database:Provider={provider}", $"--Database:DataFolder={folder}"];
            if (database is not null)
            {
                settings.Add($"--Database:ConnectionString={database}");
            }
            else
            {
                Assert.Equal(0, Maintenance.Run(["migrate", .. settings], new StringWriter(), new StringWriter()));
            }

            var keys = Path.Combine(folder, "keys");
            var cipher = FolderProtector(keys, cert, generate: true).Protect(Secret);
            var keyFiles = Directory.GetFiles(keys, "key-*.xml").Length;
            Assert.True(keyFiles > 0);

            // To the database: the folder is emptied, the rows are there (sealed by the certificate when there is one).
            var output = new StringWriter();
            Assert.Equal(0, Maintenance.Run(["keys", "to-database", .. settings], output, new StringWriter()));
            Assert.Contains($"moved {keyFiles} key(s)", output.ToString(), StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(keys, "*.xml"));
            var rows = await RowsAsync(settings);
            Assert.Equal(keyFiles, rows.Count);
            if (certificate)
            {
                Assert.All(rows, xml => Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal));
            }

            Assert.Equal(Secret, await ReadFromDatabaseAsync(settings, cert, cipher));
            Assert.Throws<CryptographicException>(() => FolderProtector(keys, cert, generate: false).Unprotect(cipher));

            // Moving again finds nothing to move and changes nothing.
            var refused = new StringWriter();
            Assert.Equal(KeyRingMove.Refused, Maintenance.Run(["keys", "to-database", .. settings], new StringWriter(), refused));
            Assert.Contains("nothing was changed", refused.ToString(), StringComparison.Ordinal);
            Assert.Equal(keyFiles, (await RowsAsync(settings)).Count);

            // And back to the folder.
            Assert.Equal(0, Maintenance.Run(["keys", "to-folder", .. settings], new StringWriter(), new StringWriter()));
            Assert.Empty(await RowsAsync(settings));
            Assert.Equal(keyFiles, Directory.GetFiles(keys, "key-*.xml").Length);
            Assert.Equal(Secret, FolderProtector(keys, cert, generate: false).Unprotect(cipher));
        }
        finally
        {
            if (database is not null)
            {
                NodesPostgres.Drop(database);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AKeyWithTheSameIdButDifferentContentInTheDatabase_StopsTheMove_AndNothingChanges()
    {
        var folder = Directory.CreateTempSubdirectory("mutuality-keys.").FullName;
        try
        {
            string[] settings = ["--Database:Provider=Sqlite", $"--Database:DataFolder={folder}"];
            Assert.Equal(0, Maintenance.Run(["migrate", .. settings], new StringWriter(), new StringWriter()));
            var keys = Path.Combine(folder, "keys");
            FolderProtector(keys, null, generate: true).Protect(Secret);
            var file = Directory.GetFiles(keys, "key-*.xml").Single();
            var id = Path.GetFileNameWithoutExtension(file)["key-".Length..];
            await WithDbAsync(settings, db =>
            {
                db.DataProtectionKeys.Add(new() { FriendlyName = "key-" + id, Xml = $"<key id=\"{id}\" version=\"1\"><other /></key>" });
                return db.SaveChangesAsync();
            });

            var error = new StringWriter();
            Assert.Equal(KeyRingMove.Refused, Maintenance.Run(["keys", "to-database", .. settings], new StringWriter(), error));
            Assert.Contains($"already holds a different key with the id {id}", error.ToString(), StringComparison.Ordinal);
            Assert.True(File.Exists(file));
            Assert.Single(await RowsAsync(settings));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static X509Certificate2 Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Mutuality key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static IDataProtector FolderProtector(string keys, X509Certificate2? cert, bool generate)
    {
        var services = new ServiceCollection().AddLogging();
        var protection = services.AddDataProtection().SetApplicationName("Mutuality").PersistKeysToFileSystem(new DirectoryInfo(keys));
        Configure(protection, cert, generate);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectedTextConverter.Purpose);
    }

    private static async Task<string> ReadFromDatabaseAsync(IEnumerable<string> settings, X509Certificate2? cert, string cipher)
    {
        await using var app = App(settings, protection =>
        {
            protection.PersistKeysToDbContext<AppDbContext>();
            Configure(protection, cert, generate: false);
        });
        return app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectedTextConverter.Purpose).Unprotect(cipher);
    }

    private static void Configure(IDataProtectionBuilder protection, X509Certificate2? cert, bool generate)
    {
        if (cert is not null)
        {
            protection.ProtectKeysWithCertificate(cert);
        }

        if (!generate)
        {
            protection.DisableAutomaticKeyGeneration();
        }
    }

    private static WebApplication App(IEnumerable<string> settings, Action<IDataProtectionBuilder>? protection = null)
    {
        var builder = WebApplication.CreateBuilder(StartupArguments.Options(settings.ToArray()));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMutualityData(builder.Configuration, builder.Environment);
        protection?.Invoke(builder.Services.AddDataProtection().SetApplicationName("Mutuality"));
        return builder.Build();
    }

    private static async Task WithDbAsync(IEnumerable<string> settings, Func<AppDbContext, Task> work)
    {
        await using var app = App(settings);
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static async Task<List<string>> RowsAsync(IEnumerable<string> settings)
    {
        var rows = new List<string>();
        await WithDbAsync(settings, async db => rows.AddRange(await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync()));
        return rows;
    }
}
