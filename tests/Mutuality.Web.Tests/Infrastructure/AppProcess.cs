using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mutuality.Web.Tests.Infrastructure;

/// <summary>The app as a separate OS process on a free port (so a test can kill it for real).</summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private readonly System.Text.StringBuilder _output;

    private AppProcess(Process process, Uri baseAddress, System.Text.StringBuilder output)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = output;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the app has written to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<AppProcess> StartAsync(string dataFolder, params string[] extraArgs)
    {
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in new[] { "--urls", "http://127.0.0.1:0", $"--Database:DataFolder={dataFolder}", "--RateLimits:AuthPerMinute=1000000", "--Logging:LogLevel:Default=Information" }.Concat(extraArgs))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the app");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            var match = ListeningPattern().Match(e.Data);
            if (match.Success)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var done = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (done != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The app did not start within 60 s:\n" + output);
        }

        return new AppProcess(process, await listening.Task, output);
    }

    /// <summary>SIGKILL: no graceful shutdown, no flushing, no goodbyes.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningPattern();
}
