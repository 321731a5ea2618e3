using System.Text;
using PmPrep.Core.Analysis;

namespace PmPrep.Benchmarks;

/// <summary>Runs deeply nested inputs on a thread with a given stack size (a development aid for stack depth).</summary>
public static class Deep
{
    static string R(string s, int c) => new StringBuilder(s.Length * c).Insert(0, s, c).ToString();

    public static void Run(int stackKb, int depth)
    {
        var cases = new (string, string)[]
        {
            ("quotes", R("> ", depth) + "We decided.\n"),
            ("quote per line", string.Concat(Enumerable.Range(1, depth).Select(i => R(">", i) + " we decided\n"))),
            ("list in quote", R("> - ", depth) + "I owned it.\n"),
            ("emphasis", R("*", depth) + "we" + R("*", depth) + "\n"),
            ("links", R("[", depth) + "we" + R("](x)", depth) + "\n"),
        };
        foreach (var (name, text) in cases)
        {
            Console.Write($"{name} depth {depth} on {stackKb} KiB: ");
            var t = new Thread(() =>
            {
                try { var a = StoryAnalyzer.Analyze(text); Console.WriteLine($"ok, {a.Diagnostics.Count} diagnostics"); }
                catch (Exception e) { Console.WriteLine(e.GetType().Name + ": " + e.Message); }
            }, stackKb * 1024);
            t.Start();
            t.Join();
        }
    }
}
