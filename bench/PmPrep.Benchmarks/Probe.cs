using System.Diagnostics;
using System.Text;
using PmPrep.Core.Analysis;

namespace PmPrep.Benchmarks;

/// <summary>Times hostile inputs at two sizes to spot super-linear cost (a development aid).</summary>
public static class Probe
{
    static string R(string s, int c) => new StringBuilder(s.Length * c).Insert(0, s, c).ToString();

    public static void Run(int n, string? only = null)
    {
        var cases = new (string, Func<int, string>)[]
        {
            ("one word", k => R("a", k)),
            ("one sentence", k => "I decided " + R("and we launched ", k / 16) + "it."),
            ("e.g. run", k => R("e.g.", k / 4)),
            ("dots", k => R(".", k)),
            ("surrogate pairs", k => R("😀", k / 2)),
            ("lone surrogates", k => R("\ud800", k / 2) + R("\udc00x", k / 4)),
            ("numbers", k => R("$2.1M 30% 3.5 ", k / 14)),
            ("table row", k => "|" + R(" we |", k / 5) + "\n|" + R("---|", k / 5) + "\n"),
            ("front matter", k => "---\ntitle: " + R("x", k) + "\nlps: [" + R("Ownership, ", k / 11) + "]\n---\nWe decided.\n"),
            ("open fence", k => "```\n" + R("we decided ", k / 11)),
            ("open comment", k => "<!-- " + R("we decided ", k / 11)),
            ("we lines", k => R("We decided to launch it.\n", k / 25)),
            ("brackets", k => R("[", k)),
            ("stars", k => R("*", k)),
            ("story paragraphs", k => StoryCorpus.LargeFile(k)),
            ("comments", k => R("<!-- pmprep-disable-next-line hedging -->\nI think we maybe decided.\n", k / 68)),
        };
        foreach (var (name, make) in cases)
        {
            if (only is not null)
            {
                if (name != only) continue;
                Console.WriteLine($"{name} n={n}: {Time(make(n)),9:F1} ms");
                continue;
            }
            double t1 = Time(make(n)), t4 = Time(make(4 * n));
            Console.WriteLine($"{name,-18} n={n}: {t1,9:F1} ms   4n: {t4,9:F1} ms   ratio {t4 / t1,5:F1}");
        }
    }

    static double Time(string text)
    {
        var best = double.MaxValue;
        for (int i = 0; i < 2; i++)
        {
            var sw = Stopwatch.StartNew();
            try { StoryAnalyzer.Analyze(text); } catch (Exception e) { Console.Write($"[{e.GetType().Name}] "); }
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }
        return best;
    }
}
