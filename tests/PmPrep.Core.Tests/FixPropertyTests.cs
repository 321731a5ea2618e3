using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Fixes;
using PmPrep.Core.Text;

namespace PmPrep.Core.Tests;

/// <summary>
/// Properties of every offered fix, on generated stories: corpus sentences (and the golden
/// rewrite inputs) mixed with emphasis, links, inline code, lists, headings, block quotes,
/// front matter, fenced code, HTML comments, emoji and CRLF line ends.
/// (a) edits stay inside the flagged sentence and never split a CRLF or a surrogate pair;
/// (b) edits never overlap, within a fix and in fix-all;
/// (c) the fixed text parses and the fixed finding is gone at that spot;
/// (d) fix-all applied twice equals fix-all applied once;
/// (e) front matter, code, link text and targets and comments are never edited.
/// Runs are bounded: a fixed number of documents per property, single-threaded.
/// </summary>
public class FixPropertyTests
{
    public const int Iterations = 250;

    // ---- the document generator -------------------------------------------------------------

    private static readonly Lazy<string[]> Pool = new(() =>
    {
        var list = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(CorpusTests.CorpusDir, "sentences.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            list.Add(doc.RootElement.GetProperty("text").GetString()!);
        }
        list.AddRange(RewriteGoldenTests.Pairs().Select(p => (string)p[1]));
        // One-line sentences: the generator adds its own line breaks and line ends.
        return list.Where(x => !x.Contains('\n') && !x.Contains('\r')).Distinct().ToArray();
    });

    private static readonly string[] Headings =
        { "Context", "Decision", "Impact", "Reflection", "Situation", "Actions", "Results", "Ownership", "Dive Deep", "Bias for Action", "What I'd do differently" };

    private static readonly string[] Emoji = { "\U0001F680", "\U0001F44D", "\u2705", "\U0001F4C8", "\U0001F9EA" };

    /// <summary>A generated story and the source ranges no fix may touch.</summary>
    public sealed record Doc(string Text, IReadOnlyList<(int Start, int End, string Kind)> Protected)
    {
        public override string ToString() => Text.Replace("\r", "\\r").Replace("\n", "\\n\n");
    }

    private sealed class Builder
    {
        private readonly StringBuilder _sb = new();
        public readonly List<(int, int, string)> Protected = new();
        public readonly string Nl;
        public Builder(bool crlf) => Nl = crlf ? "\r\n" : "\n";
        public int Length => _sb.Length;
        public void Text(string s) => _sb.Append(s.Replace("\n", Nl));
        public void Guarded(string s, string kind)
        {
            int start = _sb.Length;
            Text(s);
            Protected.Add((start, _sb.Length, kind));
        }
        public void Line(string s = "") { Text(s); _sb.Append(Nl); }
        public override string ToString() => _sb.ToString();
    }

    public static Doc Build(bool frontMatter, bool crlf, int[] blocks)
    {
        var b = new Builder(crlf);
        var pool = Pool.Value;
        if (frontMatter)
        {
            var fm = blocks.Length > 0 && blocks[0] % 5 == 0
                ? "---\ntitle: We shipped it\nlps: [Customer Obsesion, Dive Deep]\nquestion: Tell me about a time we decided fast.\n---\n"
                : "---\ntitle: We shipped it\nlps: [Customer Obsession, Dive Deep, Bias for Action]\nrole: owner\n---\n";
            b.Guarded(fm, "front matter");
            b.Line();
        }
        if (blocks.Length > 0 && blocks[0] % 3 != 0) { b.Line("# Late-delivery notifications"); b.Line(); }
        foreach (var seed in blocks)
        {
            var r = new Random(seed);
            switch (r.Next(13))
            {
                case <= 4:
                    for (int n = r.Next(1, 4); n > 0; n--) { Sentence(b, r, pool); if (n > 1) b.Text(" "); }
                    b.Line();
                    break;
                case 5:
                    b.Line("## " + Headings[r.Next(Headings.Length)]);
                    break;
                case 6:
                    for (int n = r.Next(1, 4); n > 0; n--) { b.Text(r.Next(2) == 0 ? "- " : "* "); Sentence(b, r, pool); b.Line(); }
                    break;
                case 7:
                {
                    string fence = r.Next(2) == 0 ? "```" : "~~~";
                    b.Guarded($"{fence}text\n{pool[r.Next(pool.Length)]}\nWe decided, our team launched; I think maybe.\n{fence}\n", "code block");
                    break;
                }
                case 8:
                    b.Text("> "); Sentence(b, r, pool); b.Line();
                    break;
                case 9:
                    Sentence(b, r, pool); b.Line(); Sentence(b, r, pool); b.Line();
                    break;
                case 10:
                    b.Guarded("<!-- we decided to launch; I think our team built it -->\n", "comment");
                    break;
                case 11:
                    b.Text("1. "); Sentence(b, r, pool); b.Line();
                    break;
                default:
                    Sentence(b, r, pool); b.Text("  "); b.Line(); Sentence(b, r, pool); b.Line();
                    break;
            }
            b.Line();
        }
        return new Doc(b.ToString(), b.Protected);
    }

