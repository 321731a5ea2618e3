namespace PmPrep.Core.Model;

public enum SuppressionKind { Disable, Enable, DisableNextLine, DisableFile }

/// <summary>One `&lt;!-- pmprep-... --&gt;` comment. An empty rule list means every rule.</summary>
public sealed record Suppression(SuppressionKind Kind, IReadOnlyList<string> Rules, int Line);

/// <summary>Inline suppression comments as markdownlint reads them.</summary>
public sealed class Suppressions
{
    private readonly List<Suppression> _items = new();
    // Per rule, built on first use: a story with many comments and many findings made the scan of
    // every comment for every finding quadratic (found by the linearity fuzz test).
    private System.Collections.Concurrent.ConcurrentDictionary<string, RuleView>? _views;

    public IReadOnlyList<Suppression> Items => _items;

    internal void Add(Suppression s) { _items.Add(s); _views = null; }

    /// <summary>Parses the comment text (between "&lt;!--" and "--&gt;") and adds any directives in it.</summary>
    internal void AddFromComment(string html, int line)
    {
        int at = 0;
        while (true)
        {
            int i = html.IndexOf("pmprep-", at, StringComparison.Ordinal);
            if (i < 0) return;
            int j = i + "pmprep-".Length;
            SuppressionKind? kind = null;
            foreach (var (word, k) in Directives)
            {
                if (string.CompareOrdinal(html, j, word, 0, word.Length) == 0 &&
                    (j + word.Length == html.Length || !IsRuleChar(html[j + word.Length])))
                {
                    kind = k; j += word.Length; break;
                }
            }
            if (kind is null) { at = j; continue; }
            int stop = html.IndexOf("-->", j, StringComparison.Ordinal);
            if (stop < 0) stop = html.Length;
            int nextDirective = html.IndexOf("pmprep-", j, StringComparison.Ordinal);
            if (nextDirective >= 0 && nextDirective < stop) stop = nextDirective;
            var rules = html.Substring(j, stop - j)
                .Split(new[] { ' ', ',', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(r => r.Trim().ToLowerInvariant())
                .Where(r => r.Length > 0 && r.All(IsRuleChar))
                .ToList();
            _items.Add(new Suppression(kind.Value, rules, line));
            _views = null;
            at = stop;
        }
    }

    private static readonly (string, SuppressionKind)[] Directives =
    {
        ("disable-next-line", SuppressionKind.DisableNextLine),
        ("disable-file", SuppressionKind.DisableFile),
        ("disable", SuppressionKind.Disable),
        ("enable", SuppressionKind.Enable),
    };

    private static bool IsRuleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    /// <summary>True when rule <paramref name="ruleId"/> is switched off at zero-based <paramref name="line"/>.</summary>
    public bool IsSuppressed(string ruleId, int line)
    {
        if (_items.Count == 0) return false;
        var views = _views ??= new System.Collections.Concurrent.ConcurrentDictionary<string, RuleView>(StringComparer.Ordinal);
        return views.GetOrAdd(ruleId, id => new RuleView(_items, id)).IsSuppressed(line);
    }

    /// <summary>
    /// The comments that apply to one rule, indexed. Same answer as reading every comment in order:
    /// a disable-file anywhere wins, then a disable-next-line on the line before, then the last
    /// disable or enable at or above the line.
    /// </summary>
    private sealed class RuleView
    {
        private readonly bool _file;
        private readonly HashSet<int> _nextLine = new();
        private readonly int[] _toggleLines;
        private readonly bool[] _toggleOff;
        private readonly bool _sorted = true;

        public RuleView(List<Suppression> items, string ruleId)
        {
            var all = items.Where(s => s.Rules.Count == 0 || s.Rules.Contains(ruleId)).ToList();
            var toggles = new List<(int Line, bool Off)>();
            foreach (var s in all)
            {
                switch (s.Kind)
                {
                    case SuppressionKind.DisableFile: _file = true; break;
                    case SuppressionKind.DisableNextLine: _nextLine.Add(s.Line + 1); break;
                    case SuppressionKind.Disable: toggles.Add((s.Line, true)); break;
                    case SuppressionKind.Enable: toggles.Add((s.Line, false)); break;
                }
            }
            for (int i = 1; i < toggles.Count; i++)
                if (toggles[i].Line < toggles[i - 1].Line) _sorted = false;
            _toggleLines = toggles.Select(t => t.Line).ToArray();
            _toggleOff = toggles.Select(t => t.Off).ToArray();
        }

        public bool IsSuppressed(int line)
        {
            if (_file || _nextLine.Contains(line)) return true;
            if (_toggleLines.Length == 0) return false;
            if (_sorted)
            {
                // The last toggle at or above the line: with toggles in line order it is the last one in document order too.
                int lo = 0, hi = _toggleLines.Length;
                while (lo < hi)
                {
                    int mid = (lo + hi) >>> 1;
                    if (_toggleLines[mid] <= line) lo = mid + 1; else hi = mid;
                }
                return lo > 0 && _toggleOff[lo - 1];
            }
            bool off = false;
            for (int i = 0; i < _toggleLines.Length; i++)
                if (_toggleLines[i] <= line) off = _toggleOff[i];
            return off;
        }
    }
}
