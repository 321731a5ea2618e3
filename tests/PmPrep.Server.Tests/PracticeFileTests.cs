using System.Text.Json;
using PmPrep.Server.Cli;
using PmPrep.Server.Lsp;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Tests;

/// <summary>Design answers and PR/FAQs through the language server and the CLI; `pmprep drill`.</summary>
public sealed class PracticeFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pmprep-practice-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Weak = "---\nprompt: Grow grocery orders\n---\n# Grow grocery orders\n\n## Options\n\nLet's add a recipe feature.\n\n## Customer\n\nOur customers are people who buy groceries online.\n\n## Problem\n\nShoppers find grocery shopping boring.\n\n## Pilot\n\nI would launch it to all shoppers in the spring.\n\n## Metrics\n\nSuccess is recipes added to baskets.\n";
    private const string Story = "---\ntitle: Payouts\nlps: [Dive Deep]\n---\n# Payouts\n\n## Decision\n\nI decided to cut the offline mode. I ran a two-week test with 5,000 sellers.\n\n## Impact\n\nPayout complaints fell 30%.\n";
    private const string PrFaq = "# Alerts\n\n## Press release\n\nToday we launch Alerts, a new API-based notification feature.\n\n## Internal FAQ\n\n**When will it launch?** In Q3.\n";

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e, _dir);
        return (code, o.ToString(), e.ToString());
    }

    private void Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public async Task A_design_answer_gets_design_diagnostics_inlay_hints_outline_and_hovers()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        const string uri = "file:///tmp/pmprep-tests/grocery.design.md";
        var published = await h.OpenAsync(Weak, uri);
        var codes = published.Diagnostics.Select(d => d.Code).ToHashSet();
        Assert.Contains("solution-before-problem", codes);
        Assert.Contains("customer-not-specific", codes);
        Assert.Contains("pilot-without-rollback", codes);
        Assert.DoesNotContain("missing-section", codes); // no story rules
        Assert.DoesNotContain("lp-count", codes);

        var hints = await h.Request<List<InlayHint>>("textDocument/inlayHint", new { textDocument = new { uri }, range = new { start = new { line = 0, character = 0 }, end = new { line = 40, character = 0 } } });
        Assert.Equal(5, hints.Count);
        Assert.Matches(@"^\d+\.\d min · problem definition \d+\.\d/5 min$", hints.Single(x => x.Position.Line == 9).Label);
        Assert.Matches(@"· scoping \d+\.\d/10 min$", hints.Single(x => x.Position.Line == 5).Label);
        Assert.Matches(@"· solution \d+\.\d/20 min$", hints.Single(x => x.Position.Line == 17).Label);

        var symbols = await h.Request<List<DocumentSymbol>>("textDocument/documentSymbol", new { textDocument = new { uri } });
        Assert.Equal(new[] { "Options", "Customer", "Problem", "Pilot", "Metrics" }, symbols.Single().Children!.Select(c => c.Name));

        var heading = await h.Request<Hover?>("textDocument/hover", new { textDocument = new { uri }, position = new { line = 17, character = 4 } });
        Assert.Contains("time-boxed pilot", heading!.Contents.Value);
        var title = await h.Request<Hover?>("textDocument/hover", new { textDocument = new { uri }, position = new { line = 3, character = 4 } });
        Assert.Contains("5/10/20 timebox", title!.Contents.Value);
        Assert.Contains("Missing parts: Constraints, Deep dive, Risks", title.Contents.Value);
        var diag = await h.Request<Hover?>("textDocument/hover", new { textDocument = new { uri }, position = new { line = 21, character = 4 } });
        Assert.Contains("*Why it hurts:*", diag!.Contents.Value);
        Assert.Contains("counter-metric", diag.Contents.Value);
    }

    [Fact]
    public async Task The_title_hover_of_a_story_is_the_drill_with_quoted_sentences()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        await h.OpenAsync(Story);
        var hover = await h.Request<Hover?>("textDocument/hover", new { textDocument = new { uri = LspHarness.Uri }, position = new { line = 4, character = 3 } });
        var value = hover!.Contents.Value;
        Assert.Contains("What else did you consider, and why not that? *(A decision with no alternative named: \u201CI decided to cut the offline mode.\u201D)*", value);
        Assert.Contains("Did it hold after the test?", value);
        Assert.Contains("What would you do differently with 10x data?", value);
    }

    [Fact]
    public void Check_walks_design_and_prfaq_files_keeps_them_out_of_the_bank_and_marks_their_kind()
    {
        Write("a.story.md", Story);
        Write("b.story.md", Story.Replace("Payouts", "Refunds"));
        Write("d/grocery.design.md", Weak);
        Write("p/alerts.prfaq.md", PrFaq);
        var (code, stdout, _) = Run("check", ".", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var files = doc.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f);
        Assert.Equal("story", files["a.story.md"].GetProperty("kind").GetString());
        Assert.Equal("design", files["d/grocery.design.md"].GetProperty("kind").GetString());
        Assert.Equal("prfaq", files["p/alerts.prfaq.md"].GetProperty("kind").GetString());
        Assert.Contains(files["p/alerts.prfaq.md"].GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("rule").GetString() == "prfaq-jargon");
        Assert.Equal(2, doc.RootElement.GetProperty("bank").GetProperty("stories").GetInt32());

        var (_, text, _) = Run("check", ".");
        Assert.Contains("2 stories, 1 design answer, 1 PR/FAQ checked", text);
        Assert.Contains("d/grocery.design.md:", text);
    }

    [Fact]
    public void Report_has_a_section_for_design_answers_and_one_for_prfaqs()
    {
        Write("a.story.md", Story);
        Write("d/grocery.design.md", Weak);
        Write("p/alerts.prfaq.md", PrFaq);
        var (code, _, err) = Run("report", ".", "--out", "r.html");
        Assert.Equal(0, code);
        var html = File.ReadAllText(Path.Combine(_dir, "r.html"));
        Assert.Contains("<section id=\"design-answers\">", html);
        Assert.Contains("<section id=\"prfaqs\">", html);
        Assert.Contains("data-rule=\"solution-before-problem\"", html);
        Assert.Contains("problem definition", html);
        Assert.Contains("\u201CI decided to cut the offline mode.\u201D", html); // the drill, quoted
        Assert.DoesNotContain("error", err);
    }

    [Fact]
    public void Drill_prints_a_page_per_story_with_quoted_sentences_and_skips_other_files()
    {
        Write("a.story.md", Story);
        Write("b.story.md", Story.Replace("Payouts", "Refunds"));
        Write("d/grocery.design.md", Weak);
        var (code, stdout, _) = Run("drill", ".");
        Assert.Equal(0, code);
        var pages = stdout.Split('\f');
        Assert.Equal(2, pages.Length);
        Assert.Contains("Bar-raiser drill 1/2: Payouts", pages[0]);
        Assert.Contains("prompted by (line 9): \"I decided to cut the offline mode.\"", pages[0]);
        Assert.Contains("Bar-raiser drill 2/2: Refunds", pages[1]);
        Assert.DoesNotContain("grocery", stdout);
        Assert.Equal(2, Run("drill", "missing-dir").Code);
        Assert.Equal(2, Run("drill", ".", "--fix").Code);
    }
}
