using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// Issue 19 item 2: reads the feature folders' sources (C# and Razor) and finds where one feature names another's
/// namespace, types or partials. Features may depend on each other one way only: a cycle means neither can change
/// alone. Infrastructure/, Features/Shared/ and the domain are the named shared pieces and are not features.
/// The output lists every cross-feature reference, so a reviewer sees what each feature leans on.
/// </summary>
public sealed partial class FeatureReferenceTests(ITestOutputHelper output)
{
    /// <summary>
    /// Cycles that exist and are being taken apart by someone else; a new one fails the test, and one of these
    /// disappearing makes the test say to remove it from here (so the list only shrinks).
    /// </summary>
    private static readonly HashSet<string> KnownCycles = [];

    private static readonly string[] NotFeatures = ["Shared"];

    [Fact]
    [Trait("Runs", "Once")]
    public void Features_DependOnEachOtherOneWayOnly()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Mutuality.Web", "Features");
        var names = Directory.GetDirectories(features).Select(Path.GetFileName).OfType<string>().Except(NotFeatures).Order(StringComparer.Ordinal).ToList();
        var declared = names.ToDictionary(n => n, n => DeclaredTypes(Path.Combine(features, n)));
        var uses = new SortedDictionary<string, SortedDictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var feature in names)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(features, feature), "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
            {
                var text = WithoutComments(File.ReadAllText(file));
                foreach (var (other, what) in References(text, names, declared).Where(r => r.Feature != feature))
                {
                    var targets = uses.TryGetValue(feature, out var t) ? t : uses[feature] = new(StringComparer.Ordinal);
                    (targets.TryGetValue(other, out var w) ? w : targets[other] = new(StringComparer.Ordinal)).Add(what);
                }
            }
        }

        foreach (var (feature, targets) in uses)
        {
            foreach (var (other, what) in targets)
            {
                output.WriteLine($"{feature} → {other}: {string.Join(", ", what)}");
            }
        }

        var cycles = uses.SelectMany(f => f.Value.Keys
                .Where(o => string.CompareOrdinal(f.Key, o) < 0 && uses.TryGetValue(o, out var back) && back.ContainsKey(f.Key))
                .Select(o => $"{f.Key} ⇄ {o}"))
            .ToList();
        output.WriteLine("");
        output.WriteLine($"{names.Count} features, {uses.Sum(u => u.Value.Count)} one-way dependencies, cycles: {(cycles.Count == 0 ? "none" : string.Join("; ", cycles))}");

        Assert.Empty(cycles.Except(KnownCycles));
        Assert.Empty(KnownCycles.Except(cycles)); // gone: take it off the list
    }

    /// <summary>Every reference to another feature: its namespace (using, @using, @model, a qualified name), a
    /// feature-relative qualified type (<c>Notifications.Notices</c>) or a partial's path (<c>/Features/Monthly/_X</c>).</summary>
    private static IEnumerable<(string Feature, string What)> References(string text, List<string> names, Dictionary<string, HashSet<string>> declared)
    {
        foreach (Match m in NamespacePattern().Matches(text))
        {
            if (names.Contains(m.Groups[1].Value))
            {
                yield return (m.Groups[1].Value, m.Groups[2].Length > 0 ? m.Groups[2].Value.TrimStart('.') : "namespace");
            }
        }

        foreach (Match m in RelativePattern().Matches(text))
        {
            if (names.Contains(m.Groups[1].Value) && declared[m.Groups[1].Value].Contains(m.Groups[2].Value))
            {
                yield return (m.Groups[1].Value, m.Groups[2].Value);
            }
        }

        foreach (Match m in PartialPattern().Matches(text))
        {
            if (names.Contains(m.Groups[1].Value))
            {
                yield return (m.Groups[1].Value, m.Groups[2].Value);
            }
        }
    }

    private static HashSet<string> DeclaredTypes(string folder)
        => [.. Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => DeclarationPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))];

    private static string WithoutComments(string text)
        => RazorCommentPattern().Replace(LineCommentPattern().Replace(text, string.Empty), string.Empty);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mutuality.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Mutuality.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"Mutuality\.Web\.Features\.(\w+)((?:\.\w+)*)")]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"(?<![\w.])(?:Features\.)?([A-Z]\w+)\.([A-Z]\w+)")]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"/Features/(\w+)/(_\w+)")]
    private static partial Regex PartialPattern();

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface)\s+([A-Z]\w*)")]
    private static partial Regex DeclarationPattern();

    [GeneratedRegex(@"^\s*//.*$", RegexOptions.Multiline)]
    private static partial Regex LineCommentPattern();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorCommentPattern();
}
