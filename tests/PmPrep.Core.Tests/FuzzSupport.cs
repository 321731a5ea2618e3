using System.Text;
using CsCheck;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Fixes;
using PmPrep.Core.Text;

namespace PmPrep.Core.Tests;

/// <summary>
/// Generators and invariants shared by the engine fuzz tests. The invariants are what an editor
/// relies on: no exception, every range inside the document with Start &lt;= End, every LSP
/// position equal to one computed independently from the offsets, and every fix applicable.
/// </summary>
internal static class FuzzSupport
{
    /// <summary>Pieces of story Markdown, YAML and prose that the rules react to, plus hostile ones.</summary>
    public static readonly string[] MarkdownPieces =
    {
        "# ", "## Context\n", "## Decision\n", "## Impact\n", "## Reflection\n", "## Situation\n", "### ", "#",
        "\n", "\n\n", "\r\n", "\r", "\t", "    ", " ", "  \n",
        "> ", "- ", "* ", "+ ", "1. ", "2) ", "   - ", "```\n", "```csharp\n", "~~~", "`", "``",
        "<!-- pmprep-disable -->", "<!-- pmprep-disable-next-line hedging -->", "<!-- pmprep-enable -->", "<!--", "-->",
        "<div>", "</div>", "<br>", "&amp;", "&#x1F600;", "&nbsp;", "\\", "\\*",
        "---\n", "***", "___", "**", "__", "*", "_", "~~", "[", "]", "(", ")", "](", "[x]: http://e.com\n", "![img](a.png)",
        "| a | b |\n|---|---|\n", "|", ":", "\"", "'", "’", "“", "”", "…", "—", "–",
        "We decided ", "we ", "our team ", "us ", "ourselves ", "We're ", "we've ", "I ", "I decided ", "I owned ",
        "the team launched ", "was launched ", "it was decided ", "I think ", "maybe ", "kind of ", "helped with ",
        "revenue grew ", "improved a lot ", "by 30% ", "$2.1M ", "from 9 days to 2 days ", "e.g. ", "U.S. ", "Dr. ",
        "3.5 ", "p99 ", "because ", "Customer Obsession ", "Dive Deep ", "Bias for Action ", "Ownership", ". ", "? ", "! ",
        "😀", "👩‍💻", "é", "\u0301", "\u200b", "\ufeff", "\u2028", "\u0000", "\ud800", "\udfff", "\uffff", "ẞ", "İ",
    };

    public static readonly string[] YamlPieces =
    {
        "title: ", "lps: ", "lps: [", "]", "[", "{", "}", ", ", "- ", "  - ", "\n", ": ", ":", "'", "\"", "|", ">", "&a ", "*a",
        "!!str ", "!tag ", "? ", "#", "---", "...", "%YAML 1.2\n", "Customer Obsession", "Are Right, A Lot", "Frugality",
        "Have Backbone; Disagree and Commit", "Nonsense Principle", "role: owner", "project: ", "question: ", "\t", "😀", "\ud800",
        "null", "~", "true", "123", "0x1F", "1e9999", "<<: *a",
    };

    public static Gen<string> Pieces(string[] pieces, int max) =>
        Gen.Int[0, pieces.Length - 1].Array[0, max].Select(ix => string.Concat(ix.Select(i => pieces[i])));

    /// <summary>Arbitrary UTF-16, weighted towards ASCII, line breaks and surrogates (paired and lone).</summary>
    public static readonly Gen<string> Unicode =
        Gen.Frequency(
            (6, Gen.Char[' ', '~']),
            (2, Gen.Char["\n\r\t#>-*_[]()`<!:"]),
            (1, Gen.Char['\ud800', '\udfff']),
            (1, Gen.Char))
        .Array[0, 600].Select(a => new string(a));

    public static readonly Gen<string> Markdown = Pieces(MarkdownPieces, 250);

    public static readonly Gen<string> FrontMatterStory =
        Gen.Select(Pieces(YamlPieces, 40), Markdown, Gen.Int[0, 3], (yaml, md, fence) => fence switch
        {
            0 => "---\n" + yaml + "\n---\n" + md,
            1 => "---\r\n" + yaml.Replace("\n", "\r\n") + "\r\n---\r\n" + md,
            2 => "\ufeff---\n" + yaml + "\n---\n" + md,
            _ => "---\n" + yaml + "\n" + md, // never closed
        });

