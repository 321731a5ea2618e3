using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Rules.Bank;

namespace PmPrep.Core.Bank;

/// <summary>
/// Bank analysis from per-story results: the LP x story matrix and the bank rules. It never
/// re-reads a story; callers cache <see cref="Analysis.StoryAnalysis"/> per file and pass them in,
/// or keep a <see cref="BankIndex"/> that recomputes only what one change touches.
/// </summary>
public static class BankAnalyzer
{
    public static IReadOnlyList<BankRule> Rules { get; } = new BankRule[]
    {
        new BankSize(),
        new LpCoverageGap(),
        new RoleInconsistency(),
        new DuplicateStory(),
        new FactInconsistency(),
    };

    /// <summary>The bank from scratch. For repeated analysis after edits, keep a <see cref="BankIndex"/> instead.</summary>
    public static BankAnalysis Analyze(IReadOnlyList<BankStory> stories, PmPrepSettings? settings = null)
    {
        var index = new BankIndex(settings);
        foreach (var s in stories) index.Update(s.Path, s.Analysis);
        return index.Current;
    }
}
