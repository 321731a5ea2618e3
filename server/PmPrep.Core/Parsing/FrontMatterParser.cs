using PmPrep.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PmPrep.Core.Parsing;

/// <summary>
/// Finds and reads the YAML front matter with YamlDotNet's representation model (no reflection,
/// so it works under Native AOT). A YAML error becomes <see cref="FrontMatter.Error"/>, never an
/// exception.
/// </summary>
internal static class FrontMatterParser
{
    public static FrontMatter? Parse(string text)
    {
        int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (!IsFenceLine(text, start, out int yamlStart, "---")) return null;

        // Find the closing fence: a line that is exactly "---" or "...".
        int lineStart = yamlStart;
        while (lineStart < text.Length)
        {
            int lineEnd = LineEnd(text, lineStart, out int next);
            var line = text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd();
            if (line.SequenceEqual("---") || line.SequenceEqual("..."))
            {
                var fm = new FrontMatter { SourceStart = start, SourceEnd = next, YamlStart = yamlStart, YamlEnd = lineStart };
                Read(text, fm);
                return fm;
            }
            lineStart = next;
        }
        return new FrontMatter
        {
            SourceStart = start, SourceEnd = start + 3, YamlStart = yamlStart, YamlEnd = yamlStart,
            Error = "the front matter opened with \"---\" on line 1 has no closing \"---\" line", ErrorOffset = start,
        };
    }

    private static bool IsFenceLine(string text, int at, out int next, string fence)
    {
        next = at;
        if (string.CompareOrdinal(text, at, fence, 0, fence.Length) != 0) return false;
        int end = LineEnd(text, at, out next);
        return text.AsSpan(at, end - at).TrimEnd().SequenceEqual(fence);
    }

    private static int LineEnd(string text, int at, out int next)
    {
        int i = at;
        while (i < text.Length && text[i] != '\n' && text[i] != '\r') i++;
        next = i;
        if (next < text.Length && text[next] == '\r') next++;
        if (next < text.Length && text[next] == '\n') next++;
        return i;
    }

