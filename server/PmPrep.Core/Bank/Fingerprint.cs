using PmPrep.Core.Model;

namespace PmPrep.Core.Bank;

/// <summary>
/// What a story is about, reduced to a sorted set of hashed shingles for <c>duplicate-story</c>.
/// A shingle is two consecutive content words of one sentence (stop words dropped, words crudely
/// stemmed, numbers kept as written). Pairs of content words survive light rewording ("I held
/// the launch" / "I decided to hold the launch" both give <c>hold launch</c>) but two different
/// anecdotes in the same domain share few of them, while sharing many single words
/// (customer, launch, checkout). See <see cref="Rules.Bank.DuplicateStory"/> for the threshold.
/// </summary>
public sealed class Fingerprint
{
    private Fingerprint(ulong[] shingles, ulong[] numbers) { Shingles = shingles; Numbers = numbers; }

    public static readonly Fingerprint Empty = new(Array.Empty<ulong>(), Array.Empty<ulong>());

    /// <summary>
    /// The story's distinctive figures ("$4.10", "31%", "1,400", "$2.6M"), hashed, sorted, distinct:
    /// small counts (up to 12) and years are left out because unrelated stories share them.
    /// Two tellings of one anecdote repeat its figures even when every sentence is reworded.
    /// </summary>
    internal ulong[] Numbers { get; }

    public int NumberCount => Numbers.Length;

    /// <summary>Sorted, distinct.</summary>
    internal ulong[] Shingles { get; }

    public int Count => Shingles.Length;

    public static Fingerprint Of(StoryDocument doc)
    {
        // Hashes stems in place (no strings built per word); shingles collected, sorted, deduplicated.
        var shingles = new List<ulong>(doc.Words);
        var numbers = new List<ulong>();
        foreach (var s in doc.Sentences)
        {
            ulong prev = 0;
            bool havePrev = false;
            foreach (var w in s.Words)
            {
                if (w.Kind == TokenKind.Number && IsDistinctive(w.Lower)) numbers.Add(Fnv(w.Lower, w.Lower.Length, false));
                if (ContentHash(w) is not { } h) continue;
                if (havePrev) shingles.Add(Mix(prev, h));
                prev = h; havePrev = true;
            }
        }
        shingles.Sort();
        int n = 0;
        for (int i = 0; i < shingles.Count; i++)
            if (n == 0 || shingles[i] != shingles[n - 1]) shingles[n++] = shingles[i];
        var arr = new ulong[n];
        shingles.CopyTo(0, arr, 0, n);
        return new Fingerprint(arr, numbers.Distinct().Order().ToArray());
    }

    /// <summary>Number of distinctive figures the two stories share.</summary>
    public int CommonNumbers(Fingerprint other) => Intersect(Numbers, other.Numbers);

