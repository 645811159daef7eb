using Mutuality.Domain.Phrasing;

namespace Mutuality.Web.Features.Phrasing;

/// <summary>
/// <c>dotnet run --project src/Mutuality.Web -- check-phrasing</c>: reads one sentence a line from standard input and
/// writes one line for each to standard output — <c>harsh&lt;TAB&gt;pattern,pattern</c> or <c>gentle</c> — and nothing
/// else, so anyone can try the helper on their own sentences. No web host, database or network is involved.
/// </summary>
public static class PhrasingCli
{
    public const string Command = "check-phrasing";

    /// <summary>True when the arguments ask for the phrasing check rather than the web app.</summary>
    public static bool IsRequested(string[] args) => args is [Command, ..];

    public static async Task<int> RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken = default)
    {
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            await output.WriteAsync(Format(GentlePhrasing.Check(line)) + "\n");
        }

        await output.FlushAsync(cancellationToken);
        return 0;
    }

    /// <summary>One output line, without its line break.</summary>
    public static string Format(PhrasingCheck check)
        => check.IsHarsh ? "harsh\t" + string.Join(',', check.Patterns) : "gentle";
}
