using PmPrep.Core.Analysis;
using PmPrep.Core.Config;
using PmPrep.Core.Parsing;

namespace PmPrep.Core.Tests;

/// <summary>The linear pre-check that keeps deep or large YAML away from YamlDotNet's recursive loader (issue 12).</summary>
public class YamlBoundsTests
{
    // The top-level mapping is one level, so "lps:" holds at most 63 nested sequences.
    [Theory]
    [InlineData(64, false)]
    [InlineData(63, true)]
    public void Flow_nesting_is_capped_at_64_levels_in_all(int depth, bool ok)
    {
        var yaml = "lps: " + new string('[', depth) + new string(']', depth) + "\n";
        Assert.Equal(ok, YamlBounds.CheckAll(yaml, 1 << 20) is null);
    }

    [Fact]
    public void Block_nesting_by_indentation_and_compact_dashes_is_capped()
    {
        var indented = string.Concat(Enumerable.Range(0, 70).Select(i => new string(' ', i) + "k" + i + ":\n"));
        Assert.NotNull(YamlBounds.Check(indented, 1 << 20));
        var dashes = string.Concat(Enumerable.Repeat("- ", 70)) + "x\n";
        Assert.NotNull(YamlBounds.Check(dashes, 1 << 20));
        var shallow = string.Concat(Enumerable.Range(0, 10).Select(i => new string(' ', i * 2) + "k" + i + ":\n"));
        Assert.Null(YamlBounds.CheckAll(shallow, 1 << 20));
    }

    [Fact]
    public void Brackets_in_quotes_comments_and_block_scalars_do_not_count()
    {
        var many = new string('[', 100);
        Assert.Null(YamlBounds.Check($"title: \"{many}\"\n", 1 << 20));
        Assert.Null(YamlBounds.Check($"title: '{many} it''s {many}'\n", 1 << 20));
        Assert.Null(YamlBounds.Check($"title: x # {many}\n", 1 << 20));
        Assert.Null(YamlBounds.Check($"note: |\n  {many}\n  {many}\nnext: 1\n", 1 << 20));
        Assert.Null(YamlBounds.Check($"note: >-\n  {many}\nnext: 1\n", 1 << 20));
        Assert.Null(YamlBounds.Check($"title: \"multi\n  line {many}\"\n", 1 << 20));
        // The same brackets outside a quote count.
        Assert.NotNull(YamlBounds.Check($"title: x\nlps: {many}\n", 1 << 20));
        // An apostrophe inside a word opens no quote.
        Assert.NotNull(YamlBounds.Check($"title: don't\nlps: {many}\n", 1 << 20));
    }

    [Fact]
    public void Size_is_capped_before_parsing()
    {
        var big = "title: " + new string('a', 70_000) + "\n";
        Assert.NotNull(YamlBounds.Check(big, YamlBounds.MaxFrontMatterBytes));
        Assert.Null(YamlBounds.Check(big, 1 << 20));
    }

    [Fact]
    public void A_story_past_the_cap_gets_front_matter_invalid_with_the_reason()
    {
        var text = "---\ntitle: T\nlps: " + new string('[', 50_000) + "\n---\n# T\n\nI decided.\n";
        var a = StoryAnalyzer.Analyze(text, PmPrepSettings.Default);
        var d = Assert.Single(a.Diagnostics, x => x.RuleId == "front-matter-invalid");
        Assert.Contains("more than 64 levels deep", d.Message);
        var big = "---\ntitle: " + new string('a', 70_000) + "\n---\n# T\n\nI decided.\n";
        Assert.Contains("the limit is 64 KB", Assert.Single(StoryAnalyzer.Analyze(big, PmPrepSettings.Default).Diagnostics, x => x.RuleId == "front-matter-invalid").Message);
    }

    [Fact]
    public void A_config_past_the_cap_is_a_problem_and_changes_nothing()
    {
        var (s, problems) = PmPrepSettings.FromYaml("wpm: 120\nrules: " + new string('{', 50_000) + "\n");
        Assert.Equal(PmPrepSettings.Default.WordsPerMinute, s.WordsPerMinute);
        Assert.Contains(problems, p => p.Contains("more than 64 levels deep"));
        var (big, bigProblems) = PmPrepSettings.FromYaml("wpm: 120\n# " + new string('x', PmPrepSettings.MaxConfigBytes) + "\n");
        Assert.Equal(PmPrepSettings.Default.WordsPerMinute, big.WordsPerMinute);
        Assert.Contains(bigProblems, p => p.Contains("the limit is 256 KB"));
    }
}
