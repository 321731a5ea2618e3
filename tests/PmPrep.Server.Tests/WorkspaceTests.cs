using System.Text.Json;
using PmPrep.Server.Lsp;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Tests;

public class WorkspaceTests : TempWorkspace
{
    public WorkspaceTests() : base("pmprep-ws") { }

    private async Task<LspHarness> Start(object? capabilities = null, ServerOptions? options = null)
    {
        var h = new LspHarness(options);
        await h.InitializeAsync(_root.FullName, capabilities: capabilities);
        return h;
    }

    private static Task<CoverageResult> Coverage(LspHarness h) => h.Request<CoverageResult>("pmprep/coverage", new { });

    [Fact]
    public async Task Stories_under_the_workspace_are_indexed_at_start_and_feed_coverage()
    {
        Write("stories/good.story.md", LspHarness.Fixture("good-late-deliveries.story.md"));
        Write("stories/deep/weak.story.md", LspHarness.Fixture("weak-recommendations.story.md"));
        Write("node_modules/pkg/ignored.story.md", "# ignored");
        Write("notes.md", "# not a story");
        await using var h = await Start();
        var cov = await Coverage(h);
        Assert.Equal(2, cov.Stories.Count);
        Assert.All(cov.Stories, s => Assert.False(s.Open));
        Assert.Equal(16, cov.Principles.Count);
        var co = cov.Principles.Single(p => p.Name == "Customer Obsession");
        Assert.False(co.Gap);
        var goodCell = co.Cells.Single(c => c.Uri.EndsWith("good.story.md"));
        Assert.True(goodCell.Signals > 0);
        Assert.True(goodCell.Claimed);
        Assert.NotNull(goodCell.Strongest);
        Assert.Contains(cov.Diagnostics, d => d.Rule == "bank-size" && d.Uri is null);
    }

    [Fact]
    public async Task Coverage_uses_the_open_buffer_over_the_file_on_disk()
    {
        var path = Write("a.story.md", "# A\n\nThe sky is blue.\n");
        await using var h = await Start();
        var uri = DocumentStore.FromPath(path);
        await h.OpenAsync(LspHarness.Fixture("good-late-deliveries.story.md"), uri);
        var cov = await Coverage(h);
        var story = Assert.Single(cov.Stories);
        Assert.True(story.Open);
        Assert.Equal(1, story.Version);
        Assert.Equal("Tiered late-delivery notifications", story.Title);
        // An unsaved edit shows at once.
        await h.ChangeAsync(uri, 2, new { text = "# A\n\nThe sky is blue.\n" });
        cov = await Coverage(h);
        Assert.Equal(2, cov.Stories.Single().Version);
        Assert.All(cov.Principles, p => Assert.True(p.Gap));
    }

