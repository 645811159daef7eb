using System.Diagnostics;

namespace Mutuality.Web.Tests.Faults;

/// <summary>
/// A real, small file system of a test's own (a tmpfs of a few megabytes), which the test fills to the last byte so
/// that every write on it fails with "no space left on device", as on a full disk. Mounting needs root (or sudo without
/// a password), as scripts/test.sh and CI run.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private readonly string _filler;

    public string Path { get; }

    private SmallDisk(string path)
    {
        Path = path;
        _filler = System.IO.Path.Combine(path, "filler");
    }

    public static SmallDisk Mount(int megabytes)
    {
        var path = Directory.CreateTempSubdirectory("mutuality-small-disk.").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", path);
        return new SmallDisk(path);
    }

    /// <summary>Writes a filler file until the file system refuses: afterwards no byte is free.</summary>
    public void Fill()
    {
        var chunk = new byte[64 * 1024];
        using var file = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                file.Write(chunk);
            }
        }
        catch (IOException)
        {
            // Full. Now the last few bytes, one at a time.
        }

        try
        {
            while (true)
            {
                file.Write(chunk, 0, 1);
            }
        }
        catch (IOException)
        {
        }

        Assert.Equal(0, new DriveInfo(Path).AvailableFreeSpace);
    }

    /// <summary>Gives the space back.</summary>
    public void Free() => File.Delete(_filler);

    private static void Run(string program, params string[] args)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? program : "sudo") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (!asRoot)
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add(program);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {error.Result}. This test mounts a small tmpfs to fill it: run it as root (as scripts/test.sh and CI do) or with sudo that needs no password.");
        }
    }

    public void Dispose()
    {
        try
        {
            Run("umount", "-l", Path);
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
        }
    }
}
