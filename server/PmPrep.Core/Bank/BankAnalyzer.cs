using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Rules.Bank;

namespace PmPrep.Core.Bank;

/// <summary>
/// Bank analysis from per-story results: the LP x story matrix and the bank rules. It never
/// re-reads a story; callers cache <see cref="Analysis.StoryAnalysis"/> per file and pass them in.
/// </summary>
public static class BankAnalyzer
{
    public static IReadOnlyList<BankRule> Rules { get; } = new BankRule[]
    {
        new BankSize(),
        new LpCoverageGap(),
    };

    public static BankAnalysis Analyze(IReadOnlyList<BankStory> stories, PmPrepSettings? settings = null)
    {
        settings ??= PmPrepSettings.Default;
        var ordered = stories.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
        var coverage = new List<CoverageRow>();
        foreach (var p in EngineData.Default.Principles)
        {
            var cells = new List<CoverageCell>();
            foreach (var story in ordered)
            {
                var ev = story.Analysis.Evidence.FirstOrDefault(e => e.Principle == p);
                bool claimed = story.Analysis.ClaimedPrinciples.Contains(p);
                if (ev is null && !claimed) continue;
                cells.Add(new CoverageCell(story, ev?.Signals ?? 0, claimed, ev?.Strongest));
            }
            coverage.Add(new CoverageRow(p, cells));
        }
        var diagnostics = new List<BankDiagnostic>();
        var ctx = new BankContext(ordered, coverage, settings, diagnostics);
        foreach (var rule in Rules)
            if (settings.IsEnabled(rule.Id)) rule.Check(ctx);
        return new BankAnalysis(ordered, coverage, diagnostics);
    }
}
