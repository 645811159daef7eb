using System.Globalization;
using System.Security.Cryptography;
using Mutuality.Domain.Phrasing;
using Xunit.Abstractions;

namespace Mutuality.Domain.Tests.Phrasing;

/// <summary>
/// The helper on the hand-written corpus (corpus/dev.tsv and corpus/test.tsv, label&lt;TAB&gt;sentence). The test part
/// was split off once, with a fixed seed, before any rule was tuned; rules are changed only for development-part
/// misses, and the test part's bytes are pinned below so it cannot drift. See docs/phrasing.md.
/// </summary>
public sealed class PhrasingCorpusTests(ITestOutputHelper output)
{
    // SHA-256 of corpus/test.tsv as split on the first day. A new corpus version renews the test part and this value.
    private const string FrozenTestPartSha256 = "264763be1399f0810ad26a52f4453d65b5a88676f36d3db9c630dcfa2702e56a";

    internal sealed record Row(bool Harsh, string Sentence);

    private static string PathOf(string part) => Path.Combine(AppContext.BaseDirectory, "Phrasing", "corpus", part + ".tsv");

    internal static List<Row> Load(string part) =>
        [.. System.IO.File.ReadAllLines(PathOf(part))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2))
            .Select(p => p.Length == 2 && p[0] is "harsh" or "gentle"
                ? new Row(p[0] == "harsh", p[1])
                : throw new FormatException($"Not label<TAB>sentence: {string.Join('\t', p)}"))];

    /// <summary>
    /// The rows of the last development batch (after the last "# --- development batch" header) and that header: the
    /// freshest sentences, written before the rules were last changed and not tuned on, so the nearest estimate of the
    /// figure on sentences nobody here wrote.
    /// </summary>
    internal static (string Header, List<Row> Rows) LatestBatch()
    {
        var lines = System.IO.File.ReadAllLines(PathOf("dev"));
        var at = Array.FindLastIndex(lines, l => l.StartsWith("# --- development batch", StringComparison.Ordinal));
        var rows = lines.Skip(at + 1).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t', 2))
            .Select(p => new Row(p[0] == "harsh", p[1])).ToList();
        return (at < 0 ? string.Empty : lines[at], rows);
    }

    internal sealed record Figures(int Harsh, int Gentle, int Tp, int Fp)
    {
        public double Precision => Tp + Fp == 0 ? 1 : (double)Tp / (Tp + Fp);

        public double Recall => Harsh == 0 ? 1 : (double)Tp / Harsh;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Harsh + Gentle} sentences ({Harsh} harsh, {Gentle} gentle): precision {Precision:0.000}, recall {Recall:0.000} (TP {Tp}, FP {Fp}, FN {Harsh - Tp}, TN {Gentle - Fp})");
    }

    internal static Figures Measure(IEnumerable<Row> rows)
    {
        int harsh = 0, gentle = 0, tp = 0, fp = 0;
        foreach (var row in rows)
        {
            var flagged = GentlePhrasing.Check(row.Sentence).IsHarsh;
            harsh += row.Harsh ? 1 : 0;
            gentle += row.Harsh ? 0 : 1;
            tp += row.Harsh && flagged ? 1 : 0;
            fp += !row.Harsh && flagged ? 1 : 0;
        }

        return new Figures(harsh, gentle, tp, fp);
    }

    [Fact]
    public void Corpus_HasAtLeast1500Sentences_AsManyGentleAsHarsh_AndNoSentenceInBothParts()
    {
        var dev = Load("dev");
        var test = Load("test");
        var all = dev.Concat(test).ToList();
        Assert.True(all.Count >= 1500, $"Only {all.Count} sentences.");
        Assert.True(all.Count(r => !r.Harsh) >= all.Count(r => r.Harsh), "Fewer gentle sentences than harsh ones.");
        Assert.True(test.Count >= 400, $"The test part has only {test.Count} sentences.");
        var (_, latest) = LatestBatch();
        Assert.True(latest.Count >= 160, $"The latest development batch has only {latest.Count} sentences.");
        Assert.Equal(all.Count, all.Select(r => r.Sentence.ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void Corpus_TestPart_IsStillTheFrozenSplit()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(PathOf("test"))));
        Assert.Equal(FrozenTestPartSha256, hash);
    }

    [Fact]
    public void Corpus_TestPart_ReachesRecall90AtPrecision95()
    {
        var dev = Measure(Load("dev"));
        var test = Measure(Load("test"));
        TestReport.Write(output, $"Phrasing corpus, development part: {dev}.");
        TestReport.Write(output, $"Phrasing corpus, test part (frozen, never tuned against): {test}.");
        var (header, latest) = LatestBatch();
        var batch = header.Length > 0 ? header.Split(':')[0].TrimStart('#', ' ', '-') : "latest batch";
        TestReport.Write(output, $"Phrasing corpus, {batch} (the freshest; its figure before any tuning is in its header): now {Measure(latest)}.");
        Assert.True(test.Precision >= 0.95, $"Test-part precision {test.Precision:0.000} is below 0.95.");
        Assert.True(test.Recall >= 0.90, $"Test-part recall {test.Recall:0.000} is below 0.90.");
    }
}
