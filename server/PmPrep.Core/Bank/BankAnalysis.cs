using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Text;

namespace PmPrep.Core.Bank;

/// <summary>One story of the bank: where it lives (a path or URI, as the caller names it) and its analysis.</summary>
public sealed record BankStory(string Path, StoryAnalysis Analysis);

/// <summary>A finding about the bank; <see cref="Path"/> is null when it concerns the bank as a whole.</summary>
public sealed record BankDiagnostic(string RuleId, Severity Severity, string Message, string? Path, TextRange? Range, int Start = 0, int End = 0);

/// <summary>One cell of the LP x story matrix.</summary>
public sealed record CoverageCell(BankStory Story, int Signals, bool Claimed, Signals.LpSignal? Strongest);

/// <summary>One principle's row: the stories that give evidence for it, and those that only claim it.</summary>
public sealed record CoverageRow(Principle Principle, IReadOnlyList<CoverageCell> Cells)
{
    public IEnumerable<BankStory> EvidencedBy => Cells.Where(c => c.Signals > 0).Select(c => c.Story);
    public bool IsGap => !Cells.Any(c => c.Signals > 0);
}

public sealed class BankAnalysis
{
    internal BankAnalysis(IReadOnlyList<BankStory> stories, IReadOnlyList<CoverageRow> coverage, IReadOnlyList<BankDiagnostic> diagnostics)
    {
        Stories = stories; Coverage = coverage; Diagnostics = diagnostics;
    }

    public IReadOnlyList<BankStory> Stories { get; }
    public IReadOnlyList<CoverageRow> Coverage { get; }
    public IReadOnlyList<BankDiagnostic> Diagnostics { get; }
}

/// <summary>Context for the bank rules: the stories, their coverage, settings, and a sink.</summary>
public sealed class BankContext
{
    private readonly List<BankDiagnostic> _sink;

    internal BankContext(IReadOnlyList<BankStory> stories, IReadOnlyList<CoverageRow> coverage, PmPrepSettings settings, List<BankDiagnostic> sink)
    {
        Stories = stories; Coverage = coverage; Settings = settings; _sink = sink;
    }

    public IReadOnlyList<BankStory> Stories { get; }
    public IReadOnlyList<CoverageRow> Coverage { get; }
    public PmPrepSettings Settings { get; }

    public void Report(string ruleId, IReadOnlyDictionary<string, string>? args, BankStory? story = null, int start = 0, int end = 0, Severity? severity = null)
    {
        if (!Settings.IsEnabled(ruleId)) return;
        var info = EngineData.Default.Rule(ruleId);
        TextRange? range = null;
        if (story is not null)
        {
            var doc = story.Analysis.Document;
            range = doc.RangeOf(start, end);
            if (doc.Suppressions.IsSuppressed(ruleId, range.Value.Start.Line)) return;
        }
        var sev = Settings.RuleSeverities.TryGetValue(ruleId, out var s) && s is { } set ? set : severity ?? info.DefaultSeverity;
        _sink.Add(new BankDiagnostic(ruleId, sev, Rules.RuleContext.Fill(info.Message, args), story?.Path, range, start, end));
    }
}

/// <summary>A rule over the whole story bank.</summary>
public abstract class BankRule
{
    public abstract string Id { get; }
    public abstract void Check(BankContext ctx);
}
