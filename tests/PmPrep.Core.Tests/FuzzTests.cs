using System.Diagnostics;
using System.Text;
using CsCheck;
using PmPrep.Core.Analysis;
using static PmPrep.Core.Tests.FuzzSupport;

namespace PmPrep.Core.Tests;

/// <summary>
/// Engine fuzzing (issue 7): random Unicode with lone surrogates, random Markdown and YAML front
/// matter, deep nesting and giant lines. The engine must never throw and every range it returns
/// must lie inside the document with positions that agree with offsets. Each property runs for a
/// bounded time (a couple of seconds) so the suite stays fast; CsCheck shrinks and prints a seed on failure.
/// </summary>
public class FuzzTests
{
    private const int Seconds = 2;

    [Fact]
    public void RandomUnicode_NeverThrows_RangesInside() =>
        Unicode.Sample(t => { Check(t); }, time: Seconds, threads: 1, print: Show);

    [Fact]
    public void RandomMarkdown_NeverThrows_RangesInside() =>
        Markdown.Sample(t => { Check(t); }, time: Seconds, threads: 1, print: Show);

    [Fact]
    public void RandomFrontMatter_NeverThrows_RangesInside() =>
        FrontMatterStory.Sample(t => { Check(t); }, time: Seconds, threads: 1, print: Show);

    [Fact]
    public void StoryShapedProse_NeverThrows_RangesInside_FixesApply() =>
        StoryShaped.Sample(t =>
        {
            Check(t);
            // Fix-all runs to a fixed point and the result is still a document the engine accepts.
            var fixedText = PmPrep.Core.Fixes.FixAll.Apply(t, null, out _);
            Check(fixedText);
        }, time: Seconds, threads: 1, print: Show);

    [Fact]
    public void RandomBank_NeverThrows() =>
        StoryShaped.Array[0, 12].Sample(ts => CheckBank(ts), time: Seconds, threads: 1, print: ts => $"{ts.Length} stories");

    [Fact]
    public void MixedLineEndingsAndBom_PositionsAgreeWithOffsets() =>
        Gen.Select(StoryShaped, Gen.Int[0, 3], (t, mode) => mode switch
        {
            0 => t.Replace("\n", "\r\n"),
            1 => t.Replace("\n", "\r"),
            2 => "\ufeff" + t,
            _ => t.Replace(". ", ".\r\n"),
        }).Sample(t => { Check(t); }, time: Seconds, threads: 1, print: Show);

    public static IEnumerable<object[]> DeepNesting()
    {
        const int depth = 500;
        var sb = new StringBuilder();
        yield return Case("quotes", Repeat("> ", depth) + "We decided to ship. I think it was launched.\n");
        yield return Case("quote per line", string.Concat(Enumerable.Range(1, depth).Select(i => Repeat(">", i) + " we decided\n")));
        sb.Clear();
        for (int i = 0; i < depth; i++) sb.Append(' ', 2 * i).Append("- we decided level ").Append(i).Append('\n');
        yield return Case("bullet lists", sb.ToString());
        sb.Clear();
        for (int i = 0; i < depth; i++) sb.Append(' ', 3 * i).Append("1. the team launched it\n");
        yield return Case("ordered lists", sb.ToString());
        yield return Case("list in quote chain", Repeat("> - ", depth) + "I owned it because revenue grew 30%.\n");
        yield return Case("emphasis", Repeat("*", depth) + "we decided" + Repeat("*", depth) + "\n");
        yield return Case("links", Repeat("[", depth) + "we" + Repeat("](x)", depth) + "\n");
        yield return Case("html comments", Repeat("<!-- pmprep-disable -->\n", depth) + "We decided.\n");
        yield return Case("quotes beyond the parser's limit", Repeat("> ", 5000) + "We decided.\n");
        yield return Case("list in quote beyond the parser's limit", Repeat("> - ", 1500) + "We decided.\n");
        yield return Case("headings", string.Concat(Enumerable.Range(0, depth).Select(i => $"{Repeat("#", 1 + i % 6)} Decision {i}\n\nWe decided {i}.\n\n")));
    }

    private static object[] Case(string name, string text) => new object[] { name, text };

    [Theory]
    [MemberData(nameof(DeepNesting))]
    public void DeepNesting_NeverThrows_RangesInside(string name, string text)
    {
        Assert.NotNull(name);
        // On a thread with a smaller stack than .NET's default on Linux (1 MiB against 1.5 MiB), and
        // in a Debug build with its larger frames, so deep recursion in the parser or the walker
        // shows up here rather than as a crashed server.
        Exception? error = null;
        var t = new Thread(() =>
        {
            try
            {
                Check(text);
                if (text.Length < 100_000) Check("---\ntitle: deep\n---\n" + text);
            }
            catch (Exception e) { error = e; }
        }, 1024 * 1024);
        t.Start();
        t.Join();
        if (error is not null) throw new Exception($"{name}: {error.Message}", error);
    }

    [Fact]
    public void FiveHundredDeepList_IsStillAnalysed()
    {
        var sb = new StringBuilder("## Decision\n\n");
        for (int i = 0; i < 500; i++) sb.Append(' ', 2 * i).Append("- filler item\n");
        sb.Append(' ', 1000).Append("- We decided to ship it.\n");
        var a = Check(sb.ToString());
        Assert.Contains(a.Diagnostics, d => d.RuleId == "we-language");
    }

    public static IEnumerable<object[]> GiantLines()
    {
        const int n = 200_000;
        yield return Case("one word", Repeat("a", n));
        yield return Case("one sentence", "I decided " + Repeat("and we launched ", n / 16) + "it.");
        yield return Case("no spaces punctuation", Repeat("e.g.", n / 4));
        yield return Case("dots", Repeat(".", n));
        yield return Case("surrogate pairs", Repeat("😀", n / 2));
        yield return Case("lone surrogates", Repeat("\ud800", n / 2) + Repeat("\udc00x", n / 4));
        yield return Case("numbers", Repeat("$2.1M 30% 3.5 ", n / 14));
        yield return Case("table row", "|" + Repeat(" we |", n / 5) + "\n|" + Repeat("---|", n / 5) + "\n");
        yield return Case("front matter line", "---\ntitle: " + Repeat("x", n) + "\nlps: [" + Repeat("Ownership, ", n / 11) + "]\n---\nWe decided.\n");
        yield return Case("code fence never closed", "```\n" + Repeat("we decided ", n / 11));
        yield return Case("comment never closed", "<!-- " + Repeat("we decided ", n / 11));
    }

    [Theory]
    [MemberData(nameof(GiantLines))]
    public void GiantLines_NeverThrow_RangesInside(string name, string text)
    {
        Assert.NotNull(name);
        Check(text);
    }

    [Fact]
    public void EmptyAndTiny_NeverThrow()
    {
        foreach (var t in new[] { "", " ", "\n", "\r", "\r\n", "\ufeff", "---", "---\n", "---\n---", "---\n---\n", "#", "##", ">", "-", "\ud800", "\udc00", "<!--", "`" })
            Check(t);
    }

    private static string Show(string t) =>
        t.Length <= 400 ? System.Text.Json.JsonSerializer.Serialize(t) : $"{t.Length} chars: {System.Text.Json.JsonSerializer.Serialize(t[..400])}...";
}
