using System.Text.RegularExpressions;
using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Model;
using PmPrep.Core.Patterns;

namespace PmPrep.Core.Tests;

/// <summary>
/// Ties each rule's parts together: its catalog examples, the phrase lists its code names, and the
/// pattern language those lists are written in (the table in docs/configuration.md).
/// </summary>
public class RulePartsTests
{
    public static IEnumerable<object[]> SentenceRules() =>
        EngineData.Default.Rules.Where(r => r.Scope == RuleScope.Sentence).Select(r => new object[] { r.Id });

    /// <summary>The example as the only sentence of a Decision part, in a story that needs nothing else said about it.</summary>
    private static IReadOnlyList<Diagnostic> Findings(string sentence, string ruleId) =>
        StoryAnalyzer.Analyze($"---\ntitle: Example\nlps: [Ownership]\n---\n# Example\n\n## Decision\n\n{sentence}\n").Diagnostics
            .Where(d => d.RuleId == ruleId).ToList();

    [Theory]
    [MemberData(nameof(SentenceRules))]
    public void Each_sentence_rules_weak_example_fires_it_and_its_strong_example_does_not(string id)
    {
        var rule = EngineData.Default.Rule(id);
        Assert.False(string.IsNullOrWhiteSpace(rule.Weak), $"{id} has no weak example");
        Assert.False(string.IsNullOrWhiteSpace(rule.Strong), $"{id} has no strong example");
        Assert.True(Findings(rule.Weak, id).Count > 0, $"{id}: the weak example does not fire: {rule.Weak}");
        Assert.True(Findings(rule.Strong, id).Count == 0, $"{id}: the strong example fires: {rule.Strong}");
    }

    private static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PmPrep.sln"))) return Path.Combine(new[] { dir.FullName }.Concat(parts).ToArray());
        throw new InvalidOperationException("no PmPrep.sln above the test binaries");
    }

    [Fact]
    public void Every_list_the_engine_names_is_in_lexicon_yaml()
    {
        // Lexicon look-ups are lex["name"] (or lexicon["name"] / .Set("name")) in the engine's code.
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var lookup = new Regex(@"(?:\blex\w*|\blexicon\w*|\bLexicon\w*)\s*(?:\[\s*""([a-z0-9-]+)""\s*\]|\.Set\(\s*""([a-z0-9-]+)""\s*\))");
        foreach (var file in Directory.EnumerateFiles(RepoFile("server", "PmPrep.Core"), "*.cs", SearchOption.AllDirectories))
            foreach (Match m in lookup.Matches(File.ReadAllText(file)))
                names.Add(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        Assert.True(names.Count >= 10, $"found only {names.Count} list names: the scan is broken");
        var missing = names.Where(n => !EngineData.Default.Lists.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, "lists named in code but not in lexicon.yaml: " + string.Join(", ", missing));
    }

    [Fact]
    public void No_lexicon_list_holds_the_same_pattern_twice()
    {
        var dupes = EngineData.Default.Lists
            .SelectMany(l => l.Value.GroupBy(p => p.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => $"{l.Key}: {g.Key}"))
            .ToList();
        Assert.True(dupes.Count == 0, "duplicate patterns in lexicon.yaml: " + string.Join("; ", dupes));
    }

    // ---- The phrase-pattern language, one case per row of the table in docs/configuration.md.

    private static Token[] Words(string text) =>
        Tokenizer.Tokenize(text, 0, text.Length).Where(t => t.Kind != TokenKind.Punct).ToArray();

    /// <summary>True when the pattern matches somewhere in the text.</summary>
    private static bool Matches(string pattern, string text)
    {
        var p = new PhrasePattern(pattern);
        var w = Words(text);
        for (int i = 0; i < w.Length; i++) if (p.MatchAt(w, i) > i) return true;
        return false;
    }

    [Theory]
    [InlineData("roadmap", "I rewrote the roadmap.", true)]
    [InlineData("roadmap", "I rewrote the roadmaps.", false)]
    [InlineData("audit*", "I audited the flows.", true)]
    [InlineData("audit*", "I reviewed the flows.", false)]
    [InlineData("*-day", "We ran a 30-day test.", true)]
    [InlineData("*-day", "We ran it for a day.", false)]
    [InlineData("week|weeks|month|months", "It took six months.", true)]
    [InlineData("week|weeks|month|months", "It took six years.", false)]
    [InlineData("{num} ... tickets", "I read 300 support tickets.", true)]
    [InlineData("{num} ... tickets", "I read many support tickets.", false)]
    [InlineData("{pct}", "Churn fell 4.5% in a month.", true)]
    [InlineData("{pct}", "Churn fell 4.5 points in a month.", false)]
    [InlineData("{money}", "It saved $48M a year.", true)]
    [InlineData("{money}", "It saved 48 hours a year.", false)]
    [InlineData("the {any} team", "I met the data team.", true)]
    [InlineData("the {any} team", "I met the team.", false)]
    [InlineData("i ... root cause", "I found the real root cause.", true)]
    [InlineData("i ... root cause", "I found that after a very long and careful search the root cause.", false)]
    [InlineData("very? positive", "The reviews were positive.", true)]
    [InlineData("very? positive", "The reviews were very positive.", true)]
    [InlineData("very? positive", "The reviews were mixed.", false)]
    [InlineData("compared to|with", "It is faster compared with last year.", true)]
    [InlineData("didn't", "We didn’t ship it.", true)]   // curly and straight apostrophes are the same
    [InlineData("first-time", "First-time sellers left.", true)]   // hyphenated words are one token, case ignored
    public void Pattern_elements_match_as_documented(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Matches(pattern, text));
}
