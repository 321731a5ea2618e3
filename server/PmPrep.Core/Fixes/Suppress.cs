using System.Text;
using Markdig;
using PmPrep.Core.Analysis;
using PmPrep.Core.Model;
using PmPrep.Core.Text;

namespace PmPrep.Core.Fixes;

/// <summary>
/// The "disable" quick fixes every finding offers: an HTML comment that silences one rule on the
/// finding's line (<c>pmprep-disable-next-line</c>) or in the whole file (<c>pmprep-disable-file</c>,
/// after the front matter). HTML comments never show in the Markdown preview; where a comment line
/// would change the rendered page (inside a paragraph that continues from the line above, it would
/// split the paragraph), the comment goes at the end of the line above instead, inline. Every edit
/// is checked: the page renders the same, comments aside, or no edit is offered.
/// </summary>
public static class Suppress
{
    private static readonly MarkdownPipeline Render = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static string LineTitle(string ruleId) => $"Disable {ruleId} for this line";
    public static string FileTitle(string ruleId) => $"Disable {ruleId} in this file";

    public static string NextLineComment(string ruleId) => $"<!-- pmprep-disable-next-line {ruleId} -->";
    public static string FileComment(string ruleId) => $"<!-- pmprep-disable-file {ruleId} -->";

    /// <summary>
    /// The edit that disables <paramref name="ruleId"/> on the line of source offset
    /// <paramref name="at"/>, or null where no comment fits (front matter, code).
    /// </summary>
    public static TextEdit? ForLine(StoryDocument doc, string ruleId, int at)
    {
        string text = doc.Text;
        at = Math.Clamp(at, 0, text.Length);
        if (doc.FrontMatter is { } fm && at < fm.SourceEnd) return null;
        int line = doc.Lines.GetRange(at, at).Start.Line;
        int lineStart = doc.Lines.LineStart(line);
        string nl = NewLine(text);
        string comment = NextLineComment(ruleId);
        var candidates = new List<TextEdit>(2);

        // A paragraph that started on an earlier line: a comment line would split it, so the
        // comment goes at the end of the line above, inside the paragraph.
        var block = doc.Sentences.Select(s => s.Block).FirstOrDefault(b => b.SourceStart <= at && at <= b.SourceEnd);
        bool continuation = block is not null && block.SourceStart < lineStart && line > 0;
        if (continuation) candidates.Add(Inline(text, doc.Lines.LineStart(line - 1), lineStart, comment));
        candidates.Add(OwnLine(text, lineStart, comment, nl, inItem: true));
        candidates.Add(OwnLine(text, lineStart, comment, nl, inItem: false));
        if (!continuation && line > 0 && !Blank(text, doc.Lines.LineStart(line - 1), lineStart))
            candidates.Add(Inline(text, doc.Lines.LineStart(line - 1), lineStart, comment));

        string before = Visible(text);
        foreach (var edit in candidates)
        {
            var after = TextEdit.Apply(text, new[] { edit });
            if (Visible(after) != before) continue;
            // The directive must land on the line right above the finding's.
            var check = Parsing.StoryParser.Parse(after);
            int newLine = line + CountNewLines(edit.NewText) - CountNewLines(text, edit.Start, edit.End);
            if (check.Suppressions.IsSuppressed(ruleId, newLine)) return edit;
        }
        return null;
    }

    /// <summary>The edit that disables <paramref name="ruleId"/> in the whole file: a comment after the front matter (or at the top).</summary>
    public static TextEdit ForFile(StoryDocument doc, string ruleId)
    {
        string text = doc.Text;
        string nl = NewLine(text);
        int at = 0;
        if (doc.FrontMatter is { } fm)
        {
            // An unclosed front matter swallows the top of the file: put the comment at the end.
            if (fm.Error is not null && fm.SourceEnd <= fm.SourceStart + 3)
                return new TextEdit(text.Length, 0, (text.Length > 0 && text[^1] != '\n' ? nl : "") + FileComment(ruleId) + nl);
            at = fm.SourceEnd;
            if (at > 0 && text[at - 1] != '\n') return new TextEdit(at, 0, nl + FileComment(ruleId));
        }
        else if (text.Length > 0 && text[0] == '\uFEFF') at = 1;
        // Join an existing disable-file comment on that line: "<!-- pmprep-disable-file a -->" -> "... a b -->".
        int lineEnd = text.IndexOf('\n', at);
        string first = text.Substring(at, (lineEnd < 0 ? text.Length : lineEnd) - at).TrimEnd('\r');
        const string Open = "<!-- pmprep-disable-file ";
        if (first.StartsWith(Open, StringComparison.Ordinal) && first.EndsWith(" -->", StringComparison.Ordinal)
            && first.IndexOf("-->", StringComparison.Ordinal) == first.Length - 3 && first.Length > Open.Length + 4)
            return new TextEdit(at + first.Length - 4, 0, " " + ruleId);
        return new TextEdit(at, 0, FileComment(ruleId) + nl);
    }

