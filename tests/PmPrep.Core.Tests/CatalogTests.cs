using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Rules;

namespace PmPrep.Core.Tests;

/// <summary>The rule catalog, the code and the docs agree: every rule has data, code and a page.</summary>
public class CatalogTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PmPrep.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PmPrep.sln not found above the test binaries");
    }

    [Fact]
    public void Every_catalog_rule_is_implemented_once_and_every_implementation_is_catalogued()
    {
        var catalog = EngineData.Default.Rules.Select(r => r.Id).OrderBy(x => x).ToList();
        var code = RuleRegistry.StoryRules.Select(r => r.Id).Concat(BankAnalyzer.Rules.Select(r => r.Id))
            .Concat(Design.DesignAnalyzer.Rules.Select(r => r.Id)).Concat(PrFaq.PrFaqAnalyzer.Rules.Select(r => r.Id))
            .OrderBy(x => x).ToList();
        Assert.Equal(catalog, code);
    }

    [Fact]
    public void Every_rule_has_a_docs_page_with_its_id_as_title()
    {
        var root = RepoRoot();
        foreach (var r in EngineData.Default.Rules)
        {
            var page = Path.Combine(root, r.DocsPath);
            Assert.True(File.Exists(page), $"missing {r.DocsPath}");
            Assert.StartsWith($"# {r.Id}", File.ReadAllText(page));
        }
    }

    [Fact]
    public void Every_rule_has_texts_and_the_spec_severities()
    {
        var expected = new Dictionary<string, Severity>
        {
            ["we-language"] = Severity.Warning, ["hedging"] = Severity.Information, ["story-too-short"] = Severity.Information,
            ["unknown-lp"] = Severity.Error, ["front-matter-invalid"] = Severity.Error, ["role-inconsistency"] = Severity.Warning,
            ["duplicate-story"] = Severity.Information, ["bank-size"] = Severity.Information, ["missing-data"] = Severity.Information,
        };
        foreach (var r in EngineData.Default.Rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Message), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Why), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Weak), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Strong), r.Id);
            if (expected.TryGetValue(r.Id, out var sev)) Assert.Equal(sev, r.DefaultSeverity);
        }
    }

    [Fact]
    public void All_sixteen_principles_have_cues_meaning_and_follow_ups()
    {
        var ps = EngineData.Default.Principles;
        Assert.Equal(16, ps.Count);
        foreach (var p in ps)
        {
            Assert.True(p.Cues.Count >= 10, $"{p.Name} has {p.Cues.Count} cues");
            Assert.False(string.IsNullOrWhiteSpace(p.Meaning));
            Assert.True(p.FollowUps.Count >= 3, p.Name);
            foreach (var c in p.Cues) _ = new Patterns.PhrasePattern(c.Pattern); // compiles
        }
    }

    // The four data files parse in parallel; a broken one still fails with its own exception, as
    // the serial load did (not an AggregateException that hides which file and why).
    [Theory]
    [InlineData("rules.yaml")]
    [InlineData("principles.yaml")]
    public void A_broken_data_file_fails_with_its_own_error(string broken)
    {
        string Read(string name) => name == broken ? "key: [unclosed" : EngineData.ReadResource(name);
        Assert.IsType<YamlDotNet.Core.SemanticErrorException>(Record.Exception(() => EngineData.Load(Read)), exactMatch: false);
    }

    [Fact]
    public void An_empty_data_file_is_named()
    {
        string Read(string name) => name == "principles.yaml" ? "" : EngineData.ReadResource(name);
        var e = Assert.Throws<InvalidOperationException>(() => EngineData.Load(Read));
        Assert.Contains("principles.yaml", e.Message);
    }

    [Fact]
    public void The_parallel_load_reads_the_same_data_as_the_default()
    {
        var again = EngineData.Load(EngineData.ReadResource);
        Assert.Equal(EngineData.Default.Rules.Select(r => r.Id), again.Rules.Select(r => r.Id));
        Assert.Equal(EngineData.Default.Principles.Select(p => (p.Name, p.Cues.Count, p.Acts.Count)), again.Principles.Select(p => (p.Name, p.Cues.Count, p.Acts.Count)));
        Assert.Equal(EngineData.Default.Lists.Keys.Order(), again.Lists.Keys.Order());
    }
}