    [Fact]
    public async Task Watched_file_events_add_change_and_remove_stories()
    {
        await using var h = await Start();
        Assert.Empty((await Coverage(h)).Stories);
        var path = Write("new.story.md", LspHarness.Fixture("good-late-deliveries.story.md"));
        var uri = DocumentStore.FromPath(path);
        await h.Notify("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri, type = 1 } } });
        await WaitUntil(async () => (await Coverage(h)).Stories.Count == 1);
        File.WriteAllText(path, "# Empty\n");
        await h.Notify("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri, type = 2 } } });
        await WaitUntil(async () => (await Coverage(h)).Stories.Single().Title == "Empty");
        File.Delete(path);
        await h.Notify("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri, type = 3 } } });
        await WaitUntil(async () => (await Coverage(h)).Stories.Count == 0);
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        for (int i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail("condition not reached in 5 s");
    }

    [Fact]
    public async Task Watched_files_are_registered_dynamically_when_the_client_allows_it()
    {
        await using var h = await Start(new { workspace = new { didChangeWatchedFiles = new { dynamicRegistration = true } } });
        await WaitUntil(() => Task.FromResult(!h.Target.Registrations.IsEmpty));
        var reg = h.Target.Registrations.Single().Registrations.Single();
        Assert.Equal("workspace/didChangeWatchedFiles", reg.Method);
        var globs = reg.RegisterOptions!.Value.GetProperty("watchers").EnumerateArray().Select(w => w.GetProperty("globPattern").GetString()).ToList();
        Assert.Contains("**/*.story.md", globs);
        Assert.Contains("**/.pmprep.yaml", globs);
    }

    [Fact]
    public async Task No_registration_without_the_client_capability()
    {
        await using var h = await Start();
        await h.OpenAsync("# T\n");
        await Task.Delay(100);
        Assert.True(h.Target.Registrations.IsEmpty);
    }

    [Fact]
    public async Task Workspace_configuration_is_pulled_and_applied()
    {
        var h = new LspHarness();
        await using var _ = h;
        h.Target.Configuration = JsonDocument.Parse("""{"wordsPerMinute": 60, "rules": {"we-language": "off", "hedging": "error"}}""").RootElement;
        await h.InitializeAsync(_root.FullName, capabilities: new { workspace = new { configuration = true } });
        await WaitUntil(() => Task.FromResult(h.Server.Settings.WordsPerMinute == 60));
        var p = await h.OpenAsync("# T\n\nWe decided to ship. I think it worked.\n");
        Assert.DoesNotContain(p.Diagnostics, d => d.Code == "we-language");
        Assert.Equal(1, p.Diagnostics.Single(d => d.Code == "hedging").Severity);
        Assert.Equal(1, h.Target.ConfigurationRequests);

        // didChangeConfiguration: pull again and re-publish.
        h.Target.Configuration = JsonDocument.Parse("""{"rules": {"hedging": "off"}}""").RootElement;
        var republished = h.Target.WaitFor(x => x.Uri == LspHarness.Uri && x.Diagnostics.Any(d => d.Code == "we-language") && !x.Diagnostics.Any(d => d.Code == "hedging"));
        await h.Notify("workspace/didChangeConfiguration", new { settings = (object?)null });
        await republished;
        Assert.Equal(2, h.Target.ConfigurationRequests);
        Assert.Equal(150, h.Server.Settings.WordsPerMinute);
    }

    [Fact]
    public async Task Pushed_settings_in_didChangeConfiguration_apply_without_a_pull()
    {
        await using var h = await Start();
        await h.OpenAsync("# T\n\nWe decided to ship.\n");
        var republished = h.Target.WaitFor(x => x.Uri == LspHarness.Uri && !x.Diagnostics.Any(d => d.Code == "we-language"));
        await h.Notify("workspace/didChangeConfiguration", new { settings = new { pmprep = new { rules = new Dictionary<string, object> { ["we-language"] = false } } } });
        await republished;
    }

    [Fact]
    public async Task Pmprep_yaml_is_read_at_start_reloaded_on_change_and_its_problems_reach_the_user()
    {
        Write(".pmprep.yaml", "rules:\n  we-language: off\n");
        await using var h = await Start();
        var p = await h.OpenAsync("# T\n\nWe decided to ship.\n");
        Assert.DoesNotContain(p.Diagnostics, d => d.Code == "we-language");

        var path = Write(".pmprep.yaml", "rules:\n  we-language: error\n  no-such-rule: off\n");
        var republished = h.Target.WaitFor(x => x.Uri == LspHarness.Uri && x.Diagnostics.Any(d => d.Code == "we-language" && d.Severity == 1));
        await h.Notify("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = DocumentStore.FromPath(path), type = 2 } } });
        await republished;
        await WaitUntil(() => Task.FromResult(h.Target.LogMessages.Any(m => m.Type == 2 && m.Message.Contains("no-such-rule"))));
    }

    [Fact]
    public async Task Client_settings_problems_are_logged_to_the_user()
    {
        var h = new LspHarness();
        await using var _ = h;
        h.Target.Configuration = JsonDocument.Parse("""{"wordsPerMinute": "fast", "rules": {"hedging": "loud"}}""").RootElement;
        await h.InitializeAsync(_root.FullName, capabilities: new { workspace = new { configuration = true } });
        await WaitUntil(() => Task.FromResult(h.Target.LogMessages.Count(m => m.Type == 2) >= 2));
        Assert.Contains(h.Target.LogMessages, m => m.Message.Contains("wordsPerMinute"));
        Assert.Contains(h.Target.LogMessages, m => m.Message.Contains("loud"));
    }

    [Fact]
    public async Task Closing_a_document_returns_the_file_on_disk_to_the_bank()
    {
        var path = Write("a.story.md", LspHarness.Fixture("good-late-deliveries.story.md"));
        await using var h = await Start();
        var uri = DocumentStore.FromPath(path);
        await h.OpenAsync("# Unsaved\n", uri);
        Assert.Equal("Unsaved", (await Coverage(h)).Stories.Single().Title);
        await h.Notify("textDocument/didClose", new { textDocument = new { uri } });
        await WaitUntil(async () => (await Coverage(h)).Stories.SingleOrDefault()?.Title == "Tiered late-delivery notifications");
    }

    [Fact]
    public async Task Coverage_can_be_cancelled()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var h = await Start(options: new ServerOptions
        {
            BeforeRead = async (m, ct) => { if (m == "coverage") { entered.TrySetResult(); await Task.Delay(Timeout.Infinite, ct); } },
        });
        using var cts = new CancellationTokenSource();
        var cov = h.Request<CoverageResult>("pmprep/coverage", new { }, cts.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cov);
    }

    [Fact]
    public async Task Bank_findings_about_an_open_file_join_its_diagnostics()
    {
        Write("other.story.md", "---\ntitle: Other\nproject: Checkout Migration\n---\n# Other\n\n## Decision\n\nI supported the migration of checkout for six months.\n");
        await using var h = await Start();
        await h.Request<CoverageResult>("pmprep/coverage", new { });   // indexing done
        var uri = DocumentStore.FromPath(Path.Combine(_root.FullName, "mine.story.md"));
        await h.OpenAsync("---\ntitle: Mine\nproject: Checkout Migration\n---\n# Mine\n\n## Decision\n\nI led the migration of checkout for six months.\n", uri);
        var withBank = await h.Target.WaitFor(p => p.Uri == uri && p.Diagnostics.Any(d => d.Code == "role-inconsistency"));
        var role = withBank.Diagnostics.Single(d => d.Code == "role-inconsistency");
        Assert.Equal(8, role.Range.Start.Line);
        Assert.Equal(1, withBank.Version);
        var cov = await Coverage(h);
        Assert.Equal(2, cov.Diagnostics.Count(d => d.Rule == "role-inconsistency"));
        // Fix the conflict: the finding goes away.
        var cleared = h.Target.WaitFor(p => p.Uri == uri && p.Version == 2 && !p.Diagnostics.Any(d => d.Code == "role-inconsistency"));
        await h.ChangeAsync(uri, 2, LspHarness.Edit(8, 2, 8, 5, "supported"));
        await cleared;
    }

    [Fact]
    public async Task Coverage_without_params_is_answered()
    {
        await using var h = await Start();
        var cov = await h.Client.InvokeAsync<CoverageResult>("pmprep/coverage");
        Assert.Equal(1, cov.Version);
    }
}

/// <summary>Issue 12: `pmprep/report` and `pmprep/coverage` for an unchanged bank reuse the last answer.</summary>
public class BankAnswerCacheTests : TempWorkspace
{
    public BankAnswerCacheTests() : base("pmprep-cache") { }

    [Fact]
    public async Task Report_and_coverage_are_computed_once_per_bank_version()
    {
        var path = Write("a.story.md", LspHarness.Fixture("good-late-deliveries.story.md"));
        Write("b.story.md", LspHarness.Fixture("weak-recommendations.story.md"));
        await using var h = new LspHarness();
        await h.InitializeAsync(_root.FullName);
        var r1 = await h.Request<ReportResult>("pmprep/report", new { });
        var r2 = await h.Request<ReportResult>("pmprep/report", new { });
        var c1 = await h.Request<CoverageResult>("pmprep/coverage", new { });
        var c2 = await h.Request<CoverageResult>("pmprep/coverage", new { });
        Assert.Equal(r1.Html, r2.Html);
        Assert.Equal(1, h.Server.ReportRenders);
        Assert.Equal(1, h.Server.CoverageBuilds);
        Assert.Equal(c1.Stories.Count, c2.Stories.Count);

        // A change to the bank (an open document with new text) is a new answer.
        var uri = PmPrep.Server.Lsp.DocumentStore.FromPath(path);
        await h.OpenAsync("# A\n\nThe sky is blue.\n", uri);
        var r3 = await h.Request<ReportResult>("pmprep/report", new { });
        var c3 = await h.Request<CoverageResult>("pmprep/coverage", new { });
        Assert.NotEqual(r1.Html, r3.Html);
        Assert.Equal(2, h.Server.ReportRenders);
        Assert.Equal(2, h.Server.CoverageBuilds);
        Assert.True(c3.Stories.Single(s => s.Uri == uri).Open);
    }
}
