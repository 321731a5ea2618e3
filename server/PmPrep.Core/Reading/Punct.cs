using PmPrep.Core.Model;

namespace PmPrep.Core.Reading;

/// <summary>
/// Punctuation between two words of a sentence, found by binary search over its tokens, so that the
/// fixers stay linear on a giant sentence (one check per word must not scan every token).
/// </summary>
public static class Punct
{
    /// <summary>True when a punctuation token lies between prose offsets [from, to) and <paramref name="match"/> accepts it (any, when null).</summary>
    public static bool Between(Sentence s, int from, int to, Func<string, bool>? match = null)
    {
        var t = s.Tokens;
        int lo = 0, hi = t.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (t[mid].Start < from) lo = mid + 1; else hi = mid;
        }
        for (int k = lo; k < t.Length && t[k].Start < to; k++)
            if (t[k].Kind == TokenKind.Punct && t[k].End <= to && (match is null || match(t[k].Text))) return true;
        return false;
    }

    /// <summary>True when one of <paramref name="marks"/> stands between words <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static bool BetweenWords(Sentence s, int a, int b, params string[] marks) =>
        Between(s, s.Words[a].End, s.Words[b].Start, marks.Length == 0 ? null : marks.Contains);
}