    /// <summary>A well-formed story with random prose in its parts: the rules get real work.</summary>
    public static readonly Gen<string> StoryShaped =
        Gen.Select(Pieces(MarkdownPieces, 60), Pieces(MarkdownPieces, 120), Pieces(MarkdownPieces, 60), Pieces(MarkdownPieces, 40),
            (c, d, i, r) => $"---\ntitle: Fuzz\nlps: [Ownership, Dive Deep]\n---\n# Fuzz\n\n## Context\n\n{c}\n\n## Decision\n\n{d}\n\n## Impact\n\n{i}\n\n## Reflection\n\n{r}\n");

    /// <summary>Line and UTF-16 column of offsets, computed without the engine's LineMap.</summary>
    private sealed class Positions
    {
        private readonly List<int> _starts = new() { 0 };
        public Positions(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i++; _starts.Add(i + 1); }
                else if (text[i] == '\n' || text[i] == '\r') _starts.Add(i + 1);
            }
        }
        public Position Of(int offset)
        {
            int idx = _starts.BinarySearch(offset);
            int line = idx >= 0 ? idx : ~idx - 1;
            return new Position(line, offset - _starts[line]);
        }
    }

    /// <summary>Analyses the text and checks every invariant; returns the analysis for further checks.</summary>
    public static StoryAnalysis Check(string text)
    {
        var a = StoryAnalyzer.Analyze(text);
        var pos = new Positions(text);
        int n = text.Length;
        void InRange(string what, int start, int end, TextRange range)
        {
            if (start < 0 || end < start || end > n)
                throw new Exception($"{what}: offsets {start}..{end} outside a document of {n} chars");
            var s = pos.Of(start);
            var e = pos.Of(end);
            if (range.Start != s || range.End != e)
                throw new Exception($"{what}: range {range.Start}-{range.End} but offsets {start}..{end} are at {s}-{e}");
        }
        foreach (var d in a.Diagnostics)
        {
            InRange($"diagnostic {d.RuleId}", d.Start, d.End, d.Range);
            if (string.IsNullOrWhiteSpace(d.Message)) throw new Exception($"diagnostic {d.RuleId} has no message");
            foreach (var f in d.Fixes)
            {
                foreach (var e in f.Edits)
                    if (e.Start < 0 || e.Length < 0 || e.End > n || e.NewText is null)
                        throw new Exception($"fix '{f.Title}' of {d.RuleId}: edit {e.Start}+{e.Length} outside {n} chars");
                TextEdit.Apply(text, f.Edits); // throws on overlap
            }
        }
        foreach (var s in a.Signals) InRange($"signal {s.Label}", s.Start, s.End, s.Range);
        var all = FixAll.Edits(a);
        for (int i = 0; i < all.Count; i++)
        {
            if (all[i].Start < 0 || all[i].End > n) throw new Exception($"fix-all edit {all[i].Start}+{all[i].Length} outside {n} chars");
            if (i > 0 && all[i].Start < all[i - 1].End) throw new Exception("fix-all edits overlap");
        }
        TextEdit.Apply(text, all);
        _ = a.Evidence; _ = a.PartStats; _ = a.Minutes; _ = a.Document.Title;
        return a;
    }

    /// <summary>The bank over fuzzed stories: no throw, every story-scoped range inside its story.</summary>
    public static void CheckBank(IReadOnlyList<string> texts)
    {
        var stories = texts.Select((t, i) => new BankStory($"s{i}.story.md", StoryAnalyzer.Analyze(t))).ToList();
        var bank = BankAnalyzer.Analyze(stories);
        foreach (var d in bank.Diagnostics)
        {
            if (d.Path is null) continue;
            var story = stories.First(s => s.Path == d.Path);
            int n = story.Analysis.Document.Text.Length;
            if (d.Start < 0 || d.End < d.Start || d.End > n) throw new Exception($"bank {d.RuleId}: {d.Start}..{d.End} outside {n}");
        }
    }

    public static string Repeat(string s, int count) => new StringBuilder(s.Length * count).Insert(0, s, count).ToString();
}
