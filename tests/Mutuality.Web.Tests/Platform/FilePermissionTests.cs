using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Features.Account.Privacy;
using Mutuality.Web.Infrastructure.Security;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

/// <summary>Issue 12, item 14: what holds people's data is readable by the app's own user only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FilePermissionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);

    [Fact]
    public async Task The_data_folder_database_key_ring_and_mail_pickup_are_for_the_apps_user_only_and_export_zips_are_not_on_disk()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await robin.PostFormAsync("/Account/ForgotPassword", ("Email", couple.A.Email));
        await ExportTests.ExportThroughThePageAsync(app, robin, couple.A.Id);
        var exports = app.WithScope(sp => sp.GetRequiredService<ExportFiles>().Folder);

        var folders = new[] { app.DataFolder, Path.Combine(app.DataFolder, "keys"), app.MailFolder, exports };
        var files = Directory.EnumerateFiles(app.DataFolder, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(".eml", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.EndsWith(".zip", StringComparison.Ordinal)); // in the database, encrypted (issue 18)
        Assert.Contains(files, f => Path.GetFileName(Path.GetDirectoryName(f)) == "keys");
        if (AppFactory.Provider == "Sqlite")
        {
            Assert.Contains(files, f => f.EndsWith("mutuality.db", StringComparison.Ordinal));
        }

        Assert.All(folders, f => Assert.True(Directory.Exists(f) && Mode(f) == "700", $"{f}: {Mode(f)}"));
        Assert.All(files, f => Assert.True(Mode(f) == "600", $"{f}: {Mode(f)}"));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(files[0]));
    }
}

/// <summary>Issue 12, item 14: with a certificate from the operator, the key ring on disk is encrypted.</summary>
public sealed class KeyRingCertificateTests
{
    public sealed class CertificateApp : AppFactory
    {
        public string CertificatePath { get; } = Path.Combine(Path.GetTempPath(), $"mutuality-cert-{Guid.NewGuid():N}.pfx");

        public CertificateApp()
        {
            using var key = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Mutuality key ring", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(CertificatePath, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test-pass"));
        }

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = CertificatePath,
            ["DataProtection:CertificatePassword"] = "test-pass",
        };
    }

    [Fact]
    public async Task With_a_certificate_configured_the_key_ring_on_disk_holds_no_plain_key()
    {
        using var app = new CertificateApp();
        var person = await app.CreatePersonAsync("Robin");
        using var client = await app.SignedInAsync(person);
        var keys = Directory.GetFiles(Path.Combine(app.DataFolder, "keys"), "*.xml");
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var xml = await File.ReadAllTextAsync(key);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }

        File.Delete(app.CertificatePath);
    }

    [Fact]
    public async Task Without_a_certificate_the_key_ring_is_plain_which_the_operations_guide_says()
    {
        using var app = new AppFactory();
        var person = await app.CreatePersonAsync("Robin");
        using var client = await app.SignedInAsync(person);
        var xml = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(app.DataFolder, "keys"), "*.xml")[0]);
        Assert.Contains("<masterKey", xml, StringComparison.Ordinal);
    }
}
