namespace PmPrep.Core.Model;

/// <summary>
/// A sentence of prose. Start and End are offsets in its block's prose text; use
/// <see cref="ProseBlock.SourceStart"/> and friends to reach the document.
/// </summary>
public sealed class Sentence
{
    internal Sentence(ProseBlock block, int start, int end, Token[] tokens, Token[] words)
    {
        Block = block; Start = start; End = end; Tokens = tokens; Words = words;
    }

    public ProseBlock Block { get; }
    public int Start { get; }
    public int End { get; }
    /// <summary>All tokens, punctuation included.</summary>
    public Token[] Tokens { get; }
    /// <summary>Word and number tokens only: what phrase patterns match against.</summary>
    public Token[] Words { get; }
    public int Index { get; internal set; }
    public Part? Part { get; internal set; }
    /// <summary>The next sentence of the same paragraph, if any.</summary>
    public Sentence? Next { get; internal set; }

    /// <summary>
    /// True when a punctuation token lies within prose offsets [from, to) (one of
    /// <paramref name="marks"/>, when given). A binary search over the sorted tokens, so rules can ask
    /// this for every word of a long sentence without going quadratic.
    /// </summary>
    public bool HasPunctuationBetween(int from, int to, params string[] marks)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (Tokens[mid].Start < from) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < Tokens.Length && Tokens[i].Start < to; i++)
        {
            var t = Tokens[i];
            if (t.Kind != TokenKind.Punct || t.End > to) continue;
            if (marks.Length == 0 || Array.IndexOf(marks, t.Text) >= 0) return true;
        }
        return false;
    }

    public string Text => Block.Text.Substring(Start, End - Start);
    public int SourceStart => Block.ToSource(Start);
    public int SourceEnd => Block.ToSourceEnd(End);
    public override string ToString() => Text;
}
