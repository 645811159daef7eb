using System.Globalization;
using Mutuality.Domain.Phrasing;
using Xunit.Abstractions;

namespace Mutuality.Domain.Tests.Phrasing;

/// <summary>Precision and recall of the gentle phrasing helper on our own labelled set (phrasing-set.tsv).</summary>
public sealed class PhrasingSetTests(ITestOutputHelper output)
{
    private static readonly string[] OriginalPatterns =
    [
        PhrasingPatterns.Absolute, PhrasingPatterns.Label, PhrasingPatterns.Diagnosis, PhrasingPatterns.Contempt,
        PhrasingPatterns.BlameOpener, PhrasingPatterns.CrossComplaint,
    ];

    internal sealed record Labelled(int Line, bool Harsh, string[] Patterns, string Sentence, bool HeldOut);

    internal static IReadOnlyList<Labelled> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Phrasing", "phrasing-set.tsv");
        var rows = new List<Labelled>();
        var heldOut = false;
        var lines = System.IO.File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("# --- held-out ---", StringComparison.Ordinal))
            {
                heldOut = true;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t', 3);
            Assert.True(parts.Length == 3, $"Line {i + 1} needs three tab-separated columns: {line}");
            Assert.True(parts[0] is "harsh" or "gentle", $"Line {i + 1}: label must be harsh or gentle");
            var patterns = parts[1] == "-" ? [] : parts[1].Split(',', StringSplitOptions.TrimEntries);
            Assert.All(patterns, p => Assert.Contains(p, PhrasingPatterns.All));
            Assert.Equal(parts[0] == "harsh", patterns.Length > 0);
            rows.Add(new Labelled(i + 1, parts[0] == "harsh", patterns, parts[2], heldOut));
        }

        return rows;
    }

    [Fact]
    public void Set_HasAtLeast150SentencesOfEachKindAndEveryPattern()
    {
        var set = Load();
        Assert.True(set.Count >= 150, $"Only {set.Count} sentences.");
        Assert.True(set.Count(s => s.Harsh) >= 50);
        Assert.True(set.Count(s => !s.Harsh) >= 50);
        // This older set labels the six original patterns; the newer ones (comparison, threat, stonewalling,
        // defensiveness) are measured sentence by sentence on the corpus (PhrasingCorpusTests).
        foreach (var pattern in OriginalPatterns)
        {
            Assert.True(set.Count(s => s.Patterns.Contains(pattern)) >= 8, $"Too few sentences for {pattern}.");
        }

        Assert.Equal(set.Count, set.Select(s => s.Sentence).Distinct().Count());
    }

    internal sealed record Score(int Count, int Tp, int Fp, int Fn, int Tn, int PatternTp, int PatternFp, int PatternFn)
    {
        public double Precision => Ratio(Tp, Tp + Fp);

        public double Recall => Ratio(Tp, Tp + Fn);

        public double PatternPrecision => Ratio(PatternTp, PatternTp + PatternFp);

        public double PatternRecall => Ratio(PatternTp, PatternTp + PatternFn);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Count} sentences ({Tp + Fn} harsh, {Fp + Tn} gentle): harsh-vs-gentle precision {Precision:0.000}, recall {Recall:0.000} (TP {Tp}, FP {Fp}, FN {Fn}, TN {Tn}); patterns precision {PatternPrecision:0.000}, recall {PatternRecall:0.000}");
    }

    internal static Score Measure(IEnumerable<Labelled> rows, Action<string>? miss = null, Dictionary<string, (int Tp, int Fp, int Fn)>? perPattern = null)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0, ptp = 0, pfp = 0, pfn = 0, count = 0;
        foreach (var row in rows)
        {
            count++;
            var check = GentlePhrasing.Check(row.Sentence);
            var found = check.Patterns;
            tp += row.Harsh && check.IsHarsh ? 1 : 0;
            fp += !row.Harsh && check.IsHarsh ? 1 : 0;
            fn += row.Harsh && !check.IsHarsh ? 1 : 0;
            tn += !row.Harsh && !check.IsHarsh ? 1 : 0;
            foreach (var pattern in PhrasingPatterns.All)
            {
                var expected = row.Patterns.Contains(pattern);
                var actual = found.Contains(pattern);
                ptp += expected && actual ? 1 : 0;
                pfp += !expected && actual ? 1 : 0;
                pfn += expected && !actual ? 1 : 0;
                if (perPattern is not null)
                {
                    var c = perPattern.GetValueOrDefault(pattern);
                    perPattern[pattern] = (c.Tp + (expected && actual ? 1 : 0), c.Fp + (!expected && actual ? 1 : 0), c.Fn + (expected && !actual ? 1 : 0));
                }
            }

            if (row.Harsh != check.IsHarsh || !row.Patterns.Order().SequenceEqual(found.Order()))
            {
                miss?.Invoke($"  line {row.Line}: expected {(row.Harsh ? string.Join(',', row.Patterns) : "gentle")}, got {(check.IsHarsh ? string.Join(',', found) : "gentle")}: {row.Sentence}");
            }
        }

        return new Score(count, tp, fp, fn, tn, ptp, pfp, pfn);
    }

    [Fact]
    public void Set_PrecisionAndRecall_MeetTheQualityBar()
    {
        var set = Load();
        var perPattern = new Dictionary<string, (int Tp, int Fp, int Fn)>();
        var all = Measure(set, output.WriteLine, perPattern);
        var tuning = Measure(set.Where(r => !r.HeldOut));
        var heldOut = Measure(set.Where(r => r.HeldOut));
        output.WriteLine($"Whole set: {all}.");
        output.WriteLine($"Tuning part: {tuning}.");
        output.WriteLine($"Held-out part: {heldOut}.");
        foreach (var pattern in PhrasingPatterns.All)
        {
            var c = perPattern.GetValueOrDefault(pattern);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {pattern,-16} precision {Ratio(c.Tp, c.Tp + c.Fp):0.000}  recall {Ratio(c.Tp, c.Tp + c.Fn):0.000}  (tp {c.Tp}, fp {c.Fp}, fn {c.Fn})"));
        }

        Assert.True(all.Precision >= 0.9, $"Precision {all.Precision:0.000} is below 0.9.");
        Assert.True(all.Recall >= 0.8, $"Recall {all.Recall:0.000} is below 0.8.");
        Assert.True(all.PatternPrecision >= 0.85, $"Pattern precision {all.PatternPrecision:0.000} is below 0.85.");
        Assert.True(all.PatternRecall >= 0.8, $"Pattern recall {all.PatternRecall:0.000} is below 0.8.");
    }

    private static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;
}
