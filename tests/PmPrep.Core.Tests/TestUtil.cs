using PmPrep.Core.Analysis;
using PmPrep.Core.Config;
using PmPrep.Core.Text;

namespace PmPrep.Core.Tests;

internal static class TestUtil
{
    public static StoryAnalysis Analyze(string text, PmPrepSettings? s = null) => StoryAnalyzer.Analyze(text, s);

    /// <summary>A rule's own findings, including those folded into another rule's finding on the same words.</summary>
    public static List<Diagnostic> Findings(string text, string rule, PmPrepSettings? s = null)
    {
        var a = Analyze(text, s);
        return a.Diagnostics.Concat(a.Folded).Where(d => d.RuleId == rule).OrderBy(d => d.Start).ToList();
    }

    public static bool Fires(string text, string rule) => Findings(text, rule).Count > 0;

    /// <summary>Applies the first fix of the first finding of <paramref name="rule"/>.</summary>
    public static string ApplyFirstFix(string text, string rule, int fixIndex = 0)
    {
        var d = Findings(text, rule).First();
        Assert.True(d.Fixes.Count > fixIndex, $"{rule} offered {d.Fixes.Count} fixes on \"{text}\"");
        return TextEdit.Apply(text, d.Fixes[fixIndex].Edits);
    }

    /// <summary>A story with front matter and the four parts around the given decision prose.</summary>
    public static string Story(string decision, string lps = "[Customer Obsession, Dive Deep]", string? context = null, string? impact = null, string? reflection = null) =>
        $"---\ntitle: Test\nlps: {lps}\n---\n# Test\n\n## Context\n\n{context ?? "Sellers in two cities waited 9 days for payouts."}\n\n## Decision\n\n{decision}\n\n## Impact\n\n{impact ?? "Payout time fell from 9 days to 2 days over six weeks for new sellers."}\n\n## Reflection\n\n{reflection ?? "Looking back, I would have involved finance in week one."}\n";
}
