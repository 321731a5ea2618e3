using System.Text.Json;
using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;

namespace PmPrep.Core.Tests;

/// <summary>
/// The labelled corpus (copied from the product's shared corpus): every `expect` fires, no
/// `forbid` fires, and no other sentence rule fires (the lists name every sentence rule that applies).
/// </summary>
public class CorpusTests
{
    public static string CorpusDir => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public sealed record LabelledSentence(string Id, string Text, string[] Expect, string[] Forbid)
    {
        public override string ToString() => Id;
    }

    public static IEnumerable<object[]> Sentences()
    {
        foreach (var line in File.ReadLines(Path.Combine(CorpusDir, "sentences.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            yield return new object[]
            {
                new LabelledSentence(
                    r.GetProperty("id").GetString()!,
                    r.GetProperty("text").GetString()!,
                    r.GetProperty("expect").EnumerateArray().Select(e => e.GetString()!).ToArray(),
                    r.GetProperty("forbid").EnumerateArray().Select(e => e.GetString()!).ToArray()),
            };
        }
    }

    private static readonly HashSet<string> SentenceRules =
        EngineData.Default.Rules.Where(r => r.Scope == RuleScope.Sentence).Select(r => r.Id).ToHashSet();

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Sentence_rules_fire_exactly_as_labelled(LabelledSentence s)
    {
        // A finding folded into another rule's on the same words still fired (JSON lists it with foldedInto).
        var a = StoryAnalyzer.Analyze(s.Text);
        var fired = a.Diagnostics.Concat(a.Folded)
            .Select(d => d.RuleId).Where(SentenceRules.Contains).ToHashSet();
        var missing = s.Expect.Where(e => !fired.Contains(e)).ToList();
        var forbidden = s.Forbid.Where(fired.Contains).ToList();
        var unexpected = fired.Where(f => !s.Expect.Contains(f)).ToList();
        Assert.True(missing.Count == 0 && forbidden.Count == 0 && unexpected.Count == 0,
            $"{s.Id} \"{s.Text}\": missing [{string.Join(", ", missing)}], forbidden fired [{string.Join(", ", forbidden)}], unlabelled fired [{string.Join(", ", unexpected)}]");
    }

    public static IEnumerable<object[]> Stories()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusDir, "stories", "expectations.json")));
        foreach (var p in doc.RootElement.EnumerateObject()) yield return new object[] { p.Name };
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void Story_expectations_hold(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusDir, "stories", "expectations.json")));
        var exp = doc.RootElement.GetProperty(file);
        string[] List(string name) => exp.TryGetProperty(name, out var a) ? a.EnumerateArray().Select(e => e.GetString()!).ToArray() : Array.Empty<string>();

        var analysis = StoryAnalyzer.Analyze(File.ReadAllText(Path.Combine(CorpusDir, "stories", file)));
        var fired = analysis.Diagnostics.Concat(analysis.Folded).Select(d => d.RuleId).ToHashSet();
        var report = string.Join("\n", analysis.Diagnostics.Select(d => $"  {d.Range.Start.Line + 1}: {d.RuleId}: {d.Message}"));
        foreach (var e in List("expect")) Assert.True(fired.Contains(e), $"{file}: expected {e} to fire. Fired:\n{report}");
        foreach (var f in List("forbid")) Assert.False(fired.Contains(f), $"{file}: {f} must not fire. Fired:\n{report}");
        var evidenced = analysis.Evidence.Select(e => e.Principle.Name).ToHashSet();
        foreach (var lp in List("lps_evidenced_at_least"))
            Assert.True(evidenced.Contains(lp), $"{file}: no evidence found for {lp}. Evidenced: {string.Join(", ", evidenced)}");
    }

    [Fact]
    public void Weak_story_flags_think_big_and_dive_deep_as_unsupported()
    {
        var analysis = StoryAnalyzer.Analyze(File.ReadAllText(Path.Combine(CorpusDir, "stories", "weak-recommendations.story.md")));
        var unsupported = analysis.Diagnostics.Where(d => d.RuleId == "lp-claim-unsupported").Select(d => d.Phrase).ToList();
        Assert.Contains("Think Big", unsupported);
        Assert.Contains("Dive Deep", unsupported);
        var thinkBig = analysis.Diagnostics.Single(d => d.RuleId == "lp-claim-unsupported" && d.Phrase == "Think Big");
        Assert.Contains("leverage", thinkBig.Message);
    }
}
