using PmPrep.Core.Model;
using PmPrep.Core.Parsing;
using PmPrep.Core.Text;

namespace PmPrep.Core.Tests;

public class ParserTests
{
    [Fact]
    public void Positions_are_zero_based_utf16_with_crlf()
    {
        var text = "# T\r\n\r\nWe decided to ship.\r\n";
        var d = TestUtil.Findings(text, "we-language").Single();
        Assert.Equal(new Position(2, 0), d.Range.Start);
        Assert.Equal(new Position(2, 10), d.Range.End);
        Assert.Equal("We decided", text[d.Start..d.End]);
    }

    [Fact]
    public void Emoji_count_two_code_units_and_tabs_one()
    {
        var text = "🚀\tWe decided to ship.";
        var d = TestUtil.Findings(text, "we-language").Single();
        Assert.Equal(new Position(0, 3), d.Range.Start); // 2 for the emoji, 1 for the tab
        Assert.Equal("We decided", text[d.Start..d.End]);
    }

    [Fact]
    public void A_lone_cr_ends_a_line_as_LSP_says()
    {
        var map = new LineMap("a\rb\nc");
        Assert.Equal(3, map.LineCount);
        Assert.Equal(new Position(1, 0), map.GetPosition(2));
        Assert.Equal(new Position(2, 0), map.GetPosition(4));
    }

    [Fact]
    public void Out_of_range_positions_clamp_instead_of_throwing()
    {
        var text = "ab\ncd";
        var map = new LineMap(text);
        Assert.Equal(2, map.GetOffset(new Position(0, 99), text));
        Assert.Equal(text.Length, map.GetOffset(new Position(99, 0), text));
        Assert.Equal(0, map.GetOffset(new Position(-1, -5), text));
    }

    [Fact]
    public void Offsets_never_split_a_surrogate_pair()
    {
        var text = "a🚀b";
        var map = new LineMap(text);
        Assert.Equal(1, map.GetOffset(new Position(0, 2), text));
    }

    [Fact]
    public void A_bom_is_skipped_for_front_matter()
    {
        var doc = StoryParser.Parse("\uFEFF---\ntitle: X\nlps: [Dive Deep, Ownership]\n---\n# X\n\nI decided.");
        Assert.NotNull(doc.FrontMatter);
        Assert.Equal("X", doc.FrontMatter!.Title!.Value);
        Assert.Equal(2, doc.FrontMatter.Lps!.Count);
    }

    [Theory]
    [InlineData("I moved to the U.S. in 2019 and I led the launch. Then I left.", 2)]
    [InlineData("We used tools, e.g. Jira, for planning. I owned it.", 2)]
    [InlineData("Dr. Smith approved the 3.5 release. It cost $2.1M.", 2)]
    [InlineData("Latency at p99 was 850 ms. I fixed it!", 2)]
    [InlineData("He said \"stop.\" I kept going.", 2)]
    [InlineData("Is this right? I checked. It was.", 3)]
    public void Sentences_split_where_a_reader_would(string prose, int count)
    {
        var doc = StoryParser.Parse(prose);
        Assert.Equal(count, doc.Sentences.Count);
    }

    [Fact]
    public void Lists_headings_and_paragraphs_are_separate_sentences()
    {
        var doc = StoryParser.Parse("# Title\n\n## Decision\n\n- I cut scope\n- I paused it\n\nThen I shipped");
        Assert.Equal(new[] { "I cut scope", "I paused it", "Then I shipped" }, doc.Sentences.Select(s => s.Text));
    }

    [Fact]
    public void Code_html_comments_and_link_targets_are_not_prose()
    {
        var text = "I read [the postmortem](http://we.decided/we-decided) and `we decided` it.\n\n```\nWe decided to ship.\n```\n\n<!-- We decided to ship. -->\n";
        var doc = StoryParser.Parse(text);
        Assert.DoesNotContain(doc.Sentences, s => s.Text.Contains("http"));
        Assert.DoesNotContain(doc.Sentences, s => s.Text.Contains("We decided"));
        Assert.False(TestUtil.Fires(text, "we-language"));
    }

