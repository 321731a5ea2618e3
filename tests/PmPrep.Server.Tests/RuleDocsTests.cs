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

    [Fact]
    public void The_pages_are_written_to_the_user_cache_once_and_a_symlinked_cache_folder_is_not_followed()
    {
        var root = Directory.CreateTempSubdirectory("pmprep-cache-");
        try
        {
            var uri = RuleDocs.Materialize(root.FullName);
            Assert.NotNull(uri);
            Assert.StartsWith("file://", uri);
            var dir = new Uri(uri!).LocalPath;
            Assert.StartsWith(root.FullName, dir);
            foreach (var r in EngineData.Default.Rules)
                Assert.Equal(RuleDocs.Page(r.Id), File.ReadAllText(Path.Combine(dir, r.Id + ".md")));
            Assert.Equal(uri, RuleDocs.Materialize(root.FullName));   // again: same place, pages left as they are

            // A planted link in place of the cache's folder: nothing is written where it points.
            var other = Directory.CreateTempSubdirectory("pmprep-elsewhere-");
            var planted = Directory.CreateTempSubdirectory("pmprep-cache2-");
            Directory.CreateSymbolicLink(Path.Combine(planted.FullName, "pmprep"), other.FullName);
            Assert.Null(RuleDocs.Materialize(planted.FullName));
            Assert.Empty(Directory.EnumerateFileSystemEntries(other.FullName));
            other.Delete(true); planted.Delete(true);
        }
        finally { root.Delete(true); }
    }

    [Fact]
    public void A_binary_with_no_docs_folder_above_it_links_each_rule_to_a_page_that_exists()
    {
        var bin = Directory.CreateTempSubdirectory("pmprep-bin-");
        var cache = Directory.CreateTempSubdirectory("pmprep-xdg-");
        try
        {
            foreach (var f in Directory.GetFiles(AppContext.BaseDirectory))
                File.Copy(f, Path.Combine(bin.FullName, Path.GetFileName(f)));
            for (var d = bin; d is not null; d = d.Parent) Assert.False(Directory.Exists(Path.Combine(d.FullName, "docs", "rules")));
            var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = bin.FullName };
            foreach (var a in new[] { Path.Combine(bin.FullName, "pmprep.dll"), "check", "nosuch", "--format", "sarif" }) psi.ArgumentList.Add(a);
            psi.Environment["XDG_CACHE_HOME"] = cache.FullName;
            using var p = System.Diagnostics.Process.Start(psi)!;
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            using var doc = JsonDocument.Parse(stdout);
            int linked = 0;
            foreach (var rule in doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
            {
                var href = rule.GetProperty("helpUri").GetString()!;
                var local = new Uri(href).LocalPath;
                Assert.StartsWith(cache.FullName, local);
                Assert.StartsWith("# " + rule.GetProperty("id").GetString(), File.ReadAllText(local));
                linked++;
            }
            Assert.Equal(EngineData.Default.Rules.Count, linked);
        }
        finally { bin.Delete(true); cache.Delete(true); }
    }
}
