using PmPrep.Core.Model;

namespace PmPrep.Core.Patterns;

/// <summary>
/// A phrase pattern over word tokens, compiled from the small language the data files use:
/// <c>word</c>, <c>word*</c> (prefix), <c>*word</c> (suffix), <c>a|b</c>, <c>{num}</c>, <c>{pct}</c>, <c>{money}</c>,
/// <c>{any}</c>, <c>...</c> (skip 0-4 tokens), <c>word?</c> (optional). Matching is a bounded
/// backtracking walk over at most a sentence, so its cost is linear in the text.
/// </summary>
public sealed class PhrasePattern
{
    private const int MaxGap = 4;
    private readonly Element[] _elements;

    public PhrasePattern(string source)
    {
        Source = source;
        var parts = source.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new FormatException("an empty phrase pattern");
        _elements = parts.Select(Element.Parse).ToArray();
        if (_elements.All(e => e.Kind == ElementKind.Gap || e.Optional))
            throw new FormatException($"pattern \"{source}\" has no required element");
    }

    public string Source { get; }

    /// <summary>Exact words the first element can match, for indexing; null when it is not a plain word set.</summary>
    internal IEnumerable<string>? FirstWords =>
        _elements[0] is { Kind: ElementKind.Words, Optional: false } e && e.Prefixes.Length == 0 && e.Suffixes.Length == 0 && !e.AltNum && !e.AltAny ? e.Words : null;

    /// <summary>Tries to match at word index <paramref name="at"/>; returns the index after the match, or -1.</summary>
    public int MatchAt(Token[] words, int at) => Match(words, at, 0);

    private int Match(Token[] words, int at, int el)
    {
        if (el == _elements.Length) return at;
        var e = _elements[el];
        if (e.Kind == ElementKind.Gap)
        {
            for (int skip = 0; skip <= MaxGap && at + skip <= words.Length; skip++)
            {
                int r = Match(words, at + skip, el + 1);
                if (r >= 0) return r;
            }
            return -1;
        }
        if (at < words.Length && e.Matches(words[at]))
        {
            int r = Match(words, at + 1, el + 1);
            if (r >= 0) return r;
        }
        return e.Optional ? Match(words, at, el + 1) : -1;
    }

    public override string ToString() => Source;

    private enum ElementKind { Words, Num, Pct, Money, Any, Gap }

    private sealed class Element
    {
        public ElementKind Kind;
        public bool Optional;
        public string[] Words = Array.Empty<string>();
        public string[] Prefixes = Array.Empty<string>();
        public string[] Suffixes = Array.Empty<string>();
        public bool AltNum, AltAny;

        public static Element Parse(string raw)
        {
            var e = new Element();
            if (raw == "...") { e.Kind = ElementKind.Gap; return e; }
            if (raw.Length > 1 && raw.EndsWith('?')) { e.Optional = true; raw = raw[..^1]; }
            switch (raw)
            {
                case "{num}": e.Kind = ElementKind.Num; return e;
                case "{pct}": e.Kind = ElementKind.Pct; return e;
                case "{money}": e.Kind = ElementKind.Money; return e;
                case "{any}": e.Kind = ElementKind.Any; return e;
            }
            e.Kind = ElementKind.Words;
            var words = new List<string>();
            var prefixes = new List<string>();
            var suffixes = new List<string>();
            foreach (var alt in raw.Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                var a = alt.Replace('\u2019', '\'');
                if (a == "{num}") { e.AltNum = true; continue; }
                if (a == "{any}") { e.AltAny = true; continue; }
                if (a.StartsWith('{')) throw new FormatException($"unknown placeholder {a} in \"{raw}\"");
                if (a.EndsWith('*') && a.Length > 1) prefixes.Add(a[..^1]);
                else if (a.StartsWith('*') && a.Length > 1) suffixes.Add(a[1..]);
                else words.Add(a);
            }
            if (words.Count == 0 && prefixes.Count == 0 && suffixes.Count == 0 && !e.AltNum && !e.AltAny) throw new FormatException($"empty element in \"{raw}\"");
            e.Words = words.ToArray();
            e.Prefixes = prefixes.ToArray();
            e.Suffixes = suffixes.ToArray();
            return e;
        }

