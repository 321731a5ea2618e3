using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Text;

namespace PmPrep.Core.Tests;

using static TestUtil;

/// <summary>Only one finding per span: two rules on the same words become one finding that names both.</summary>
public class OneFindingPerSpanTests
{
    private static Diagnostic D(string rule, Severity sev, int start, int end, params Fix[] fixes) =>
        new(rule, sev, rule + " message", start, end, new TextRange(new Position(0, start), new Position(0, end))) { Fixes = fixes };

    [Fact]
    public void The_more_useful_finding_keeps_the_words_and_names_the_other()
    {
        var fillerFix = new Fix("Remove", new[] { new TextEdit(0, 3, "") }, FixKind.MeaningPreserving);
        var list = new List<Diagnostic> { D("filler-words", Severity.Information, 0, 9, fillerFix), D("hedging", Severity.Information, 0, 9) };
        var merged = OneFindingPerSpan.Merge(list, EngineData.Default, out var folded);
        var d = Assert.Single(merged);
        Assert.Equal("hedging", d.RuleId);
        Assert.EndsWith("(also: filler)", d.Message);
        Assert.Equal(new[] { "filler-words" }, d.Also);
        var f = Assert.Single(folded); // kept aside, with its fix, for the hover, code actions, fix-all and JSON
        Assert.Equal("hedging", f.FoldedInto);
        Assert.Contains(fillerFix, f.Fixes);
    }

    [Fact]
    public void Severity_wins_before_the_priority_list()
    {
        var list = new List<Diagnostic> { D("hedging", Severity.Warning, 4, 8), D("we-language", Severity.Information, 4, 12) };
        Assert.Equal("hedging", Assert.Single(OneFindingPerSpan.Merge(list, EngineData.Default)).RuleId);
    }

    [Fact]
    public void Different_starts_story_findings_and_one_rule_twice_are_left_alone()
    {
        var list = new List<Diagnostic>
        {
            D("hedging", Severity.Information, 0, 9), D("filler-words", Severity.Information, 1, 9),   // different start
            D("missing-data", Severity.Information, 20, 30), D("hedging", Severity.Information, 20, 25), // a story finding
            D("we-language", Severity.Warning, 40, 45), D("we-language", Severity.Warning, 40, 50),      // one rule
            D("hedging", Severity.Information, 60, 60), D("filler-words", Severity.Information, 60, 60), // empty spans
        };
        Assert.Equal(8, OneFindingPerSpan.Merge(list, EngineData.Default).Count);
    }

    [Fact]
    public void The_analyzer_reports_one_finding_where_two_rules_flag_the_same_words()
    {
        // "We decided" is both we-language and missing-because: one finding, both named.
        const string text = "We decided to move the launch to June.";
        var a = Analyze(text);
        var at = a.Diagnostics.Where(d => d.Start == 0 && d.End > d.Start && EngineData.Default.Rule(d.RuleId).Scope == RuleScope.Sentence).ToList();
        var d = Assert.Single(at);
        Assert.Equal("we-language", d.RuleId);
        Assert.Contains("missing-because", d.Also);
        Assert.Contains("(also: no because)", d.Message);
        var folded = Assert.Single(a.Folded);
        Assert.Equal(("missing-because", "we-language"), (folded.RuleId, folded.FoldedInto));
        Assert.Equal(d.Start, folded.Start);
    }

    [Fact]
    public void Findings_on_different_words_of_a_sentence_both_stay()
    {
        const string text = "Um, I think we should ship.";
        var a = Analyze(text);
        Assert.Contains(a.Diagnostics, d => d.RuleId == "filler-words");
        Assert.Contains(a.Diagnostics, d => d.RuleId == "hedging");
    }
}