    [Fact]
    public void Emphasis_is_read_through_and_findings_map_back_to_source()
    {
        var text = "**We decided** to ship.";
        var d = TestUtil.Findings(text, "we-language").Single();
        Assert.Equal("We decided", text[d.Start..d.End]);
    }

    [Fact]
    public void Parts_use_heading_aliases()
    {
        var doc = StoryParser.Parse("# T\n\n## Situation\n\nA.\n\n## What I did\n\nB.\n\n## Results\n\nC.\n\n## What I'd do differently\n\nD.\n\n## Extra\n\nE.");
        Assert.Equal(new[] { PartKind.Context, PartKind.Decision, PartKind.Impact, PartKind.Reflection, PartKind.Other }, doc.Parts.Select(p => p.Kind));
        Assert.True(doc.HasParts);
    }

    [Fact]
    public void A_story_without_headings_is_one_part()
    {
        var doc = StoryParser.Parse("I decided to ship. It worked.");
        Assert.False(doc.HasParts);
        Assert.Single(doc.Parts);
        Assert.Equal(PartKind.Whole, doc.Parts[0].Kind);
    }

    [Fact]
    public void Words_count_spoken_prose_only()
    {
        var doc = StoryParser.Parse("---\ntitle: Many words in the front matter here\n---\n# A long title here\n\n## Context\n\nOne two three.\n\n```\ncode code code\n```\n");
        Assert.Equal(3, doc.Words);
    }
}

public class FrontMatterTests
{
    [Fact]
    public void Reads_fields_and_lp_spans()
    {
        var text = "---\ntitle: T\nlps: [Customer Obsession, Dive Deep]\nproject: Delivery Promise\nrole: owner\n---\n# T\n";
        var fm = StoryParser.Parse(text).FrontMatter!;
        Assert.Equal("Delivery Promise", fm.Project!.Value);
        Assert.Equal("owner", fm.Role!.Value);
        var lps = Assert.IsAssignableFrom<IReadOnlyList<PmPrep.Core.Model.FrontMatterValue>>(fm.Lps);
        Assert.Equal(new[] { "Customer Obsession", "Dive Deep" }, lps.Select(l => l.Value));
        Assert.Equal("Dive Deep", text[lps[1].SourceStart..lps[1].SourceEnd]);
    }

    [Fact]
    public void Block_lists_and_comma_strings_both_work()
    {
        var block = StoryParser.Parse("---\nlps:\n  - Ownership\n  - Frugality\n---\n").FrontMatter!;
        Assert.Equal(new[] { "Ownership", "Frugality" }, block.Lps!.Select(l => l.Value));
        var text = "---\nlps: Ownership, Dive Deep\n---\n";
        var inline = StoryParser.Parse(text).FrontMatter!;
        var lps = Assert.IsAssignableFrom<IReadOnlyList<PmPrep.Core.Model.FrontMatterValue>>(inline.Lps);
        Assert.Equal(new[] { "Ownership", "Dive Deep" }, lps.Select(l => l.Value));
        Assert.Equal("Dive Deep", text[lps[1].SourceStart..lps[1].SourceEnd]);
    }

    [Fact]
    public void Names_with_commas_in_a_flow_list_are_rejoined()
    {
        var a = TestUtil.Analyze("---\nlps: [Are Right, A Lot, Have Backbone; Disagree and Commit]\n---\n# T\n\nI decided.");
        Assert.Equal(new[] { "Are Right, A Lot", "Have Backbone; Disagree and Commit" }, a.ClaimedPrinciples.Select(p => p.Name));
        Assert.DoesNotContain(a.Diagnostics, d => d.RuleId == "unknown-lp");
    }

    [Fact]
    public void Short_forms_resolve()
    {
        foreach (var (written, name) in new[] { ("backbone", "Have Backbone; Disagree and Commit"), ("Disagree and Commit", "Have Backbone; Disagree and Commit"), ("highest standards", "Insist on the Highest Standards"), ("Earth's Best Employer", "Strive to be Earth's Best Employer"), ("bias for action", "Bias for Action") })
            Assert.Equal(name, Catalog.PrincipleNames.Resolve(written)?.Name);
    }

