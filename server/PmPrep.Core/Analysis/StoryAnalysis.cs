using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;
using PmPrep.Core.Signals;

namespace PmPrep.Core.Analysis;

/// <summary>Spoken length of one part against its target.</summary>
public sealed record PartStat(Part Part, int Words, double Seconds, double? TargetSeconds);

/// <summary>How well a story shows a principle: only <see cref="Strong"/> and <see cref="Some"/> count as evidenced.</summary>
public enum Grade { None, Some, Strong }

/// <summary>Evidence found for one principle in one story, with its grade.</summary>
public sealed record Evidence(Principle Principle, int Signals, LpSignal Strongest, Grade Grade = Grade.Some)
{
    /// <summary>
    /// The grade from a story's signals for one principle, calibrated on real published stories:
    /// strong = a decisive (strong) signal backed by another signal in another sentence, or
    /// supporting signals in three sentences; some = one strong signal, or two different supporting
    /// signals; none = one supporting signal alone (a keyword is not evidence).
    /// </summary>
    public static Grade GradeOf(IReadOnlyCollection<LpSignal> signals, Func<LpSignal, int> sentenceOf)
    {
        int strong = signals.Count(s => s.Strong);
        int sentences = signals.Select(sentenceOf).Distinct().Count();
        int distinct = signals.Select(s => s.Reason).Distinct().Count();
        if (strong > 0 && sentences >= 2 || sentences >= 3) return Grade.Strong;
        if (strong > 0 || distinct >= 2) return Grade.Some;
        return Grade.None;
    }
}

/// <summary>Everything the engine found in one story. Immutable; a pure function of text and settings.</summary>
public sealed class StoryAnalysis
{
    internal StoryAnalysis(StoryDocument doc, PmPrepSettings settings, StoryReading reading, IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyList<LpSignal> signals, IReadOnlyList<(FrontMatterValue Value, Principle? Principle)> claims, DecisionCount? decisions = null)
    {
        Document = doc; Settings = settings; Reading = reading; Diagnostics = diagnostics; Signals = signals; Claims = claims;
        Decisions = decisions ?? DecisionCount.None;
        AllEvidence = signals.Where(s => s.Principle is not null)
            .GroupBy(s => s.Principle!)
            .Select(g => new Evidence(g.Key, g.Count(), g.OrderByDescending(x => x.Strong).ThenByDescending(x => x.End - x.Start).First(),
                Analysis.Evidence.GradeOf(g.ToList(), x => doc.SentenceAt(x.Start))))
            .OrderBy(e => e.Principle.Order)
            .ToList();
        Evidence = AllEvidence.Where(e => e.Grade != Grade.None).ToList();
        PartStats = doc.Parts.Select(p => new PartStat(p, p.Words, p.Words / settings.WordsPerMinute * 60, TargetFor(p.Kind, settings))).ToList();
    }

    public StoryDocument Document { get; }
    /// <summary>The clauses of every sentence.</summary>
    public StoryReading Reading { get; }
    public PmPrepSettings Settings { get; }
    /// <summary>A story (the default), a design answer or a PR/FAQ: see <see cref="Practice.PracticeFiles"/>.</summary>
    public Practice.PracticeKind Kind { get; init; } = Practice.PracticeKind.Story;
    /// <summary>The parts and timebox of a design answer; null for other kinds.</summary>
    public Design.DesignAnswer? Design { get; init; }
    /// <summary>The press release and FAQ of a PR/FAQ; null for other kinds.</summary>
    public PrFaq.PrFaqDocument? PrFaq { get; init; }
    /// <summary>The findings, one per span (see <see cref="OneFindingPerSpan"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    /// <summary>Findings folded into another on the same words (each names it in <see cref="Diagnostic.FoldedInto"/>).</summary>
    public IReadOnlyList<Diagnostic> Folded { get; internal init; } = Array.Empty<Diagnostic>();
    public IReadOnlyList<LpSignal> Signals { get; }
    public IReadOnlyList<(FrontMatterValue Value, Principle? Principle)> Claims { get; }
    /// <summary>Principles the story shows (grade some or strong): what coverage, the heat map and lp-claim-unsupported count.</summary>
    public IReadOnlyList<Evidence> Evidence { get; }
    /// <summary>Every principle with at least one signal, graded, including grade none (hovers show them as not yet evidence).</summary>
    public IReadOnlyList<Evidence> AllEvidence { get; }
    public IReadOnlyList<PartStat> PartStats { get; }
    /// <summary>The story's decisions by owner: no-own-decision's message and the title code lens.</summary>
    public DecisionCount Decisions { get; }
    /// <summary>True when the story has no headings and its parts were inferred from the content.</summary>
    public bool PartsInferred => Document.PartsInferred;

    public int Words => Document.Words;
    public double Minutes => Document.Words / Settings.WordsPerMinute;
    public IEnumerable<Principle> ClaimedPrinciples => Claims.Where(c => c.Principle is not null).Select(c => c.Principle!).Distinct();

    public static double? TargetFor(PartKind kind, PmPrepSettings s) => kind switch
    {
        PartKind.Context => s.ContextSeconds,
        PartKind.Decision => s.DecisionSeconds,
        PartKind.Impact or PartKind.Reflection => s.ImpactReflectionSeconds / 2,
        _ => null,
    };
}
