using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Reading;
using PmPrep.Core.Rules;

namespace PmPrep.Core.Drill;

/// <summary>
/// The drill's reader on the clause layer (Core/Reading): a decision is a decision clause
/// (<see cref="MissingBecause.IsDecision"/>: a fact, not planned, quoted, reported or negated) of
/// the candidate's, with no alternative named (a "rather than" clause, or drill_alternative) in its
/// sentence or the next; a team actor is a "we" or team clause that reports a fact with no
/// candidate clause in its sentence, or a decision made by nobody (an agentless passive).
/// Results, windows, thresholds and the bank's conflicts come from <see cref="DetectorReader"/>.
/// </summary>
public sealed class ClauseDrillReader : IStoryReader
{
    public static ClauseDrillReader Instance { get; } = new();

    public IReadOnlyList<DrillCue> Read(StoryAnalysis story, IEnumerable<Diagnostic>? bankFindings)
    {
        var lex = Lexicon.For(story.Settings);
        var reading = story.Reading;
        var cues = DetectorReader.Instance.Read(story, bankFindings)
            .Where(c => c.Kind is not (DrillKind.DecisionWithoutAlternative or DrillKind.TeamActor)).ToList();
        foreach (var s in story.Document.Sentences)
        {
            var clauses = reading.Of(s);
            if (clauses.Length == 0) continue;
            bool alternative = clauses.Any(c => c.Link == Link.RatherThan) || lex["drill_alternative"].Any(s.Words)
                               || (s.Next is { } n && (reading.Of(n).Any(c => c.Link == Link.RatherThan) || lex["drill_alternative"].Any(n.Words)));
            bool mine = clauses.Any(c => c.ByCandidate && c.IsFact && !c.Negated);
            foreach (var c in clauses)
            {
                if (!MissingBecause.IsDecision(c, lex)) continue;
                if (c.ByCandidate && !alternative) { cues.Add(new DrillCue(DrillKind.DecisionWithoutAlternative, s.SourceStart, s.SourceEnd, s.Text)); break; }
                if (c.Actor == Actor.Nobody) { cues.Add(new DrillCue(DrillKind.TeamActor, s.SourceStart, s.SourceEnd, s.Text)); break; }
            }
            if (!mine && clauses.Any(c => c.Actor is Actor.We or Actor.Team && c.IsFact && !c.Negated && c.VerbAt >= 0 && c.Voice == Voice.Active))
                cues.Add(new DrillCue(DrillKind.TeamActor, s.SourceStart, s.SourceEnd, s.Text));
        }
        cues.Sort((a, b) => a.Start.CompareTo(b.Start));
        return cues;
    }
}
