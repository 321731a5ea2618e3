using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace PmPrep.Core.Reading;

/// <summary>
/// The embedded word-class table behind <see cref="WordNet"/>: <c>Data/wordnet/wordnet.deflate</c>,
/// written by <c>scripts/build-wordnet.mjs</c> from WordNet 3.1. Raw-deflate-compressed UTF-8 text,
/// one line per lower-case key: <c>key TAB facet (SPACE facet)*</c> (the facets are described in
/// the script), after a 4-byte little-endian header with the inflated length. Loaded once per process on first use (the CLR runs the static constructor of
/// <see cref="Holder"/> once, thread-safely); afterwards immutable, so any thread may read it.
/// Lookups hash the key's characters into an open-addressing table of line offsets: no string
/// is allocated per entry at load, none per lookup.
/// </summary>
internal sealed class WordNetData
{
    internal const string ResourceName = "PmPrep.Data.wordnet.wordnet.deflate";
    internal const string LicenseResourceName = "PmPrep.Data.wordnet.LICENSE-WordNet.txt";

    private readonly byte[] _text;
    private readonly int _length;
    private readonly int[] _slots; // line start + 1; 0 = empty
    private readonly int _mask;

    /// <summary>The number of keys (words and phrasal verbs) in the table.</summary>
    public int Count { get; }

    private static class Holder
    {
        internal static readonly WordNetData Instance = Load();
    }

    public static WordNetData Instance => Holder.Instance;

    // Runs once over 1.4 MB: optimized at once rather than in unoptimized first-tier code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private WordNetData(byte[] text, int length)
    {
        _text = text;
        _length = length;
        var lines = 0;
        for (var i = 0; i < length; i++) if (text[i] == (byte)'\n') lines++;
        var size = 1;
        while (size < lines * 2) size <<= 1;
        _slots = new int[size];
        _mask = size - 1;
        var all = new ReadOnlySpan<byte>(text, 0, length);
        var start = 0;
        while (start < length)
        {
            var line = all[start..];
            var tab = line.IndexOf((byte)'\t');
            var slot = (int)(Hash(line[..tab]) & (uint)_mask);
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = start + 1;
            Count++;
            start += line.IndexOf((byte)'\n') + 1;
        }
    }

    // FNV-1a over the key's bytes; the char overload below gives the same value for the same ASCII key.
    private static uint Hash(ReadOnlySpan<byte> key)
    {
        uint h = 2166136261;
        foreach (var b in key) h = (h ^ b) * 16777619;
        return h;
    }

    internal static WordNetData Load()
    {
        using var stream = typeof(WordNetData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from PmPrep.Core");
        Span<byte> header = stackalloc byte[4];
        stream.ReadExactly(header);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is <= 0 or > 1 << 26) throw new InvalidDataException($"{ResourceName}: bad length header {length}");
        var text = GC.AllocateUninitializedArray<byte>(length);
        using (var inflate = new DeflateStream(stream, CompressionMode.Decompress))
        {
            inflate.ReadExactly(text);
            if (inflate.ReadByte() != -1) throw new InvalidDataException($"{ResourceName}: longer than its header says");
        }
        if (text[^1] != (byte)'\n') throw new InvalidDataException($"{ResourceName} is truncated");
        return new WordNetData(text, length);
    }

    /// <summary>The licence text that travels with the data (WordNet's licence).</summary>
    internal static string LicenseText()
    {
        using var stream = typeof(WordNetData).Assembly.GetManifestResourceStream(LicenseResourceName)
            ?? throw new InvalidOperationException($"embedded resource {LicenseResourceName} is missing from PmPrep.Core");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The facets of <paramref name="key"/> (ASCII, lower case), or false when it is no key.</summary>
    public bool TryGet(scoped ReadOnlySpan<char> key, out ReadOnlySpan<byte> facets)
    {
        facets = default;
        if (key.IsEmpty) return false;
        uint h = 2166136261;
        foreach (var c in key)
        {
            if (c > 0x7e || c == '\t' || c == '\n') return false;
            h = (h ^ c) * 16777619;
        }
        var slot = (int)(h & (uint)_mask);
        while (true)
        {
            var start = _slots[slot] - 1;
            if (start < 0) return false;
            if (KeyEquals(start, key, out var tab))
            {
                var end = Array.IndexOf(_text, (byte)'\n', tab, _length - tab);
                facets = new ReadOnlySpan<byte>(_text, tab + 1, end - tab - 1);
                return true;
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>As <see cref="TryGet(ReadOnlySpan{char}, out ReadOnlySpan{byte})"/> for a key taken from another line's facet.</summary>
    public bool TryGet(scoped ReadOnlySpan<byte> key, out ReadOnlySpan<byte> facets)
    {
        Span<char> chars = key.Length <= 64 ? stackalloc char[key.Length] : new char[key.Length];
        for (var i = 0; i < key.Length; i++) chars[i] = (char)key[i];
        return TryGet(chars, out facets);
    }

    private bool KeyEquals(int start, ReadOnlySpan<char> key, out int tab)
    {
        tab = start + key.Length;
        if (tab >= _length || _text[tab] != (byte)'\t') return false;
        for (var i = 0; i < key.Length; i++)
            if (_text[start + i] != key[i]) return false;
        return true;
    }
}

/// <summary>Walks the space-separated facets of one line: a kind byte, then either <c>=lemma</c> or digits.</summary>
internal ref struct FacetReader
{
    private ReadOnlySpan<byte> _rest;

    public FacetReader(ReadOnlySpan<byte> facets) => _rest = facets;

    /// <summary>The facet's kind: n v a r (lemma of that class), N A R V P Q B T S (link), I, F.</summary>
    public byte Kind { get; private set; }

    /// <summary>After the kind: the lemma of a link facet, the classes of F, the numbers of a lemma facet.</summary>
    public ReadOnlySpan<byte> Value { get; private set; }

    public bool MoveNext()
    {
        if (_rest.IsEmpty) return false;
        var space = _rest.IndexOf((byte)' ');
        var facet = space < 0 ? _rest : _rest[..space];
        _rest = space < 0 ? default : _rest[(space + 1)..];
        Kind = facet[0];
        Value = facet.Length > 1 && facet[1] == (byte)'=' ? facet[2..] : facet[1..];
        return true;
    }

    /// <summary>The tag count and sense count of a lemma facet (<c>n12,3</c>).</summary>
    public readonly (int Frequency, int Senses) Numbers()
    {
        var comma = Value.IndexOf((byte)',');
        return (Parse(comma < 0 ? Value : Value[..comma]), comma < 0 ? 0 : Parse(Value[(comma + 1)..]));
    }

    private static int Parse(ReadOnlySpan<byte> digits)
    {
        var n = 0;
        foreach (var d in digits) n = n * 10 + (d - '0');
        return n;
    }
}
