using PmPrep.Core.Catalog;
using PmPrep.Core.Text;

namespace PmPrep.Core.Analysis;

/// <summary>
/// A quick fix: a title and text edits. <see cref="Mechanical"/> fixes are safe to apply without
/// the author's judgment and go into fix-all; the rest (templates, verb choices) are offered one by one.
/// </summary>
public sealed record Fix(string Title, IReadOnlyList<TextEdit> Edits, bool Mechanical = false, bool Preferred = false);

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
