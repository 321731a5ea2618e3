namespace PmPrep.Core.Model;

public enum SuppressionKind { Disable, Enable, DisableNextLine, DisableFile }

/// <summary>One `&lt;!-- pmprep-... --&gt;` comment. An empty rule list means every rule.</summary>
public sealed record Suppression(SuppressionKind Kind, IReadOnlyList<string> Rules, int Line);

/// <summary>Inline suppression comments as markdownlint reads them.</summary>
public sealed class Suppressions
{
    private readonly List<Suppression> _items = new();

    public IReadOnlyList<Suppression> Items => _items;

    internal void Add(Suppression s) => _items.Add(s);

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
        bool off = false;
        foreach (var s in _items)
        {
            bool applies = s.Rules.Count == 0 || s.Rules.Contains(ruleId);
            if (!applies) continue;
            switch (s.Kind)
            {
                case SuppressionKind.DisableFile: return true;
                case SuppressionKind.DisableNextLine when s.Line + 1 == line: return true;
                case SuppressionKind.Disable when s.Line <= line: off = true; break;
                case SuppressionKind.Enable when s.Line <= line: off = false; break;
            }
        }
        return off;
    }
}
