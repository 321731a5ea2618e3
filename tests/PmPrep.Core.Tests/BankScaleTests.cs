using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Rules.Bank;

namespace PmPrep.Core.Tests;

/// <summary>
/// Bank rules at scale: near-identical stories give one finding each (a cluster, not n² pairs),
/// findings per story are capped, and the pruned comparison finds what the full one finds.
/// </summary>
public class BankScaleTests
{
    private static List<BankStory> Pool() =>
        BankRuleTests.Load(BankRuleTests.ExamplesDir).Concat(BankRuleTests.Load(Path.Combine(BankRuleTests.FixturesDir, "duplicates"))).ToList();

    /// <summary>A copy of <paramref name="text"/> with one sentence of its own appended to each paragraph, so no two copies are byte-identical.</summary>
    private static string Variant(string text, int k) =>
        text.Replace("\n\n## Decision", $" The copy number {k} adds note {k * 7} here.\n\n## Decision", StringComparison.Ordinal);

    [Fact]
    public void Three_hundred_near_identical_stories_give_at_most_one_duplicate_finding_each()
    {
        var source = File.ReadAllText(Path.Combine(BankRuleTests.ExamplesDir, "returns-drop-off-pilot.story.md"));
        var first = StoryAnalyzer.Analyze(Variant(source, 0));
        var stories = Enumerable.Range(0, 300)
            .Select(k => new BankStory($"copy-{k:000}.story.md", k == 0 ? first : StoryAnalyzer.Analyze(Variant(source, k)))).ToList();
        var bank = BankAnalyzer.Analyze(stories);
        var found = bank.Diagnostics.Where(d => d.RuleId == "duplicate-story").ToList();
        Assert.Equal(300, found.Count);
        Assert.Equal(300, found.Select(d => d.Path).Distinct().Count());
        Assert.All(found, d => Assert.Contains("299 other stories (", d.Message));
        // The list of names is capped: three named, the rest counted.
        var msg = found.Single(d => d.Path == "copy-000.story.md").Message;
        Assert.Contains("copy-001.story.md, copy-002.story.md, copy-003.story.md and 296 more", msg);
        Assert.DoesNotContain("copy-004.story.md", msg);
        // Every other bank finding is about the bank as a whole (coverage gaps, size): a handful, not one per pair.
        Assert.InRange(bank.Diagnostics.Count(d => d.Path is null), 0, 20);
        // Per story: one duplicate finding; any other is a fact the copies tell differently (their figures
        // vary), and every story stays under the per-story cap.
        Assert.All(bank.Diagnostics.Where(d => d.Path is not null && d.RuleId != "duplicate-story"), d => Assert.Equal("fact-inconsistency", d.RuleId));
        Assert.All(bank.Diagnostics.Where(d => d.Path is not null).GroupBy(d => d.Path), g => Assert.InRange(g.Count(), 1, BankContext.MaxFindingsPerStory));
    }

    [Fact]
    public void A_small_posting_cap_keeps_clusters_whole_and_measures_far_fewer_pairs()
    {
        var source = File.ReadAllText(Path.Combine(BankRuleTests.ExamplesDir, "search-ranking-bot-traffic.story.md"));
        var other = Pool().Where(s => !s.Path.StartsWith("ranking-", StringComparison.Ordinal) && s.Path != "search-ranking-bot-traffic.story.md").ToList();
        var full = new BankIndex();
        var capped = new BankIndex(null, postingCap: 4);
        for (int k = 0; k < 120; k++)
        {
            var a = StoryAnalyzer.Analyze(Variant(source, k));
            full.Update($"copy-{k:000}.story.md", a);
            capped.Update($"copy-{k:000}.story.md", a);
        }
        foreach (var s in other) { full.Update(s.Path, s.Analysis); capped.Update(s.Path, s.Analysis); }
        string Clusters(BankAnalysis b) => string.Join("\n", b.Diagnostics.Where(d => d.RuleId == "duplicate-story").Select(d => d.Path + " " + d.Message.Split('(')[0]));
        var f = full.Current; long fullMeasured = full.LastMeasured;
        var c = capped.Current; long cappedMeasured = capped.LastMeasured;
        Assert.Equal(Clusters(f), Clusters(c));
        Assert.Contains("119 other stories", Clusters(c));
        Assert.True(cappedMeasured * 4 < fullMeasured, $"capped measured {cappedMeasured}, full {fullMeasured}");
    }

