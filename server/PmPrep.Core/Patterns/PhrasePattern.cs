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

    /// <summary>How the first element can be indexed: by exact words, prefixes, suffixes, numbers only, or not at all.</summary>
    internal (string[] Words, string[] Prefixes, string[] Suffixes, bool NumberOnly)? FirstIndex
    {
        get
        {
            var e = _elements[0];
            if (e.Optional) return null;
            if (e.Kind is ElementKind.Num or ElementKind.Pct or ElementKind.Money) return (Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), true);
            if (e.Kind != ElementKind.Words || e.AltAny || e.AltNum) return null;
            return (e.Words, e.Prefixes, e.Suffixes, false);
        }
    }

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
/// Many patterns indexed by what their first element can match (exact words, the first letters
/// of a prefix, the last letters of a suffix, numbers), so a sentence is scanned once per token
/// and each token tries only the patterns that could start there.
/// </summary>
public sealed class PatternSet<T>
{
    private const int KeyLength = 3;
    private readonly Dictionary<string, List<(PhrasePattern, T)>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(PhrasePattern, T)>> _byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(PhrasePattern, T)>> _bySuffix = new(StringComparer.Ordinal);
    private readonly List<(PhrasePattern, T)> _numbers = new();
    private readonly List<(PhrasePattern, T)> _other = new();
    // Bit k set when some prefix (suffix) key is k characters long: most are KeyLength long, so the
    // shorter look-ups, one per word per pattern set, usually have nothing to find and are skipped.
    private int _prefixLengths, _suffixLengths;

    public int Count { get; private set; }

    public void Add(PhrasePattern p, T tag)
    {
        Count++;
        if (p.FirstIndex is not { } first) { _other.Add((p, tag)); return; }
        if (first.NumberOnly) { _numbers.Add((p, tag)); return; }
        foreach (var w in first.Words) Put(_byWord, w, p, tag);
        foreach (var pre in first.Prefixes)
        {
            var key = pre.Length > KeyLength ? pre[..KeyLength] : pre;
            Put(_byPrefix, key, p, tag);
            _prefixLengths |= 1 << key.Length;
        }
        foreach (var suf in first.Suffixes)
        {
            var key = suf.Length > KeyLength ? suf[^KeyLength..] : suf;
            Put(_bySuffix, key, p, tag);
            _suffixLengths |= 1 << key.Length;
        }
    }

    private static void Put(Dictionary<string, List<(PhrasePattern, T)>> d, string key, PhrasePattern p, T tag)
    {
        if (!d.TryGetValue(key, out var list)) d[key] = list = new();
        if (!list.Exists(x => ReferenceEquals(x.Item1, p))) list.Add((p, tag));
    }

    public void Add(string pattern, T tag) => Add(new PhrasePattern(pattern), tag);

    /// <summary>Calls <paramref name="visit"/> for each pattern that could start at word <paramref name="i"/>.</summary>
    private void Candidates<TState>(Token[] words, int i, ref TState state, Visitor<TState> visit)
    {
        var t = words[i];
        string w = t.Lower;
        if (_byWord.TryGetValue(w, out var list)) foreach (var x in list) if (!visit(x.Item1, x.Item2, ref state)) return;
        // Span look-ups: no substring is allocated per token and key length.
        if (_byPrefix.Count > 0)
        {
            var prefixes = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
            for (int k = 1; k <= Math.Min(KeyLength, w.Length); k++)
                if ((_prefixLengths & (1 << k)) != 0 && prefixes.TryGetValue(w.AsSpan(0, k), out list)) foreach (var x in list) if (!visit(x.Item1, x.Item2, ref state)) return;
        }
        if (_bySuffix.Count > 0)
        {
            var suffixes = _bySuffix.GetAlternateLookup<ReadOnlySpan<char>>();
            for (int k = 1; k <= Math.Min(KeyLength, w.Length); k++)
                if ((_suffixLengths & (1 << k)) != 0 && suffixes.TryGetValue(w.AsSpan(w.Length - k), out list)) foreach (var x in list) if (!visit(x.Item1, x.Item2, ref state)) return;
        }
        if (t.Kind == TokenKind.Number) foreach (var x in _numbers) if (!visit(x.Item1, x.Item2, ref state)) return;
        foreach (var x in _other) if (!visit(x.Item1, x.Item2, ref state)) return;
    }

    private delegate bool Visitor<TState>(PhrasePattern p, T tag, ref TState state);

    private struct MatchState
    {
        public Token[] Words;
        public int At;
        public List<PhraseMatch<T>>? Result;
        public int Best;
        // The patterns of Result, in the same order; those from HereFrom on matched at At.
        public List<PhrasePattern>? Matched;
        public int HereFrom;
    }

    /// <summary>All matches in a sentence, left to right; overlapping matches of different patterns are all kept.</summary>
    public IReadOnlyList<PhraseMatch<T>> Matches(Token[] words)
    {
        var st = new MatchState { Words = words };
        for (int i = 0; i < words.Length; i++)
        {
            st.At = i;
            st.HereFrom = st.Matched?.Count ?? 0;
            Candidates(words, i, ref st, static (PhrasePattern p, T tag, ref MatchState s) =>
            {
                // A pattern indexed under several keys yields one match per position: skip it when it
                // has already matched here (a short scan of this position's matches, no set per sentence).
                if (s.Matched is { } m)
                    for (int k = s.HereFrom; k < m.Count; k++)
                        if (ReferenceEquals(m[k], p)) return true;
                int end = p.MatchAt(s.Words, s.At);
                if (end > s.At)
                {
                    (s.Result ??= new()).Add(new PhraseMatch<T>(tag, s.At, end));
                    (s.Matched ??= new()).Add(p);
                }
                return true;
            });
        }
        return (IReadOnlyList<PhraseMatch<T>>?)st.Result ?? Empty;
    }

    public bool Any(Token[] words)
    {
        for (int i = 0; i < words.Length; i++)
            if (LongestAt(words, i) > 0) return true;
        return false;
    }

    /// <summary>The end (exclusive word index) of the longest match that starts at word <paramref name="i"/>, or -1.</summary>
    public int LongestAt(Token[] words, int i)
    {
        if (i < 0 || i >= words.Length) return -1;
        var st = new MatchState { Words = words, At = i, Best = -1 };
        Candidates(words, i, ref st, static (PhrasePattern p, T tag, ref MatchState s) =>
        {
            s.Best = Math.Max(s.Best, p.MatchAt(s.Words, s.At));
            return true;
        });
        return st.Best > i ? st.Best : -1;
    }

    private static readonly PhraseMatch<T>[] Empty = Array.Empty<PhraseMatch<T>>();
}
