using PmPrep.Server.Lsp;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Tests;

public class DocumentSyncTests
{
    private const string Weak = "---\ntitle: T\nlps: [Ownership, Dive Deep]\n---\n# T\n\n## Context\n\nWe decided to launch the app.\n";

    [Fact]
    public async Task Open_publishes_diagnostics_with_version_code_source_and_docs_link()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        var p = await h.OpenAsync(Weak, version: 7);
        Assert.Equal(7, p.Version);
        Assert.Equal(LspHarness.Uri, p.Uri);
        var we = Assert.Single(p.Diagnostics, d => d.Code == "we-language");
        Assert.Equal("pmprep", we.Source);
        Assert.Equal(2, we.Severity);
        Assert.Equal("https://example.test/docs/rules/we-language.md", we.CodeDescription?.Href);
        Assert.Equal(new LspRange(new(8, 0), new(8, 10)), we.Range);
    }

    [Fact]
    public async Task Docs_links_fall_back_to_a_local_docs_rules_folder_as_a_file_uri()
    {
        var dir = Directory.CreateTempSubdirectory("pmprep-docs");
        Directory.CreateDirectory(Path.Combine(dir.FullName, "docs", "rules"));
        var start = Directory.CreateDirectory(Path.Combine(dir.FullName, "server", "bin")).FullName;
        await using var h = new LspHarness(new ServerOptions { DocsSearchStart = start });
        await h.InitializeAsync(initOptions: new { });
        var p = await h.OpenAsync(Weak);
        var href = p.Diagnostics.First(d => d.Code == "we-language").CodeDescription!.Href;
        Assert.Equal(new Uri(Path.Combine(dir.FullName, "docs", "rules", "we-language.md")).AbsoluteUri, href);
    }

    [Fact]
    public async Task Incremental_changes_apply_in_utf16_with_crlf_and_republish_with_the_new_version()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        string text = "# T 😀\r\n\r\nWe decided to launch the app.\r\n";
        await h.OpenAsync(text);
        // Line 0: "# T 😀" — the emoji is two UTF-16 units (4..6). Insert after it.
        var wait = h.Target.WaitForDiagnostics(LspHarness.Uri, 2);
        await h.ChangeAsync(2, LspHarness.Edit(0, 6, 0, 6, "!"), LspHarness.Edit(2, 0, 2, 2, "I"));
        var p = await wait;
        Assert.Equal("# T 😀!\r\n\r\nI decided to launch the app.\r\n", h.ServerText());
        Assert.DoesNotContain(p.Diagnostics, d => d.Code == "we-language");
    }

    [Fact]
    public async Task A_whole_document_change_replaces_the_text()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        await h.OpenAsync(Weak);
        var wait = h.Target.WaitForDiagnostics(LspHarness.Uri, 2);
        await h.ChangeAsync(2, new { text = "# New\n\nI decided to ship.\n" });
        await wait;
        Assert.Equal("# New\n\nI decided to ship.\n", h.ServerText());
    }

    [Fact]
    public async Task Positions_past_the_end_clamp_to_the_end()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        await h.OpenAsync("ab\ncd");
        var wait = h.Target.WaitForDiagnostics(LspHarness.Uri, 2);
        await h.ChangeAsync(2, LspHarness.Edit(0, 99, 0, 120, "X"), LspHarness.Edit(50, 0, 60, 3, "Y"), LspHarness.Edit(-1, -4, -1, -4, "Z"));
        await wait;
        Assert.Equal("ZabX\ncdY", h.ServerText());
    }

    [Fact]
    public async Task A_change_for_a_document_that_is_not_open_is_logged_and_ignored()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        await h.ChangeAsync("file:///tmp/never-opened.story.md", 3, LspHarness.Edit(0, 0, 0, 0, "x"));
        var p = await h.OpenAsync(Weak);
        Assert.Equal(1, p.Version);
        Assert.True(h.Sink.Any("not open"));
        Assert.DoesNotContain(h.Target.Published, x => x.Uri.Contains("never-opened"));
    }

    [Fact]
    public async Task Out_of_order_versions_are_applied_in_arrival_order_and_logged()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        await h.OpenAsync("abc", version: 5);
        var wait = h.Target.WaitForDiagnostics(LspHarness.Uri, 4);
        await h.ChangeAsync(3, LspHarness.Edit(0, 3, 0, 3, "d"));
        await h.ChangeAsync(4, LspHarness.Edit(0, 4, 0, 4, "e"));
        await wait;
        Assert.Equal("abcde", h.ServerText());
        Assert.True(h.Sink.Any("applied in arrival order"));
    }

    [Fact]
    public async Task Rapid_changes_apply_in_arrival_order_and_only_the_newest_version_is_last_published()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        await h.OpenAsync(LspHarness.Fixture("good-late-deliveries.story.md"));
        int n = 300;
        var tasks = new List<Task>();
        for (int v = 2; v < 2 + n; v++)
            tasks.Add(h.ChangeAsync(v, LspHarness.Edit(0, 0, 0, 0, (v % 10).ToString())));
        await Task.WhenAll(tasks);
        await h.Target.WaitForDiagnostics(LspHarness.Uri, n + 1);
        var expected = string.Concat(Enumerable.Range(2, n).Reverse().Select(v => (v % 10).ToString()));
        Assert.StartsWith(expected + "---", h.ServerText());
        // Published versions never go backwards, and stale analyses were dropped rather than published.
        var versions = h.Target.Published.Where(p => p.Uri == LspHarness.Uri).Select(p => p.Version!.Value).ToList();
        Assert.Equal(versions.OrderBy(v => v).ToList(), versions);
        Assert.True(versions.Count < n, $"{versions.Count} publishes for {n} edits: stale work was not cancelled");
    }

    [Fact]
    public async Task A_burst_of_raw_frames_is_read_without_losing_or_corrupting_any()
    {
        await using var h = new LspHarness(raw: true);
        var s = h.RawClientStream;
        static byte[] Frame(string json)
        {
            var body = System.Text.Encoding.UTF8.GetBytes(json);
            return System.Text.Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").Concat(body).ToArray();
        }
        await s.WriteAsync(Frame("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}"""));
        await s.WriteAsync(Frame("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///burst.story.md","languageId":"markdown","version":1,"text":""}}}"""));
        var burst = new MemoryStream();
        var expected = new System.Text.StringBuilder();
        for (int v = 2; v < 2002; v++)
        {
            string ch = ((char)('a' + v % 26)).ToString();
            expected.Append(ch);
            int col = v - 2;
            burst.Write(Frame("""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///burst.story.md","version":VER},"contentChanges":[{"range":{"start":{"line":0,"character":COL},"end":{"line":0,"character":COL}},"text":"CH"}]}}"""
                .Replace("VER", v.ToString()).Replace("COL", col.ToString()).Replace("CH", ch)));
        }
        var bytes = burst.ToArray();
        // Half in one write, the rest in odd-sized pieces that split frames anywhere.
        await s.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        for (int i = bytes.Length / 2; i < bytes.Length; i += 997)
            await s.WriteAsync(bytes.AsMemory(i, Math.Min(997, bytes.Length - i)));
        for (int i = 0; i < 200 && h.Server.Store.Get("file:///burst.story.md")?.Version != 2001; i++) await Task.Delay(50);
        Assert.Equal(expected.ToString(), h.Server.Store.Get("file:///burst.story.md")!.Text);
        Assert.Equal(0, h.ServerHandler.BadMessages);
    }

    [Fact]
    public async Task Reads_see_every_edit_that_arrived_before_them()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        await h.OpenAsync("# T\n\nI decided to ship.\n");
        _ = h.ChangeAsync(2, LspHarness.Edit(2, 0, 2, 1, "We"));   // not awaited: the hover is sent right behind it
        var hover = await h.Request<Hover?>("textDocument/hover", new { textDocument = new { uri = LspHarness.Uri }, position = new { line = 2, character = 1 } });
        Assert.NotNull(hover);
        Assert.Contains("we-language", hover!.Contents.Value);
    }

    [Fact]
    public async Task Close_clears_diagnostics()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        await h.OpenAsync(Weak);
        var cleared = h.Target.WaitFor(p => p.Uri == LspHarness.Uri && p.Version is null && p.Diagnostics.Count == 0);
        await h.Notify("textDocument/didClose", new { textDocument = new { uri = LspHarness.Uri } });
        await cleared;
        Assert.Null(h.Server.Store.Get(DocumentStore.Normalize(LspHarness.Uri)));
    }

    [Fact]
    public async Task A_10_MB_document_is_accepted_logged_and_the_server_keeps_answering()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        var para = "I decided to cut the offline mode because only 2% of weekly users opened it. We launched it in Q3.\n\n";
        var big = "# Big\n\n## Context\n\n" + string.Concat(Enumerable.Repeat(para, 10_000_000 / para.Length + 1));
        Assert.True(big.Length >= 10_000_000);
        const string bigUri = "file:///tmp/big.story.md";
        var published = h.Target.WaitForDiagnostics(bigUri, 1);
        await h.Notify("textDocument/didOpen", new { textDocument = new { uri = bigUri, languageId = "markdown", version = 1, text = big } });
        Assert.Empty((await published).Diagnostics);
        Assert.Contains(h.Target.LogMessages, m => m.Type == 2 && m.Message.Contains("too long"));
        // Edits still apply; requests on it answer (empty) instead of hanging.
        var p2 = h.Target.WaitForDiagnostics(bigUri, 2);
        await h.ChangeAsync(bigUri, 2, LspHarness.Edit(0, 0, 0, 5, "# Huge"));
        await p2;
        Assert.StartsWith("# Huge\n", h.ServerText(bigUri));
        var symbols = await h.Request<List<DocumentSymbol>>("textDocument/documentSymbol", new { textDocument = new { uri = bigUri } });
        Assert.Empty(symbols);
        // A story opened after it is served promptly.
        var small = await h.OpenAsync("# T\n\nWe decided to ship.\n", "file:///tmp/small.story.md");
        Assert.Contains(small.Diagnostics, d => d.Code == "we-language");
        // Cut back below the limit: analysed again.
        var p3 = h.Target.WaitFor(p => p.Uri == bigUri && p.Version == 3);
        await h.ChangeAsync(bigUri, 3, new { text = "# Small again\n\nWe decided to ship.\n" });
        Assert.Contains((await p3).Diagnostics, d => d.Code == "we-language");
    }
}
