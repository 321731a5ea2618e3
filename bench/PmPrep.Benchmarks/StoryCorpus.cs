using System.Reflection;
using System.Text;

namespace PmPrep.Benchmarks;

/// <summary>
/// A deterministic corpus built from the example bank: paragraphs are drawn (seeded) from the
/// examples' parts, so the text exercises every rule the way real stories do, and the same seed
/// always gives the same bytes. The compare script writes this corpus to disk and every tool
/// reads the same files.
/// </summary>
public static class StoryCorpus
{
    private static readonly string[] PartNames = { "Context", "Decision", "Impact", "Reflection" };

    private static readonly Lazy<List<string>[]> Pools = new(LoadPools);

    private static readonly string[] Principles =
    {
        "Customer Obsession", "Ownership", "Invent and Simplify", "Are Right, A Lot", "Learn and Be Curious",
        "Hire and Develop the Best", "Insist on the Highest Standards", "Think Big", "Bias for Action",
        "Frugality", "Earn Trust", "Dive Deep", "Have Backbone; Disagree and Commit", "Deliver Results",
    };

    /// <summary>The example stories, by file name, as embedded in this assembly.</summary>
    public static IReadOnlyList<(string Name, string Text)> Examples()
    {
        var asm = typeof(StoryCorpus).Assembly;
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith("Examples.", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n =>
            {
                using var s = asm.GetManifestResourceStream(n)!;
                using var r = new StreamReader(s);
                return (n["Examples.".Length..], r.ReadToEnd().Replace("\r\n", "\n"));
            })
            .ToList();
    }

    private static List<string>[] LoadPools()
    {
        var pools = PartNames.Select(_ => new List<string>()).ToArray();
        foreach (var (_, text) in Examples())
        {
            int part = -1;
            var para = new StringBuilder();
            void Flush()
            {
                if (part >= 0 && para.Length > 0) pools[part].Add(para.ToString().Trim());
                para.Clear();
            }
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    Flush();
                    part = Array.FindIndex(PartNames, p => line.Contains(p, StringComparison.OrdinalIgnoreCase));
                    continue;
                }
                if (line.StartsWith('#') || line.StartsWith("<!--", StringComparison.Ordinal)) { Flush(); continue; }
                if (line.Trim().Length == 0) { Flush(); continue; }
                if (part >= 0) para.Append(line).Append('\n');
            }
            Flush();
        }
        foreach (var p in pools)
            if (p.Count == 0) throw new InvalidOperationException("The example bank has a part with no paragraphs.");
        return pools;
    }

    /// <summary>Words as `wc -w` counts them (runs of non-space), so every tool's words/s uses one count.</summary>
    public static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>One story of about <paramref name="words"/> words with front matter and the four parts.</summary>
    public static string Story(int seed, int words = 500)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder();
        var lps = Principles.OrderBy(_ => rng.Next()).Take(2 + rng.Next(2)).ToList();
        var title = $"Story {seed}: {Pools.Value[0][rng.Next(Pools.Value[0].Count)].Split(' ').Skip(2).Take(4).Aggregate((a, b) => a + " " + b)}";
        sb.Append("---\n");
        sb.Append("title: ").Append(title.Replace(":", " -")).Append('\n');
        sb.Append("lps: [").Append(string.Join(", ", lps.Select(l => l.Contains(',') ? $"\"{l}\"" : l))).Append("]\n");
        sb.Append("role: owner\n---\n\n");
        sb.Append("# ").Append(title).Append("\n\n");
        // Context ~20%, Decision ~45%, Impact ~20%, Reflection ~15% of the words.
        double[] shares = { 0.20, 0.45, 0.20, 0.15 };
        for (int p = 0; p < 4; p++)
        {
            sb.Append("## ").Append(PartNames[p]).Append("\n\n");
            AppendParagraphs(sb, Pools.Value[p], rng, (int)(words * shares[p]));
        }
        return sb.ToString();
    }

    /// <summary>One Markdown story of at least <paramref name="bytes"/> UTF-8 bytes: the four parts, each long.</summary>
    public static string LargeFile(int bytes, int seed = 7)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(bytes + 4096);
        sb.Append("---\ntitle: A very long story\nlps: [Ownership, Dive Deep, Deliver Results]\n---\n\n# A very long story\n\n");
        double[] shares = { 0.20, 0.45, 0.20, 0.15 };
        for (int p = 0; p < 4; p++)
        {
            sb.Append("## ").Append(PartNames[p]).Append("\n\n");
            int target = sb.Length + (int)(bytes * shares[p]);
            int sub = 0;
            while (sb.Length < target)
            {
                // Sub-headings and the odd list keep the Markdown varied without new parts.
                if (sub++ % 12 == 0) sb.Append("### Week ").Append(sub / 12 + 1).Append("\n\n");
                var para = Pools.Value[p][rng.Next(Pools.Value[p].Count)];
                if (rng.Next(10) == 0) sb.Append("- ").Append(para.Replace("\n", " ")).Append("\n\n");
                else sb.Append(para).Append("\n\n");
            }
        }
        while (Encoding.UTF8.GetByteCount(sb.ToString()) < bytes) sb.Append(Pools.Value[3][rng.Next(Pools.Value[3].Count)]).Append("\n\n");
        return sb.ToString();
    }

    /// <summary>A bank of <paramref name="count"/> stories of about 500 words, named story-NNN.story.md.</summary>
    public static List<(string Name, string Text)> Bank(int count = 100, int seed = 1000) =>
        Enumerable.Range(0, count).Select(i => ($"story-{i:000}.story.md", Story(seed + i))).ToList();

    private static void AppendParagraphs(StringBuilder sb, List<string> pool, Random rng, int words)
    {
        int have = 0;
        int guard = 0;
        while (have < words && guard++ < 1000)
        {
            var para = pool[rng.Next(pool.Count)];
            var sentences = para.Split(". ", StringSplitOptions.None);
            // Take a run of sentences so paragraphs vary in length and the word target is met closely.
            int from = rng.Next(sentences.Length);
            var taken = new StringBuilder();
            for (int i = from; i < sentences.Length && have < words; i++)
            {
                var s = sentences[i].Trim();
                if (s.Length == 0) continue;
                // Stop short rather than overshoot the part's word budget by a long sentence.
                if (have > 0 && have + s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > words + 8) { have = words; break; }
                if (!s.EndsWith('.') && !s.EndsWith('?') && !s.EndsWith('!') && !s.EndsWith(':')) s += ".";
                if (taken.Length > 0) taken.Append(' ');
                taken.Append(s);
                have += s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            }
            if (taken.Length > 0) sb.Append(taken.Replace("\n", " ")).Append("\n\n");
        }
    }
}
