using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Config;

namespace PmPrep.Core.Tests;

/// <summary>The incremental bank: the same answer as from scratch, with only a changed story's comparisons redone.</summary>
public class BankIndexTests
{
    private static string Shape(BankAnalysis b) =>
        string.Join("\n", b.Stories.Select(s => "S " + s.Path)
            .Concat(b.Coverage.SelectMany(r => r.Cells.Select(c => $"C {r.Principle.Key} {c.Story.Path} {c.Signals} {c.Claimed} {c.Strongest?.Start}")))
            .Concat(b.Diagnostics.Select(d => $"D {d.RuleId} {d.Severity} {d.Path} {d.Start}-{d.End} {d.Message}")));

    [Fact]
    public void Incremental_updates_and_removals_match_a_from_scratch_analysis()
    {
        var pool = BankRuleTests.Load(BankRuleTests.ExamplesDir)
            .Concat(BankRuleTests.Load(Path.Combine(BankRuleTests.FixturesDir, "duplicates"))).ToList();
        var rng = new Random(7);
        var index = new BankIndex();
        var live = new Dictionary<string, StoryAnalysis>();
        for (int step = 0; step < 60; step++)
        {
            string path = "s" + rng.Next(8) + ".story.md";
            if (rng.Next(4) == 0) { index.Remove(path); live.Remove(path); }
            else
            {
                var a = pool[rng.Next(pool.Count)].Analysis;
                index.Update(path, a);
                live[path] = a;
            }
            if (rng.Next(3) == 0 || step == 59)
            {
                var scratch = BankAnalyzer.Analyze(live.Select(kv => new BankStory(kv.Key, kv.Value)).ToList());
                Assert.Equal(Shape(scratch), Shape(index.Current));
            }
        }
    }

    [Fact]
    public void One_change_recomputes_only_that_storys_comparisons()
    {
        var stories = BankRuleTests.Load(BankRuleTests.ExamplesDir);
        var index = new BankIndex();
        foreach (var s in stories) index.Update(s.Path, s.Analysis);
        var first = index.Current;
        Assert.Equal(stories.Count * (stories.Count - 1) / 2, index.LastComparisons);
        Assert.Same(first, index.Current); // cached until something changes

        // The same analysis again is a no-op.
        index.Update(stories[0].Path, stories[0].Analysis);
        Assert.Same(first, index.Current);

        // Edit the guest-checkout story so it says "led": the conflict disappears, and only its 8 pairs were redone.
        var guest = stories.Single(s => s.Path == "weak-guest-checkout.story.md");
        var edited = guest.Analysis.Document.Text.Replace("I supported the migration", "I led the migration").Replace("role: supporting PM", "role: lead PM");
        index.Update(guest.Path, StoryAnalyzer.Analyze(edited));
        var second = index.Current;
        Assert.Equal(stories.Count - 1, index.LastComparisons);
        Assert.DoesNotContain(second.Diagnostics, d => d.RuleId == "role-inconsistency");
        Assert.Contains(first.Diagnostics, d => d.RuleId == "role-inconsistency");

        // Removing a story touches no pair.
        Assert.True(index.Remove("weak-vendor-switch.story.md"));
        Assert.False(index.Remove("weak-vendor-switch.story.md"));
        Assert.Equal(stories.Count - 1, index.Current.Stories.Count);
        Assert.Equal(0, index.LastComparisons);
    }

    [Fact]
    public void Settings_change_reruns_the_rules_without_recomparing()
    {
        var index = new BankIndex();
        foreach (var s in BankRuleTests.Load(BankRuleTests.ExamplesDir)) index.Update(s.Path, s.Analysis);
        Assert.Contains(index.Current.Diagnostics, d => d.RuleId == "role-inconsistency");
        index.Settings = PmPrepSettings.FromYaml("rules:\n  role-inconsistency: off\n").Settings;
        Assert.DoesNotContain(index.Current.Diagnostics, d => d.RuleId == "role-inconsistency");
        Assert.Equal(0, index.LastComparisons);
    }

    [Fact]
    public void Index_is_safe_under_concurrent_updates_and_reads()
    {
        var stories = BankRuleTests.Load(BankRuleTests.ExamplesDir);
        var index = new BankIndex();
        Parallel.For(0, 200, i =>
        {
            var s = stories[i % stories.Count];
            index.Update(s.Path + (i / stories.Count % 3), s.Analysis);
            _ = index.Current.Diagnostics.Count;
        });
        var scratch = BankAnalyzer.Analyze(Enumerable.Range(0, 3).SelectMany(k => stories.Select(s => new BankStory(s.Path + k, s.Analysis))).ToList());
        Assert.Equal(Shape(scratch), Shape(index.Current));
    }
}