    private static bool IsDistinctive(string t)
    {
        foreach (char c in t)
            if (!char.IsAsciiDigit(c)) return true; // "$4.10", "31%", "1,400", "2.4", "10x"
        if (!int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int v)) return true;
        return v > 12 && !(v >= 1950 && v <= 2049);
    }

    private static int Intersect(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            ulong x = a[i], y = b[j];
            if (x == y) { common++; i++; j++; }
            else if (x < y) i++;
            else j++;
        }
        return common;
    }

    /// <summary>Number of shingles the two fingerprints share.</summary>
    public int Common(Fingerprint other) => Intersect(Shingles, other.Shingles);

    /// <summary>Jaccard similarity of the two shingle sets, 0 to 1.</summary>
    public double Jaccard(Fingerprint other)
    {
        if (Count == 0 || other.Count == 0) return 0;
        int c = Common(other);
        return (double)c / (Count + other.Count - c);
    }

    /// <summary>The shared share of the smaller story's shingles (containment), 0 to 1.</summary>
    public double Containment(Fingerprint other)
    {
        if (Count == 0 || other.Count == 0) return 0;
        return (double)Common(other) / Math.Min(Count, other.Count);
    }

    /// <summary>A lowercase content-word stem, or null for stop words and one-letter words.</summary>
    internal static string? ContentStem(Token w)
    {
        string t = w.Lower;
        if (w.Kind == TokenKind.Number) return t;
        if (t.Length < 2 || StopWords.Contains(t)) return null;
        return Stem(t);
    }

    /// <summary>The hash of <see cref="ContentStem"/>, computed without building the stem; null where that is null.</summary>
    internal static ulong? ContentHash(Token w)
    {
        string t = w.Lower;
        if (w.Kind == TokenKind.Number) return Fnv(t, t.Length, false);
        if (t.Length < 2 || StopWords.Contains(t)) return null;
        var (len, y) = StemRange(t);
        return Fnv(t, len, y);
    }

    /// <summary>
    /// A crude suffix stripper, enough to make "migrated", "migrating" and "migration" meet, and
    /// "sellers" meet "seller". It is only ever compared with itself.
    /// </summary>
    internal static string Stem(string t)
    {
        var (len, y) = StemRange(t);
        return y ? string.Concat(t.AsSpan(0, len), "y") : len == t.Length ? t : t[..len];
    }

    // The stem is t[..Length], plus "y" when AddY ("studies" -> "study").
    private static (int Length, bool AddY) StemRange(string t)
    {
        int n = t.Length;
        if (Ends(t, n, "'s") || Ends(t, n, "\u2019s")) n -= 2;
        if (n < 5) return (n, false);
        if (Ends(t, n, "ations")) return (n - 4, false);
        if (Ends(t, n, "ation")) return (n - 3, false);
        if (Ends(t, n, "ies") || Ends(t, n, "ied")) return (n - 3, true);
        foreach (var suffix in Suffixes)
            if (n - suffix.Length >= 4 && Ends(t, n, suffix)) return (n - suffix.Length, false);
        if (t[n - 1] == 's' && t[n - 2] != 's') return (n - 1, false);
        return (n, false);
    }

    private static bool Ends(string t, int n, string suffix) =>
        n >= suffix.Length && string.CompareOrdinal(t, n - suffix.Length, suffix, 0, suffix.Length) == 0;

    private static readonly string[] Suffixes = { "ings", "ing", "ers", "er", "ed", "es", "e", "ly" };

    // FNV-1a, 64 bit: stable across runs and processes (string.GetHashCode is randomized).
    private static ulong Fnv(string t, int len, bool addY)
    {
        ulong h = 14695981039346656037UL;
        for (int i = 0; i < len; i++) { h ^= t[i]; h *= 1099511628211UL; }
        if (addY) { h ^= 'y'; h *= 1099511628211UL; }
        return h;
    }

    private static ulong Mix(ulong a, ulong b)
    {
        ulong h = a * 0x9E3779B97F4A7C15UL;
        h ^= (b << 29) | (b >> 35);
        h *= 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 31);
    }

    internal static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "for", "of", "to", "in", "on", "at", "by", "with", "from",
        "into", "onto", "over", "under", "about", "above", "below", "after", "before", "between", "through", "during",
        "without", "within", "against", "across", "along", "around", "until", "than", "then", "as", "if", "because", "since",
        "while", "when", "where", "which", "who", "whom", "whose", "what", "that", "this", "these", "those", "there", "here",
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "he", "him", "his", "she",
        "her", "hers", "it", "its", "they", "them", "their", "theirs", "is", "am", "are", "was", "were", "be", "been", "being",
        "have", "has", "had", "having", "do", "does", "did", "doing", "done", "will", "would", "shall", "should", "can", "could",
        "may", "might", "must", "not", "no", "never", "only", "also", "just", "very", "really", "more", "most", "much", "many",
        "some", "any", "all", "each", "every", "both", "few", "other", "another", "such", "same", "own", "too", "again", "once",
        "one", "out", "up", "down", "off", "still", "even", "back", "how", "why", "all", "who", "don't", "didn't", "wasn't",
        "weren't", "couldn't", "wouldn't", "i'm", "i've", "i'd", "i'll", "we're", "we've", "it's", "that's", "there's",
        "get", "got", "make", "made", "take", "took", "went", "go", "new", "first", "two", "three", "four", "five", "week",
        "weeks", "month", "months", "day", "days", "year", "years", "time", "team", "teams", "per", "via", "able", "lot",
    };
}