    [Fact]
    public void Pruned_comparison_finds_every_pair_the_full_comparison_finds_on_random_banks()
    {
        var pool = Pool();
        var rng = new Random(12345);
        for (int round = 0; round < 25; round++)
        {
            // A random bank: fixture and example stories, some copied with a sentence dropped or paragraphs reordered.
            int n = 3 + rng.Next(14);
            var stories = new List<BankStory>();
            for (int i = 0; i < n; i++)
            {
                var src = pool[rng.Next(pool.Count)];
                var text = src.Analysis.Document.Text;
                switch (rng.Next(3))
                {
                    case 0: text = DropSentence(text, rng); break;
                    case 1: text = SwapParagraphs(text, rng); break;
                }
                stories.Add(new BankStory($"s{i:00}.story.md", StoryAnalyzer.Analyze(text)));
            }
            var bank = BankAnalyzer.Analyze(stories);
            var expectedDup = new List<string>();
            var expectedRole = new List<string>();
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                {
                    var a = StoryFacts.Of(stories[i].Analysis); var b = StoryFacts.Of(stories[j].Analysis);
                    if (StoryComparison.IsDuplicate(a, b)) expectedDup.Add(stories[i].Path + "~" + stories[j].Path);
                    if (StoryComparison.Conflict(a, b) is not null) expectedRole.Add(stories[i].Path + "~" + stories[j].Path);
                }
            Assert.Equal(expectedDup, bank.Pairs.Where(p => p.IsDuplicate).Select(p => p.A.Path + "~" + p.B.Path));
            Assert.Equal(expectedRole, bank.Pairs.Where(p => p.Conflict is not null).Select(p => p.A.Path + "~" + p.B.Path));

            // The capped index (tiny cap, so the pruned path runs) gives the same clusters.
            var capped = new BankIndex(null, postingCap: 1 + rng.Next(3));
            foreach (var s in stories) capped.Update(s.Path, s.Analysis);
            Assert.Equal(Dup(bank), Dup(capped.Current));
        }
    }

    private static string Dup(BankAnalysis b) =>
        string.Join("\n", b.Diagnostics.Where(d => d.RuleId == "duplicate-story").Select(d => d.Path + " " + d.Message.Split(" tell ")[0]));

    private static string DropSentence(string text, Random rng)
    {
        var cut = text.IndexOf(". ", rng.Next(Math.Max(1, text.Length / 2), text.Length), StringComparison.Ordinal);
        if (cut < 0) return text;
        int end = text.IndexOf(". ", cut + 2, StringComparison.Ordinal);
        return end < 0 ? text : text[..(cut + 2)] + text[(end + 2)..];
    }

    private static string SwapParagraphs(string text, Random rng)
    {
        var paras = text.Split("\n\n").ToList();
        if (paras.Count < 6) return text;
        int i = 3 + rng.Next(paras.Count - 4);
        (paras[i], paras[i + 1]) = (paras[i + 1], paras[i]);
        return string.Join("\n\n", paras);
    }

    [Fact]
    public void Findings_per_story_are_capped()
    {
        // One story leads 25 named pieces of work; 25 others each support one of them.
        var lead = BankRuleTests.Story(string.Join(" ", Enumerable.Range(1, 25).Select(k => $"I led Project Falcon{k} from start to launch.")), title: "Lead");
        var stories = new List<(string, string)> { ("lead.story.md", lead) };
        for (int k = 1; k <= 25; k++)
            stories.Add(($"support-{k:00}.story.md", BankRuleTests.Story($"I supported Project Falcon{k} as a reviewer for the launch.", title: $"Support {k}")));
        var bank = BankRuleTests.Bank(stories.ToArray());
        var role = BankRuleTests.Findings(bank, "role-inconsistency");
        Assert.Equal(25, role.Count(d => d.Path != "lead.story.md")); // one in each supporting story
        Assert.Equal(BankContext.MaxFindingsPerStory, bank.Diagnostics.Count(d => d.Path == "lead.story.md"));
    }
}
