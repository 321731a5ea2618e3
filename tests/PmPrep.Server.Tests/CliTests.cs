using System.Text;
using System.Text.Json;
using PmPrep.Server.Cli;

namespace PmPrep.Server.Tests;

/// <summary>`pmprep check|rules|report` through CliApp.Run, on temporary folders.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pmprep-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e, _dir);
        return (code, o.ToString(), e.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Weak = "---\ntitle: W\nlps: [Dive Deep, Ownership]\n---\n# W\n\n## Context\n\nSales were flat.\n\n## Decision\n\nWe decided to ship. I think it worked.\n";

    [Fact]
    public void Text_output_is_path_line_col_severity_rule_message_one_based()
    {
        Write("stories/a.story.md", Weak);
        var (code, stdout, _) = Run("check", "stories");
        Assert.Equal(0, code);
        Assert.Contains("stories/a.story.md:13:1: warning we-language \"We decided\"", stdout);
        Assert.Contains("stories/a.story.md:13:21: information hedging", stdout);
        Assert.Matches(@"1 story checked, [0-9.]+ min average: ", stdout);
    }

    [Fact]
    public void Json_output_has_the_spec_shape_with_zero_based_positions()
    {
        Write("stories/a.story.md", Weak);
        Write("stories/b.story.md", Weak.Replace("title: W", "title: V"));
        var (code, stdout, _) = Run("check", "stories", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var file = root.GetProperty("files")[0];
        Assert.Equal("stories/a.story.md", file.GetProperty("path").GetString());
        Assert.True(file.GetProperty("words").GetInt32() > 0);
        Assert.True(file.GetProperty("minutes").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Array, file.GetProperty("lps").GetProperty("claimed").ValueKind);
        Assert.Equal(JsonValueKind.Array, file.GetProperty("lps").GetProperty("evidenced").ValueKind);
        var we = file.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("rule").GetString() == "we-language");
        Assert.Equal("warning", we.GetProperty("severity").GetString());
        var start = we.GetProperty("range").GetProperty("start");
        Assert.Equal(12, start.GetProperty("line").GetInt32());
        Assert.Equal(0, start.GetProperty("character").GetInt32());
        var fix = we.GetProperty("fixes")[0];
        Assert.Equal("It was my call: rewrite as first person", fix.GetProperty("title").GetString());
        Assert.Equal("claim", fix.GetProperty("kind").GetString());
        Assert.Equal("I", fix.GetProperty("edits")[0].GetProperty("newText").GetString());
        var named = we.GetProperty("fixes")[1];
        Assert.Equal("Someone else decided: name them", named.GetProperty("title").GetString());
        var hedge = file.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("rule").GetString() == "hedging");
        Assert.Equal("meaning-preserving", hedge.GetProperty("fixes")[0].GetProperty("kind").GetString());
        var bank = root.GetProperty("bank");
        Assert.Equal(2, bank.GetProperty("stories").GetInt32());
        Assert.Equal(16, bank.GetProperty("coverage").GetArrayLength());
        var size = bank.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("rule").GetString() == "bank-size");
        Assert.Equal(JsonValueKind.Null, size.GetProperty("path").ValueKind);
    }

    [Fact]
    public void Sarif_output_is_2_1_0_with_rules_and_results()
    {
        Write("a.story.md", Weak);
        var (_, stdout, _) = Run("check", ".", "--format=sarif");
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("pmprep", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "we-language");
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(13, region.GetProperty("startLine").GetInt32());
        Assert.Equal(1, region.GetProperty("startColumn").GetInt32());
        Assert.Equal("note", run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "hedging").GetProperty("level").GetString());
    }

    [Fact]
    public void Exit_code_is_1_when_something_reaches_error()
    {
        Write("a.story.md", "---\nlps: [Customer Centricity, Dive Deep]\n---\n# T\n\nI decided.\n");
        Assert.Equal(1, Run("check", ".").Code);
    }

    [Fact]
    public void A_missing_path_is_exit_2_on_stderr_and_the_other_files_are_still_checked()
    {
        Write("a.story.md", Weak);
        var (code, stdout, stderr) = Run("check", "a.story.md", "nope");
        Assert.Equal(2, code);
        Assert.Contains("nope: no such file or directory", stderr);
        Assert.Contains("we-language", stdout);
    }

    [Fact]
    public void Invalid_utf8_and_binary_files_get_a_clear_reason()
    {
        File.WriteAllBytes(Path.Combine(_dir, "bad.story.md"), new byte[] { 0x49, 0x20, 0xC3, 0x28, 0x0A });
        File.WriteAllBytes(Path.Combine(_dir, "bin.story.md"), new byte[] { 0x49, 0x00, 0x01 });
        Write("ok.story.md", Weak);
        var (code, stdout, stderr) = Run("check", ".");
        Assert.Equal(2, code);
        Assert.Contains("bad.story.md: the file is not valid UTF-8 (bad byte at offset 2)", stderr);
        Assert.Contains("bin.story.md: the file looks binary", stderr);
        Assert.Contains("ok.story.md", stdout);
        Assert.DoesNotContain("Exception", stderr);
    }

    [Fact]
    public void A_directory_with_no_stories_says_so()
    {
        var (code, _, stderr) = Run("check", ".");
        Assert.Equal(0, code);
        Assert.Contains("no *.story.md, *.design.md or *.prfaq.md files found", stderr);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, Run("check", "--format", "xml").Code);
        Assert.Equal(2, Run("check", "--bogus").Code);
        Assert.Equal(2, Run("frobnicate").Code);
        Assert.Equal(2, Run("check", "--dry-run").Code);
        Assert.Equal(2, Run("check", "--wpm", "5").Code);
        Assert.Equal(2, Run().Code);
    }

    [Fact]
    public void A_bom_is_dropped_so_positions_match_the_editor()
    {
        File.WriteAllText(Path.Combine(_dir, "b.story.md"), "We decided to ship.\n", new UTF8Encoding(true));
        var (_, stdout, _) = Run("check", ".", "--format", "json");
        using var doc = JsonDocument.Parse(stdout);
        var d = doc.RootElement.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray().First(x => x.GetProperty("rule").GetString() == "we-language");
        Assert.Equal(0, d.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public void Fix_dry_run_prints_a_diff_and_changes_nothing()
    {
        var path = Write("a.story.md", Weak);
        var (code, stdout, _) = Run("check", ".", "--fix", "--dry-run");
        Assert.Equal(0, code);
        // Issue 11: only the meaning-preserving hedge goes; "We decided" is the author's choice.
        Assert.Contains("-We decided to ship. I think it worked.", stdout);
        Assert.Contains("+We decided to ship. It worked.", stdout);
        Assert.Contains("--- a/a.story.md\n+++ b/a.story.md\n", stdout);
        Assert.Equal(Weak, File.ReadAllText(path));
    }

    [Fact]
    public void Fix_dry_run_exits_as_check_does_when_an_error_remains()
    {
        // unknown-lp is an error and its fix (a replacement LP name) is a choice, never in --fix.
        Write("a.story.md", Weak.Replace("[Dive Deep, Ownership]", "[Customer Centricity, Dive Deep]"));
        var (code, stdout, _) = Run("check", ".", "--fix", "--dry-run");
        Assert.Equal(1, code);
        Assert.Contains("+We decided to ship. It worked.", stdout);
        Assert.Equal(1, Run("check", ".").Code);
    }

    [Fact]
    public void Fix_dry_run_is_0_when_the_fixes_remove_the_last_error()
    {
        // An error on a hedge (set by the user): fix-all removes it, so check after --fix would pass.
        Write(".pmprep.yaml", "rules:\n  hedging: error\n");
        Write("a.story.md", Weak);
        Assert.Equal(1, Run("check", ".").Code);
        Assert.Equal(0, Run("check", ".", "--fix", "--dry-run").Code);
    }

    [Fact]
    public void Fix_dry_run_diff_paths_are_relative_even_outside_the_working_directory()
    {
        // A story in a repository far from the working directory (an absolute temp path before).
        var repo = Directory.CreateTempSubdirectory("pmprep-cli-repo-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(repo, ".git"));
            var deep = Path.Combine(repo, "a", "b", "c", "d", "e");
            Directory.CreateDirectory(deep);
            File.WriteAllText(Path.Combine(deep, "s.story.md"), Weak);
            var cwd = Path.Combine(_dir, "w", "x", "y", "z");
            Directory.CreateDirectory(cwd);
            var o = new StringWriter();
            int code = CliApp.Run(new[] { "check", Path.Combine(deep, "s.story.md"), "--fix", "--dry-run" }, o, new StringWriter(), cwd);
            Assert.Equal(0, code);
            Assert.Contains("--- a/a/b/c/d/e/s.story.md\n+++ b/a/b/c/d/e/s.story.md\n", o.ToString());
            Assert.DoesNotContain(repo, o.ToString());
        }
        finally { Directory.Delete(repo, recursive: true); }
    }

    [Fact]
    public void Fix_rewrites_in_place_keeping_crlf_and_reports_what_is_left()
    {
        var path = Write("a.story.md", Weak.Replace("\n", "\r\n"));
        var (_, stdout, _) = Run("check", ".", "--fix");
        var after = File.ReadAllText(path);
        Assert.Contains("We decided to ship. It worked.\r\n", after);
        Assert.DoesNotContain("hedging", stdout);
        Assert.Contains("we-language", stdout); // who decided is the author's call: --fix leaves "We decided"
        Assert.Contains("(also: no because)", stdout); // missing-because on the same words is folded into we-language; its template fix is never applied by --fix
    }

    [Fact]
    public void Config_file_and_wpm_apply()
    {
        Write("a.story.md", Weak);
        Write(".pmprep.yaml", "rules:\n  we-language: error\n  hedging: off\n");
        var (code, stdout, _) = Run("check", ".");
        Assert.Equal(1, code);
        Assert.Contains("error we-language", stdout);
        Assert.DoesNotContain("hedging", stdout);
        var (_, json, _) = Run("check", ".", "--format", "json", "--wpm", "100");
        using var doc = JsonDocument.Parse(json);
        var f = doc.RootElement.GetProperty("files")[0];
        Assert.Equal(Math.Round(f.GetProperty("words").GetInt32() / 100.0, 2), f.GetProperty("minutes").GetDouble());
    }

    [Fact]
    public void Config_problems_are_reported_on_stderr()
    {
        Write("a.story.md", Weak);
        Write("custom.yaml", "rules:\n  not-a-rule: off\n");
        var (_, _, stderr) = Run("check", ".", "--config", "custom.yaml");
        Assert.Contains("unknown rule \"not-a-rule\"", stderr);
        Assert.Equal(2, Run("check", ".", "--config", "missing.yaml").Code);
    }

    [Fact]
    public void Rules_lists_every_rule_with_its_default()
    {
        var (code, stdout, _) = Run("rules");
        Assert.Equal(0, code);
        Assert.Contains("we-language", stdout);
        Assert.Contains("front-matter-invalid", stdout);
        var (_, json, _) = Run("rules", "--format", "json");
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(41, doc.RootElement.GetProperty("rules").GetArrayLength()); // 23 story + 5 bank rules (SPEC section 2), 9 design + 4 PR/FAQ rules (2b)
    }

    [Fact]
    public void Report_writes_one_self_contained_html_file()
    {
        Write("a.story.md", Weak);
        var (code, _, _) = Run("report", ".", "--out", "r.html");
        Assert.Equal(0, code);
        var html = File.ReadAllText(Path.Combine(_dir, "r.html"));
        Assert.Contains("<table", html);
        Assert.DoesNotContain("http://", html.Replace("https://json.schemastore.org", ""));
        Assert.Equal(2, Run("report", ".").Code);
    }
}
