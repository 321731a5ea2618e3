using PmPrep.Core.Analysis;
using PmPrep.Core.Config;
using PmPrep.Core.Text;

namespace PmPrep.Core.Fixes;

/// <summary>
/// Fix-all: every mechanical fix (first person, simple passives, hedges) in one edit set. Never a
/// template or a verb choice: those need the author. Edits that overlap an earlier one wait for
/// the next pass, so the result is the same as applying the fixes one by one.
/// </summary>
public static class FixAll
{
    public const int MaxPasses = 4;

    /// <summary>Non-overlapping mechanical edits from one analysis, in document order.</summary>
    public static IReadOnlyList<TextEdit> Edits(StoryAnalysis analysis) => Edits(analysis, out _);

    /// <summary>Non-overlapping mechanical edits from one analysis, and how many fixes they make up.</summary>
    public static IReadOnlyList<TextEdit> Edits(StoryAnalysis analysis, out int fixes)
    {
        var chosen = new List<TextEdit>();
        fixes = 0;
        // Findings folded into another on the same words keep their mechanical fixes (filler removal under a hedge).
        foreach (var d in analysis.Diagnostics.Concat(analysis.Folded))
        {
            var fix = d.Fixes.FirstOrDefault(f => f.Mechanical);
            if (fix is null) continue;
            if (fix.Edits.Any(e => chosen.Any(c => Overlaps(c, e)))) continue;
            chosen.AddRange(fix.Edits);
            fixes++;
        }
        chosen.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length.CompareTo(b.Length));
        return chosen;
    }

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
