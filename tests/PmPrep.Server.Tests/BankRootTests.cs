using System.Text.Json;
using PmPrep.Server.Cli;

namespace PmPrep.Server.Tests;

/// <summary>`pmprep check` on one file or a subfolder judges the bank the path belongs to.</summary>
public class BankRootTests : TempWorkspace
{
    public BankRootTests() : base("pmprep-bankroot") { }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e, _root.FullName);
        return (code, o.ToString(), e.ToString());
    }

    private static string Story(string title, string body) =>
        $"---\ntitle: {title}\nlps: [Dive Deep]\n---\n# {title}\n\n## Decision\n\n{body}\n";

    private void Bank()
    {
        Write("bank/.pmprep.yaml", "wpm: 150\n");
        Write("bank/a.story.md", Story("Refunds", "I read 300 refund tickets because the churn numbers disagreed."));
        Write("bank/b.story.md", Story("Pricing", "I ran the pricing test on 4% of traffic because the data was noisy."));
        Write("bank/c/deep.story.md", Story("Search", "I pulled the query logs and found bot traffic in 12% of sessions."));
        Write("elsewhere/x.story.md", Story("Other", "I wrote the launch plan."));
    }

    private JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement.Clone();

    [Fact]
    public void One_file_is_judged_with_the_bank_that_holds_its_pmprep_yaml()
    {
        Bank();
        var (_, stdout, _) = Run("check", "bank/a.story.md", "--format", "json");
        var root = Json(stdout);
        Assert.Single(root.GetProperty("files").EnumerateArray());
        Assert.Equal(3, root.GetProperty("bank").GetProperty("stories").GetInt32());   // not 1, not 4
        // Bank findings shown: the whole bank's, and those located in the checked file only.
        Assert.All(root.GetProperty("bank").GetProperty("diagnostics").EnumerateArray(),
            d => Assert.True(d.GetProperty("path").ValueKind == JsonValueKind.Null || d.GetProperty("path").GetString() == "bank/a.story.md"));
        // A subfolder belongs to the same bank.
        (_, stdout, _) = Run("check", "bank/c", "--format", "json");
        Assert.Equal(3, Json(stdout).GetProperty("bank").GetProperty("stories").GetInt32());
    }

    [Fact]
    public void Bank_overrides_the_bank_root()
    {
        Bank();
        var (_, stdout, _) = Run("check", "bank/a.story.md", "--bank", "elsewhere", "--format", "json");
        Assert.Equal(2, Json(stdout).GetProperty("bank").GetProperty("stories").GetInt32());   // a + x
        var (code, _, err) = Run("check", "bank/a.story.md", "--bank", "nowhere");
        Assert.Equal(2, code);
        Assert.Contains("--bank nowhere: no such directory", err);
    }

    [Fact]
    public void A_bank_of_one_runs_no_bank_rules_and_says_so()
    {
        Write("solo/only.story.md", Story("Alone", "I read 300 refund tickets because the numbers disagreed."));
        var (_, stdout, _) = Run("check", "solo", "--format", "text");
        Assert.DoesNotContain("lp-coverage-gap", stdout);
        Assert.DoesNotContain("bank-size", stdout);
        Assert.Contains("1 story checked", stdout);
        Assert.Contains("bank rules not run (the bank has 1 story, they need 2)", stdout);
        (_, stdout, _) = Run("check", "solo", "--format", "pretty");
        Assert.Contains("bank (1 story)", stdout);
        Assert.Contains("bank rules not run: they need at least 2 stories", stdout);
        Assert.Matches(@"\n1 story: [^\n]+; [01] stor(y|ies) clean\r?\n$", stdout);
    }

    [Fact]
    public void A_missing_path_prints_no_bank_verdict()
    {
        var (code, stdout, err) = Run("check", "nosuchdir", "--format", "pretty");
        Assert.Equal(2, code);
        Assert.Contains("nosuchdir: no such file or directory", err);
        Assert.DoesNotContain("bank", stdout);
        (_, stdout, _) = Run("check", "nosuchdir", "--format", "text");
        Assert.DoesNotContain("bank", stdout);
        Assert.Contains("0 stories checked", stdout);
    }

    [Fact]
    public void Pretty_groups_by_file_quotes_the_words_wraps_and_ends_with_a_summary()
    {
        Bank();
        Write("bank/weak.story.md", "---\ntitle: Weak\nlps: [Ownership]\n---\n# Weak\n\n## Decision\n\nWe decided to ship the thing and it was kind of a big success for everyone who had worked very hard on it over the long quarter.\n");
        var (_, stdout, _) = Run("check", "bank", "--format", "pretty");
        var lines = stdout.Split('\n');
        int header = Array.IndexOf(lines, "bank/weak.story.md");
        Assert.True(header >= 0, stdout);
        Assert.Matches(@"^  \d+:\d+ +(error|warning|note)  ", lines[header + 1]);
        Assert.Contains("\"We decided\"", stdout);
        Assert.All(lines, l => Assert.True(l.Length <= 100, $"{l.Length}: {l}"));
        Assert.DoesNotContain("\u001b[", stdout);   // not a terminal: no colour
        Assert.Matches(@"\n4 stories: [^\n]*\d+ warnings?[^\n]*; [0-4] stor(y|ies) clean\r?\n$", stdout);
    }

    [Fact]
    public void Pretty_is_the_default_on_a_terminal_and_text_otherwise()
    {
        Bank();
        var o = new StringWriter();
        CliApp.Run(new[] { "check", "bank" }, o, new StringWriter(), _root.FullName, terminal: false);
        Assert.Matches(@"stories checked", o.ToString());
        o = new StringWriter();
        CliApp.Run(new[] { "check", "bank" }, o, new StringWriter(), _root.FullName, terminal: true);
        Assert.Matches(@"3 stories: .*clean", o.ToString());
    }
}
