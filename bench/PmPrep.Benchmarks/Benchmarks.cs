using BenchmarkDotNet.Attributes;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Fixes;
using PmPrep.Core.Text;

namespace PmPrep.Benchmarks;

/// <summary>One story, as the server analyses it on every keystroke.</summary>
[Config(typeof(BenchConfig))]
public class StoryBenchmarks
{
    private string _generated = "";
    private string _example = "";
    private string _weak = "";
    private StoryAnalysis _weakAnalysis = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = StoryCorpus.Story(42);
        var examples = StoryCorpus.Examples();
        _example = examples.First(e => e.Name.StartsWith("returns-drop-off", StringComparison.Ordinal)).Text;
        _weak = examples.First(e => e.Name.StartsWith("weak-warehouse", StringComparison.Ordinal)).Text;
        _weakAnalysis = StoryAnalyzer.Analyze(_weak);
    }

    /// <summary>A generated story of about 500 words (the target: under 1 ms).</summary>
    [Benchmark(Baseline = true)]
    public StoryAnalysis Analyze500Words() => StoryAnalyzer.Analyze(_generated);

    /// <summary>A hand-written 480-word example from examples/.</summary>
    [Benchmark]
    public StoryAnalysis AnalyzeExample() => StoryAnalyzer.Analyze(_example);

    /// <summary>Fix-all edits from an analysis already made (what a code action computes).</summary>
    [Benchmark]
    public IReadOnlyList<TextEdit> FixAllEdits() => FixAll.Edits(_weakAnalysis);

    /// <summary>Fix-all applied to a fixed point (re-analyses up to four times): `pmprep check --fix` per file.</summary>
    [Benchmark]
    public string FixAllApply() => FixAll.Apply(_weak, null, out _);
}

/// <summary>A bank of 100 stories of about 500 words each.</summary>
[Config(typeof(BenchConfig))]
public class BankBenchmarks
{
    private List<(string Name, string Text)> _bank = new();
    private List<BankStory> _analysed = new();
    private BankIndex _index = null!;
    private StoryAnalysis[] _story50 = null!;
    private string _edited = "";
    private int _flip;

    [GlobalSetup]
    public void Setup()
    {
        _bank = StoryCorpus.Bank(100);
        _analysed = _bank.Select(s => new BankStory(s.Name, StoryAnalyzer.Analyze(s.Text))).ToList();
        _edited = _bank[50].Text.Replace("## Impact", "## Impact\n\nI decided to ship it.", StringComparison.Ordinal);
        _story50 = new[] { StoryAnalyzer.Analyze(_edited), _analysed[50].Analysis };
        _index = new BankIndex();
        foreach (var s in _analysed) _index.Update(s.Path, s.Analysis);
        _ = _index.Current;
    }

    /// <summary>Every story analysed, then the bank from scratch (a cold `pmprep check` of the bank, in-process).</summary>
    [Benchmark]
    public BankAnalysis AnalyzeBankFromScratch()
    {
        var stories = new List<BankStory>(_bank.Count);
        foreach (var (name, text) in _bank) stories.Add(new BankStory(name, StoryAnalyzer.Analyze(text)));
        return BankAnalyzer.Analyze(stories);
    }

    /// <summary>The server's path after one keystroke: re-analyse the changed story, update the BankIndex, read the bank.</summary>
    [Benchmark]
    public BankAnalysis EditOneStory_AnalyzeAndIndex()
    {
        var text = (_flip++ & 1) == 0 ? _edited : _bank[50].Text;
        _index.Update(_bank[50].Name, StoryAnalyzer.Analyze(text));
        return _index.Current;
    }

    /// <summary>BankIndex alone after one story changed (its analysis already made).</summary>
    [Benchmark]
    public BankAnalysis BankIndexRecomputeAfterOneChange()
    {
        _index.Update(_bank[50].Name, _story50[_flip++ & 1]);
        return _index.Current;
    }

    /// <summary>The bank from cached analyses without the index (all pairs compared again).</summary>
    [Benchmark]
    public BankAnalysis BankAnalyzerFromCachedAnalyses() => BankAnalyzer.Analyze(_analysed);
}

/// <summary>One large Markdown file: cost should be linear in size.</summary>
[Config(typeof(BenchConfig))]
public class ScalingBenchmarks
{
    private string _text = "";

    [Params(250, 1024, 4096)]
    public int SizeKB { get; set; }

    [GlobalSetup]
    public void Setup() => _text = StoryCorpus.LargeFile(SizeKB * 1024);

    [Benchmark]
    public StoryAnalysis AnalyzeLargeFile() => StoryAnalyzer.Analyze(_text);
}
