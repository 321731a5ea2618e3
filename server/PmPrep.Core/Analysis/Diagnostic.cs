using PmPrep.Core.Catalog;
using PmPrep.Core.Text;

namespace PmPrep.Core.Analysis;

/// <summary>What applying a fix does to the story's claims (SPEC section 2, docs/rewrites.md).</summary>
public enum FixKind
{
    /// <summary>
    /// A choice: the fix changes or adds what the story claims (who acted, a stronger verb, a hedge
    /// on a prediction dropped) or inserts a template the author fills in. Offered one finding at a
    /// time, titled so that the author confirms it; never applied in bulk.
    /// </summary>
    Claim,
    /// <summary>
    /// The story says the same after the fix: a hedge dropped where the sentence states what was
    /// done or believed, filler removed, an LP heading renamed to its part, a sentence that only
    /// names a principle deleted. Fix-all, <c>source.fixAll.pmprep</c> and <c>--fix</c> apply only these.
    /// </summary>
    MeaningPreserving,
}

/// <summary>
/// A quick fix: a title, text edits and its <see cref="FixKind"/>. Only
/// <see cref="FixKind.MeaningPreserving"/> fixes go into fix-all; the default is a choice.
/// </summary>
public sealed record Fix(string Title, IReadOnlyList<TextEdit> Edits, FixKind Kind = FixKind.Claim, bool Preferred = false)
{
    /// <summary>True when fix-all may apply this fix without the author.</summary>
    public bool InFixAll => Kind == FixKind.MeaningPreserving;
}

/// <summary>Another story a bank finding points at (the duplicate, the conflicting role), and where in it.</summary>
public sealed record RelatedStory(string Path, TextRange? Range, string? Phrase = null);

/// <summary>
/// A finding: a rule, a severity, a message that says what to change, a place, and fixes. One type
/// for a story's own findings and the bank's: a story's analysis leaves <see cref="Path"/> null (the
/// caller knows the file), a bank finding sets it to the story it is in, or leaves it null with no
/// range (<see cref="HasRange"/> false) when it concerns the bank as a whole. The stories a bank
/// finding names are data (<see cref="Related"/>), not only text: each edge (LSP, SARIF, report,
/// terminal) shows their paths its own way through <see cref="Format"/>.
/// </summary>
public sealed record Diagnostic(string RuleId, Severity Severity, string Message, int Start, int End, TextRange Range)
{
    public IReadOnlyList<Fix> Fixes { get; init; } = Array.Empty<Fix>();
    /// <summary>The text the finding is about, for hovers ("we decided").</summary>
    public string? Phrase { get; init; }
    /// <summary>Rules whose findings on the same words were folded into this one (only one finding per span).</summary>
    public IReadOnlyList<string> Also { get; init; } = Array.Empty<string>();
    /// <summary>For a finding folded into another on the same words: that finding's rule; else null.</summary>
    public string? FoldedInto { get; init; }

    /// <summary>The story a bank finding is in (a path or URI, as the caller named it); null for a story's own findings and for the bank as a whole.</summary>
    public string? Path { get; init; }
    /// <summary>False for a finding about the bank as a whole: it has no place, and <see cref="Range"/> is empty.</summary>
    public bool HasRange { get; init; } = true;
    /// <summary>The range, or null when the finding has no place (<see cref="HasRange"/>).</summary>
    public TextRange? Location => HasRange ? Range : null;

    /// <summary>The other stories the finding names, first the one the message names.</summary>
    public IReadOnlyList<RelatedStory> Related { get; init; } = Array.Empty<RelatedStory>();
    /// <summary>The rule's message arguments other than the related stories (bank findings).</summary>
    public IReadOnlyDictionary<string, string>? Args { get; init; }

    /// <summary>
    /// The message with each related story named by <paramref name="displayPath"/> ("{file}" is the
    /// first, with "and N other stories" when there are more). <see cref="Message"/> is this with the
    /// paths as the caller gave them.
    /// </summary>
    public string Format(Func<string, string> displayPath)
    {
        if (Related.Count == 0 || Args is null) return Message;
        var args = new Dictionary<string, string>(Args, StringComparer.Ordinal) { ["file"] = FileArg(Related, displayPath, TotalOthers(Args, Related.Count)) };
        return Rules.RuleContext.Fill(EngineData.Default.Rule(RuleId).Message, args);
    }

    /// <summary>How many stories a cluster rule says there are ("others"), at least <paramref name="named"/>; -1 when it does not say.</summary>
    internal static int TotalOthers(IReadOnlyDictionary<string, string>? args, int named) =>
        args is not null && args.TryGetValue("others", out var n) && int.TryParse(n, out int t) ? Math.Max(t, named) : -1;

    /// <summary>Stories named in a bank message: the other story, "b (and 1 other story)", or, for a cluster
    /// whose size the rule gives (<paramref name="total"/> &gt;= 0), "4 other stories (a, b, c and 1 more)".</summary>
    internal const int MaxNamed = 3;

    internal static string FileArg(IReadOnlyList<RelatedStory> related, Func<string, string> displayPath, int total)
    {
        if (total < 0)
            return related.Count == 1 ? displayPath(related[0].Path)
                : $"{displayPath(related[0].Path)} (and {related.Count - 1} other stor{(related.Count == 2 ? "y" : "ies")})";
        if (total <= 1) return displayPath(related[0].Path);
        var names = related.Take(MaxNamed).Select(r => displayPath(r.Path)).ToList();
        string rest = total > names.Count ? $" and {total - names.Count} more" : "";
        string named = rest.Length == 0 && names.Count > 1 ? string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1] : string.Join(", ", names);
        return $"{total} other stories ({named}{rest})";
    }
}
