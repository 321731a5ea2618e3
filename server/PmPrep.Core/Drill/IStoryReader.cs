using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Model;

namespace PmPrep.Core.Drill;

/// <summary>What the drill found in a story that a bar raiser would probe.</summary>
public enum DrillKind
{
    DecisionWithoutAlternative, ResultWithoutControl, ShortTestWindow, Threshold, TeamActor,
    RoleConflict, DecisionWithoutReason, VagueResult, Scale,
    /// <summary>A general probe (probes.yaml) used to reach three questions when the story prompts too few.</summary>
    General,
}

/// <summary>One thing found: its kind and the sentence (or, for bank findings, the source range) that prompted it.</summary>
public sealed record DrillCue(DrillKind Kind, int Start, int End, string Text);

/// <summary>
/// The one seam between the drill and how a story is read: decisions, actors, results, windows and
/// thresholds, each tied to its sentence. <see cref="DetectorReader"/> builds them from today's
/// detectors (rule findings and phrase lists); a reader over the clause layer (Core/Reading:
/// actors, decisions, mood, links) can replace it without touching the drill.
/// </summary>
public interface IStoryReader
{
    IReadOnlyList<DrillCue> Read(StoryAnalysis story, IEnumerable<Diagnostic>? bankFindings);
}
