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

/// <summary>A finding: a rule, a severity, a message that says what to change, a place, and fixes.</summary>
public sealed record Diagnostic(string RuleId, Severity Severity, string Message, int Start, int End, TextRange Range)
{
    public IReadOnlyList<Fix> Fixes { get; init; } = Array.Empty<Fix>();
    /// <summary>The text the finding is about, for hovers ("we decided").</summary>
    public string? Phrase { get; init; }
    /// <summary>Rules whose findings on the same words were folded into this one (only one finding per span).</summary>
    public IReadOnlyList<string> Also { get; init; } = Array.Empty<string>();
    /// <summary>For a finding folded into another on the same words: that finding's rule; else null.</summary>
    public string? FoldedInto { get; init; }
}
