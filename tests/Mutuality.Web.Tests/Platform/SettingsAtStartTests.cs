using System.Diagnostics;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// Issue 19 item 7: a misconfiguration stops the app at start, before it touches the database or listens, with a
/// message that names the setting; nobody ever meets it as a 500 later. Runs the app as a real process.
/// </summary>
public sealed class SettingsAtStartTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "mutuality-tests", "settings-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, string> Misconfigurations => new()
    {
        { "--Mail:SmtpPort=0", "Mail:SmtpPort" },
        { "--Mail:Delivery=Smtp", "Mail:SmtpHost" },
        { "--Mail:SmtpSecurity=Sometimes", "Mail:SmtpSecurity" },
        { "--Mail:PublicBaseUrl=mutuality.example.org", "Mail:PublicBaseUrl" },
        { "--Help:QuickExitUrl=javascript:alert(1)", "Help:QuickExitUrl" },
        { "--Notifications:PollSeconds=0", "Notifications:PollSeconds" },
        { "--Demo:Password=short", "Demo:Password" },
        { "--RateLimits:AuthPerMinute=many", "RateLimits:AuthPerMinute" },
    };

    [Theory]
    [Trait("Runs", "Once")]
    [MemberData(nameof(Misconfigurations))]
    public async Task Start_WithABadSetting_StopsAndNamesTheSetting(string argument, string setting)
    {
        var (exitCode, output) = await RunAppAsync(argument);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Mutuality cannot start: a setting is not valid.", output, StringComparison.Ordinal);
        Assert.Contains(setting, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // a message for a person, not a stack trace
        Assert.False(File.Exists(Path.Combine(_data, "mutuality.db")), "the database was touched before the settings were checked");
    }

    private async Task<(int ExitCode, string Output)> RunAppAsync(string argument)
    {
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", $"--Database:DataFolder={_data}", argument })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the app");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The app kept running with {argument}: {await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