    /// <summary>Appends one pool sentence, sometimes decorated with Markdown, code or emoji.</summary>
    private static void Sentence(Builder b, Random r, string[] pool)
    {
        string s = pool[r.Next(pool.Length)];
        var words = s.Split(' ');
        int at = r.Next(words.Length);
        switch (r.Next(16))
        {
            case 12:
            {
                // Emphasis over two words: "**we decided** to ..."
                if (at + 1 < words.Length && char.IsLetter(words[at][0]) && char.IsLetter(words[at + 1][^1]))
                {
                    words[at] = "**" + words[at];
                    words[at + 1] += "**";
                }
                b.Text(string.Join(' ', words));
                return;
            }
            case 13:
                // An entity and an escape: prose characters that are not the source characters.
                for (int k = 0; k < words.Length; k++)
                {
                    if (k > 0) b.Text(" ");
                    if (words[k] == "and") b.Guarded("&amp;", "entity");
                    else if (words[k] == "the") b.Text("th\\e");
                    else if (k == words.Length - 1 && r.Next(2) == 0) { b.Text(words[k].TrimEnd('.')); b.Text(" "); b.Guarded("\\*", "escape"); b.Text(words[k].EndsWith('.') ? "." : ""); }
                    else b.Text(words[k]);
                }
                return;
            case 14:
                for (int k = 0; k < words.Length; k++)
                {
                    if (k > 0) b.Text(" ");
                    if (k == at) { b.Guarded("<https://example.com/we>", "autolink"); b.Text(" "); }
                    b.Text(words[k]);
                }
                return;
            case 15:
                // Inline HTML between words.
                words[at] = "<span>" + words[at] + "</span>";
                b.Text(string.Join(' ', words));
                return;
            case 0:
            {
                string mark = r.Next(3) switch { 0 => "**", 1 => "*", _ => "_" };
                if (words[at].Length > 0 && char.IsLetter(words[at][0]) && char.IsLetter(words[at][^1]))
                    words[at] = mark + words[at] + mark;
                b.Text(string.Join(' ', words));
                return;
            }
            case 1:
            {
                // A link over one or two words: its text and target are both off limits.
                int len = Math.Min(words.Length - at, 1 + r.Next(2));
                for (int k = 0; k < words.Length; k++)
                {
                    if (k > 0) b.Text(" ");
                    if (k == at)
                    {
                        var inner = string.Join(' ', words[at..(at + len)]);
                        string trail = "";
                        while (inner.Length > 1 && !char.IsLetterOrDigit(inner[^1])) { trail = inner[^1] + trail; inner = inner[..^1]; }
                        b.Text("[");
                        b.Guarded(inner, "link text");
                        b.Text("]");
                        b.Guarded("(https://example.com/we/our)", "link target");
                        b.Text(trail);
                        k += len - 1;
                    }
                    else b.Text(words[k]);
                }
                return;
            }
            case 2:
                for (int k = 0; k < words.Length; k++)
                {
                    if (k > 0) b.Text(" ");
                    if (k == at) { b.Guarded("`we launched our-api`", "inline code"); b.Text(" "); }
                    b.Text(words[k]);
                }
                return;
            case 3:
                b.Text(s + " " + Emoji[r.Next(Emoji.Length)]);
                return;
            case 4:
                words[at] = words[at] + " " + Emoji[r.Next(Emoji.Length)];
                b.Text(string.Join(' ', words));
                return;
            case 5:
                b.Text("She said \"" + s + "\" and left.");
                return;
            default:
                b.Text(s);
                return;
        }
    }

