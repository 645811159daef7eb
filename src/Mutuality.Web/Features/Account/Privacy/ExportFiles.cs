using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Security;

namespace Mutuality.Web.Features.Account.Privacy;

/// <summary>
/// Where prepared exports are kept: in the database (table <c>ExportFileContents</c>, one row per ready job), so any
/// node of several serves the download (issue 18). The ZIP holds the person's words in plain text, so it is stored
/// encrypted with the app's key ring, like the encrypted fields: a copy of the database alone does not open it. The
/// row goes with its job (expiry sweep, account deletion). Exports made before this lived as files in
/// {data}/exports; those are still served and deleted from there.
/// </summary>
public sealed class ExportFiles(DataFolder data, IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Mutuality.ExportFiles.v1");

    /// <summary>The folder of exports made before they moved into the database.</summary>
    public string Folder { get; } = PrivateFiles.Folder(System.IO.Path.Combine(data.Path, "exports")).FullName;

    public static string NewFileName() => $"{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant()}.zip";

    /// <summary>
    /// Stores the ZIP and marks the job ready, together: false when the job is no longer being prepared (the account
    /// was deleted, or another worker that took the job over finished first).
    /// </summary>
    public async Task<bool> StoreAsync(AppDbContext db, Guid jobId, byte[] zip, DateTime now, TimeSpan lifetime, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var name = NewFileName();
        var updated = await db.ExportJobs.Where(j => j.Id == jobId && j.Status == ExportStatus.Preparing).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ExportStatus.Ready)
            .SetProperty(j => j.Percent, 100)
            .SetProperty(j => j.FileName, name)
            .SetProperty(j => j.ReadyAtUtc, now)
            .SetProperty(j => j.ExpiresAtUtc, now + lifetime)
            .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null), ct);
        if (updated == 0)
        {
            return false;
        }

        db.ExportFileContents.Add(new ExportFileContent { JobId = jobId, Content = _protector.Protect(zip) });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>The ZIP of a ready job, or null when it is gone.</summary>
    public async Task<byte[]?> ReadAsync(AppDbContext db, Guid jobId, string? legacyFileName, CancellationToken ct = default)
    {
        var stored = await db.ExportFileContents.AsNoTracking().Where(c => c.JobId == jobId).Select(c => c.Content).SingleOrDefaultAsync(ct);
        if (stored is not null)
        {
            return _protector.Unprotect(stored);
        }

        return legacyFileName is not null && File.Exists(PathOf(legacyFileName)) ? await File.ReadAllBytesAsync(PathOf(legacyFileName), ct) : null;
    }

    /// <summary>The full path for a stored name; refuses anything that is not a plain file name inside the folder.</summary>
    public string PathOf(string fileName)
    {
        if (fileName.Length == 0 || fileName != System.IO.Path.GetFileName(fileName))
        {
            throw new ArgumentException("Not an export file name.", nameof(fileName));
        }

        return System.IO.Path.Combine(Folder, fileName);
    }

    /// <summary>Deletes an export file made before exports moved into the database, if there is one.</summary>
    public void Delete(string fileName)
    {
        try
        {
            File.Delete(PathOf(fileName));
        }
        catch (IOException)
        {
            // Gone already, or busy: the expiry sweep tries again.
        }
    }
}
