using System.Diagnostics;
using System.Text;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;

namespace PmPrep.Benchmarks;

/// <summary>
/// Bank rules at scale (issue 12, item 5): `bankscale KIND N` analyses N stories on every core,
/// then times the bank (coverage, pairwise comparisons, bank rules) from the cached analyses, and
/// prints one JSON line with the times, the findings and the process's peak resident memory
/// (VmHWM: run one configuration per process so that the peaks do not mix).
/// <list type="bullet">
/// <item><c>similar</c>: <see cref="StoryCorpus.Bank"/>, stories drawn from the example bank's
/// paragraphs, so most pairs share whole paragraphs and many are near-duplicates;</item>
/// <item><c>copies</c>: one example story N times, each copy with a sentence of its own;</item>
/// <item><c>diverse</c>: <see cref="Diverse"/>, stories with the same shape and a shared stock of
/// PM words but their own events, names and figures.</item>
/// </list>
/// </summary>
public static class BankScale
{
    public static List<string> Texts(string kind, int n) => kind switch
    {
        "similar" => StoryCorpus.Bank(n).Select(s => s.Text).ToList(),
        "copies" => Copies(n),
        "diverse" => Enumerable.Range(0, n).Select(Diverse).ToList(),
        _ => throw new ArgumentException("kind is similar, copies or diverse"),
    };

    /// <summary>`bankscale-corpus KIND N DIR`: writes the bank as files, for timing the CLI on it.</summary>
    public static void Write(string kind, int n, string dir)
    {
        Directory.CreateDirectory(dir);
        var utf8 = new UTF8Encoding(false);
        var texts = Texts(kind, n);
        for (int i = 0; i < n; i++) File.WriteAllText(Path.Combine(dir, $"story-{i:00000}.story.md"), texts[i], utf8);
    }

    public static void Run(string kind, int n)
    {
        // Warm-up on a smaller bank of the same kind, so the measured run uses optimised (tier-1) code as the AOT CLI does.
        var warm = Texts(kind, Math.Min(n, 150)).Select(t => StoryAnalyzer.Analyze(t)).ToList();
        for (int r = 0; r < 3; r++)
        {
            var wi = new BankIndex();
            for (int i = 0; i < warm.Count; i++) wi.Update($"w{i}", warm[i]);
            _ = wi.Current;
        }
        warm.Clear();
        Thread.Sleep(1000);
        var texts = Texts(kind, n);
        // CPU time beside wall time: on a machine shared with other builds the wall time is mostly waiting.
        static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        double cpu0 = Cpu();
        var sw = Stopwatch.StartNew();
        var analyses = new StoryAnalysis[n];
        Parallel.For(0, n, i => { analyses[i] = StoryAnalyzer.Analyze(texts[i]); _ = StoryFacts.Of(analyses[i]); });
        double analyseMs = sw.Elapsed.TotalMilliseconds, analyseCpu = Cpu() - cpu0;
        var stories = analyses.Select((a, i) => new BankStory($"story-{i:00000}.story.md", a)).ToList();
        double cpu1 = Cpu();
        sw.Restart();
        var index = new BankIndex();
        foreach (var s in stories) index.Update(s.Path, s.Analysis);
        var bank = index.Current;
        double bankMs = sw.Elapsed.TotalMilliseconds, bankCpu = Cpu() - cpu1;
        long measured = index.LastMeasured;
        int dup = bank.Diagnostics.Count(d => d.RuleId == "duplicate-story");
        int role = bank.Diagnostics.Count(d => d.RuleId == "role-inconsistency");
        // One story edited, as the language server sees a keystroke: its comparisons only.
        var edited = StoryAnalyzer.Analyze(texts[n / 2] + "\nOne more sentence I added.\n");
        double cpu2 = Cpu();
        sw.Restart();
        index.Update(stories[n / 2].Path, edited);
        _ = index.Current;
        double editMs = sw.Elapsed.TotalMilliseconds, editCpu = Cpu() - cpu2;
        long measuredEdit = index.LastMeasured;
        Console.WriteLine($"{{\"kind\":\"{kind}\",\"stories\":{n},\"analyseMs\":{analyseMs:F0},\"analyseCpuMs\":{analyseCpu:F0},\"bankMs\":{bankMs:F1},\"bankCpuMs\":{bankCpu:F1},\"editMs\":{editMs:F2},\"editCpuMs\":{editCpu:F2}," +
            $"\"measured\":{measured},\"measuredEdit\":{measuredEdit},\"pairs\":{bank.Pairs.Count},\"duplicateFindings\":{dup},\"roleFindings\":{role}," +
            $"\"bankFindings\":{bank.Diagnostics.Count},\"peakRssMB\":{PeakRssMb():F0}}}");
    }

