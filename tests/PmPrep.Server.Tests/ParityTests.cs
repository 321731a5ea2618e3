using System.Text.Json;
using PmPrep.Server.Cli;
using PmPrep.Server.Lsp;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Tests;

/// <summary>
/// `pmprep check DIR --format json` and a language-server session over the same folder see the
/// same stories, with the same settings, and report the same findings: both go through the
/// workspace layer (server/PmPrep.Server/Workspace).
/// </summary>
public class ParityTests : TempWorkspace
{
    public ParityTests() : base("pmprep-parity") { }

    private static string Rel(string root, string uriOrPath)
    {
        var path = uriOrPath.Contains("://", StringComparison.Ordinal) ? DocumentStore.LocalPath(uriOrPath)! : uriOrPath;
        return Path.GetRelativePath(root, path).Replace('\\', '/');
    }

    [Fact]
    public async Task Cli_and_server_agree_on_files_settings_and_findings()
    {
        string good = LspHarness.Fixture("good-late-deliveries.story.md");
        string weak = LspHarness.Fixture("weak-recommendations.story.md");
        // Root settings, and a nested file that overrides them for its folder.
        Write(".pmprep.yaml", "wpm: 120\nrules:\n  hedging: error\n");
        Write("team/.pmprep.yaml", "wpm: 200\nrules:\n  we-language: off\n");
        Write("stories/good.story.md", good);
        Write("stories/retold.story.md", good.Replace("Tiered late-delivery notifications", "Late-delivery notices, retold"));
        Write("team/weak.story.md", weak);
        // Skipped by both: tool output, dependencies, the cache; and a file neither can decode.
        Write("out/built.story.md", weak);
        Write("dist/copy.story.md", weak);
        Write("node_modules/pkg/dep.story.md", weak);
        Write(".pmprep-cache/cached.story.md", weak);
        File.WriteAllBytes(Path.Combine(_root.FullName, "stories", "binary.story.md"), new byte[] { 0x23, 0x20, 0x41, 0x00, 0x42 });
        string root = _root.FullName;

        // The command line.
        var o = new StringWriter();
        int code = CliApp.Run(new[] { "check", ".", "--format", "json" }, o, new StringWriter(), root);
        Assert.Equal(2, code);   // the binary file is an I/O error; the others are still checked
        using var json = JsonDocument.Parse(o.ToString());
        var cliFiles = json.RootElement.GetProperty("files").EnumerateArray().Where(f => !f.TryGetProperty("error", out _)).ToList();
        var cliPaths = cliFiles.Select(f => f.GetProperty("path").GetString()!).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "stories/good.story.md", "stories/retold.story.md", "team/weak.story.md" }, cliPaths);

        // The language server over the same folder.
        await using var h = new LspHarness();
        await h.InitializeAsync(root);
        var cov = await h.Request<CoverageResult>("pmprep/coverage", new { });
        var lspPaths = cov.Stories.Select(s => Rel(root, s.Uri)).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.Equal(cliPaths, lspPaths);

        // Settings: the same words per minute (so the same minutes) per story, root and nested.
        foreach (var f in cliFiles)
        {
            var s = cov.Stories.Single(x => Rel(root, x.Uri) == f.GetProperty("path").GetString());
            Assert.Equal(f.GetProperty("words").GetInt32(), s.Words);
            Assert.Equal(f.GetProperty("minutes").GetDouble(), s.Minutes, 2);
        }
        Assert.Equal(200, cov.Stories.Single(s => s.Uri.EndsWith("weak.story.md", StringComparison.Ordinal)).Band.WordsPerMinute);
        Assert.Equal(120, cov.Stories.Single(s => s.Uri.EndsWith("good.story.md", StringComparison.Ordinal)).Band.WordsPerMinute);

        // Story findings: open each file and compare what is published with the CLI's.
        int compared = 0;
        foreach (var f in cliFiles)
        {
            string rel = f.GetProperty("path").GetString()!;
            string uri = DocumentStore.FromPath(Path.Combine(root, rel));
            var published = await h.OpenAsync(File.ReadAllText(Path.Combine(root, rel)), uri);
            // The JSON also lists findings folded into another on the same words ("foldedInto"); editors show the winner only.
            var cli = f.GetProperty("diagnostics").EnumerateArray().Where(d => !d.TryGetProperty("foldedInto", out _))
                .Select(d => $"{d.GetProperty("rule").GetString()} {d.GetProperty("severity").GetString()} {d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()}:{d.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32()} {d.GetProperty("message").GetString()}")
                .OrderBy(x => x, StringComparer.Ordinal).ToList();
            var lsp = published.Diagnostics.Where(d => !IsBankRule(d.Code))
                .Select(d => $"{d.Code} {Severity(d.Severity)} {d.Range.Start.Line}:{d.Range.Start.Character} {d.Message}")
                .OrderBy(x => x, StringComparer.Ordinal).ToList();
            Assert.Equal(cli, lsp);
            compared += cli.Count;
        }
        Assert.True(compared >= 5, $"only {compared} story findings compared");
        // The nested config turned we-language off there, and the root one made hedging an error.
        Assert.DoesNotContain(cliFiles.Single(f => f.GetProperty("path").GetString() == "team/weak.story.md").GetProperty("diagnostics").EnumerateArray(),
            d => d.GetProperty("rule").GetString() == "we-language");

        // Bank findings: same rules, places, messages (story paths shown the same way) and related stories.
        cov = await h.Request<CoverageResult>("pmprep/coverage", new { });
        var cliBank = json.RootElement.GetProperty("bank").GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("rule").GetString()} {(d.GetProperty("path").ValueKind == JsonValueKind.Null ? "-" : d.GetProperty("path").GetString())} {d.GetProperty("message").GetString()} related:{string.Join(",", d.TryGetProperty("related", out var r) ? r.EnumerateArray().Select(x => x.GetProperty("path").GetString()) : Array.Empty<string>())}")
            .OrderBy(x => x, StringComparer.Ordinal).ToList();
        var lspBank = cov.Diagnostics
            .Select(d => $"{d.Rule} {(d.Uri is null ? "-" : Rel(root, d.Uri))} {d.Message} related:{string.Join(",", (d.Related ?? new()).Select(x => Rel(root, x.Uri)))}")
            .OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.Contains(cliBank, x => x.StartsWith("duplicate-story stories/good.story.md", StringComparison.Ordinal) && x.EndsWith("related:stories/retold.story.md", StringComparison.Ordinal));
        Assert.Equal(cliBank, lspBank);
        Assert.Equal(3, json.RootElement.GetProperty("bank").GetProperty("stories").GetInt32());
    }

    private static bool IsBankRule(string? code) => code is "bank-size" or "lp-coverage-gap" or "role-inconsistency" or "duplicate-story";

    private static string Severity(int s) => s switch { 1 => "error", 2 => "warning", 3 => "information", _ => "hint" };
}
