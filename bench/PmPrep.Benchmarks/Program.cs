using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Running;
using PmPrep.Benchmarks;
using PmPrep.Core.Analysis;

// dotnet run -c Release --project bench/PmPrep.Benchmarks -- [BenchmarkDotNet args, e.g. --filter '*']
// dotnet run -c Release --project bench/PmPrep.Benchmarks -- corpus DIR   (writes the comparison corpus)
// dotnet run -c Release --project bench/PmPrep.Benchmarks -- bankscale similar|copies|diverse N   (bank rules at scale, one JSON line)
// dotnet run -c Release --project bench/PmPrep.Benchmarks -- quick        (a stopwatch sanity run, no BenchmarkDotNet)
if (args.Length >= 1 && args[0] == "corpus")
{
    var dir = args.Length >= 2 ? args[1] : "corpus";
    WriteCorpus(dir);
    return 0;
}
if (args.Length >= 1 && args[0] == "quick")
{
    Warmup.Run();
    Quick();
    return 0;
}
if (args.Length >= 1 && args[0] == "probe")
{
    Warmup.Run(2);
    Probe.Run(args.Length >= 2 ? int.Parse(args[1]) : 25_000, args.Length >= 3 ? args[2] : null);
    return 0;
}
if (args.Length >= 1 && args[0] == "measure")
{
    Warmup.Run();
    Measure.Run(args[1], args.Length >= 3 ? int.Parse(args[2]) : 21);
    return 0;
}
if (args.Length >= 1 && args[0] == "deep")
{
    Deep.Run(int.Parse(args[1]), int.Parse(args[2]));
    return 0;
}
if (args.Length >= 4 && args[0] == "bankscale-corpus")
{
    BankScale.Write(args[1], int.Parse(args[2]), args[3]);
    return 0;
}
if (args.Length >= 3 && args[0] == "bankscale")
{
    BankScale.Run(args[1], int.Parse(args[2]));
    return 0;
}
if (args.Length >= 3 && args[0] == "loop")
{
    // loop story|large SECONDS: analyses one text over and over, for a sampling profiler (dotnet-trace) to watch.
    var text = args[1] == "large" ? StoryCorpus.LargeFile(1024 * 1024) : StoryCorpus.Story(42);
    var until = Stopwatch.StartNew();
    int runs = 0;
    double seconds = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    // Warm-up for a second (and at least three runs) so the measured runs use tier-1 code, as BenchmarkDotNet's do.
    for (int w = 0; w < 3 || until.Elapsed.TotalSeconds < 1; w++) StoryAnalyzer.Analyze(text);
    until.Restart();
    // CPU time and bytes allocated per analysis: steadier than wall time on a shared machine.
    double cpu0 = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    long bytes0 = GC.GetAllocatedBytesForCurrentThread();
    while (until.Elapsed.TotalSeconds < seconds) { StoryAnalyzer.Analyze(text); runs++; }
    double cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds - cpu0;
    Console.WriteLine($"{args[1]}: {runs} runs, cpu {cpu / runs:F3} ms/run, wall {until.Elapsed.TotalMilliseconds / runs:F3} ms/run, {(GC.GetAllocatedBytesForCurrentThread() - bytes0) / runs:N0} B/run, gen2 {GC.CollectionCount(2)}");
    return 0;
}
if (args.Length >= 1 && args[0] == "stages")
{
    Warmup.Run();
    Stages.Run(args.Length >= 2 ? int.Parse(args[1]) : 1024);
    return 0;
}
Warmup.Run();
BenchmarkSwitcher.FromAssembly(typeof(StoryBenchmarks).Assembly).Run(args);
return 0;

static void WriteCorpus(string dir)
{
    var utf8 = new UTF8Encoding(false);
    Directory.CreateDirectory(Path.Combine(dir, "bank"));
    foreach (var (name, text) in StoryCorpus.Bank(100))
        File.WriteAllText(Path.Combine(dir, "bank", name), text, utf8);
    // The 1,000-story bank of issue 15's target, for the whole-process runs.
    Directory.CreateDirectory(Path.Combine(dir, "bank1000"));
    foreach (var (name, text) in StoryCorpus.Bank(1000))
        File.WriteAllText(Path.Combine(dir, "bank1000", name), text, utf8);
    Directory.CreateDirectory(Path.Combine(dir, "one"));
    File.WriteAllText(Path.Combine(dir, "one", "story-500.story.md"), StoryCorpus.Story(42), utf8);
    Directory.CreateDirectory(Path.Combine(dir, "large"));
    File.WriteAllText(Path.Combine(dir, "large", "large-1mb.story.md"), StoryCorpus.LargeFile(1024 * 1024), utf8);
    // Each folder is a bank of its own: without a .pmprep.yaml the bank root of a folder inside this
    // repository is the repository, and every check also analysed the examples and test stories
    // (21 more stories), which the peers, given only the files, do not.
    foreach (var sub in new[] { "bank", "bank1000", "one", "large" })
        File.WriteAllText(Path.Combine(dir, sub, ".pmprep.yaml"), "# A benchmark bank of its own (not the repository's).\n", utf8);
    Console.WriteLine($"one: {StoryCorpus.CountWords(StoryCorpus.Story(42))} words; bank: 100 stories, " +
        $"{StoryCorpus.Bank(100).Sum(s => StoryCorpus.CountWords(s.Text))} words; large: {StoryCorpus.CountWords(StoryCorpus.LargeFile(1024 * 1024))} words");
}

static void Quick()
{
    void Time(string name, string text, int reps)
    {
        for (int i = 0; i < Math.Max(3, reps / 10); i++) StoryAnalyzer.Analyze(text);
        var times = new List<double>();
        for (int i = 0; i < reps; i++)
        {
            var sw = Stopwatch.StartNew();
            StoryAnalyzer.Analyze(text);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        int words = StoryCorpus.CountWords(text);
        double med = times[times.Count / 2];
        Console.WriteLine($"{name,-12} {text.Length,9} chars {words,8} words  median {med,9:F3} ms  {words / med * 1000,12:N0} words/s");
    }
    Time("story-500", StoryCorpus.Story(42), 2000);
    Time("large-250K", StoryCorpus.LargeFile(250 * 1024), 15);
    Time("large-1M", StoryCorpus.LargeFile(1024 * 1024), 9);
    Time("large-4M", StoryCorpus.LargeFile(4096 * 1024), 5);
}