    private static List<string> Copies(int n)
    {
        var source = StoryCorpus.Examples().First(e => e.Name.Contains("returns", StringComparison.Ordinal)).Text;
        return Enumerable.Range(0, n)
            .Select(k => source.Replace("\n## Decision", $"\nCopy {k} adds its own note {k * 7} here.\n\n## Decision", StringComparison.Ordinal)).ToList();
    }

    private static readonly string[] Stock =
    {
        "customer", "customers", "launch", "checkout", "metric", "conversion", "seller", "sellers", "pricing", "search", "ranking",
        "retention", "support", "tickets", "latency", "dashboard", "experiment", "pilot", "rollout", "roadmap", "budget", "vendor",
        "warehouse", "delivery", "returns", "onboarding", "mobile", "engineers", "director", "stakeholders", "finance", "legal",
    };

    private static readonly string[] Verbs = { "decided", "chose", "cut", "rebuilt", "measured", "ran", "moved", "asked", "killed", "shipped", "paused", "priced" };

    /// <summary>A story of about 500 words in four parts: stock PM words mixed with words, names and figures of its own.</summary>
    public static string Diverse(int seed)
    {
        var rng = new Random(seed * 7919 + 17);
        string Own() => Word(rng, 4 + rng.Next(5));
        string Noun() => rng.Next(3) == 0 ? Stock[rng.Next(Stock.Length)] : Own();
        string project = "Project " + char.ToUpperInvariant(Own()[0]) + Own()[1..];
        var sb = new StringBuilder();
        sb.Append("---\ntitle: The ").Append(Own()).Append(' ').Append(Noun()).Append(" decision\nlps: [Ownership, Dive Deep]\n");
        sb.Append("project: ").Append(project).Append("\nrole: owner\n---\n\n# The ").Append(Noun()).Append(" call\n\n");
        foreach (var (part, sentences) in new[] { ("Context", 6), ("Decision", 14), ("Impact", 6), ("Reflection", 4) })
        {
            sb.Append("## ").Append(part).Append("\n\n");
            for (int i = 0; i < sentences; i++)
            {
                sb.Append(i == 0 && part == "Decision" ? $"I led {project} and " : "I ").Append(Verbs[rng.Next(Verbs.Length)])
                  .Append(" the ").Append(Noun()).Append(' ').Append(Noun()).Append(" for ").Append(Noun()).Append(' ').Append(Noun())
                  .Append(" because the ").Append(Noun()).Append(" showed ").Append(rng.Next(13, 990)).Append("% more ").Append(Noun())
                  .Append(" in ").Append(Own()).Append(" than in ").Append(Noun()).Append(".\n");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Word(Random rng, int len)
    {
        const string consonants = "bcdfghklmnprstvz", vowels = "aeiou";
        var w = new char[len];
        for (int i = 0; i < len; i++) w[i] = i % 2 == 0 ? consonants[rng.Next(consonants.Length)] : vowels[rng.Next(vowels.Length)];
        return new string(w);
    }

    private static double PeakRssMb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return double.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException) { }
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
    }
}
