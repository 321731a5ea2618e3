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
    private Fingerprint(ulong[] shingles) { Shingles = shingles; }

    public static readonly Fingerprint Empty = new(Array.Empty<ulong>());

    /// <summary>Sorted, distinct.</summary>
    internal ulong[] Shingles { get; }

    public int Count => Shingles.Length;

    public static Fingerprint Of(StoryDocument doc)
    {
        var set = new HashSet<ulong>();
        var content = new List<string>(32);
        foreach (var s in doc.Sentences)
        {
            content.Clear();
            foreach (var w in s.Words)
            {
                var stem = ContentStem(w);
                if (stem is not null) content.Add(stem);
            }
            for (int i = 0; i + 1 < content.Count; i++)
                set.Add(Hash(content[i], content[i + 1]));
        }
        var arr = set.ToArray();
        Array.Sort(arr);
        return new Fingerprint(arr);
    }

    /// <summary>Number of shingles the two fingerprints share.</summary>
    public int Common(Fingerprint other)
    {
        var a = Shingles; var b = other.Shingles;
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

    /// <summary>
    /// A crude suffix stripper, enough to make "migrated", "migrating" and "migration" meet, and
    /// "sellers" meet "seller". It is only ever compared with itself.
    /// </summary>
    internal static string Stem(string t)
    {
        if (t.EndsWith("'s", StringComparison.Ordinal) || t.EndsWith("\u2019s", StringComparison.Ordinal)) t = t[..^2];
        if (t.Length < 5) return t;
        if (t.EndsWith("ations", StringComparison.Ordinal)) return t[..^4];
        if (t.EndsWith("ation", StringComparison.Ordinal)) return t[..^3];
        if (t.EndsWith("ies", StringComparison.Ordinal) || t.EndsWith("ied", StringComparison.Ordinal)) return t[..^3] + "y";
        foreach (var suffix in Suffixes)
            if (t.Length - suffix.Length >= 4 && t.EndsWith(suffix, StringComparison.Ordinal)) return t[..^suffix.Length];
        if (t[^1] == 's' && t[^2] != 's') return t[..^1];
        return t;
    }

    private static readonly string[] Suffixes = { "ings", "ing", "ers", "er", "ed", "es", "e", "ly" };

    private static ulong Hash(string a, string b)
    {
        // FNV-1a, 64 bit: stable across runs and processes (string.GetHashCode is randomized).
        ulong h = 14695981039346656037UL;
        foreach (char c in a) { h ^= c; h *= 1099511628211UL; }
        h ^= 0x1F; h *= 1099511628211UL;
        foreach (char c in b) { h ^= c; h *= 1099511628211UL; }
        return h;
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
