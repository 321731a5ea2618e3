using System.Text.Json;
using PmPrep.Core.Text;
using PmPrep.Server.Lsp;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Tests;

public class FeatureTests
{
    private static readonly string Good = LspHarness.Fixture("good-late-deliveries.story.md");
    private static readonly string Weak = LspHarness.Fixture("weak-recommendations.story.md");

    /// <summary>The LSP position of the first occurrence of <paramref name="phrase"/> (plus <paramref name="delta"/> characters).</summary>
    internal static LspPosition At(string text, string phrase, int delta = 0)
    {
        int i = text.IndexOf(phrase, StringComparison.Ordinal);
        Assert.True(i >= 0, $"\"{phrase}\" not in the text");
        var p = new LineMap(text).GetPosition(i + delta);
        return new LspPosition(p.Line, p.Character);
    }

    private static object Pos(LspPosition p) => new { line = p.Line, character = p.Character };
    private static object Doc => new { uri = LspHarness.Uri };

    internal static string Apply(string text, IEnumerable<LspTextEdit> edits)
    {
        var lines = new LineMap(text);
        var offs = edits.Select(e => (Start: lines.GetOffset(new(e.Range.Start.Line, e.Range.Start.Character), text), End: lines.GetOffset(new(e.Range.End.Line, e.Range.End.Character), text), e.NewText))
            .OrderByDescending(e => e.Start).ToList();
        foreach (var (s, e, t) in offs) text = text[..s] + t + text[e..];
        return text;
    }

    private static async Task<LspHarness> Open(string text)
    {
        var h = new LspHarness();
        await h.InitializeAsync();
        await h.OpenAsync(text);
        return h;
    }

    // ------------------------------------------------------------------ hover

    [Fact]
    public async Task Hover_on_a_flagged_span_explains_why_with_weak_and_strong_examples()
    {
        await using var h = await Open(Weak);
        var hover = await h.Request<Hover?>("textDocument/hover", new { textDocument = Doc, position = Pos(At(Weak, "I helped", 3)) });
        Assert.NotNull(hover);
        var md = hover!.Contents.Value;
        Assert.Equal("markdown", hover.Contents.Kind);
        Assert.Contains("`weak-ownership-verb`", md);
        Assert.Contains("*Why it hurts:*", md);
        Assert.Contains("*Weak:*", md);
        Assert.Contains("*Strong:*", md);
        Assert.Equal(At(Weak, "I helped").Line, hover.Range!.Start.Line);
    }

    [Fact]
    public async Task Hover_on_an_lp_signal_names_the_principle_why_and_a_bar_raiser_follow_up()
    {
        await using var h = await Open(Good);
        var hover = await h.Request<Hover?>("textDocument/hover", new { textDocument = Doc, position = Pos(At(Good, "exit surveys", 2)) });
        Assert.NotNull(hover);
        var md = hover!.Contents.Value;
        Assert.Contains("Customer Obsession", md);
        Assert.Contains("A bar raiser may ask:", md);
        Assert.Contains("“", md);
    }

    [Fact]
    public async Task Hover_on_a_claimed_lp_in_front_matter_gives_meaning_and_the_evidence_found()
    {
        await using var h = await Open(Good);
        var hover = await h.Request<Hover?>("textDocument/hover", new { textDocument = Doc, position = Pos(At(Good, "Dive Deep", 2)) });
        Assert.NotNull(hover);
        var md = hover!.Contents.Value;
        Assert.Contains("**Dive Deep** (claimed)", md);
        Assert.Contains("Work at every level of detail", md);
        Assert.Contains("Evidence in this story", md);
        Assert.Contains("- line ", md);
    }

    [Fact]
    public async Task Hover_on_an_unsupported_claim_says_no_evidence()
    {
        await using var h = await Open(Weak);
        var hover = await h.Request<Hover?>("textDocument/hover", new { textDocument = Doc, position = Pos(At(Weak, "Think Big", 1)) });
        Assert.Contains("No evidence in this story yet", hover!.Contents.Value);
    }

