using PmPrep.Core.Analysis;
using PmPrep.Core.Rules;
using PmPrep.Server.Lsp.Protocol;
using Xunit.Abstractions;

namespace PmPrep.Server.Tests;

/// <summary>
/// Soak (issue 7): 10,000 incremental edits across 50 open stories, in process, as fast as the
/// server takes them. At the end every story's last published diagnostics are for its last
/// version (none lost, none stale), equal a fresh analysis of the final text, and the server's
/// text equals the client's. Memory: the managed heap after the run may exceed the heap after a
/// 1,000-edit warm-up by at most 48 MiB (the stories and their analyses are already in the
/// baseline; what is measured is growth: leaked snapshots, analyses, queues or cancellation state).
/// </summary>
public class SoakTests
{
    private readonly ITestOutputHelper _out;
    public SoakTests(ITestOutputHelper output) => _out = output;

    private const int Stories = 50, Edits = 10_000, WarmUp = 1_000;
    private const long MaxGrowthBytes = 48L * 1024 * 1024;

    private static readonly HashSet<string> StoryRuleIds = RuleRegistry.StoryRules.Select(r => r.Id).ToHashSet();

    [Fact]
    public async Task Ten_thousand_edits_across_fifty_stories()
    {
        var r = new Random(2026);
        await using var h = new LspHarness();
        await h.InitializeAsync();
        var bases = new[] { LspHarness.Fixture("good-late-deliveries.story.md"), LspHarness.Fixture("weak-recommendations.story.md") };
        var docs = Enumerable.Range(0, Stories)
            .Select(i => new ClientDoc($"file:///tmp/pmprep-soak/story-{i:00}.story.md", bases[i % 2].Replace("# ", $"# {i} ", StringComparison.Ordinal)))
            .ToList();
        foreach (var d in docs)
            await h.Notify("textDocument/didOpen", new { textDocument = new { uri = d.Uri, languageId = "markdown", version = 1, text = d.Text } });
        var last = new Dictionary<string, PublishDiagnosticsParams>();
        await Published.WaitForVersions(h, last, docs, TimeSpan.FromSeconds(60));

        long baseline = 0;
        var started = DateTime.UtcNow;
        for (int i = 0; i < Edits; i++)
        {
            if (i == WarmUp)
            {
                await Published.WaitForVersions(h, last, docs, TimeSpan.FromSeconds(120));
                baseline = HeapAfterCollect();
            }
            var d = docs[r.Next(docs.Count)];
            var change = d.RandomEdit(r);
            d.Version++;
            await h.ChangeAsync(d.Uri, d.Version, change);
            if (i % 100 == 99)
            {
                Published.Drain(h, last);
                await Task.Delay(1); // a typist pauses; the server gets to finish some analyses
            }
        }
        await Published.WaitForVersions(h, last, docs, TimeSpan.FromSeconds(180));
        await Task.Delay(300); // a bank pass scheduled by the last analyses
        Published.Drain(h, last);
        long after = HeapAfterCollect();
        _out.WriteLine($"{Edits} edits in {(DateTime.UtcNow - started).TotalSeconds:F1} s; managed heap {baseline / 1048576.0:F1} MiB after warm-up, {after / 1048576.0:F1} MiB after the run");

        foreach (var d in docs)
        {
            Assert.Equal(d.Text, h.ServerText(d.Uri));
            var p = last[d.Uri];
            Assert.Equal(d.Version, p.Version);
            var published = p.Diagnostics.Where(x => x.Code is not null && StoryRuleIds.Contains(x.Code))
                .Select(x => $"{x.Code} {x.Range.Start.Line}:{x.Range.Start.Character}-{x.Range.End.Line}:{x.Range.End.Character} {x.Message}")
                .OrderBy(x => x, StringComparer.Ordinal).ToList();
            var fresh = StoryAnalyzer.Analyze(d.Text).Diagnostics
                .Select(x => $"{x.RuleId} {x.Range.Start.Line}:{x.Range.Start.Character}-{x.Range.End.Line}:{x.Range.End.Character} {x.Message}")
                .OrderBy(x => x, StringComparer.Ordinal).ToList();
            Assert.Equal(fresh, published);
        }
        Assert.True(after - baseline < MaxGrowthBytes,
            $"managed heap grew {(after - baseline) / 1048576.0:F1} MiB over {Edits - WarmUp} edits (bound {MaxGrowthBytes / 1048576} MiB)");
    }

    private static long HeapAfterCollect()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
