using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Mutuality.Domain.Phrasing;

// Times GentlePhrasing.Check on a 500-character text.
//   dotnet run -c Release --project bench/phrasing            quick Stopwatch figures (a few seconds)
//   dotnet run -c Release --project bench/phrasing -- --bdn   the same with BenchmarkDotNet (a few minutes)
//   ... -- --explain           reads sentences from standard input and prints each finding with its reason
//   ... -- --misses            also lists the development part's misses (never the test part's: it is not tuned against)
// Before timing, it prints precision and recall on the labelled corpus (tests/Mutuality.Domain.Tests/Phrasing/corpus).
if (args.Contains("--bdn"))
{
    BenchmarkRunner.Run<PhrasingBenchmarks>(args: [.. args.Where(a => a != "--bdn")]);
    return;
}

var inv = CultureInfo.InvariantCulture;
if (args.Contains("--explain"))
{
    // One line in, its findings out: for reading why a sentence was (not) flagged.
    while (Console.ReadLine() is { } line)
    {
        var check = GentlePhrasing.Check(line);
        Console.WriteLine($"{(check.IsHarsh ? "harsh" : "gentle")}\t{line}");
        foreach (var f in check.Findings)
        {
            Console.WriteLine($"    {f.Pattern}: \"{f.Matched}\" — {f.Reason}");
        }

        if (check.Rewrite is not null)
        {
            Console.WriteLine($"    rewrite: {check.Rewrite}");
        }
    }

    return;
}

var corpusDir = FindCorpus();
if (corpusDir is null)
{
    Console.WriteLine("Corpus not found (run from the repository).");
}
else
{
    foreach (var part in new[] { "dev", "test" })
    {
        var rows = File.ReadAllLines(Path.Combine(corpusDir, part + ".tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2))
            .ToList();
        int tp = 0, fp = 0, fn = 0, tn = 0;
        var misses = new List<string>();
        foreach (var row in rows)
        {
            var harsh = row[0] == "harsh";
            var check = GentlePhrasing.Check(row[1]);
            tp += harsh && check.IsHarsh ? 1 : 0;
            fp += !harsh && check.IsHarsh ? 1 : 0;
            fn += harsh && !check.IsHarsh ? 1 : 0;
            tn += !harsh && !check.IsHarsh ? 1 : 0;
            if (harsh != check.IsHarsh)
            {
                misses.Add($"  {(harsh ? "missed" : "false alarm")} {string.Join(',', check.Findings.Select(f => $"{f.Pattern}:'{f.Matched}'"))}\t{row[1]}");
            }
        }

        var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
        Console.WriteLine(string.Create(inv, $"corpus {(part == "dev" ? "development" : "test")}: {rows.Count} sentences ({tp + fn} harsh, {fp + tn} gentle): precision {precision:0.000}, recall {recall:0.000} (TP {tp}, FP {fp}, FN {fn}, TN {tn})"));
        if (part == "dev")
        {
            // The freshest batch (after the last "# --- development batch" header): written before the rules were last
            // changed; its header records its figure before any tuning, the nearest estimate for unseen sentences.
            var lines = File.ReadAllLines(Path.Combine(corpusDir, "dev.tsv"));
            var at = Array.FindLastIndex(lines, l => l.StartsWith("# --- development batch", StringComparison.Ordinal));
            var latest = lines.Skip(at + 1).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t', 2)).ToList();
            int ltp = 0, lfp = 0, lfn = 0, ltn = 0;
            foreach (var row in latest)
            {
                var harsh = row[0] == "harsh";
                var flagged = GentlePhrasing.Check(row[1]).IsHarsh;
                ltp += harsh && flagged ? 1 : 0;
                lfp += !harsh && flagged ? 1 : 0;
                lfn += harsh && !flagged ? 1 : 0;
                ltn += !harsh && !flagged ? 1 : 0;
            }

            var name = at < 0 ? "latest batch" : lines[at].Split(':')[0].TrimStart('#', ' ', '-');
            Console.WriteLine(string.Create(inv, $"  of which {name}, the freshest: {latest.Count} sentences ({ltp + lfn} harsh, {lfp + ltn} gentle): precision {(ltp + lfp == 0 ? 1 : (double)ltp / (ltp + lfp)):0.000}, recall {(ltp + lfn == 0 ? 1 : (double)ltp / (ltp + lfn)):0.000} now; before tuning, see its header"));
        }

        if (part == "dev" && args.Contains("--misses"))
        {
            misses.ForEach(Console.WriteLine);
        }
    }
}

if (args.Contains("--corpus-only"))
{
    return;
}

foreach (var (name, text) in PhrasingBenchmarks.Texts)
{
    // Warm up long enough for the JIT to finish optimising the generated regular expressions.
    var warm = Stopwatch.StartNew();
    while (warm.Elapsed < TimeSpan.FromSeconds(2))
    {
        GentlePhrasing.Check(text);
    }

    var rounds = new List<double>();
    var cpuRounds = new List<double>();
    using var process = Process.GetCurrentProcess();
    for (var round = 0; round < 20; round++)
    {
        const int runs = 200;
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            GentlePhrasing.Check(text);
        }

        rounds.Add(clock.Elapsed.TotalMicroseconds / runs);
        process.Refresh();
        cpuRounds.Add((process.TotalProcessorTime - cpuBefore).TotalMicroseconds / runs);
    }

    rounds.Sort();
    cpuRounds.Sort();

    // Wall time suffers when the machine is busy; CPU time shows the work itself.
    Console.WriteLine(string.Create(inv, $"{name}: {text.Length} characters; per check: wall best {rounds[0]:0.0} µs, median {rounds[rounds.Count / 2]:0.0} µs; CPU median {cpuRounds[cpuRounds.Count / 2]:0.0} µs ({Environment.ProcessorCount} cores, load {LoadAverage()})"));
}

static string? FindCorpus()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "tests", "Mutuality.Domain.Tests", "Phrasing", "corpus");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    return null;
}

static string LoadAverage()
{
    try
    {
        return System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0];
    }
    catch (IOException)
    {
        return "unknown";
    }
    catch (UnauthorizedAccessException)
    {
        return "unknown";
    }
}

[MemoryDiagnoser]
public class PhrasingBenchmarks
{
    public static readonly (string Name, string Text)[] Texts =
    [
        ("mixed 500", "I wanted to talk about last weekend. When we planned the trip I felt excited, and then on Saturday morning you " +
            "changed everything at the last minute. You never ask me before you decide, and honestly you're so selfish with " +
            "our free time. Oh great, I thought, another weekend of doing what you want. I know you were tired after work and " +
            "I'm not saying you're lazy. I need us to plan together. Could we sit down on Sunday evening, look at the month, " +
            "and each pick one thing we really want to do? That would help me."),
        ("gentle 500", "I have been thinking about how we spend our evenings. Most nights we both look at our phones after dinner, " +
            "and I miss talking with you. I feel lonely when the evening goes by without a proper conversation, even though " +
            "I know we are both tired. Could we try something small this week: the first twenty minutes after dinner without " +
            "phones, maybe a walk around the block or a cup of tea on the step? I would love to hear about your day, and I'd " +
            "like to tell you about mine. Let's see how it feels by Sunday."),
    ];

    [ParamsSource(nameof(Names))]
    public string Name { get; set; } = "mixed 500";

    public static IEnumerable<string> Names => Texts.Select(t => t.Name);

    [Benchmark]
    public PhrasingCheck Check() => GentlePhrasing.Check(Texts.First(t => t.Name == Name).Text);
}