    [Fact]
    public async Task Hover_on_plain_text_is_null_and_on_a_closed_document_too()
    {
        await using var h = await Open("# T\n\nThe sky is blue today.\n");
        Assert.Null(await h.Request<Hover?>("textDocument/hover", new { textDocument = Doc, position = new { line = 2, character = 4 } }));
        Assert.Null(await h.Request<Hover?>("textDocument/hover", new { textDocument = new { uri = "file:///nope.story.md" }, position = new { line = 0, character = 0 } }));
    }

    // ------------------------------------------------------------------ code actions

    private static async Task<List<CodeAction>> QuickFixes(LspHarness h, LspPosition at) =>
        await h.Request<List<CodeAction>>("textDocument/codeAction", new
        {
            textDocument = Doc,
            range = new { start = Pos(at), end = Pos(at) },
            context = new { diagnostics = Array.Empty<object>(), only = new[] { "quickfix" } },
        });

    /// <summary>Issue 11: whose action it was is a choice, titled as one; then the two ways to silence the rule.</summary>
    [Fact]
    public async Task Quick_fixes_for_we_language_are_two_choices_then_two_disables()
    {
        await using var h = await Open(Weak);
        var actions = await QuickFixes(h, At(Weak, "We launched"));
        Assert.DoesNotContain(actions, a => a.Kind == "source.fixAll.pmprep");
        var we = actions.Where(a => a.Diagnostics!.Any(d => d.Code == "we-language")).ToList();
        Assert.Equal(new[] { "It was my call: rewrite as first person", "Someone else did it: name them", "Disable we-language for this line", "Disable we-language in this file" },
            we.Select(a => a.Title));
        Assert.All(we, a => Assert.Equal("quickfix", a.Kind));
        Assert.All(we, a => Assert.Null(a.IsPreferred)); // no one-key "auto fix" for a claim

        var mine = Apply(Weak, we[0].Edit!.Changes![LspHarness.Uri]);
        Assert.Contains("I launched the engine in Q3.", mine);
        Assert.DoesNotContain("We launched", mine);

        var named = Apply(Weak, we[1].Edit!.Changes![LspHarness.Uri]);
        Assert.Contains("[who] launched the engine in Q3, and I [what I did].", named);
    }

    [Fact]
    public async Task Disable_for_this_line_and_in_this_file_silence_the_finding()
    {
        await using var h = await Open(Weak);
        var line = At(Weak, "We launched").Line;
        var actions = await QuickFixes(h, At(Weak, "We launched"));
        var forLine = Assert.Single(actions, a => a.Title == "Disable we-language for this line");
        var lineText = Apply(Weak, forLine.Edit!.Changes![LspHarness.Uri]);
        Assert.Contains("<!-- pmprep-disable-next-line we-language -->\nWe launched the engine", lineText);
        var a1 = PmPrep.Core.Analysis.StoryAnalyzer.Analyze(lineText);
        Assert.DoesNotContain(a1.Diagnostics, d => d.RuleId == "we-language" && d.Range.Start.Line == line + 1);
        Assert.Contains(a1.Diagnostics, d => d.RuleId == "we-language"); // "We improved CTR" is another line

        var inFile = Assert.Single(actions, a => a.Title == "Disable we-language in this file");
        var fileText = Apply(Weak, inFile.Edit!.Changes![LspHarness.Uri]);
        Assert.Contains("Deliver Results]\n---\n<!-- pmprep-disable-file we-language -->\n", fileText);
        Assert.DoesNotContain(PmPrep.Core.Analysis.StoryAnalyzer.Analyze(fileText).Diagnostics, d => d.RuleId == "we-language");
    }

