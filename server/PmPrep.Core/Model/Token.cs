namespace PmPrep.Core.Model;

public enum TokenKind : byte { Word, Number, Punct }

/// <summary>A token of prose. Start and End are offsets in the prose text of its block.</summary>
public readonly struct Token
{
    public Token(int start, int end, TokenKind kind, string text, bool inQuote)
        : this(start, end, kind, text, LowerOf(text), inQuote)
    {
    }

    /// <summary>A token whose lower-case form is already known (the tokenizer's word pool keeps both).</summary>
    internal Token(int start, int end, TokenKind kind, string text, string lower, bool inQuote)
    {
        Start = start; End = end; Kind = kind; Text = text; Lower = lower; InQuote = inQuote;
    }

    public int Start { get; }
    public int End { get; }
    public TokenKind Kind { get; }
    public string Text { get; }
    /// <summary>Lower case, with "\u2019" as "'".</summary>
    public string Lower { get; }
    public bool InQuote { get; }

    /// <summary>Lower case with typographic apostrophes made straight; no allocation when already so.</summary>
    internal static string LowerOf(string text)
    {
        foreach (char c in text)
            if (char.IsUpper(c) || c == '\u2019')
                return text.ToLowerInvariant().Replace('\u2019', '\'');
        return text;
    }

    public bool IsWordLike => Kind != TokenKind.Punct;
    public bool IsCapitalized => Text.Length > 0 && char.IsUpper(Text[0]);
    public bool Is(string lower) => Lower == lower;
    public override string ToString() => Text;
}
