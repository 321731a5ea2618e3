using System.Text.Json;
using System.Xml.Linq;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Report;
using PmPrep.Server.Lsp;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Tests;

/// <summary>
/// The server's story bank: one incremental <see cref="BankIndex"/> fed by open buffers, the
/// workspace index and watched files; the `pmprep/report` request; and the title hover.
/// </summary>
public class BankIntegrationTests : TempWorkspace
{
    public BankIntegrationTests() : base("pmprep-bank") { }

    private async Task<LspHarness> Start()
    {
        var h = new LspHarness();
        await h.InitializeAsync(_root.FullName);
        return h;
    }

    private static Task<CoverageResult> Coverage(LspHarness h) => h.Request<CoverageResult>("pmprep/coverage", new { });

    private const string Third = "---\ntitle: Pricing test\nlps: [Dive Deep]\n---\n# Pricing test\n\n## Decision\n\nI ran the pricing test on 4% of traffic because churn data was noisy.\n";

    [Fact]
    public async Task An_edit_to_one_story_changes_coverage_and_recomputes_only_that_storys_pairs()
    {
        Write("stories/good.story.md", LspHarness.Fixture("good-late-deliveries.story.md"));
        Write("stories/weak.story.md", LspHarness.Fixture("weak-recommendations.story.md"));
        var third = Write("stories/pricing.story.md", Third);
        await using var h = await Start();

        var before = await Coverage(h);
        Assert.Equal(3, before.Stories.Count);
        var uri = DocumentStore.FromPath(third);
        Assert.DoesNotContain(before.Principles.Single(p => p.Name == "Think Big").Cells, c => c.Uri == uri);
        var unchanged = h.Server.Bank.Current.Stories.Where(s => s.Path != uri).ToDictionary(s => s.Path, s => s.Analysis);

        // Open the story and claim Think Big: only its row entry changes, and only its pairs are recompared.
        await h.OpenAsync(Third, uri);
        await h.ChangeAsync(uri, 2, LspHarness.Edit(2, 6, 2, 15, "Dive Deep, Think Big"));
        await h.Target.WaitForDiagnostics(uri, 2);
        var after = await Coverage(h);
        var cell = Assert.Single(after.Principles.Single(p => p.Name == "Think Big").Cells, c => c.Uri == uri);
        Assert.True(cell.Claimed);
        Assert.Equal(0, cell.Signals);
        Assert.Equal(2, after.Stories.Single(s => s.Uri == uri).Version);
        // One changed story in a bank of three: compared with the two others, nothing else.
        Assert.Equal(2, h.Server.Bank.LastComparisons);
        Assert.Equal(3, h.Server.Bank.Count);

        // The unchanged stories' entries are the very same analyses as before the edit.
        var bank = h.Server.Bank.Current;
        Assert.All(bank.Stories.Where(s => s.Path != uri), s => Assert.Same(unchanged[s.Path], s.Analysis));

        // Deleting a file on disk removes it without recomparing anything.
        var weak = DocumentStore.FromPath(Path.Combine(_root.FullName, "stories/weak.story.md"));
        File.Delete(Path.Combine(_root.FullName, "stories/weak.story.md"));
        await h.Notify("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = weak, type = 3 } } });
        var gone = await Coverage(h);
        Assert.Equal(2, gone.Stories.Count);
        Assert.Equal(0, h.Server.Bank.LastComparisons);
    }

    [Fact]
    public async Task Closing_an_edited_document_puts_the_file_on_disk_back_in_the_bank()
    {
        var path = Write("a.story.md", Third);
        await using var h = await Start();
        await Coverage(h);
        var uri = DocumentStore.FromPath(path);
        await h.OpenAsync(Third.Replace("[Dive Deep]", "[Dive Deep, Think Big]"), uri);
        Assert.Contains((await Coverage(h)).Principles.Single(p => p.Name == "Think Big").Cells, c => c.Uri == uri);
        await h.Notify("textDocument/didClose", new { textDocument = new { uri } });
        for (int i = 0; i < 100 && (await Coverage(h)).Principles.Single(p => p.Name == "Think Big").Cells.Count > 0; i++) await Task.Delay(50);
        var cov = await Coverage(h);
        Assert.Empty(cov.Principles.Single(p => p.Name == "Think Big").Cells);
        Assert.False(Assert.Single(cov.Stories).Open);
    }

    [Fact]
    public async Task Settings_changes_reach_the_bank_rules()
    {
        Write("a.story.md", Third);
        await using var h = await Start();
        Assert.Contains((await Coverage(h)).Diagnostics, d => d.Rule == "bank-size");
        await h.Notify("workspace/didChangeConfiguration", new { settings = new { pmprep = new { rules = new Dictionary<string, string> { ["bank-size"] = "off" } } } });
        Assert.DoesNotContain((await Coverage(h)).Diagnostics, d => d.Rule == "bank-size");
    }

    private const string Other = "---\ntitle: Other\nproject: Checkout Migration\n---\n# Other\n\n## Decision\n\nI supported the migration of checkout for six months.\n";
    private const string Mine = "---\ntitle: Mine\nproject: Checkout Migration\n---\n# Mine\n\n## Decision\n\nI led the migration of checkout for six months.\n";

    [Fact]
    public async Task Bank_messages_name_the_other_story_by_its_workspace_relative_path()
    {
        Write("stories/other.story.md", Other);
        await using var h = await Start();
        await Coverage(h);
        var uri = DocumentStore.FromPath(Path.Combine(_root.FullName, "stories", "mine.story.md"));
        await h.OpenAsync(Mine, uri);
        var published = await h.Target.WaitFor(p => p.Uri == uri && p.Diagnostics.Any(d => d.Code == "role-inconsistency"));
        var message = published.Diagnostics.Single(d => d.Code == "role-inconsistency").Message;
        Assert.Contains("stories/other.story.md", message);
        Assert.DoesNotContain("file://", message);
        var cov = await Coverage(h);
        Assert.All(cov.Diagnostics.Where(d => d.Rule == "role-inconsistency"), d => Assert.DoesNotContain("file://", d.Message));
        Assert.Contains(cov.Diagnostics, d => d.Rule == "role-inconsistency" && d.Message.Contains("stories/mine.story.md"));
    }

    [Fact]
    public async Task Report_request_returns_the_shared_renderers_page_with_readable_paths()
    {
        Write("stories/good.story.md", LspHarness.Fixture("good-late-deliveries.story.md"));
        Write("stories/other.story.md", Other);
        await using var h = await Start();
        var uri = DocumentStore.FromPath(Path.Combine(_root.FullName, "stories", "mine.story.md"));
        await h.OpenAsync(Mine, uri);   // unsaved buffer: in the report at once

        var result = await h.Request<JsonElement>("pmprep/report", new { });
        var html = result.GetProperty("html").GetString()!;
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var doc = XDocument.Parse(html.Replace("<!DOCTYPE html>", ""));   // the renderer writes well-formed XML
        var csp = doc.Descendants("meta").Single(e => (string?)e.Attribute("http-equiv") == "Content-Security-Policy");
        Assert.Equal(ReportRenderer.ContentSecurityPolicy, (string?)csp.Attribute("content"));
        var heat = doc.Descendants().Single(e => (string?)e.Attribute("id") == "heatmap");
        Assert.Equal(3, heat.Descendants("th").Count(e => (string?)e.Attribute("class") == "story-col"));
        Assert.Contains("<code>stories/good.story.md</code>", html);
        Assert.Contains("<code>stories/mine.story.md</code>", html);
        Assert.Contains("Checkout Migration", html);
        // Paths inside bank messages are readable too.
        Assert.Contains("in stories/other.story.md", html);
        Assert.DoesNotContain("\"msg\">Your role in Checkout Migration is \"led\" here but \"supported\" in file:", html);
    }

    [Fact]
    public async Task Report_without_params_is_answered_and_empty_banks_render()
    {
        await using var h = await Start();
        var result = await h.Client.InvokeAsync<ReportResult>("pmprep/report");
        Assert.Contains("Story bank report", result.Html);
    }

    [Fact]
    public async Task Title_hover_shows_spoken_minutes_and_three_bar_raiser_follow_ups()
    {
        var text = LspHarness.Fixture("weak-recommendations.story.md");
        await using var h = await Start();
        var uri = DocumentStore.FromPath(Path.Combine(_root.FullName, "weak.story.md"));
        await h.OpenAsync(text, uri);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        int h1 = Array.FindIndex(lines, l => l.StartsWith("# ", StringComparison.Ordinal));
        int fm = Array.FindIndex(lines, l => l.StartsWith("title:", StringComparison.Ordinal));

        var drill = PmPrep.Core.Drill.DrillSheet.For(StoryAnalyzer.Analyze(text));
        var expected = PmPrep.Core.Drill.DrillSheet.Markdown(drill);
        foreach (var (line, ch) in new[] { (h1, 4), (fm, 10) })
        {
            var hover = await h.Request<Hover?>("textDocument/hover", new { textDocument = new { uri }, position = new { line, character = ch } });
            Assert.NotNull(hover);
            var value = hover!.Contents.Value;
            Assert.Matches(@"^\*\*\d+\.\d min spoken\*\* · \d+ words at 150 wpm, (under|inside|over) the 2\.5–3\.5 min band", value);
            Assert.Contains(expected, value);
            Assert.Contains("**A bar raiser will likely ask**", value);
            Assert.Contains("\n1. ", value);
            Assert.Contains("\n3. ", value);
            Assert.Contains($"\n{drill.Count}. What would you do differently with 10x data?", value);
            Assert.DoesNotContain($"\n{drill.Count + 1}. ", value);
            Assert.Equal(line, hover.Range!.Start.Line);
        }

        // Off the title: no bar-raiser block.
        int body = Array.FindIndex(lines, l => l.StartsWith("We were working", StringComparison.Ordinal));
        var other = await h.Request<Hover?>("textDocument/hover", new { textDocument = new { uri }, position = new { line = body, character = 1 } });
        Assert.True(other is null || !other.Contents.Value.Contains("A bar raiser will likely ask"));
    }

    [Fact]
    public async Task Title_hover_includes_a_follow_up_prompted_by_a_bank_finding()
    {
        Write("stories/other.story.md", Other);
        await using var h = await Start();
        await Coverage(h);
        var uri = DocumentStore.FromPath(Path.Combine(_root.FullName, "stories", "mine.story.md"));
        await h.OpenAsync(Mine, uri);
        await h.Target.WaitFor(p => p.Uri == uri && p.Diagnostics.Any(d => d.Code == "role-inconsistency"));
        var bankFindings = h.Server.Bank.Current.Diagnostics.Where(d => d.Path == uri).ToList();
        Assert.Contains(bankFindings, d => d.RuleId == "role-inconsistency");
        var analysis = StoryAnalyzer.Analyze(Mine);
        var withBank = PmPrep.Core.Drill.DrillSheet.For(analysis, bankFindings);
        Assert.Contains(withBank, f => f.Kind == PmPrep.Core.Drill.DrillKind.RoleConflict);
        var hover = await h.Request<Hover?>("textDocument/hover", new { textDocument = new { uri }, position = new { line = 4, character = 3 } });
        Assert.Contains(PmPrep.Core.Drill.DrillSheet.Markdown(withBank), hover!.Contents.Value);
    }
}
