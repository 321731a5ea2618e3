using PmPrep.Core.Model;

namespace PmPrep.Core.Parsing;

/// <summary>
/// Splits a block's prose into sentences at ".", "!" and "?" followed by white space, unless the
/// period ends an abbreviation ("e.g.", "U.S.", "Dr.", "vs.") or an initial. Decimals ("3.5",
/// "$2.1M") never split because the tokenizer keeps them inside one token.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "sr", "jr", "st", "inc", "ltd", "co", "corp",
        "approx", "no", "fig", "al", "cf", "ca", "est", "dept", "min", "max", "avg", "mo", "wk", "yr", "hr", "hrs",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.u", "a.m", "p.m",
    };

    public static void Split(ProseBlock block)
    {
        var tokens = block.Tokens;
        string text = block.Text;
        int sentenceStartToken = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Punct || !(t.Text is "." or "!" or "?" or "\u2026")) continue;
            // Swallow runs ("?!", "...") and closing quotes or brackets.
            int last = i;
            while (last + 1 < tokens.Count && tokens[last + 1].Kind == TokenKind.Punct &&
                   tokens[last + 1].Start == tokens[last].End &&
                   tokens[last + 1].Text is "." or "!" or "?" or "\"" or "\u201D" or "'" or "\u2019" or ")" or "]")
                last++;
            int after = tokens[last].End;
            bool atEnd = last + 1 >= tokens.Count;
            if (!atEnd && (after >= text.Length || !char.IsWhiteSpace(text[after]))) continue;
            if (t.Text == "." && IsAbbreviation(text, t.Start) && !atEnd && !StartsSentence(tokens[last + 1])) continue;
            if (t.Text == "." && IsAbbreviation(text, t.Start) && !atEnd && IsInitialOrDotted(text, t.Start)) continue;
            Add(block, sentenceStartToken, last);
            sentenceStartToken = last + 1;
            i = last;
        }
        if (sentenceStartToken < tokens.Count) Add(block, sentenceStartToken, tokens.Count - 1);
    }

    private static bool StartsSentence(Token t) =>
        t.Kind == TokenKind.Number || (t.Text.Length > 0 && (char.IsUpper(t.Text[0]) || t.Text[0] is '"' or '\u201C'));

    private static string WordBefore(string text, int dot)
    {
        int s = dot;
        while (s > 0 && !char.IsWhiteSpace(text[s - 1]) && text[s - 1] is not ('(' or '"' or '\u201C')) s--;
        return text.Substring(s, dot - s);
    }

    private static bool PrecededByNumber(string text, int wordStart)
    {
        int k = wordStart - 1;
        while (k >= 0 && text[k] == ' ') k--;
        return k >= 0 && char.IsDigit(text[k]);
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        string w = WordBefore(text, dot).ToLowerInvariant();
        if (w.Length == 0) return false;
        if (Abbreviations.Contains(w))
        {
            // "850 ms." and "40 min." end a sentence: after a number these are units, not titles.
            if (w is "ms" or "min" or "max" or "hr" or "hrs" or "mo" or "wk" or "yr" or "no" or "st" && PrecededByNumber(text, dot - w.Length)) return false;
            return true;
        }
        return IsDotted(w) || (w.Length == 1 && char.IsLetter(w[0]));
    }

    // "U.S", "e.g" or a single capital initial ("J. Smith"): not a sentence end even before a capital.
    private static bool IsInitialOrDotted(string text, int dot)
    {
        string w = WordBefore(text, dot);
        if (w.Length == 1 && char.IsUpper(w[0])) return true;
        return IsDotted(w.ToLowerInvariant()) || w.ToLowerInvariant() is "dr" or "mr" or "mrs" or "ms" or "prof" or "st" or "vs" or "e.g" or "i.e";
    }

    private static bool IsDotted(string w)
    {
        if (w.Length < 3) return false;
        for (int k = 0; k < w.Length; k++)
        {
            bool letterSlot = k % 2 == 0;
            if (letterSlot ? !char.IsLetter(w[k]) : w[k] != '.') return false;
        }
        return true;
    }

    private static void Add(ProseBlock block, int firstToken, int lastToken)
    {
        var slice = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(block.Tokens).Slice(firstToken, lastToken - firstToken + 1);
        int count = 0;
        foreach (var t in slice) if (t.IsWordLike) count++;
        if (count == 0) return;
        var words = new Token[count];
        int w = 0;
        foreach (var t in slice) if (t.IsWordLike) words[w++] = t;
        block.Sentences.Add(new Sentence(block, slice[0].Start, slice[^1].End, firstToken, slice.Length, words));
    }
}
