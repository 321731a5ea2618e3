using System.Globalization;
using System.Text;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;

namespace PmPrep.Server.Cli;

/// <summary>
/// `--format pretty`, for people at a terminal (the default there), in the manner of ESLint's
/// stylish formatter: findings grouped under their file, each with its line and column, severity,
/// the flagged words in quotes and the message wrapped to the terminal; bank-wide findings last;
/// then the clean stories and one summary line. Colour only on a terminal, and never when NO_COLOR
/// is set. `--format text` stays the one-line-per-finding contract for problem matchers.
/// </summary>
internal static class PrettyOutput
{
    /// <summary>How to write: colour or not, and the width to wrap messages to.</summary>
    internal sealed record Style(bool Color, int Width)
    {
        public static Style Detect(bool terminal)
        {
            bool color = terminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
            int width = 100;
            if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int cols) && cols > 0) width = cols;
            else if (terminal)
            {
                try { if (Console.WindowWidth > 0) width = Console.WindowWidth; }
                catch (IOException) { }
            }
            return new Style(color, Math.Clamp(width, 40, 200));
        }
    }

    private sealed record Row(string Where, Severity Severity, string Quote, string Message, string Rule, IReadOnlyList<string> Also);

    public static void Write(TextWriter o, IReadOnlyList<CliApp.CheckedFile> files, BankAnalysis bank, Style style)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var clean = new List<string>();
        int stories = 0;
        foreach (var f in files)
        {
            if (f.Analysis is not { } a) continue;
            stories++;
            var rows = new List<(int Line, int Col, Row Row)>();
            foreach (var d in a.Diagnostics)
            {
                // The flagged words of a sentence finding; a story finding's range is only its anchor (the title).
                bool sentence = EngineData.Default.Rule(d.RuleId).Scope == RuleScope.Sentence;
                string quote = d.Phrase ?? (sentence && d.End > d.Start && d.End <= a.Document.Text.Length ? a.Document.Text[d.Start..d.End] : "");
                rows.Add((d.Range.Start.Line, d.Range.Start.Character,
                    new Row($"{d.Range.Start.Line + 1}:{d.Range.Start.Character + 1}", d.Severity, quote, d.Message, d.RuleId, Array.Empty<string>())));
            }
            foreach (var d in bank.Diagnostics.Where(d => d.Path == f.File.DisplayPath))
            {
                var r = d.Location;
                string quote = d.Phrase ?? "";
                var also = d.Related.Select(x => x.Range is { } rr ? $"{x.Path}:{rr.Start.Line + 1}:{rr.Start.Character + 1}" : x.Path).ToList();
                rows.Add((r?.Start.Line ?? 0, r?.Start.Character ?? 0,
                    new Row(r is { } x2 ? $"{x2.Start.Line + 1}:{x2.Start.Character + 1}" : "", d.Severity, quote, d.Message, d.RuleId, also)));
            }
            if (rows.Count == 0) { clean.Add(f.File.DisplayPath); continue; }
            o.WriteLine(Paint(style, "4", f.File.DisplayPath));
            WriteRows(o, rows.OrderBy(x => x.Line).ThenBy(x => x.Col).Select(x => x.Row).ToList(), style, counts);
            o.WriteLine();
        }

        var wide = bank.Diagnostics.Where(d => d.Path is null).ToList();
        if (bank.Stories.Count > 0)
        {
            string header = $"bank ({Plural(bank.Stories.Count, "story", "stories")})";
            if (!bank.RulesRan)
            {
                o.WriteLine(Paint(style, "4", header));
                o.WriteLine($"  {Paint(style, "2", $"bank rules not run: they need at least {BankAnalyzer.MinStories} stories")}");
                o.WriteLine();
            }
            else if (wide.Count > 0)
            {
                o.WriteLine(Paint(style, "4", header));
                WriteRows(o, wide.Select(d => new Row("", d.Severity, "", d.Message, d.RuleId, Array.Empty<string>())).ToList(), style, counts);
                o.WriteLine();
            }
        }

        if (clean.Count > 0) o.WriteLine(Wrap($"clean: {string.Join(", ", clean)}", style.Width, 0));
        var parts = new List<string>();
        foreach (var (key, one, many) in new[] { ("error", "error", "errors"), ("warning", "warning", "warnings"), ("note", "note", "notes") })
            if (counts.TryGetValue(key, out int n)) parts.Add(Plural(n, one, many));
        string summary = $"{Plural(stories, "story", "stories")}: {(parts.Count == 0 ? "no findings" : string.Join(", ", parts))}; {Plural(clean.Count, "story", "stories")} clean";
        string code = counts.ContainsKey("error") ? "1;31" : counts.ContainsKey("warning") ? "1;33" : "1;32";
        o.WriteLine(Paint(style, code, summary));
    }

    private static void WriteRows(TextWriter o, List<Row> rows, Style style, Dictionary<string, int> counts)
    {
        int whereWidth = rows.Max(r => r.Where.Length);
        const int sevWidth = 7;   // "warning"
        int indent = 2 + (whereWidth > 0 ? whereWidth + 2 : 0) + sevWidth + 2;
        foreach (var r in rows)
        {
            string sev = Name(r.Severity);
            counts[sev] = counts.GetValueOrDefault(sev) + 1;
            // The flagged words, unless the message already quotes them.
            string quote = Shorten(r.Quote.Trim().TrimEnd(':').Trim(), 60);
            bool show = quote.Length > 0 && !r.Message.Contains(quote, StringComparison.OrdinalIgnoreCase);
            string text = (show ? $"\"{quote}\" " : "") + r.Message + "  " + r.Rule;
            var lines = Wrap(text, style.Width, indent).Split('\n');
            // The rule id (the last word) is dimmed like ESLint's.
            string first = lines[0];
            var sb = new StringBuilder("  ");
            if (whereWidth > 0) sb.Append(Paint(style, "2", r.Where.PadRight(whereWidth))).Append("  ");
            sb.Append(Paint(style, SevColor(r.Severity), sev.PadRight(sevWidth))).Append("  ");
            o.WriteLine(sb.Append(DimRule(first, r.Rule, lines.Length == 1, style)).ToString());
            for (int i = 1; i < lines.Length; i++)
                o.WriteLine(new string(' ', indent) + DimRule(lines[i], r.Rule, i == lines.Length - 1, style));
            foreach (var also in r.Also)
                o.WriteLine(new string(' ', indent) + Paint(style, "2", "see " + also));
        }
    }

    private static string DimRule(string line, string rule, bool last, Style style) =>
        last && style.Color && line.EndsWith(rule, StringComparison.Ordinal) ? line[..^rule.Length] + Paint(style, "2", rule) : line;

    /// <summary>Wraps at spaces to <paramref name="width"/>; continuation lines are for an indent of <paramref name="indent"/>.</summary>
    internal static string Wrap(string text, int width, int indent)
    {
        int room = Math.Max(20, width - indent);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > room)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        lines.Add(line.ToString());
        return string.Join("\n", lines.Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    private static string Shorten(string s, int max)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
    }

    private static string Name(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string SevColor(Severity s) => s switch
    {
        Severity.Error => "31",
        Severity.Warning => "33",
        _ => "36",
    };

    private static string Paint(Style style, string code, string text) => style.Color ? $"\u001b[{code}m{text}\u001b[0m" : text;

    internal static string Plural(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";
}
