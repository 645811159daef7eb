namespace Mutuality.Web.Infrastructure.Security;

/// <summary>
/// Folders and files that hold people's data (the data folder, database files, key ring, export ZIPs, mail pickup)
/// are readable by the app's own user only: folders 0700, files 0600 (issue 12). On Windows the folder's ACL applies.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and any missing parents) or tightens an existing one to 0700.</summary>
    public static DirectoryInfo Folder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        var folder = Directory.CreateDirectory(path, FolderMode);
        File.SetUnixFileMode(folder.FullName, FolderMode);
        return folder;
    }

    /// <summary>Makes an existing file 0600; a missing one is left alone.</summary>
    public static void Restrict(string file)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(file))
        {
            File.SetUnixFileMode(file, FileMode);
        }
    }
}
