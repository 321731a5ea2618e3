namespace PmPrep.Core.Text;

/// <summary>A zero-based position as LSP counts it: line, and UTF-16 code units within the line.</summary>
public readonly record struct Position(int Line, int Character)
{
    public override string ToString() => $"{Line}:{Character}";
}

/// <summary>A half-open range of positions.</summary>
public readonly record struct TextRange(Position Start, Position End)
{
    public bool Contains(Position p) =>
        Compare(Start, p) <= 0 && Compare(p, End) <= 0;

    public static int Compare(Position a, Position b) =>
        a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Character.CompareTo(b.Character);
}

/// <summary>
/// Maps between string offsets and LSP positions. A line ends at "\n", "\r\n" or a lone "\r"
/// (as LSP says). C# strings are UTF-16, so a character offset inside a line is exactly the
/// LSP character: an emoji counts two, a tab one.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    public LineMap(string text)
    {
        var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
        _length = text.Length;
    }

    public int LineCount => _lineStarts.Length;
    public int Length => _length;

    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>Offset of the end of the line's content (before its line break).</summary>
    public int LineContentEnd(int line, string text)
    {
        line = Math.Clamp(line, 0, _lineStarts.Length - 1);
        int end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _length;
        while (end > _lineStarts[line] && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
        return end;
    }

    public int LineOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int idx = Array.BinarySearch(_lineStarts, offset);
        return idx >= 0 ? idx : ~idx - 1;
    }

    public Position GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int line = LineOf(offset);
        return new Position(line, offset - _lineStarts[line]);
    }

    public TextRange GetRange(int start, int end) => new(GetPosition(start), GetPosition(end));

    /// <summary>
    /// Offset for a position. Positions past the end of a line clamp to the line's end, lines past
    /// the end clamp to the document's end, negative values clamp to zero: a client that sends an
    /// out-of-range position gets the nearest valid place, never an exception.
    /// </summary>
    public int GetOffset(Position p, string text)
    {
        if (p.Line < 0) return 0;
        if (p.Line >= _lineStarts.Length) return _length;
        int start = _lineStarts[p.Line];
        int contentEnd = LineContentEnd(p.Line, text);
        int offset = start + Math.Max(0, p.Character);
        if (offset > contentEnd) offset = contentEnd;
        // Never split a surrogate pair.
        if (offset > 0 && offset < _length && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1]))
            offset--;
        return offset;
    }
}