    /// <summary>"&lt;!-- ... --&gt;" at the end of the line above, before its trailing spaces or hard-break backslash.</summary>
    private static TextEdit Inline(string text, int prevStart, int lineStart, string comment)
    {
        int end = lineStart;
        while (end > prevStart && text[end - 1] is '\n' or '\r') end--;
        int content = end;
        while (content > prevStart && text[content - 1] is ' ' or '\t') content--;
        if (content > prevStart && text[content - 1] == '\\' && content == end) content--;
        return new TextEdit(content, 0, " " + comment);
    }

    /// <summary>The comment on its own line above, with the line's block-quote markers and indentation.</summary>
    private static TextEdit OwnLine(string text, int lineStart, string comment, string nl, bool inItem)
    {
        var prefix = new StringBuilder();
        int i = lineStart;
        // Block-quote markers and indentation: "> > ", "  ".
        while (i < text.Length && text[i] is ' ' or '\t' or '>') prefix.Append(text[i++]);
        // A list item: the comment belongs inside the list, at the item's content column, so that
        // the list stays one list ("- " -> two spaces, "12. " -> four).
        // (A list that follows another block right after a blank line may need the comment outside
        // it instead: the caller tries both and keeps the one whose page renders the same.)
        int marker = inItem ? ListMarkerWidth(text, i) : 0;
        if (marker > 0) prefix.Append(' ', marker);
        return new TextEdit(lineStart, 0, prefix + comment + nl);
    }

    private static int ListMarkerWidth(string text, int i)
    {
        int j = i;
        if (j < text.Length && text[j] is '-' or '*' or '+') j++;
        else
        {
            while (j < text.Length && j - i < 9 && char.IsAsciiDigit(text[j])) j++;
            if (j == i || j >= text.Length || text[j] is not ('.' or ')')) return 0;
            j++;
        }
        if (j >= text.Length || text[j] is not (' ' or '\t')) return 0;
        while (j < text.Length && text[j] == ' ' && j - i < 8) j++;
        return j - i;
    }

    private static bool Blank(string text, int from, int to)
    {
        for (int k = from; k < to; k++) if (!char.IsWhiteSpace(text[k])) return false;
        return true;
    }

    private static string NewLine(string text)
    {
        int n = text.IndexOf('\n');
        return n > 0 && text[n - 1] == '\r' ? "\r\n" : "\n";
    }

    private static int CountNewLines(string s, int from = 0, int to = -1)
    {
        if (to < 0) to = s.Length;
        int c = 0;
        for (int k = from; k < to; k++) if (s[k] == '\n') c++;
        return c;
    }

    private static readonly string[] Boundaries = { "<br", "</p>", "</li>", "</blockquote>", "</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>", "</ul>", "</ol>", "</td>", "</th>" };

    private static bool BlockBoundary(string html, int at)
    {
        foreach (var b in Boundaries)
            if (string.CompareOrdinal(html, at, b, 0, b.Length) == 0) return true;
        return false;
    }

    /// <summary>What the Markdown preview shows: the rendered HTML without comments, white space collapsed.</summary>
    public static string Visible(string markdown)
    {
        string html = Markdown.ToHtml(markdown, Render);
        var sb = new StringBuilder(html.Length);
        int i = 0;
        while (i < html.Length)
        {
            int open = html.IndexOf("<!--", i, StringComparison.Ordinal);
            if (open < 0) { sb.Append(html, i, html.Length - i); break; }
            sb.Append(html, i, open - i);
            int close = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
            i = close < 0 ? html.Length : close + 3;
        }
        // Collapse white space, and drop it where a browser shows none: between tags, and before
        // a line break or the end of a block ("flat. </li>" reads as "flat.</li>").
        string stripped = sb.ToString();
        var outSb = new StringBuilder(stripped.Length);
        bool space = false;
        for (int k = 0; k < stripped.Length; k++)
        {
            char c = stripped[k];
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && outSb.Length > 0 && !(c == '<' && (outSb[^1] == '>' || BlockBoundary(stripped, k)))) outSb.Append(' ');
            space = false;
            outSb.Append(c);
        }
        return outSb.ToString();
    }
}
