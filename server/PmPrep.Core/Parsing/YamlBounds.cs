using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PmPrep.Core.Parsing;

/// <summary>
/// A linear pre-check that runs before YamlDotNet sees any user YAML (front matter,
/// `.pmprep.yaml`). YamlDotNet parses nested collections recursively, and a stack overflow cannot
/// be caught in .NET: 50,000 nested <c>[</c> (100 KB) used to end the process. This scan counts, in
/// one pass and without recursion, how deep block indentation (plus compact <c>- </c> and <c>? </c>
/// markers) and flow brackets nest, skipping quoted scalars (with their escapes), comments and
/// block scalars (<c>|</c>, <c>&gt;</c>). It over-counts rather than under-counts: any YAML it
/// passes is at most <see cref="MaxDepth"/> deep for YamlDotNet; a story's front matter is 2 deep.
/// </summary>
public static class YamlBounds
{
    /// <summary>Deeper YAML is refused.</summary>
    public const int MaxDepth = 64;
    /// <summary>Front matter larger than this (UTF-8 bytes) is refused: a story's is a few hundred bytes.</summary>
    public const int MaxFrontMatterBytes = 64 * 1024;

    /// <summary>Why the YAML may not be parsed (too large or too deep), with a 1-based line; null when it may.</summary>
    public static (string Reason, int Offset)? Check(string yaml, int maxBytes)
    {
        int bytes = System.Text.Encoding.UTF8.GetByteCount(yaml);
        if (bytes > maxBytes)
            return ($"the YAML is {bytes / 1024.0:0.#} KB; the limit is {maxBytes / 1024} KB", 0);

        var indents = new Stack<int>();
        int flow = 0;
        char quote = '\0';
        int blockScalarParent = -1;   // indent of the line that opened a | or > scalar, -1 outside one
        int line = 1;
        int i = 0;
        while (i < yaml.Length)
        {
            int lineStart = i;
            int lineEnd = i;
            while (lineEnd < yaml.Length && yaml[lineEnd] != '\n' && yaml[lineEnd] != '\r') lineEnd++;
            int next = lineEnd;
            if (next < yaml.Length && yaml[next] == '\r') next++;
            if (next < yaml.Length && yaml[next] == '\n') next++;

            int indent = 0;
            while (lineStart + indent < lineEnd && yaml[lineStart + indent] is ' ' or '\t') indent++;
            bool blank = lineStart + indent == lineEnd;
            int at = lineStart + indent;

            if (quote == '\0' && blockScalarParent >= 0)
            {
                if (blank || indent > blockScalarParent) { i = next; line++; continue; }   // the scalar's own text
                blockScalarParent = -1;
            }
            if (quote == '\0' && flow == 0 && !blank && yaml[at] != '#')
            {
                while (indents.Count > 0 && indents.Peek() > indent) indents.Pop();
                if (indents.Count == 0 || indents.Peek() < indent) indents.Push(indent);
                int depth = indents.Count;
                // Compact nesting on one line: "- - - x", "? - x", "- key: - x" are each a level more.
                int j = at;
                while (j < lineEnd && yaml[j] is '-' or '?' or ':' && (j + 1 == lineEnd || yaml[j + 1] is ' ' or '\t'))
                {
                    depth++;
                    j++;
                    while (j < lineEnd && yaml[j] is ' ' or '\t') j++;
                }
                if (depth > MaxDepth) return TooDeep(line, lineStart);
            }

            int blockDepth = indents.Count;
            int lastSignificant = -1;
            // A quote opens a quoted scalar only where a node starts: after the indentation, after
            // "- ", "? ", ": ", "[", "{", ",", or an anchor or tag. Elsewhere ("don't", `say "hi"`) it is text.
            bool nodeStart = true;
            for (int k = quote != '\0' ? lineStart : at; k < lineEnd; k++)
            {
                char c = yaml[k];
                if (quote == '"')
                {
                    if (c == '\\') { k++; continue; }
                    if (c == '"') { quote = '\0'; nodeStart = false; }
                    continue;
                }
                if (quote == '\'')
                {
                    if (c == '\'')
                    {
                        if (k + 1 < lineEnd && yaml[k + 1] == '\'') { k++; continue; }   // '' is an escaped quote
                        quote = '\0';
                        nodeStart = false;
                    }
                    continue;
                }
                if (c is ' ' or '\t') continue;
                lastSignificant = k;
                if (c == '#' && (k == lineStart || yaml[k - 1] is ' ' or '\t')) { lastSignificant = -1; break; }   // a comment to the end of the line
                if (c is '"' or '\'' && nodeStart) { quote = c; continue; }
                if (c is '[' or '{')
                {
                    flow++;
                    if (blockDepth + flow > MaxDepth) return TooDeep(line, k);
                    nodeStart = true;
                }
                else if (c is ']' or '}')
                {
                    if (flow > 0) flow--;
                    nodeStart = false;
                }
                else if (c == ',' && flow > 0) nodeStart = true;
                else if (c is '-' or '?' or ':' && (k + 1 == lineEnd || yaml[k + 1] is ' ' or '\t' || flow > 0 && c == ':')) nodeStart = true;
                else if (c is '&' or '!' && nodeStart)
                {
                    while (k + 1 < lineEnd && yaml[k + 1] is not (' ' or '\t')) k++;   // an anchor or tag: the node follows it
                }
                else nodeStart = false;
            }
            // "key: |", "- >-", "text: |2": the lines below, indented more, are the scalar's text.
            if (quote == '\0' && flow == 0 && lastSignificant >= 0 && IsBlockScalarHeader(yaml, lineStart, lastSignificant))
                blockScalarParent = indent;
            i = next;
            line++;
        }
        return null;
    }

    /// <summary>
    /// <see cref="Check"/>, then a second, exact count on YamlDotNet's event parser (which is a
    /// state machine with an explicit stack, not recursive; only the representation model that
    /// builds nodes from the events recurses). The scan alone guesses at quotes; the events cannot
    /// be fooled, so YAML that passes both is at most <see cref="MaxDepth"/> deep when
    /// <c>YamlStream.Load</c> recurses over it.
    /// </summary>
    public static (string Reason, int Offset)? CheckAll(string yaml, int maxBytes)
    {
        if (Check(yaml, maxBytes) is { } scan) return scan;
        try
        {
            var parser = new Parser(new StringReader(yaml));
            int depth = 0;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case SequenceStart or MappingStart:
                        if (++depth > MaxDepth)
                            return TooDeep(0, (int)Math.Clamp(parser.Current.Start.Index, 0, yaml.Length));
                        break;
                    case SequenceEnd or MappingEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException) { }   // a syntax error: the real load reports it with its position
        return null;
    }

    private static bool IsBlockScalarHeader(string yaml, int lineStart, int last)
    {
        int k = last;
        // Up to two indicators after | or >: chomping (+ or -) and an indentation digit, in either order.
        for (int n = 0; n < 2 && k > lineStart && (yaml[k] is '+' or '-' || char.IsAsciiDigit(yaml[k])); n++) k--;
        if (yaml[k] is not ('|' or '>')) return false;
        return k == lineStart || yaml[k - 1] is ' ' or '\t';
    }

    private static (string, int) TooDeep(int line, int offset) =>
        ($"the YAML nests more than {MaxDepth} levels deep; it is not read", offset);

    /// <summary>The 1-based line of an offset (for messages about a whole file).</summary>
    public static int LineOf(string yaml, int offset)
    {
        int line = 1;
        for (int i = 0; i < offset && i < yaml.Length; i++) if (yaml[i] == '\n') line++;
        return line;
    }
}
