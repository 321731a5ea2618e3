using System.Text.Json;
using PmPrep.Core.Catalog;
using PmPrep.Server.Cli;
using PmPrep.Server.Workspace;

namespace PmPrep.Server.Tests;

public class RuleDocsTests
{
    [Fact]
    public void Every_rule_has_its_page_in_the_binary_and_rules_ID_prints_it()
    {
        foreach (var r in EngineData.Default.Rules)
        {
            var page = RuleDocs.Page(r.Id);
            Assert.True(page is not null, $"no embedded page for {r.Id}");
            Assert.StartsWith("# " + r.Id, page);
        }
        Assert.Null(RuleDocs.Page("../README"));
        var o = new StringWriter();
        Assert.Equal(0, CliApp.Run(new[] { "rules", "hedging" }, o, new StringWriter(), Path.GetTempPath()));
        Assert.StartsWith("# hedging", o.ToString());
        var e = new StringWriter();
        Assert.Equal(2, CliApp.Run(new[] { "rules", "no-such-rule" }, new StringWriter(), e, Path.GetTempPath()));
        Assert.Contains("no rule \"no-such-rule\"", e.ToString());
    }

    [Fact]
    public void Sarif_carries_each_rules_page_and_no_relative_help_uri()
    {
        var o = new StringWriter();
        CliApp.Run(new[] { "check", "nosuch", "--format", "sarif" }, o, new StringWriter(), Path.GetTempPath());
        using var doc = JsonDocument.Parse(o.ToString());
        foreach (var rule in doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
        {
            Assert.StartsWith("# " + rule.GetProperty("id").GetString(), rule.GetProperty("help").GetProperty("markdown").GetString());
            if (rule.TryGetProperty("helpUri", out var uri)) Assert.StartsWith("file://", uri.GetString());
        }
    }
}
