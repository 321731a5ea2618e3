using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;
using PmPrep.Core.Signals;

namespace PmPrep.Core.Analysis;

/// <summary>Spoken length of one part against its target.</summary>
public sealed record PartStat(Part Part, int Words, double Seconds, double? TargetSeconds);

/// <summary>Evidence found for one principle in one story.</summary>
public sealed record Evidence(Principle Principle, int Signals, LpSignal Strongest);

/// <summary>Everything the engine found in one story. Immutable; a pure function of text and settings.</summary>
public sealed class StoryAnalysis
{
    internal StoryAnalysis(StoryDocument doc, PmPrepSettings settings, StoryReading reading, IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyList<LpSignal> signals, IReadOnlyList<(FrontMatterValue Value, Principle? Principle)> claims, DecisionCount? decisions = null)
    {
        Document = doc; Settings = settings; Reading = reading; Diagnostics = diagnostics; Signals = signals; Claims = claims;
        Decisions = decisions ?? DecisionCount.None;
        Evidence = signals.Where(s => s.Principle is not null)
            .GroupBy(s => s.Principle!)
            .Select(g => new Evidence(g.Key, g.Count(), g.OrderByDescending(x => x.Strong).ThenByDescending(x => x.End - x.Start).First()))
            .OrderBy(e => e.Principle.Order)
            .ToList();
        PartStats = doc.Parts.Select(p => new PartStat(p, p.Words, p.Words / settings.WordsPerMinute * 60, TargetFor(p.Kind, settings))).ToList();
    }

    public StoryDocument Document { get; }
    /// <summary>The clauses of every sentence.</summary>
    public StoryReading Reading { get; }
    public PmPrepSettings Settings { get; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    public IReadOnlyList<LpSignal> Signals { get; }
    public IReadOnlyList<(FrontMatterValue Value, Principle? Principle)> Claims { get; }
    public IReadOnlyList<Evidence> Evidence { get; }
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
