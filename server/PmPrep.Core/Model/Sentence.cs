namespace PmPrep.Core.Model;

/// <summary>
/// A sentence of prose. Start and End are offsets in its block's prose text; use
/// <see cref="ProseBlock.SourceStart"/> and friends to reach the document.
/// </summary>
public sealed class Sentence
{
    private readonly int _firstToken;
    private readonly int _tokenCount;

    internal Sentence(ProseBlock block, int start, int end, int firstToken, int tokenCount, Token[] words)
    {
        Block = block; Start = start; End = end; _firstToken = firstToken; _tokenCount = tokenCount; Words = words;
    }

    public ProseBlock Block { get; }
    public int Start { get; }
    public int End { get; }
    /// <summary>All tokens, punctuation included: a view of the block's tokens, not a copy.</summary>
    public ReadOnlySpan<Token> Tokens => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Block.Tokens).Slice(_firstToken, _tokenCount);
    /// <summary>Word and number tokens only: what phrase patterns match against.</summary>
    public Token[] Words { get; }
    public int Index { get; internal set; }
    public Part? Part { get; internal set; }
    /// <summary>The next sentence of the same paragraph, if any.</summary>
    public Sentence? Next { get; internal set; }

    public string Text => Block.Text.Substring(Start, End - Start);
    public int SourceStart => Block.ToSource(Start);
    public int SourceEnd => Block.ToSourceEnd(End);
    public override string ToString() => Text;
}
