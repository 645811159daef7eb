namespace Mutuality.Web.Infrastructure.Hosting;

public static class StartupArguments
{
    /// <summary>Turns the bare flag <c>--demo</c> into the setting <c>Demo:Enabled=true</c>.</summary>
    public static string[] Normalise(string[] args)
        => [.. args.Select(a => a is "--demo" ? "--Demo:Enabled=true" : a)];

    /// <summary>
    /// The web app's start-up options. A Debug build (what <c>dotnet run</c> from source gives) runs as Development
    /// unless an environment is named; a Release build (what <c>dotnet publish</c> gives) stays Production.
    /// This replaces Properties/launchSettings.json, whose "Using launch settings…" line the .NET 10 SDK writes to
    /// standard output and which would break <c>dotnet run --project src/Mutuality.Web -- check-phrasing</c>.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = Normalise(args),
        EnvironmentName = IsDebugBuild && !NamesEnvironment(args) ? Environments.Development : null,
    };

#if DEBUG
    private const bool IsDebugBuild = true;
#else
    private const bool IsDebugBuild = false;
#endif

    private static bool NamesEnvironment(string[] args)
        => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
            || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase));
}