    private static void Read(string text, FrontMatter fm)
    {
        string yaml = text.Substring(fm.YamlStart, fm.YamlEnd - fm.YamlStart);
        if (string.IsNullOrWhiteSpace(yaml)) return;
        // Bounded before YamlDotNet's recursive loader sees it: a stack overflow cannot be caught.
        if (YamlBounds.CheckAll(yaml, YamlBounds.MaxFrontMatterBytes) is { } tooMuch)
        {
            fm.Error = tooMuch.Reason;
            fm.ErrorOffset = fm.YamlStart + Math.Clamp(tooMuch.Offset, 0, yaml.Length);
            return;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            fm.Error = $"line {ex.Start.Line + FirstLineNumber(text, fm.YamlStart) - 1}, column {ex.Start.Column}: {Reason(ex)}";
            fm.ErrorOffset = fm.YamlStart + (int)Math.Clamp(ex.Start.Index, 0, yaml.Length);
            return;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // The representation model can fail after the parser gave up; ask the parser itself
            // where, so the message still quotes a line and a reason.
            var (reason, index, line, column) = Locate(yaml);
            fm.Error = reason is null
                ? "the YAML could not be read (an unclosed bracket or quote?)"
                : $"line {line + FirstLineNumber(text, fm.YamlStart) - 1}, column {column}: {reason}";
            fm.ErrorOffset = fm.YamlStart + Math.Clamp(index, 0, yaml.Length);
            return;
        }
        if (stream.Documents.Count == 0) return;
        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            fm.Error = "the front matter is not a list of `key: value` lines";
            fm.ErrorOffset = fm.YamlStart;
            return;
        }
        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (keyNode is not YamlScalarNode key || key.Value is null) continue;
            switch (key.Value.Trim().ToLowerInvariant())
            {
                case "title": fm.Title = Scalar(valueNode, fm.YamlStart); break;
                case "project": fm.Project = Scalar(valueNode, fm.YamlStart); break;
                case "role": fm.Role = Scalar(valueNode, fm.YamlStart); break;
                case "question": fm.Question = Scalar(valueNode, fm.YamlStart); break;
                case "lps":
                case "lp":
                case "principles":
                case "leadership principles":
                    fm.Lps = List(valueNode, fm.YamlStart);
                    fm.LpsKeySpan = (fm.YamlStart + (int)key.Start.Index, fm.YamlStart + (int)Math.Max(key.End.Index, valueNode.End.Index));
                    break;
                default:
                    var v = Scalar(valueNode, fm.YamlStart);
                    if (v is not null) fm.Other[key.Value.Trim()] = v;
                    break;
            }
        }
    }

    private static (string? Reason, int Index, long Line, long Column) Locate(string yaml)
    {
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext()) { }
        }
        catch (YamlException ex)
        {
            return (Reason(ex), (int)ex.Start.Index, ex.Start.Line, ex.Start.Column);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
        }
        return Unclosed(yaml);
    }

    /// <summary>The first "[", "{" or quote that is never closed, as a line and column.</summary>
    private static (string? Reason, int Index, long Line, long Column) Unclosed(string yaml)
    {
        var open = new Stack<(char, int)>();
        char quote = '\0';
        int quoteAt = 0;
        for (int i = 0; i < yaml.Length; i++)
        {
            char c = yaml[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c == '#' && (i == 0 || char.IsWhiteSpace(yaml[i - 1]))) { while (i < yaml.Length && yaml[i] != '\n') i++; continue; }
            if (c is '"' or '\'' && (i == 0 || !char.IsLetterOrDigit(yaml[i - 1]))) { quote = c; quoteAt = i; continue; }
            if (c is '[' or '{') open.Push((c, i));
            else if (c is ']' or '}' && open.Count > 0) open.Pop();
        }
        (char ch, int at) = quote != '\0' ? (quote, quoteAt) : open.Count > 0 ? open.ToArray()[^1] : ('\0', 0);
        if (ch == '\0') return (null, 0, 1, 1);
        long line = 1, col = 1;
        for (int i = 0; i < at; i++) { if (yaml[i] == '\n') { line++; col = 1; } else col++; }
        return ($"the {ch} opened here is never closed", at, line, col);
    }

    private static string Reason(YamlException ex)
    {
        // YamlDotNet prefixes its message with "(Line: x, Col: y, Idx: z) - (Line..): ".
        string m = ex.Message;
        int i = m.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 ? m[(i + 3)..] : m;
    }

    private static int FirstLineNumber(string text, int offset)
    {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text[i] == '\n') line++;
        return line;
    }

    private static FrontMatterValue? Scalar(YamlNode node, int baseOffset)
    {
        if (node is YamlScalarNode s && s.Value is not null)
            return new FrontMatterValue(s.Value.Trim(), baseOffset + (int)s.Start.Index, baseOffset + (int)s.End.Index);
        return null;
    }

    private static List<FrontMatterValue> List(YamlNode node, int baseOffset)
    {
        var list = new List<FrontMatterValue>();
        switch (node)
        {
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                    if (Scalar(item, baseOffset) is { } v && v.Value.Length > 0) list.Add(v);
                break;
            case YamlScalarNode s when s.Value is not null:
                // "lps: Dive Deep, Ownership": split on commas, keeping each name's own span.
                // Names with a comma or semicolon inside ("Are Right, A Lot") are rejoined by the catalog.
                int valueStart = baseOffset + (int)s.Start.Index;
                bool quoted = s.Style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted;
                int at = 0;
                foreach (var part in s.Value.Split(','))
                {
                    int lead = part.Length - part.TrimStart().Length;
                    string name = part.Trim();
                    if (name.Length > 0)
                        list.Add(new FrontMatterValue(name, valueStart + (quoted ? 1 : 0) + at + lead, valueStart + (quoted ? 1 : 0) + at + lead + name.Length));
                    at += part.Length + 1;
                }
                break;
        }
        return list;
    }
}
