using PmPrep.Core.Catalog;

namespace PmPrep.Core.Analysis;

/// <summary>
/// Only one finding per span: when two rules flag the same words (the same start, both spans
/// non-empty), the more useful finding stays and the other is folded into its message
/// ("... (also: filler)") and its <see cref="Diagnostic.Also"/> list. Runs once, after every rule.
/// The folded findings are kept aside (<see cref="StoryAnalysis.Folded"/>, each naming its winner
/// in <see cref="Diagnostic.FoldedInto"/>): the hover shows them under the winner, their quick
/// fixes are offered on the winner's squiggle, fix-all still applies their mechanical fixes, and
/// JSON lists them with "foldedInto". Editors and text output show one finding per span.
/// </summary>
public static class OneFindingPerSpan
{
    /// <summary>
    /// Most useful first: ownership and judgment before wording. A rule not listed ranks after
    /// the listed ones; between equals, the higher severity wins, then the longer span.
    /// </summary>
    public static readonly IReadOnlyList<string> Priority = new[]
    {
        "we-language", "team-as-actor", "passive-ownership", "weak-ownership-verb", "missing-because",
        "vague-outcome", "metric-without-context", "lp-name-drop", "hedging", "filler-words",
    };

    private static int Rank(string ruleId)
    {
        for (int i = 0; i < Priority.Count; i++) if (Priority[i] == ruleId) return i;
        return Priority.Count;
    }

    /// <summary>True when <paramref name="a"/> is more useful than <paramref name="b"/>.</summary>
    internal static bool Beats(Diagnostic a, Diagnostic b)
    {
        if (a.Severity != b.Severity) return a.Severity < b.Severity; // Error = 1 is the most severe
        int ra = Rank(a.RuleId), rb = Rank(b.RuleId);
        if (ra != rb) return ra < rb;
        return a.End - a.Start > b.End - b.Start;
    }

    /// <summary>The findings with same-start duplicates folded; order is kept otherwise.</summary>
    public static List<Diagnostic> Merge(List<Diagnostic> diagnostics, EngineData data) => Merge(diagnostics, data, out _);

    /// <summary>The findings with same-start duplicates folded, and the folded ones (with <see cref="Diagnostic.FoldedInto"/> set).</summary>
    public static List<Diagnostic> Merge(List<Diagnostic> diagnostics, EngineData data, out List<Diagnostic> folded)
    {
        folded = new List<Diagnostic>();
        if (diagnostics.Count < 2) return diagnostics;
        var byStart = new Dictionary<int, List<int>>();
        for (int i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            if (d.End <= d.Start) continue; // insertion points are not spans
            // Only sentence findings share words; a story finding anchored on a title or a part stays its own.
            if (!data.RulesById.TryGetValue(d.RuleId, out var info) || info.Scope != RuleScope.Sentence) continue;
            if (!byStart.TryGetValue(d.Start, out var list)) byStart[d.Start] = list = new List<int>();
            list.Add(i);
        }
        var drop = new HashSet<int>();
        var replace = new Dictionary<int, Diagnostic>();
        foreach (var (_, group) in byStart)
        {
            if (group.Count < 2) continue;
            var ids = group.Select(i => diagnostics[i].RuleId).Distinct(StringComparer.Ordinal).Count();
            if (ids < 2) continue; // one rule flagging twice at one place is that rule's business
            int win = group[0];
            foreach (int i in group) if (Beats(diagnostics[i], diagnostics[win])) win = i;
            var winner = diagnostics[win];
            var also = new List<string>(winner.Also);
            foreach (int i in group)
            {
                if (i == win) continue;
                var d = diagnostics[i];
                if (d.RuleId == winner.RuleId) continue;
                drop.Add(i);
                folded.Add(d with { FoldedInto = winner.RuleId });
                if (!also.Contains(d.RuleId)) also.Add(d.RuleId);
            }
            if (also.Count == winner.Also.Count) continue;
            string labels = string.Join(", ", also.Select(id => data.RulesById.TryGetValue(id, out var r) ? r.Short : id));
            replace[win] = winner with { Message = $"{winner.Message} (also: {labels})", Also = also };
        }
        if (drop.Count == 0) return diagnostics;
        var result = new List<Diagnostic>(diagnostics.Count - drop.Count);
        for (int i = 0; i < diagnostics.Count; i++)
        {
            if (drop.Contains(i)) continue;
            result.Add(replace.TryGetValue(i, out var r) ? r : diagnostics[i]);
        }
        return result;
    }
}
