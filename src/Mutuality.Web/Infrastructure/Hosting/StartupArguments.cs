namespace Mutuality.Web.Infrastructure.Hosting;

public static class StartupArguments
{
    /// <summary>Turns the bare flag <c>--demo</c> into the setting <c>Demo:Enabled=true</c>.</summary>
    public static string[] Normalise(string[] args)
        => [.. args.Select(a => a is "--demo" ? "--Demo:Enabled=true" : a)];
}
