using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Text;

namespace PmPrep.Core.Tests;

using static TestUtil;

public class StoryRuleTests
{
    private static string Words(int n) => string.Join(" ", Enumerable.Range(0, n).Select(i => i % 12 == 11 ? "data." : "word"));

    [Fact]
    public void LpHeading_flags_a_principle_heading_and_offers_four_renames()
    {
        var text = "# T\n\n## Customer Obsession\n\nI read 300 tickets.\n";
        var d = Findings(text, "lp-heading").Single();
        Assert.Equal("Customer Obsession", text[d.Start..d.End]);
        Assert.Equal(4, d.Fixes.Count);
        Assert.Equal("# T\n\n## Decision\n\nI read 300 tickets.\n", TextEdit.Apply(text, d.Fixes.Single(f => f.Title.Contains("Decision")).Edits));
        Assert.False(Fires("# T\n\n## Context\n\nI read it.\n", "lp-heading"));
        Assert.False(Fires("# Customer Obsession at scale\n\nI read it.\n", "lp-heading"));
    }

    [Fact]
    public void Length_rules_follow_words_per_minute_and_the_limit()
    {
        Assert.True(Fires(Words(300), "story-too-short"));        // 2.0 min
        Assert.False(Fires(Words(450), "story-too-short"));       // 3.0 min
        Assert.False(Fires(Words(450), "story-too-long"));
        var warn = Findings(Words(560), "story-too-long").Single(); // 3.7 min
        Assert.Equal(Severity.Warning, warn.Severity);
        var err = Findings(Words(650), "story-too-long").Single();  // 4.3 min
        Assert.Equal(Severity.Error, err.Severity);
        // At 200 wpm, 560 words is 2.8 min: in the band.
        Assert.Empty(Findings(Words(560), "story-too-long", PmPrepSettings.Default with { WordsPerMinute = 200 }));
    }

    [Fact]
    public void ContextTooLong_compares_context_with_its_share()
    {
        var longContext = Story("I decided to ship because of data.", context: Words(200));
        Assert.True(Fires(longContext, "context-too-long"));
        Assert.False(Fires(Story("I decided to ship because of data. " + Words(200)), "context-too-long"));
    }

    [Fact]
    public void MissingSection_reports_decision_and_impact_and_inserts_them_in_place()
    {
        var text = "# T\n\n## Context\n\nA.\n\n## Reflection\n\nLooking back, B.\n";
        var d = Findings(text, "missing-section");
        Assert.Equal(2, d.Count);
        var decision = d.Single(x => x.Message.Contains("Decision"));
        var fixedText = TextEdit.Apply(text, decision.Fixes[0].Edits);
        Assert.True(fixedText.IndexOf("## Decision", StringComparison.Ordinal) < fixedText.IndexOf("## Reflection", StringComparison.Ordinal));
        Assert.DoesNotContain(Analyze(fixedText).Diagnostics, x => x.RuleId == "missing-section" && x.Message.Contains("Decision"));
        Assert.False(Fires("I decided to ship.", "missing-section")); // no headings: silent
    }

    [Fact]
    public void MissingReflection_accepts_a_reflection_cue_in_any_part()
    {
        var none = "# T\n\n## Context\n\nA.\n\n## Decision\n\nI cut it.\n\n## Impact\n\nIt fell from 4 to 2 over a month.\n";
        Assert.True(Fires(none, "missing-reflection"));
        Assert.False(Fires(none + "\nIn hindsight I would have cut it sooner.\n", "missing-reflection"));
        var fixedText = ApplyFirstFix(none, "missing-reflection");
        Assert.EndsWith("## Reflection\n\n[What I learned, and the specific thing I would do differently next time]\n", fixedText);
        Assert.False(Fires(fixedText, "missing-reflection"));
    }

    [Fact]
    public void MissingReflection_inserts_with_the_files_line_endings()
    {
        var crlf = "# T\r\n\r\n## Decision\r\n\r\nI cut it.\r\n";
        var fixedText = ApplyFirstFix(crlf, "missing-reflection");
        Assert.DoesNotContain("\n", fixedText.Replace("\r\n", ""));
    }

    [Fact]
    public void MissingStakeholderTension_looks_for_pushback_anywhere()
    {
        Assert.True(Fires("I shipped the flow. Conversion rose from 3% to 4% in Q3.", "missing-stakeholder-tension"));
        Assert.False(Fires("Legal pushed back on the copy. I shipped the flow.", "missing-stakeholder-tension"));
    }

    [Fact]
    public void MissingData_needs_data_in_the_decision_part()
    {
        Assert.True(Fires(Story("I decided to build the tracker because I liked it."), "missing-data"));
        Assert.False(Fires(Story("I pulled the scan logs and decided to build the tracker."), "missing-data"));
        Assert.False(Fires(Story("I decided in 3 days."), "missing-data"));
    }

    [Fact]
    public void LpClaimUnsupported_flags_claims_without_evidence_and_explains_think_big()
    {
        var text = Story("I decided to ship because we had a 6-month roadmap.", lps: "[Think Big, Dive Deep]");
        var d = Findings(text, "lp-claim-unsupported");
        Assert.Contains(d, x => x.Phrase == "Think Big" && x.Message.Contains("leverage"));
        Assert.Equal("Think Big", text[d.First(x => x.Phrase == "Think Big").Start..d.First(x => x.Phrase == "Think Big").End]);
        var supported = Story("I pulled 90 days of scan logs myself and traced the root cause to one carrier.", lps: "[Dive Deep, Ownership]");
        Assert.DoesNotContain(Findings(supported, "lp-claim-unsupported"), x => x.Phrase == "Dive Deep");
    }

