using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Security;

namespace Mutuality.Web.Features.Account.Privacy;

/// <summary>The folder of prepared exports ({data}/exports). File names are random; only the job row says whose a file is.</summary>
public sealed class ExportFiles(DataFolder data)
{
    public string Folder { get; } = PrivateFiles.Folder(System.IO.Path.Combine(data.Path, "exports")).FullName;

    public static string NewFileName() => $"{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant()}.zip";

    /// <summary>The full path for a stored name; refuses anything that is not a plain file name inside the folder.</summary>
    public string PathOf(string fileName)
    {
        if (fileName.Length == 0 || fileName != System.IO.Path.GetFileName(fileName))
        {
            throw new ArgumentException("Not an export file name.", nameof(fileName));
        }

        return System.IO.Path.Combine(Folder, fileName);
    }

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
