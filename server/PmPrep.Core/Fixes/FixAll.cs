using PmPrep.Core.Analysis;
using PmPrep.Core.Config;
using PmPrep.Core.Text;

namespace PmPrep.Core.Fixes;

/// <summary>
/// Fix-all: every meaning-preserving fix (<see cref="FixKind.MeaningPreserving"/>: a hedge on a
/// statement of what was done or believed, filler, an LP heading renamed to its part, a sentence
/// that only names a principle) in one edit set. Never a fix that changes who acted, a stronger
/// verb, a hedge on a prediction or a template: those are the author's choices, one at a time.
/// Edits that overlap an earlier one wait for the next pass, so the result is the same as applying
/// the fixes one by one. A wider fix goes first: a name-drop sentence is deleted whole rather than
/// losing its hedge first ("I think this really shows my Bias for Action" goes, it does not become
/// "This really shows my Bias for Action").
/// </summary>
public static class FixAll
{
    public const int MaxPasses = 4;

    /// <summary>Non-overlapping meaning-preserving edits from one analysis, in document order.</summary>
    public static IReadOnlyList<TextEdit> Edits(StoryAnalysis analysis) => Edits(analysis, out _);

    /// <summary>Non-overlapping meaning-preserving edits from one analysis, and how many fixes they make up.</summary>
    public static IReadOnlyList<TextEdit> Edits(StoryAnalysis analysis, out int fixes)
    {
        var candidates = new List<(int Order, Fix Fix, int Span)>();
        int order = 0;
        // A sentence that names a principle needs the author's rewrite: fix-all does not polish it
        // (dropping "I think" from "I think this shows my Ownership because ..." keeps the name-drop,
        // stated louder). When the sentence only names the principle, its deletion is the fix.
        var nameDrops = analysis.Diagnostics.Where(d => d.RuleId == "lp-name-drop")
            .Select(d => analysis.Document.Sentences.FirstOrDefault(s => s.SourceStart <= d.Start && d.Start < s.SourceEnd))
            .Where(s => s is not null).Select(s => (s!.SourceStart, s.SourceEnd)).ToList();
        // Findings folded into another on the same words keep their fixes (filler removal under a hedge).
        foreach (var d in analysis.Diagnostics.Concat(analysis.Folded))
        {
            var fix = Choose(d);
            if (fix is null) continue;
            if (d.RuleId != "lp-name-drop" && fix.Edits.Any(e => nameDrops.Any(n => e.Start < n.SourceEnd && n.SourceStart < e.End))) continue;
            int span = fix.Edits.Count == 0 ? 0 : fix.Edits.Max(e => e.End) - fix.Edits.Min(e => e.Start);
            candidates.Add((order++, fix, span));
        }
        // Wider first, then document order (the diagnostics' order): stable, so deterministic.
        candidates.Sort((a, b) => a.Span != b.Span ? b.Span.CompareTo(a.Span) : a.Order.CompareTo(b.Order));
        var chosen = new List<TextEdit>();
        fixes = 0;
        foreach (var (_, fix, _) in candidates)
        {
            if (fix.Edits.Any(e => chosen.Any(c => Overlaps(c, e)))) continue;
            chosen.AddRange(fix.Edits);
            fixes++;
        }
        chosen.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length.CompareTo(b.Length));
        return chosen;
    }

    /// <summary>The fix fix-all would apply for a finding: its preferred meaning-preserving fix, else its first one; never a claim.</summary>
    public static Fix? Choose(Diagnostic d) =>
        d.Fixes.FirstOrDefault(f => f.InFixAll && f.Preferred) ?? d.Fixes.FirstOrDefault(f => f.InFixAll);

    /// <summary>True when fix-all has something to apply for this analysis.</summary>
    public static bool HasAny(StoryAnalysis analysis) => analysis.Diagnostics.Concat(analysis.Folded).Any(d => Choose(d) is not null);

    /// <summary>
    /// Applies fix-all until nothing more changes (at most <see cref="MaxPasses"/> passes); a fix
    /// that overlapped another waits for the next pass. <paramref name="applied"/> counts fixes, not edits.
    /// </summary>
    public static string Apply(string text, PmPrepSettings? settings, out int applied)
    {
        applied = 0;
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            var edits = Edits(StoryAnalyzer.Analyze(text, settings), out int fixes);
            if (edits.Count == 0) break;
            var next = TextEdit.Apply(text, edits);
            if (next == text) break;
            applied += fixes;
            text = next;
        }
        return text;
    }

    /// <summary>One edit that turns <paramref name="before"/> into <paramref name="after"/>, trimmed to the changed middle.</summary>
    public static TextEdit? Minimal(string before, string after)
    {
        if (before == after) return null;
        int prefix = 0;
        int max = Math.Min(before.Length, after.Length);
        while (prefix < max && before[prefix] == after[prefix]) prefix++;
        int suffix = 0;
        while (suffix < max - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix]) suffix++;
        // Never split a surrogate pair or a CRLF.
        while (prefix > 0 && (char.IsHighSurrogate(before[prefix - 1]) || (before[prefix - 1] == '\r'))) prefix--;
        while (suffix > 0 && (char.IsLowSurrogate(before[before.Length - suffix]) || before[before.Length - suffix] == '\n')) suffix--;
        return new TextEdit(prefix, before.Length - prefix - suffix, after.Substring(prefix, after.Length - prefix - suffix));
    }

    private static bool Overlaps(TextEdit a, TextEdit b) =>
        a.Start < b.End && b.Start < a.End || (a.Start == b.Start && (a.Length == 0 || b.Length == 0));
}