    [Fact]
    public async Task Findings_without_a_fix_still_offer_the_disables()
    {
        await using var h = await Open(Weak);
        var actions = await QuickFixes(h, At(Weak, "big success", 2));
        Assert.Contains(actions, a => a.Title == "Disable vague-outcome for this line");
        Assert.Contains(actions, a => a.Title == "Disable vague-outcome in this file");
    }

    /// <summary>A client that takes LSP 3.18 snippet edits gets the first placeholder as a tabstop, selected after the fix.</summary>
    [Fact]
    public async Task Placeholders_are_snippets_when_the_client_supports_them()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync(capabilities: new { workspace = new { workspaceEdit = new { documentChanges = true, snippetEditSupport = true } } });
        await h.OpenAsync(Weak);
        var actions = await QuickFixes(h, At(Weak, "We launched"));
        var named = Assert.Single(actions, a => a.Title == "Someone else did it: name them");
        Assert.Null(named.Edit!.Changes);
        var change = Assert.Single(named.Edit.DocumentChanges!);
        Assert.Equal(LspHarness.Uri, change.TextDocument.Uri);
        Assert.Null(change.TextDocument.Version);
        var snippet = Assert.Single(change.Edits, e => e.Snippet is not null);
        Assert.Equal("snippet", snippet.Snippet!.Kind);
        Assert.Equal("${1:[who]}", snippet.Snippet.Value);
        // The other placeholder stays plain text in its own edit.
        Assert.Contains(change.Edits, e => e.NewText == ", and I [what I did]");
        // A fix without a placeholder stays a plain edit.
        var mine = Assert.Single(actions, a => a.Title.StartsWith("It was my call", StringComparison.Ordinal));
        Assert.NotNull(mine.Edit!.Changes);
        Assert.Null(mine.Edit.DocumentChanges);
    }

    [Fact]
    public async Task Placeholders_are_plain_edits_for_a_client_without_snippet_edits()
    {
        await using var h = await Open(Weak);
        var actions = await QuickFixes(h, At(Weak, "We launched"));
        var named = Assert.Single(actions, a => a.Title == "Someone else did it: name them");
        Assert.Null(named.Edit!.DocumentChanges);
        Assert.Contains(named.Edit.Changes![LspHarness.Uri], e => e.NewText == "[who]");
    }

    [Fact]
    public async Task Every_diagnostic_with_fixes_offers_them_as_quick_fixes()
    {
        await using var h = await Open(Weak);
        var all = await h.Request<List<CodeAction>>("textDocument/codeAction", new
        {
            textDocument = Doc,
            range = new { start = new { line = 0, character = 0 }, end = new { line = 999, character = 0 } },
            context = new { diagnostics = Array.Empty<object>() },
        });
        var quick = all.Where(a => a.Kind == "quickfix").ToList();
        var withFixes = new[] { "we-language", "weak-ownership-verb", "passive-ownership", "lp-heading", "hedging" };
        foreach (var id in withFixes) Assert.Contains(quick, a => a.Diagnostics!.Any(d => d.Code == id));
        Assert.Single(all, a => a.Kind == "source.fixAll.pmprep");
    }

    [Fact]
    public async Task Fix_all_applies_every_meaning_preserving_fix_in_one_edit()
    {
        await using var h = await Open(Weak);
        var actions = await h.Request<List<CodeAction>>("textDocument/codeAction", new
        {
            textDocument = Doc,
            range = new { start = new { line = 0, character = 0 }, end = new { line = 0, character = 0 } },
            context = new { diagnostics = Array.Empty<object>(), only = new[] { "source.fixAll" } },
        });
        var fixAll = Assert.Single(actions);
        Assert.Equal("source.fixAll.pmprep", fixAll.Kind);
        var after = Apply(Weak, fixAll.Edit!.Changes![LspHarness.Uri]);
        Assert.Equal(PmPrep.Core.Fixes.FixAll.Apply(Weak, null, out _), after);
        // Issue 11: who acted stays as written; LP headings become their parts, in story order.
        Assert.Contains("We launched the engine", after);
        Assert.Contains("The decision was made to expand it", after);
        Assert.Contains("## Context\n", after);
        Assert.Contains("## Decision\n", after);
        // A sentence that names a principle is the author's to rewrite: its hedge stays.
        Assert.Contains("I think this shows my Ownership", after);
        Assert.Contains("Fix all 2 PmPrep issues that keep the meaning", fixAll.Title);
    }

    [Fact]
    public async Task No_fix_all_when_nothing_keeps_the_meaning()
    {
        await using var h = await Open(Good);
        var actions = await h.Request<List<CodeAction>>("textDocument/codeAction", new
        {
            textDocument = Doc,
            range = new { start = new { line = 0, character = 0 }, end = new { line = 0, character = 0 } },
            context = new { diagnostics = Array.Empty<object>(), only = new[] { "source.fixAll.pmprep" } },
        });
        Assert.Empty(actions);
    }

    // ------------------------------------------------------------------ symbols, lens, inlay hints

    [Fact]
    public async Task Document_symbols_are_story_parts_with_seconds_and_lp_signals()
    {
        await using var h = await Open(Good);
        var symbols = await h.Request<List<DocumentSymbol>>("textDocument/documentSymbol", new { textDocument = Doc });
        var story = Assert.Single(symbols);
        Assert.Equal("Tiered late-delivery notifications", story.Name);
        Assert.Contains("min", story.Detail);
        var names = story.Children!.Select(c => c.Name).ToList();
        Assert.Equal(new[] { "Context", "Decision", "Impact", "Reflection" }, names);
        var decision = story.Children![1];
        Assert.Matches(@"^\d+ s of 90 s$", decision.Detail);
        Assert.Equal(At(Good, "## Decision").Line, decision.SelectionRange.Start.Line);
        Assert.NotEmpty(decision.Children!);
        Assert.Contains(decision.Children!, c => c.Name == "Customer Obsession");
        foreach (var part in story.Children!)
            foreach (var s in part.Children!)
            {
                Assert.True(Compare(part.Range.Start, s.Range.Start) <= 0 && Compare(s.Range.End, part.Range.End) <= 0, $"{s.Name} lies outside {part.Name}");
            }
    }

    private static int Compare(LspPosition a, LspPosition b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Character.CompareTo(b.Character);

    [Fact]
    public async Task Code_lens_on_the_title_shows_minutes_words_and_lps_claimed_vs_evidenced()
    {
        await using var h = await Open(Weak);
        var lenses = await h.Request<List<CodeLens>>("textDocument/codeLens", new { textDocument = Doc });
        Assert.Equal(2, lenses.Count);
        int titleLine = At(Weak, "# Recommendation engine").Line;
        Assert.All(lenses, l => Assert.Equal(titleLine, l.Range.Start.Line));
        Assert.Matches(@"^\d+\.\d min spoken \(under 2\.5\) · \d+ words( · decisions: \d+ of \d+ yours)?$", lenses[0].Command!.Title);
        Assert.StartsWith("LPs: ", lenses[1].Command!.Title);
        Assert.Contains("Think Big ✗", lenses[1].Command!.Title);
        Assert.Contains("of 5 claimed evidenced", lenses[1].Command!.Title);
        Assert.Equal("pmprep.showCoverage", lenses[1].Command!.CommandId);
    }

    [Fact]
    public async Task Inlay_hints_follow_each_part_heading_with_seconds_against_the_target()
    {
        await using var h = await Open(Good);
        var hints = await h.Request<List<InlayHint>>("textDocument/inlayHint", new { textDocument = Doc, range = new { start = new { line = 0, character = 0 }, end = new { line = 999, character = 0 } } });
        Assert.Equal(4, hints.Count);
        var ctx = hints[0];
        Assert.Equal(At(Good, "## Context").Line, ctx.Position.Line);
        Assert.Equal("## Context".Length, ctx.Position.Character);
        Assert.Matches(@"^\d+ s / 20 s$", ctx.Label);
        Assert.Matches(@"^\d+ s / 90 s$", hints[1].Label);
        Assert.Contains("words at 150 words per minute", ctx.Tooltip);
        // Only the requested range.
        int decisionLine = At(Good, "## Decision").Line;
        var one = await h.Request<List<InlayHint>>("textDocument/inlayHint", new { textDocument = Doc, range = new { start = new { line = decisionLine, character = 0 }, end = new { line = decisionLine + 1, character = 0 } } });
        Assert.Single(one);
    }

    [Fact]
    public async Task Title_lens_counts_decisions_as_no_own_decision_does()
    {
        const string text = "# Launch\n\nThe steering committee decided to delay the launch. It was decided to cut the beta. I decided to keep the pilot.\n";
        await using var h = await Open(text);
        var lenses = await h.Request<List<CodeLens>>("textDocument/codeLens", new { textDocument = Doc });
        Assert.Contains(" · decisions: 1 of 3 yours", lenses[0].Command!.Title);
        Assert.Equal("decisions: 1 of 3 yours", PmPrep.Core.Analysis.StoryAnalyzer.Analyze(text).Decisions.Lens);
    }

    [Fact]
    public async Task A_story_with_no_headings_gets_inferred_part_hints_and_says_so()
    {
        const string text = "# Payouts\n\nOur sellers waited nine days for payouts. Support got angry tickets every day. "
            + "I decided to cut the payout hold to two days because fraud on new sellers was under 0.1%. "
            + "Payout time fell from nine days to two within six weeks. In retrospect, I would have asked finance first.\n";
        await using var h = await Open(text);
        var hints = await h.Request<List<InlayHint>>("textDocument/inlayHint", new { textDocument = Doc, range = new { start = new { line = 0, character = 0 }, end = new { line = 999, character = 0 } } });
        Assert.Equal(4, hints.Count);
        Assert.StartsWith("Context (inferred) ", hints[0].Label);
        Assert.StartsWith("Decision (inferred) ", hints[1].Label);
        Assert.Contains("inferred from the content", hints[1].Tooltip);
        int line = At(text, "I decided").Line;
        Assert.Equal(line, hints[1].Position.Line);
        var hover = await h.Request<Hover?>("textDocument/hover", new { textDocument = Doc, position = new { line = 0, character = 3 } });
        Assert.Contains("Parts inferred from the content", hover!.Contents.Value);
        var lenses = await h.Request<List<CodeLens>>("textDocument/codeLens", new { textDocument = Doc });
        Assert.Contains("parts inferred", lenses[0].Command!.Title);
    }

    // ------------------------------------------------------------------ completion

    [Fact]
    public async Task Completion_offers_lp_names_in_the_lps_list()
    {
        string text = "---\ntitle: T\nlps: [Customer Obsession, Di\n---\n# T\n";
        await using var h = await Open(text);
        var list = await h.Request<CompletionList>("textDocument/completion", new { textDocument = Doc, position = new { line = 2, character = 28 } });
        Assert.Equal(16, list.Items.Count);
        var dive = Assert.Single(list.Items, i => i.Label == "Dive Deep");
        Assert.Equal(new LspRange(new(2, 26), new(2, 28)), dive.TextEdit!.Range);
        Assert.Equal("already claimed", list.Items.Single(i => i.Label == "Customer Obsession").Detail);
        Assert.Contains("Work at every level", dive.Documentation!.Value);
    }

    [Fact]
    public async Task Completion_offers_lp_names_in_a_block_list_and_roles_after_role()
    {
        string text = "---\nlps:\n  - Ownership\n  - \nrole: \n---\n# T\n";
        await using var h = await Open(text);
        var lps = await h.Request<CompletionList>("textDocument/completion", new { textDocument = Doc, position = new { line = 3, character = 4 } });
        Assert.Contains(lps.Items, i => i.Label == "Bias for Action");
        var roles = await h.Request<CompletionList>("textDocument/completion", new { textDocument = Doc, position = new { line = 4, character = 6 } });
        Assert.Equal(Features.Roles.Select(r => r.Value), roles.Items.Select(i => i.Label));
        Assert.Equal(new LspRange(new(4, 6), new(4, 6)), roles.Items[0].TextEdit!.Range);
    }

    [Fact]
    public async Task Completion_offers_part_names_after_a_level_two_heading_marker_missing_parts_first()
    {
        string text = "# T\n\n## Context\n\nI decided.\n\n## \n";
        await using var h = await Open(text);
        var list = await h.Request<CompletionList>("textDocument/completion", new { textDocument = Doc, position = new { line = 6, character = 3 } });
        Assert.Equal(new[] { "Context", "Decision", "Impact", "Reflection" }, list.Items.Select(i => i.Label));
        var sorted = list.Items.OrderBy(i => i.SortText).Select(i => i.Label).ToList();
        Assert.Equal("Context", sorted[^1]);
        Assert.Equal("already in this story", list.Items[0].Detail);
        // Body text gets nothing.
        var none = await h.Request<CompletionList>("textDocument/completion", new { textDocument = Doc, position = new { line = 4, character = 3 } });
        Assert.Empty(none.Items);
    }

    // ------------------------------------------------------------------ cancellation

    [Fact]
    public async Task Cancel_request_reaches_the_handler_and_is_answered_as_cancelled()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawCancel = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var h = new LspHarness(new PmPrep.Server.Lsp.ServerOptions
        {
            BeforeRead = async (method, ct) =>
            {
                if (method != "hover") return;
                entered.TrySetResult();
                try { await Task.Delay(Timeout.Infinite, ct); }
                catch (OperationCanceledException) { sawCancel.TrySetResult(); throw; }
            },
        });
        await h.InitializeAsync();
        await h.OpenAsync(Weak);
        using var cts = new CancellationTokenSource();
        var hover = h.Request<Hover?>("textDocument/hover", new { textDocument = Doc, position = new { line = 0, character = 0 } }, cts.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        cts.Cancel();   // the client sends $/cancelRequest
        await sawCancel.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hover);
        // The server keeps serving.
        var symbols = await h.Request<List<DocumentSymbol>>("textDocument/documentSymbol", new { textDocument = Doc });
        Assert.Single(symbols);
    }

    [Fact]
    public async Task A_cancelled_request_gets_error_code_minus_32800_on_the_wire()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var h = new LspHarness(new PmPrep.Server.Lsp.ServerOptions
        {
            BeforeRead = async (method, ct) => { entered.TrySetResult(); await Task.Delay(Timeout.Infinite, ct); },
        }, raw: true);
        var s = h.RawClientStream;
        async Task Send(string json)
        {
            var body = System.Text.Encoding.UTF8.GetBytes(json);
            await s.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            await s.WriteAsync(body);
        }
        await Send("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}""");
        await Send("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///c.story.md","languageId":"markdown","version":1,"text":"# T"}}}""");
        await Send("""{"jsonrpc":"2.0","id":"h-1","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///c.story.md"},"position":{"line":0,"character":0}}}""");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Send("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"h-1"}}""");
        var reader = new StreamReader(s);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string all = "";
        var buf = new char[4096];
        while (!all.Contains("\"h-1\""))
        {
            int n = await reader.ReadAsync(buf.AsMemory(), cts.Token);
            all += new string(buf, 0, n);
        }
        int i = all.IndexOf("\"h-1\"", StringComparison.Ordinal);
        var tail = all[Math.Max(0, all.LastIndexOf('{', i))..];
        Assert.Contains("-32800", all[all.LastIndexOf("Content-Length", i, StringComparison.Ordinal)..]);
    }
}
