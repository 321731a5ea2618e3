namespace PmPrep.Core.Catalog;

/// <summary>Resolves what a candidate writes ("backbone", "Bias to Action") to a principle.</summary>
public static class PrincipleNames
{
    private static readonly Lazy<Dictionary<string, Principle>> Index = new(() =>
    {
        var d = new Dictionary<string, Principle>(StringComparer.Ordinal);
        foreach (var p in EngineData.Default.Principles)
        {
            d[Key(p.Name)] = p;
            d[Key(p.Key)] = p;
            foreach (var a in p.Aliases) d.TryAdd(Key(a), p);
        }
        return d;
    });

    /// <summary>Lowercase, letters and digits only, single spaces; "&amp;" reads as "and".</summary>
    public static string Key(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        bool space = false;
        foreach (char raw in s.Replace("&", " and ").Replace('\u2019', '\''))
        {
            char c = char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c)) { if (space && sb.Length > 0) sb.Append(' '); sb.Append(c); space = false; }
            else if (c != '\'') space = true;
        }
        return sb.ToString();
    }

    public static Principle? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = Key(name);
        if (Index.Value.TryGetValue(key, out var p)) return p;
        // "the" and "to be" are often dropped or added.
        foreach (var variant in new[] { key.Replace(" the ", " "), key.Replace("strive to be ", ""), key.Replace("have ", "") })
            if (Index.Value.TryGetValue(variant, out p)) return p;
        return null;
    }

    /// <summary>The principle whose name or alias is closest to <paramref name="name"/>, by shared words and edit distance.</summary>
    public static Principle? Nearest(string name)
    {
        var key = Key(name);
        if (key.Length == 0) return null;
        var words = key.Split(' ');
        Principle? best = null;
        double bestScore = 0;
        foreach (var (alias, p) in Index.Value)
        {
            var aw = alias.Split(' ');
            double shared = words.Count(w => w.Length > 2 && aw.Contains(w)) / (double)Math.Max(words.Length, aw.Length);
            double edit = 1.0 - Levenshtein(key, alias) / (double)Math.Max(key.Length, alias.Length);
            double score = Math.Max(shared * 0.9 + edit * 0.1, edit);
            if (score > bestScore) { bestScore = score; best = p; }
        }
        return bestScore >= 0.45 ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