    public static readonly Gen<Doc> Docs =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Int[0, int.MaxValue - 1].Array[1, 9], (fm, crlf, blocks) => Build(fm, crlf, blocks));

    // ---- helpers ----------------------------------------------------------------------------

    private static IEnumerable<(Diagnostic D, Fix F)> AllFixes(StoryAnalysis a) =>
        a.Diagnostics.SelectMany(d => d.Fixes.Select(f => (d, f)));

    /// <summary>Where old offset <paramref name="p"/> lands after the edits.</summary>
    private static int Map(int p, IReadOnlyList<TextEdit> edits)
    {
        int shift = 0;
        foreach (var e in edits.OrderBy(e => e.Start))
        {
            if (e.End <= p && !(e.Length == 0 && e.Start == p)) shift += e.NewText.Length - e.Length;
            else if (e.Start < p) return e.Start + shift;
        }
        return p + shift;
    }

    private static bool Splits(string text, int at) =>
        at > 0 && at < text.Length && ((text[at - 1] == '\r' && text[at] == '\n') || (char.IsHighSurrogate(text[at - 1]) && char.IsLowSurrogate(text[at])));

    private static bool IsSentenceRule(string id) => EngineData.Default.Rule(id).Scope == RuleScope.Sentence;

    // ---- the properties ---------------------------------------------------------------------

    [Fact]
    public void Fix_edits_stay_in_their_sentence_and_never_overlap_split_or_touch_code() =>
        Docs.Sample(doc =>
        {
            var text = doc.Text;
            var a = StoryAnalyzer.Analyze(text);
            foreach (var (d, f) in AllFixes(a))
            {
                var edits = f.Edits.OrderBy(e => e.Start).ThenBy(e => e.Length).ToList();
                Assert.NotEmpty(edits);
                for (int i = 0; i < edits.Count; i++)
                {
                    var e = edits[i];
                    Assert.True(e.Start >= 0 && e.End <= text.Length, $"{d.RuleId}: edit outside the text");
                    // (b) no overlap inside one fix
                    if (i > 0) Assert.True(edits[i - 1].End <= e.Start && !(edits[i - 1].Length == 0 && e.Length == 0 && edits[i - 1].Start == e.Start), $"{d.RuleId} \"{f.Title}\": overlapping edits");
                    // (a) no split CRLF or surrogate pair; new text keeps the document's line ends
                    Assert.False(Splits(text, e.Start) || Splits(text, e.End), $"{d.RuleId} \"{f.Title}\": edit splits a CRLF or a surrogate pair at {e.Start}");
                    if (text.Contains("\r\n")) Assert.DoesNotContain("\n", e.NewText.Replace("\r\n", ""));
                    else Assert.DoesNotContain("\r", e.NewText);
                    // (e) never inside front matter (except the front-matter fix itself), code, comments or links
                    foreach (var (ps, pe, kind) in doc.Protected)
                    {
                        if (d.RuleId == "unknown-lp" && kind == "front matter") continue;
                        bool touches = e.Length == 0 ? e.Start > ps && e.Start < pe : e.Start < pe && ps < e.End;
                        Assert.False(touches, $"{d.RuleId} \"{f.Title}\" edits {kind} \"{text[ps..pe]}\"");
                    }
                }
                // (a) a sentence rule's fix stays inside the flagged sentence (and the spaces around it)
                if (IsSentenceRule(d.RuleId))
                {
                    var s = a.Document.Sentences.FirstOrDefault(x => x.SourceStart <= d.Start && d.End <= x.SourceEnd);
                    Assert.NotNull(s);
                    // (closing "**" or "](url)" after the sentence's last character belong to it)
                    int limit = s!.Block.AfterClosingMarkup(s.SourceEnd), first = s.SourceStart;
                    while (limit < text.Length && text[limit] == ' ') limit++;
                    while (first > 0 && text[first - 1] == ' ') first--;
                    // A sentence that is its whole line may take the line with it (its list marker and line end).
                    if (d.RuleId == "lp-name-drop")
                    {
                        while (first > 0 && text[first - 1] != '\n' && " \t>-*+_0123456789.)".Contains(text[first - 1])) first--;
                        while (limit < text.Length && text[limit] is '\r' or ' ' or '\t') limit++;
                        if (limit < text.Length && text[limit] == '\n') limit++;
                    }
                    foreach (var e in edits)
                        Assert.True(e.Start >= first && e.End <= limit, $"{d.RuleId} \"{f.Title}\" edits outside its sentence \"{s.Text}\"");
                }
            }
            // (b) fix-all's edit set never overlaps
            var all = FixAll.Edits(a);
            for (int i = 1; i < all.Count; i++) Assert.True(all[i - 1].End <= all[i].Start, "fix-all edits overlap");
        }, iter: Iterations, threads: 1, print: d => d.ToString());

    [Fact]
    public void Every_fix_parses_and_removes_its_finding_at_that_spot() =>
        Docs.Sample(doc =>
        {
            var text = doc.Text;
            var a = StoryAnalyzer.Analyze(text);
            foreach (var (d, f) in AllFixes(a))
            {
                var after = TextEdit.Apply(text, f.Edits);
                var b = StoryAnalyzer.Analyze(after); // (c) still parses
                int ms = Map(d.Start, f.Edits), me = Math.Max(ms, Map(d.End, f.Edits));
                var still = b.Diagnostics.Where(x => x.RuleId == d.RuleId
                    && (IsSentenceRule(d.RuleId) || x.Message == d.Message)
                    && (me > ms ? x.Start < me && ms < x.End : x.Start < ms && ms < x.End)).ToList();
                Assert.True(still.Count == 0,
                    $"{d.RuleId} \"{f.Title}\" left \"{still.FirstOrDefault()?.Phrase}\" at {ms}:\n--- before\n{text}\n--- after\n{after}");
            }
        }, iter: Iterations, threads: 1, print: d => d.ToString());

    private static readonly Regex AgreementErrors = new(
        @"(?<!\b(?:if|If|wish|though)[^A-Za-z]+)\bI (?:were|are|aren't|weren't)\b|\bI (?:all|both|each|ourselves)\b|\bI(?:'m|’m|'ve|’ve| was| am| have) (?:all|both)\b|\bme (?:all|both)\b|\bwere I\b|\bare I\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex Markup = new(@"\]\([^)\n]*\)|[\[\]*_]|<[^>\n]*>|`[^`\n]*`", RegexOptions.CultureInvariant);
    /// <summary>Counts matches in the text with link targets, brackets, emphasis and tags removed: roughly what a reader sees.</summary>
    private static int Count(string text, Regex r) => r.Matches(Markup.Replace(text, "")).Count;
    private static readonly Regex SpaceBeforePunct = new(@"[^\s] [,.;:!?](?=\s|$)", RegexOptions.CultureInvariant);
    private static readonly Regex DoubleSpace = new(@"[^\s]  +[^\s\r\n]", RegexOptions.CultureInvariant);
    private static readonly Regex LowerSentenceStart = new(@"(?:[.!?] |(?:\A|\n\r?\n)(?:[-*] |\d+\. |> )?)[a-z](?![A-Z])", RegexOptions.CultureInvariant);

    /// <summary>
    /// Meaning-preserving fixes read as English: fix-all adds no agreement error ("I were", "I all",
    /// "me both"), no space before punctuation, no double space and no lower-case sentence start.
    /// </summary>
    [Fact]
    public void Fix_all_adds_no_agreement_or_spacing_errors() =>
        Docs.Sample(doc =>
        {
            var once = FixAll.Apply(doc.Text, null, out _);
            foreach (var r in new[] { AgreementErrors, SpaceBeforePunct, DoubleSpace, LowerSentenceStart })
                Assert.True(Count(once, r) <= Count(doc.Text, r),
                    $"fix-all added \"{r.Matches(Markup.Replace(once, "")).Select(m => m.Value).Except(r.Matches(Markup.Replace(doc.Text, "")).Select(m => m.Value)).FirstOrDefault()}\" ({r}):\n{once}");
        }, iter: Iterations, threads: 1, print: d => d.ToString());

    /// <summary>The generator is worth its time: every rule with a fix gets fixes offered in a sample.</summary>
    [Fact]
    public void Generated_stories_exercise_every_fix()
    {
        var offered = new HashSet<string>();
        Docs.Sample(doc =>
        {
            foreach (var (d, _) in AllFixes(StoryAnalyzer.Analyze(doc.Text))) lock (offered) offered.Add(d.RuleId);
        }, iter: 150, threads: 1, seed: "0N0XIzNsQ0O2");
        var expected = new[] { "we-language", "passive-ownership", "hedging", "weak-ownership-verb", "missing-because", "metric-without-context",
            "team-as-actor", "lp-heading", "missing-section", "missing-reflection", "unknown-lp", "lp-name-drop" };
        Assert.Empty(expected.Except(offered));
    }

    [Fact]
    public void Fix_all_is_idempotent_and_never_touches_code_or_front_matter() =>
        Docs.Sample(doc =>
        {
            var once = FixAll.Apply(doc.Text, null, out _);
            var twice = FixAll.Apply(once, null, out _);
            Assert.Equal(once, twice); // (d)
            // The editor gets fix-all as one minimal edit: it must rebuild the same text and split nothing.
            if (FixAll.Minimal(doc.Text, once) is { } minimal)
            {
                Assert.Equal(once, TextEdit.Apply(doc.Text, new[] { minimal }));
                Assert.False(Splits(doc.Text, minimal.Start) || Splits(doc.Text, minimal.End), "fix-all's minimal edit splits a CRLF or a surrogate pair");
            }
            // (e) every protected piece survives, in order
            int from = 0;
            foreach (var (ps, pe, kind) in doc.Protected)
            {
                var piece = doc.Text[ps..pe];
                int at = once.IndexOf(piece, from, StringComparison.Ordinal);
                Assert.True(at >= 0, $"fix-all changed {kind} \"{piece}\"");
                from = at + piece.Length;
            }
            // Only mechanical edits: no placeholder ever appears.
            Assert.Equal(doc.Text.Count(c => c == '['), once.Count(c => c == '['));
        }, iter: Iterations, threads: 1, print: d => d.ToString());
}