    [Fact]
    public void Malformed_yaml_is_a_diagnostic_that_quotes_the_parser_and_the_rest_is_still_checked()
    {
        var text = "---\ntitle: T\nlps: [Dive Deep, Ownership\n---\n# T\n\nWe decided to ship.";
        var a = TestUtil.Analyze(text);
        var d = a.Diagnostics.Single(x => x.RuleId == "front-matter-invalid");
        Assert.Equal(Catalog.Severity.Error, d.Severity);
        Assert.Contains("line", d.Message);
        Assert.Contains(a.Diagnostics, x => x.RuleId == "we-language");
    }

    [Fact]
    public void An_unclosed_front_matter_fence_is_reported_and_the_prose_still_read()
    {
        var a = TestUtil.Analyze("---\ntitle: T\n\nWe decided to ship.");
        Assert.Contains(a.Diagnostics, x => x.RuleId == "front-matter-invalid" && x.Message.Contains("closing"));
        Assert.Contains(a.Diagnostics, x => x.RuleId == "we-language");
    }

    [Fact]
    public void Front_matter_that_is_not_a_mapping_is_reported()
    {
        Assert.True(TestUtil.Fires("---\n- a\n- b\n---\n# T\n", "front-matter-invalid"));
    }
}

public class SuppressionTests
{
    private const string Body = "We decided to ship.\n";

    [Fact]
    public void Disable_next_line_silences_only_the_next_line()
    {
        var text = "<!-- pmprep-disable-next-line we-language -->\n" + Body + "\n" + Body;
        var d = TestUtil.Findings(text, "we-language");
        Assert.Single(d);
        Assert.Equal(3, d[0].Range.Start.Line);
    }

    [Fact]
    public void Disable_and_enable_bracket_a_region()
    {
        var text = "<!-- pmprep-disable we-language -->\n\n" + Body + "\n<!-- pmprep-enable we-language -->\n\n" + Body;
        var d = TestUtil.Findings(text, "we-language");
        Assert.Single(d);
        Assert.Equal(6, d[0].Range.Start.Line);
    }

    [Fact]
    public void Disable_file_without_a_rule_silences_everything()
    {
        var a = TestUtil.Analyze("<!-- pmprep-disable-file -->\n\n" + Body);
        Assert.Empty(a.Diagnostics);
    }

    [Fact]
    public void Disabling_one_rule_leaves_the_others()
    {
        var a = TestUtil.Analyze("<!-- pmprep-disable-file we-language -->\n\n" + Body);
        Assert.DoesNotContain(a.Diagnostics, d => d.RuleId == "we-language");
        Assert.Contains(a.Diagnostics, d => d.RuleId == "missing-because");
    }

    [Fact]
    public void A_directive_inside_a_code_block_does_nothing()
    {
        var text = "```\n<!-- pmprep-disable-file -->\n```\n\n" + Body;
        Assert.True(TestUtil.Fires(text, "we-language"));
    }

    // The tokenizer reuses the strings of words it has seen (a per-thread pool): a pooled word must
    // still carry its own spelling and its own lower-case form, whatever came before it.
    [Fact]
    public void Pooled_words_keep_their_own_spelling_and_lower_case()
    {
        string text = "The the THE Don\u2019t don't Don't " + new string('x', 40) + "Y " + new string('x', 40) + "y";
        for (int pass = 0; pass < 2; pass++)
        {
            var words = PmPrep.Core.Model.Tokenizer.Tokenize(text, 0, text.Length).Where(t => t.IsWordLike).ToList();
            Assert.Equal(new[] { "The", "the", "THE", "Don\u2019t", "don't", "Don't", new string('x', 40) + "Y", new string('x', 40) + "y" }, words.Select(t => t.Text));
            Assert.Equal(new[] { "the", "the", "the", "don't", "don't", "don't", new string('x', 40) + "y", new string('x', 40) + "y" }, words.Select(t => t.Lower));
        }
    }
}
