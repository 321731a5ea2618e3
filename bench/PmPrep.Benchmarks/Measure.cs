using System.Diagnostics;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;

namespace PmPrep.Benchmarks;

/// <summary>
/// The in-process side of the peer comparison: reads the generated corpus from disk and times the
/// same three workloads the peers are timed on (warm, median of N): one 500-word story, every story
/// of the 100-story bank (plus the bank rules), and the 1 MB file. Prints one JSON object.
/// </summary>
public static class Measure
{
    public static void Run(string dir, int reps)
    {
        var one = File.ReadAllText(Path.Combine(dir, "one", "story-500.story.md"));
        var bank = Directory.GetFiles(Path.Combine(dir, "bank"), "*.story.md").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var large = File.ReadAllText(Path.Combine(dir, "large", "large-1mb.story.md"));

        double oneMs = Median(Math.Max(reps * 20, 200), () => StoryAnalyzer.Analyze(one));
        double bankMs = Median(reps, () =>
        {
            var stories = new List<BankStory>(bank.Count);
            foreach (var (name, text) in bank) stories.Add(new BankStory(name, StoryAnalyzer.Analyze(text)));
            BankAnalyzer.Analyze(stories);
        });
        double largeMs = Median(Math.Max(3, reps / 2), () => StoryAnalyzer.Analyze(large));
        Console.WriteLine($$"""{"tool":"pmprep","version":"engine","oneMs":{{oneMs:F4}},"bankMs":{{bankMs:F3}},"largeMs":{{largeMs:F2}}}""");
    }

    private static double Median(int reps, Action a)
    {
        for (int i = 0; i < Math.Max(3, reps / 5); i++) a();
        var t = new double[reps];
        for (int i = 0; i < reps; i++)
        {
            var sw = Stopwatch.StartNew();
            a();
            t[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(t);
        return t[reps / 2];
    }
}