    [Fact]
    public void LpCount_wants_two_or_three()
    {
        Assert.True(Fires(Story("I decided.", lps: "[Dive Deep]"), "lp-count"));
        Assert.True(Fires(Story("I decided.", lps: "[Dive Deep, Ownership, Frugality, Think Big]"), "lp-count"));
        Assert.False(Fires(Story("I decided.", lps: "[Dive Deep, Ownership, Frugality]"), "lp-count"));
        Assert.False(Fires("# T\n\nI decided.", "lp-count")); // no front matter: nothing claimed, nothing to count
    }

    [Fact]
    public void UnknownLp_is_an_error_with_the_nearest_name_as_fix()
    {
        var text = Story("I decided.", lps: "[Customer Centricity, Dive Deep]");
        var d = Findings(text, "unknown-lp").Single();
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("Customer Obsession", d.Message);
        var fixedText = TextEdit.Apply(text, d.Fixes[0].Edits);
        Assert.Contains("lps: [Customer Obsession, Dive Deep]", fixedText);
        Assert.False(Fires(fixedText, "unknown-lp"));
    }

    [Fact]
    public void UnknownLp_quotes_a_name_with_a_comma_inside_a_flow_list()
    {
        var text = Story("I decided.", lps: "[Are Rigth A Lot, Dive Deep]");
        var fixedText = ApplyFirstFix(text, "unknown-lp");
        Assert.Contains("\"Are Right, A Lot\"", fixedText);
        Assert.False(Fires(fixedText, "unknown-lp"));
        Assert.False(Fires(fixedText, "front-matter-invalid"));
    }
}

public class SettingsTests
{
    [Fact]
    public void Yaml_sets_rate_minutes_severities_and_turns_rules_off()
    {
        var (s, problems) = PmPrepSettings.FromYaml("wpm: 120\nminutes: {min: 2, max: 3, limit: 3.5}\nrules:\n  hedging: off\n  we-language: error\n");
        Assert.Empty(problems);
        Assert.Equal(120, s.WordsPerMinute);
        Assert.Equal(3.5, s.LimitMinutes);
        Assert.False(s.IsEnabled("hedging"));
        var a = TestUtil.Analyze("We decided to ship. I think so.", s);
        Assert.Equal(Severity.Error, a.Diagnostics.Single(d => d.RuleId == "we-language").Severity);
        Assert.DoesNotContain(a.Diagnostics, d => d.RuleId == "hedging");
    }

    [Fact]
    public void Extra_phrases_and_cues_are_one_line_changes()
    {
        var (s, problems) = PmPrepSettings.FromYaml("phrases:\n  hedges: [\"to be honest\"]\ncues:\n  Dive Deep: [\"ran the numbers myself\"]\n");
        Assert.Empty(problems);
        Assert.True(TestUtil.Findings("To be honest I shipped it.", "hedging", s).Count == 1);
        Assert.False(TestUtil.Fires("To be honest I shipped it.", "hedging"));
        var a = TestUtil.Analyze("I ran the numbers myself.", s);
        Assert.Contains(a.Evidence, e => e.Principle.Name == "Dive Deep");
    }

    [Fact]
    public void Problems_are_reported_and_the_rest_applies()
    {
        var (s, problems) = PmPrepSettings.FromYaml("wpm: fast\nrules:\n  no-such-rule: off\n  hedging: loud\n  we-language: off\nphrases:\n  nope: [x]\ncues:\n  Customer Centricity: [x]\n");
        Assert.Equal(5, problems.Count);
        Assert.Equal(150, s.WordsPerMinute);
        Assert.False(s.IsEnabled("we-language"));
    }

    [Fact]
    public void Malformed_yaml_is_a_problem_not_an_exception()
    {
        var (s, problems) = PmPrepSettings.FromYaml("rules: [unclosed");
        Assert.Single(problems);
        Assert.Same(PmPrepSettings.Default, s);
    }

    [Fact]
    public void A_bad_pattern_is_refused_with_its_reason()
    {
        var (_, problems) = PmPrepSettings.FromYaml("phrases:\n  hedges: [\"{bogus} word\"]\n");
        Assert.Contains(problems, p => p.Contains("bogus"));
    }
}

public class BadInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("---\n---\n")]
    [InlineData("---")]
    [InlineData("# ")]
    [InlineData("\uFEFF")]
    [InlineData("\uD800 lone surrogate \uDC00")]
    [InlineData("- - - - -\n> > > >\n* * *")]
    public void Odd_documents_never_throw_and_ranges_stay_inside(string text)
    {
        var a = TestUtil.Analyze(text);
        foreach (var d in a.Diagnostics)
        {
            Assert.InRange(d.Start, 0, text.Length);
            Assert.InRange(d.End, d.Start, text.Length);
        }
    }

    [Fact]
    public void Ten_megabytes_is_analysed()
    {
        var para = "We decided to ship because the crash rate was 4x our bar. I think it worked.\n\n";
        var text = string.Concat(Enumerable.Repeat(para, 10 * 1024 * 1024 / para.Length));
        var a = TestUtil.Analyze(text);
        Assert.True(a.Diagnostics.Count(d => d.RuleId == "we-language") > 100_000);
    }
}
