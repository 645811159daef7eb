using Xunit.Abstractions;

namespace Mutuality.Domain.Tests;

/// <summary>
/// Lines a test reports about itself (figures measured) beside its pass/fail: to the test's own output and, when the
/// test command sets <c>MUTUALITY_TEST_REPORT</c>, appended to that file, which scripts/test.sh prints.
/// </summary>
public static class TestReport
{
    private static readonly Lock Gate = new();

    public static void Write(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("MUTUALITY_TEST_REPORT") is { Length: > 0 } path)
        {
            lock (Gate)
            {
                System.IO.File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }
}
