using System.Diagnostics;
using Markdig;
using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Parsing;
using PmPrep.Core.Rules;
using PmPrep.Core.Signals;

namespace PmPrep.Benchmarks;

/// <summary>
/// A coarse profile of where analysis time goes, using only public engine API: Markdig alone,
/// the story parser, signal detection, then each rule's share measured as the drop in total time
/// when that rule alone is turned off. Medians of several runs; a guide, not a benchmark.
/// </summary>
public static class Stages
{
    public static void Run(int kb)
    {
        var text = kb <= 0 ? StoryCorpus.Story(42) : StoryCorpus.LargeFile(kb * 1024);
        int reps = kb <= 0 ? 400 : Math.Max(3, 4096 / Math.Max(kb, 1));
        Console.WriteLine($"text: {text.Length:N0} chars, {StoryCorpus.CountWords(text):N0} words, {reps} runs each");
        var pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePreciseSourceLocation().Build();
        var lex = Lexicon.For(PmPrepSettings.Default);
        double total = Median(reps, () => StoryAnalyzer.Analyze(text));
        Row("total Analyze", total, total);
        Row("Markdig parse", Median(reps, () => Markdown.Parse(text, pipeline)), total);
        var doc = StoryParser.Parse(text);
        Row("StoryParser.Parse", Median(reps, () => StoryParser.Parse(text)), total);
        Row("SignalDetector", Median(reps, () => SignalDetector.Detect(doc, lex, PmPrep.Core.Reading.StoryReading.Read(doc, lex))), total);
        var reading = PmPrep.Core.Reading.StoryReading.Read(doc, lex);
        Console.WriteLine($"allocated: Analyze {Bytes(() => StoryAnalyzer.Analyze(text)):N0} B, Markdig {Bytes(() => Markdown.Parse(text, pipeline)):N0} B, " +
            $"StoryParser {Bytes(() => StoryParser.Parse(text)):N0} B, StoryReading {Bytes(() => PmPrep.Core.Reading.StoryReading.Read(doc, lex)):N0} B, " +
            $"SignalDetector {Bytes(() => SignalDetector.Detect(doc, lex, reading)):N0} B");
        foreach (var rule in RuleRegistry.StoryRules)
        {
            var off = PmPrepSettings.Default with { RuleSeverities = new Dictionary<string, Severity?> { [rule.Id] = null } };
            Lexicon.For(off);
            double t = Median(reps, () => StoryAnalyzer.Analyze(text, off));
            Row("  rule " + rule.Id, total - t, total);
        }
    }

    private static void Row(string name, double ms, double total) =>
        Console.WriteLine($"{name,-36} {ms,10:F3} ms  {ms / total * 100,6:F1}%");

    private static long Bytes(Action a)
    {
        a();
        long b0 = GC.GetAllocatedBytesForCurrentThread();
        a();
        return GC.GetAllocatedBytesForCurrentThread() - b0;
    }

    private static double Median(int reps, Action a)
    {
        a();
        var t = new List<double>();
        for (int i = 0; i < reps; i++)
        {
            var sw = Stopwatch.StartNew();
            a();
            t.Add(sw.Elapsed.TotalMilliseconds);
        }
        t.Sort();
        return t[t.Count / 2];
    }
}
