using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mutuality.Web.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of one test's own (initdb + pg_ctl in a temporary folder, as scripts/lib/pg.sh does), so the
/// test can stop and start it without touching the server other tests share. Every step is bounded in time.
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password=unused;Pooling=true;Maximum Pool Size=20;Timeout=5";

    private string DataDir => Path.Combine(_folder, "data");

    private PrivatePostgres(string bin, string folder, int port, bool asPostgresUser)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>Where initdb is: MUTUALITY_PG_BIN, or the newest /usr/lib/postgresql/*/bin.</summary>
    public static string FindBin()
    {
        if (Environment.GetEnvironmentVariable("MUTUALITY_PG_BIN") is { Length: > 0 } given)
        {
            return given;
        }

        var newest = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException("This test needs PostgreSQL's server programs (initdb, pg_ctl): install postgresql or set MUTUALITY_PG_BIN.");
    }

    public static PrivatePostgres Start()
    {
        var bin = FindBin();
        var folder = Directory.CreateTempSubdirectory("mutuality-fault-pg.").FullName;
        var root = Environment.UserName == "root";
        var port = FreePort();
        var pg = new PrivatePostgres(bin, folder, port, root);
        if (root)
        {
            Run("chown", "-R", "postgres", folder);
        }

        pg.RunPg("initdb", "-D", pg.DataDir, "-U", "postgres", "-A", "trust", "--no-sync");
        pg.StartServer();
        return pg;
    }

    /// <summary>
    /// A streaming standby of this server on another loopback port: <c>pg_basebackup -R</c> (the base backup and the
    /// settings that make it follow this server), started in hot standby so it answers reads.
    /// </summary>
    public PrivatePostgres StartStandby()
    {
        var folder = Directory.CreateTempSubdirectory("mutuality-standby-pg.").FullName;
        var standby = new PrivatePostgres(_bin, folder, FreePort(), _asPostgresUser);
        if (_asPostgresUser)
        {
            Run("chown", "-R", "postgres", folder);
        }

        standby.RunPg("pg_basebackup", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres",
            "-D", standby.DataDir, "-R", "-X", "stream", "-c", "fast", "--no-sync");
        standby.StartServer();
        return standby;
    }

    public void StartServer()
        => RunPg("pg_ctl", "-D", DataDir, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "50",
            "-o", $"-p {Port} -k {_folder} -h 127.0.0.1 -c fsync=off -c full_page_writes=off", "start");

    /// <summary>A fast stop: open connections are ended, as in a restart of the server.</summary>
    public void StopServer() => RunPg("pg_ctl", "-D", DataDir, "-m", "fast", "-w", "-t", "50", "stop");

    private void RunPg(string program, params string[] args)
    {
        var path = Path.Combine(_bin, program);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. args]);
        }
        else
        {
            Run(path, args);
        }
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StepLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} took longer than {StepLimit.TotalSeconds} s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Result} {error.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            RunPg("pg_ctl", "-D", DataDir, "-m", "immediate", "-w", "-t", "20", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
