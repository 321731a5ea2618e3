namespace PmPrep.Core.Model;

public enum BlockKind { Paragraph, Heading }

/// <summary>
/// The prose of one Markdown block (a paragraph, list item paragraph, quote paragraph or heading)
/// with markup, code, HTML and link targets removed. Every prose character maps back to the
/// source offset it came from, so findings land on the exact characters the user typed.
/// </summary>
public sealed class ProseBlock
{
    private readonly int[] _map;
    /// <summary>For each prose character, the source offset just after the markup element it came from.</summary>
    private readonly int[] _ends;

    private readonly string _source;

    internal ProseBlock(BlockKind kind, string text, int[] map, int[] ends, int headingLevel, string source)
    {
        Kind = kind; Text = text; _map = map; _ends = ends; HeadingLevel = headingLevel; _source = source;
    }

    public BlockKind Kind { get; }
    public int HeadingLevel { get; }
    public string Text { get; }
    public List<Sentence> Sentences { get; } = new();
    /// <summary>Set once by the parser, before the block is split: its sentences are views of this list.</summary>
    public List<Token> Tokens { get; internal set; } = new();
    /// <summary>True inside a Markdown block quote: quoted text that fixes never rewrite.</summary>
    public bool InBlockQuote { get; internal init; }
    /// <summary>Prose ranges [start, end) that are link text: fixes never edit inside them.</summary>
    public IReadOnlyList<(int Start, int End)> LinkRanges { get; internal init; } = Array.Empty<(int, int)>();

    /// <summary>
    /// The source offset where text inserted at prose offset <paramref name="proseOffset"/> belongs, or
    /// -1 when that point is inside one markup element (an entity or an escape) and has no clean source position.
    /// </summary>
    public int InsertionPoint(int proseOffset)
    {
        if (_map.Length == 0) return -1;
        if (proseOffset <= 0) return _map[0];
        if (proseOffset >= _map.Length) return AfterClosingMarkup(_ends[^1]);
        return _ends[proseOffset - 1] <= _map[proseOffset] ? _map[proseOffset] : -1;
    }

    /// <summary>
    /// The source offset after the closing inline markup that ends the block at <paramref name="sourceOffset"/>
    /// ("**", "_", "~~", and a link's "](target)"), so that text appended to a block lands outside it.
    /// </summary>
    public int AfterClosingMarkup(int sourceOffset)
    {
        int at = sourceOffset;
        while (at < _source.Length)
        {
            char c = _source[at];
            if (c is '*' or '_' or '~') { at++; continue; }
            if (c == ']' && at + 1 < _source.Length && _source[at + 1] == '(')
            {
                int close = _source.IndexOf(')', at + 2);
                int nl = _source.IndexOf('\n', at + 2);
                if (close < 0 || (nl >= 0 && nl < close)) break;
                at = close + 1;
                continue;
            }
            break;
        }
        return at;
    }

    /// <summary>True when the prose range [start, end) touches link text (an insertion strictly inside one counts too).</summary>
    public bool TouchesLink(int start, int end)
    {
        foreach (var (a, b) in LinkRanges)
            if (start == end ? start > a && start < b : start < b && a < end) return true;
        return false;
    }

    public int SourceStart => _map.Length == 0 ? 0 : _map[0];
    public int SourceEnd => _map.Length == 0 ? 0 : _ends[^1];

    /// <summary>Source offset of a prose offset.</summary>
    public int ToSource(int proseOffset)
    {
        if (_map.Length == 0) return 0;
        if (proseOffset >= _map.Length) return _map[^1] + 1;
        return _map[Math.Max(0, proseOffset)];
    }

    /// <summary>Source offset just after the prose character before <paramref name="proseEnd"/>.</summary>
    public int ToSourceEnd(int proseEnd)
    {
        if (_map.Length == 0 || proseEnd <= 0) return ToSource(0);
        return _ends[Math.Min(proseEnd, _map.Length) - 1];
    }

    /// <summary>
    /// True when the prose range [start, end) is the same characters, one for one, in the source:
    /// no markup, entity or line break in between. Fixes only ever edit such ranges, so an edit
    /// cannot eat a "**" or a link.
    /// </summary>
    public bool IsContiguous(int start, int end)
    {
        if (start < 0 || end > _map.Length || start >= end) return start == end;
        if (_map[end - 1] - _map[start] != end - 1 - start) return false;
        return string.CompareOrdinal(Text, start, _source, _map[start], end - start) == 0;
    }
}