        public bool Matches(Token t)
        {
            switch (Kind)
            {
                case ElementKind.Any: return true;
                case ElementKind.Num: return t.Kind == TokenKind.Number;
                case ElementKind.Pct: return t.Kind == TokenKind.Number && t.Text.EndsWith('%');
                case ElementKind.Money: return t.Kind == TokenKind.Number && t.Text.Length > 0 && !char.IsDigit(t.Text[0]);
            }
            if (AltAny || (AltNum && t.Kind == TokenKind.Number)) return true;
            string w = t.Lower;
            if (w.Contains('\u2019')) w = w.Replace('\u2019', '\'');
            foreach (var x in Words) if (x == w) return true;
            foreach (var p in Prefixes) if (w.StartsWith(p, StringComparison.Ordinal)) return true;
            foreach (var x in Suffixes) if (w.Length > x.Length && w.EndsWith(x, StringComparison.Ordinal)) return true;
            return false;
        }
    }
}

/// <summary>A match of a pattern: word indexes [Start, End) in the sentence's <see cref="Sentence.Words"/>.</summary>
public readonly record struct PhraseMatch<T>(T Tag, int Start, int End);

/// <summary>
/// Many patterns indexed by their first word, so a sentence is scanned once per token rather
/// than once per pattern.
/// </summary>
public sealed class PatternSet<T>
{
    private readonly Dictionary<string, List<(PhrasePattern, T)>> _byFirst = new(StringComparer.Ordinal);
    private readonly List<(PhrasePattern, T)> _other = new();

    public int Count { get; private set; }

    public void Add(PhrasePattern p, T tag)
    {
        Count++;
        var first = p.FirstWords;
        if (first is null) { _other.Add((p, tag)); return; }
        foreach (var w in first)
        {
            if (!_byFirst.TryGetValue(w, out var list)) _byFirst[w] = list = new();
            list.Add((p, tag));
        }
    }

    public void Add(string pattern, T tag) => Add(new PhrasePattern(pattern), tag);

    /// <summary>All matches in a sentence, left to right; overlapping matches of different patterns are all kept.</summary>
    public IReadOnlyList<PhraseMatch<T>> Matches(Token[] words)
    {
        List<PhraseMatch<T>>? result = null;
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i].Lower;
            if (w.Contains('\u2019')) w = w.Replace('\u2019', '\'');
            if (_byFirst.TryGetValue(w, out var list))
                foreach (var (p, tag) in list) Try(p, tag, words, i, ref result);
            foreach (var (p, tag) in _other) Try(p, tag, words, i, ref result);
        }
        return (IReadOnlyList<PhraseMatch<T>>?)result ?? Empty;
    }

    public bool Any(Token[] words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i].Lower;
            if (w.Contains('\u2019')) w = w.Replace('\u2019', '\'');
            if (_byFirst.TryGetValue(w, out var list))
                foreach (var (p, _) in list) if (p.MatchAt(words, i) > i) return true;
            foreach (var (p, _) in _other) if (p.MatchAt(words, i) > i) return true;
        }
        return false;
    }

    /// <summary>The end (exclusive word index) of the longest match that starts at word <paramref name="i"/>, or -1.</summary>
    public int LongestAt(Token[] words, int i)
    {
        if (i < 0 || i >= words.Length) return -1;
        int best = -1;
        string w = words[i].Lower;
        if (w.Contains('\u2019')) w = w.Replace('\u2019', '\'');
        if (_byFirst.TryGetValue(w, out var list))
            foreach (var (p, _) in list) best = Math.Max(best, p.MatchAt(words, i));
        foreach (var (p, _) in _other) best = Math.Max(best, p.MatchAt(words, i));
        return best > i ? best : -1;
    }

    private static readonly PhraseMatch<T>[] Empty = Array.Empty<PhraseMatch<T>>();

    private static void Try(PhrasePattern p, T tag, Token[] words, int i, ref List<PhraseMatch<T>>? result)
    {
        int end = p.MatchAt(words, i);
        if (end > i) (result ??= new()).Add(new PhraseMatch<T>(tag, i, end));
    }
}
