using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Config;
using PmPrep.Core.Report;

namespace PmPrep.Core.Tests;

/// <summary>The HTML report's DOM: it is well-formed XML, so the tests read it with LINQ to XML.</summary>
public class ReportTests
{
    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static string? Attr(XElement e, string name) => e.Attribute(name)?.Value;
    private static bool HasClass(XElement e, string cls) => (Attr(e, "class") ?? "").Split(' ').Contains(cls);
    private static IEnumerable<XElement> All(XDocument d, string tag) => d.Descendants(tag);

    private static (BankAnalysis Bank, string Html, XDocument Dom) Examples(ReportOptions? o = null)
    {
        var bank = BankAnalyzer.Analyze(BankRuleTests.Load(BankRuleTests.ExamplesDir));
        var html = ReportRenderer.Render(bank, o);
        return (bank, html, Parse(html));
    }

    [Fact]
    public void Page_is_self_contained_with_a_strict_csp_that_allows_exactly_its_stylesheet()
    {
        var (_, html, dom) = Examples();
        Assert.StartsWith("<!DOCTYPE html>", html);
        var csp = All(dom, "meta").Single(m => Attr(m, "http-equiv") == "Content-Security-Policy");
        var policy = Attr(csp, "content")!;
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("unsafe", policy);
        var style = All(dom, "style").Single().Value;
        string hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        Assert.Contains($"style-src '{hash}'", policy);
        Assert.Equal(ReportRenderer.StyleHash, hash);

        Assert.DoesNotContain(dom.Descendants(), e => e.Name.LocalName is "script" or "link" or "img" or "iframe" or "object" or "embed" or "base" or "form");
        Assert.DoesNotContain(dom.Descendants(), e => e.Attribute("style") is not null); // inline style attributes would be blocked
        Assert.DoesNotContain(dom.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.All(dom.Descendants().Attributes("href"), a => Assert.StartsWith("#", a.Value));
        Assert.Empty(dom.Descendants().Attributes("src"));
        Assert.DoesNotContain("url(", style);
        Assert.DoesNotContain("@import", style);
    }

    [Fact]
    public void Heat_map_has_a_cell_per_principle_and_story_with_counts_claims_and_titles()
    {
        var (bank, _, dom) = Examples();
        var table = All(dom, "table").Single(t => Attr(t, "id") == "heatmap");
        var rows = table.Element("tbody")!.Elements("tr").ToList();
        Assert.Equal(16, rows.Count);
        Assert.Equal(bank.Stories.Count, table.Descendants("th").Count(th => HasClass(th, "story-col")));
        foreach (var (row, coverage) in rows.Zip(bank.Coverage))
        {
            Assert.Equal(coverage.Principle.Key, Attr(row, "data-lp"));
            var cells = row.Elements("td").Where(td => HasClass(td, "cell")).ToList();
            Assert.Equal(bank.Stories.Count, cells.Count);
            foreach (var (td, story) in cells.Zip(bank.Stories))
            {
                Assert.Equal(story.Path, Attr(td, "data-story"));
                var cell = coverage.Cells.FirstOrDefault(c => c.Story == story);
                Assert.Equal((cell?.Signals ?? 0).ToString(), Attr(td, "data-signals"));
                Assert.Equal(cell?.Claimed == true ? "true" : "false", Attr(td, "data-claimed"));
                Assert.Equal(cell is { Claimed: true, Signals: 0 }, HasClass(td, "claimed-only"));
                Assert.Equal(cell is { Claimed: true, Signals: > 0 }, HasClass(td, "claimed"));
                if (cell?.Strongest is { } st) Assert.Contains("Strongest: \"", Attr(td, "title"));
            }
            Assert.Equal(coverage.EvidencedBy.Count().ToString(), row.Elements("td").Last().Value);
        }
        // The examples leave one gap since LP evidence reads clauses (BankRuleTests: Are Right, A Lot is claimed by no example).
        foreach (var (row, coverage) in rows.Zip(bank.Coverage)) Assert.Equal(coverage.IsGap, HasClass(row, "gap"));
        Assert.Equal(new[] { "Are Right, A Lot" }, bank.Coverage.Where(c => c.IsGap).Select(c => c.Principle.Name));
    }

    [Fact]
    public void Gaps_are_marked_on_the_row_and_listed_beside_the_map()
    {
        var stories = BankRuleTests.Load(BankRuleTests.ExamplesDir).Where(s => s.Path.StartsWith("weak-", StringComparison.Ordinal)).ToList();
        var bank = BankAnalyzer.Analyze(stories);
        var dom = Parse(ReportRenderer.Render(bank));
        var gapRows = All(dom, "tr").Where(r => HasClass(r, "gap")).Select(r => Attr(r, "data-lp")).ToList();
        Assert.Equal(bank.Coverage.Where(r => r.IsGap).Select(r => r.Principle.Key), gapRows);
        Assert.Contains("hire-and-develop-the-best", gapRows);
        var glance = All(dom, "aside").Single();
        Assert.Contains(glance.Descendants("li"), li => li.Value == "Hire and Develop the Best");
        var next = All(dom, "section").Single(s => Attr(s, "id") == "next-steps").Value;
        Assert.Contains("No story shows", next);
    }

    [Fact]
    public void Minutes_rows_sit_in_the_band_or_outside_it_by_the_settings()
    {
        var (bank, _, dom) = Examples();
        var rows = All(dom, "table").Single(t => Attr(t, "id") == "minutes-table").Element("tbody")!.Elements("tr").ToList();
        Assert.Equal(bank.Stories.Count, rows.Count);
        foreach (var (tr, s) in rows.Zip(bank.Stories))
        {
            double m = s.Analysis.Minutes;
            Assert.Equal(m.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Attr(tr, "data-minutes"));
            string expected = m > 4 ? "over" : m > 3.5 ? "long" : m < 2.5 ? "short" : "in-band";
            Assert.Equal(expected, Attr(tr, "class"));
            Assert.Single(tr.Descendants("circle"));
        }
        Assert.Equal(5, rows.Count(r => Attr(r, "class") == "in-band"));

        // A slower speaker: the same words take longer, and the band moves with the settings.
        var slow = PmPrepSettings.Default with { WordsPerMinute = 100 };
        var slowBank = BankAnalyzer.Analyze(BankRuleTests.Load(BankRuleTests.ExamplesDir).Select(s => new BankStory(s.Path, StoryAnalyzer.Analyze(s.Analysis.Document.Text, slow))).ToList(), slow);
        var slowDom = Parse(ReportRenderer.Render(slowBank));
        var slowRows = All(slowDom, "table").Single(t => Attr(t, "id") == "minutes-table").Element("tbody")!.Elements("tr").ToList();
        Assert.Equal("over", Attr(slowRows.Single(r => Attr(r, "data-story") == "search-ranking-bot-traffic.story.md"), "class"));
        Assert.Contains("At 100 words per minute", slowDom.Descendants("p").Select(p => p.Value).First(v => v.Contains("words per minute")));
    }

    [Fact]
    public void Each_story_has_its_findings_and_its_drill_questions_with_their_sentences()
    {
        var (bank, _, dom) = Examples();
        var articles = All(dom, "article").ToList();
        Assert.Equal(bank.Stories.Count, articles.Count);
        foreach (var (art, s) in articles.Zip(bank.Stories))
        {
            Assert.Equal(s.Path, Attr(art, "data-story"));
            var follow = art.Descendants("div").Single(d => HasClass(d, "followups")).Descendants("li").ToList();
            var drill = Drill.DrillSheet.For(s.Analysis, bank.DiagnosticsFor(s.Path));
            Assert.Equal(drill.Select(f => f.Question), follow.Select(li => li.Elements("span").First().Value));
            Assert.All(follow.Zip(drill), x => Assert.Contains(x.Second.Quote, x.First.Elements("span").Last().Value));
            var findings = art.Descendants("li").Where(li => HasClass(li, "finding")).ToList();
            Assert.Equal(s.Analysis.Diagnostics.Count + bank.DiagnosticsFor(s.Path).Count(), findings.Count);
        }
        var bankFindings = All(dom, "section").Single(s => Attr(s, "id") == "bank-findings");
        var role = bankFindings.Descendants("li").Single(li => Attr(li, "data-rule") == "role-inconsistency");
        Assert.Contains("I led the migration of the web checkout", role.Value);
        Assert.Contains("I supported the migration of checkout", role.Value);
    }

    [Fact]
    public void Text_from_stories_is_escaped()
    {
        var evil = "---\ntitle: <script>alert(1)</script> & \"Q\" 'x'\nlps: [Dive Deep]\nproject: <b>P</b>\n---\n# Title\n\nI wrote <img src=x onerror=alert(1)> the SQL myself & more.\n";
        var bank = BankAnalyzer.Analyze(new[] { new BankStory("a<b>.story.md", StoryAnalyzer.Analyze(evil)) });
        var html = ReportRenderer.Render(bank, new ReportOptions { Title = "<i>Mine</i>", Unreadable = new[] { ("bad\".story.md", "not <UTF-8>") } });
        var dom = Parse(html);
        Assert.DoesNotContain(dom.Descendants(), e => e.Name.LocalName is "script" or "img" or "b" or "i");
        Assert.Contains("<script>alert(1)</script> & \"Q\" 'x'", All(dom, "h3").Select(h => h.Value).Single());
        Assert.Equal("<i>Mine</i>", All(dom, "h1").Single().Value);
        Assert.Contains(dom.Descendants("li"), li => li.Value.Contains("bad\".story.md: not <UTF-8>"));
    }

    [Fact]
    public void Empty_bank_renders_and_output_is_deterministic()
    {
        var empty = BankAnalyzer.Analyze(Array.Empty<BankStory>());
        var dom = Parse(ReportRenderer.Render(empty));
        Assert.Equal(16, All(dom, "tbody").First().Elements("tr").Count());
        var (bank, html, _) = Examples();
        Assert.Equal(html, ReportRenderer.Render(bank));
        Assert.DoesNotContain("Generated", html);
        Assert.Contains("Generated 2026-01-02 03:04", ReportRenderer.Render(bank, new ReportOptions { Generated = new DateTimeOffset(2026, 1, 2, 3, 4, 0, TimeSpan.Zero) }));
    }

    [Fact]
    public void Print_styles_keep_colours_and_break_between_sections()
    {
        var css = ReportRenderer.Css;
        Assert.Contains("@media print", css);
        Assert.Contains("print-color-adjust: exact", css);
        Assert.Contains("break-inside: avoid", css);
        Assert.DoesNotContain("<", css);
        Assert.DoesNotContain("&", css);
    }

    [Fact]
    public void DisplayPath_also_names_the_other_story_inside_bank_messages()
    {
        const string other = "---\ntitle: Other\nproject: Checkout Migration\n---\n# Other\n\n## Decision\n\nI supported the migration of checkout for six months.\n";
        const string mine = "---\ntitle: Mine\nproject: Checkout Migration\n---\n# Mine\n\n## Decision\n\nI led the migration of checkout for six months.\n";
        var bank = BankAnalyzer.Analyze(new[]
        {
            new BankStory("file:///ws/stories/mine.story.md", StoryAnalyzer.Analyze(mine)),
            new BankStory("file:///ws/stories/other.story.md", StoryAnalyzer.Analyze(other)),
        });
        Assert.Contains(bank.Diagnostics, d => d.RuleId == "role-inconsistency" && d.Message.Contains("file:///ws/stories/other.story.md"));
        var dom = Parse(ReportRenderer.Render(bank, new ReportOptions { DisplayPath = p => p["file:///ws/".Length..] }));
        var messages = dom.Descendants("span").Where(e => HasClass(e, "msg")).Select(e => e.Value).ToList();
        Assert.Contains(messages, m => m.Contains("in stories/other.story.md"));
        Assert.Contains(messages, m => m.Contains("in stories/mine.story.md"));
        Assert.DoesNotContain(messages, m => m.Contains("file://"));
        // Without DisplayPath the message is left as the bank wrote it.
        var plain = Parse(ReportRenderer.Render(bank)).Descendants("span").Where(e => HasClass(e, "msg")).Select(e => e.Value);
        Assert.Contains(plain, m => m.Contains("file:///ws/stories/other.story.md"));
    }
}
