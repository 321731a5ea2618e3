namespace PmPrep.Core.Model;

/// <summary>
/// Splits prose into words, numbers and punctuation. Hand-written (no regular expressions), so
/// its cost is linear in the text. Numbers keep their currency sign, thousands separators,
/// decimals and a suffix: "$2.1M", "1,000", "4.1", "15%", "10x". "p99" and "Day-7" are words.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>(Math.Max(4, (end - start) / 5));
        bool inQuote = false;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }

            bool currencyStart = IsCurrency(c) && i + 1 < end && char.IsDigit(text[i + 1]);
            if (char.IsLetterOrDigit(c) || currencyStart || (char.IsHighSurrogate(c) && i + 1 < end && char.IsLetter(text, i)))
            {
                int s = i;
                i += currencyStart ? 1 : 0;
                while (i < end)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d)) { i++; continue; }
                    if (char.IsHighSurrogate(d) && i + 1 < end && char.IsLetterOrDigit(text, i)) { i += 2; continue; }
                    if (i + 1 < end && IsJoiner(d, text[i - 1], text[i + 1])) { i++; continue; }
                    break;
                }
                if (i < end && text[i] == '%') i++;
                var (t, lower) = WordPool.Get(text.AsSpan(s, i - s));
                tokens.Add(new Token(s, i, IsNumber(t) ? TokenKind.Number : TokenKind.Word, t, lower, inQuote));
                continue;
            }

            if (char.IsSurrogate(c))
            {
                // An emoji or other symbol outside the BMP: one punctuation token of two code units
                // (or one, for a lone surrogate in malformed input).
                int len = char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                tokens.Add(new Token(i, i + len, TokenKind.Punct, text.Substring(i, len), inQuote));
                i += len;
                continue;
            }

            if (c == '"')
            {
                // A straight quote opens when it is not followed by a space, otherwise closes.
                bool opening = !inQuote;
                tokens.Add(new Token(i, i + 1, TokenKind.Punct, "\"", inQuote || opening));
                inQuote = opening;
                i++;
                continue;
            }
            if (c == '\u201C') { inQuote = true; tokens.Add(new Token(i, i + 1, TokenKind.Punct, "\u201C", true)); i++; continue; }
            if (c == '\u201D') { tokens.Add(new Token(i, i + 1, TokenKind.Punct, "\u201D", true)); inQuote = false; i++; continue; }

            tokens.Add(new Token(i, i + 1, TokenKind.Punct, c < Ascii.Length ? Ascii[c] : c.ToString(), inQuote));
            i++;
        }
        return tokens;
    }

    /// <summary>
    /// The strings of words already seen on this thread, with their lower-case forms: a story
    /// repeats most of its words ("I", "the", "customers"), and a 1 MB file allocated a string per
    /// token (and a second one per capitalised token) that lived as long as its model. Bounded, so
    /// a stream of distinct words (a pasted hash list) stops adding and allocates as before.
    /// </summary>
    private static class WordPool
    {
        private const int MaxEntries = 1 << 16;
        private const int MaxLength = 32;
        [ThreadStatic] private static Dictionary<string, string>? _pool;

        public static (string Text, string Lower) Get(ReadOnlySpan<char> word)
        {
            if (word.Length > MaxLength) { var s = word.ToString(); return (s, Token.LowerOf(s)); }
            var pool = _pool ??= new Dictionary<string, string>(StringComparer.Ordinal);
            var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(word, out var text, out var lower)) return (text, lower);
            text = word.ToString();
            lower = Token.LowerOf(text);
            if (pool.Count < MaxEntries) pool[text] = lower;
            return (text, lower);
        }
    }

    // One string per ASCII character, so punctuation allocates nothing.
    private static readonly string[] Ascii = Enumerable.Range(0, 128).Select(i => ((char)i).ToString()).ToArray();

    private static bool IsCurrency(char c) => c is '$' or '\u20AC' or '\u00A3' or '\u00A5' or '\u20B9';

    // Characters that stay inside a token when letters or digits stand on both sides.
    private static bool IsJoiner(char c, char prev, char next)
    {
        switch (c)
        {
            case '\'':
            case '\u2019':
                return char.IsLetter(prev) && char.IsLetter(next);
            case '-':
            case '/':
            case '&':
                return char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next);
            case '.':
            case ',':
            case ':':
                return char.IsDigit(prev) && char.IsDigit(next);
            default:
                return false;
        }
    }

    /// <summary>True for "42", "4.1", "1,000", "$2.1M", "15%", "10x", "3.5k", "$48M".</summary>
    public static bool IsNumber(string t)
    {
        int i = 0;
        if (i < t.Length && IsCurrency(t[i])) i++;
        int digits = 0;
        while (i < t.Length && (char.IsDigit(t[i]) || ((t[i] == '.' || t[i] == ',') && digits > 0 && i + 1 < t.Length && char.IsDigit(t[i + 1]))))
        {
            if (char.IsDigit(t[i])) digits++;
            i++;
        }
        if (digits == 0) return false;
        if (i == t.Length) return true;
        string rest = t.Substring(i).ToLowerInvariant();
        return rest is "%" or "x" or "k" or "m" or "b" or "bn" or "mm" or "pp" or "pts";
    }
}
