using PmPrep.Core.Config;
using PmPrep.Core.Model;

namespace PmPrep.Core.Design;

/// <summary>The parts of a product-design answer, in the order an interviewer expects them.</summary>
public enum DesignPartKind { Customer, Problem, Constraints, Options, DeepDive, Risks, Pilot, Metrics, Other }

/// <summary>
/// The three phases of the 5/10/20 timebox: problem definition (Customer, Problem, Constraints;
/// 5 min), scoping (Options; 10 min) and the solution (Deep dive, Risks, Pilot, Metrics; 20 min).
/// </summary>
public enum DesignPhase { ProblemDefinition, Scoping, Solution }

/// <summary>One part of a design answer: the parsed part, what it is, its phase, and its spoken length.</summary>
public sealed record DesignSection(Part Part, DesignPartKind Kind, DesignPhase? Phase, int Words, double Minutes);

/// <summary>One phase of the timebox: the minutes its parts take spoken, against its target.</summary>
public sealed record PhaseStat(DesignPhase Phase, string Name, double Minutes, double TargetMinutes);

/// <summary>
/// A product-design answer (<c>*.design.md</c>) read from a parsed document: its parts by level-2
/// heading (with aliases) and the spoken minutes per part and per phase of the timebox.
/// </summary>
public sealed class DesignAnswer
{
    /// <summary>Minutes per phase: 5 to define the problem, 10 to scope, 20 for the solution.</summary>
    public static readonly IReadOnlyDictionary<DesignPhase, double> Timebox = new Dictionary<DesignPhase, double>
    {
        [DesignPhase.ProblemDefinition] = 5, [DesignPhase.Scoping] = 10, [DesignPhase.Solution] = 20,
    };

    internal DesignAnswer(StoryDocument doc, PmPrepSettings settings)
    {
        Document = doc;
        foreach (var p in doc.Parts)
        {
            var kind = p.Heading is null ? DesignPartKind.Other : KindOf(p.Name);
            Sections.Add(new DesignSection(p, kind, PhaseOf(kind), p.Words, p.Words / settings.WordsPerMinute));
        }
        foreach (var phase in new[] { DesignPhase.ProblemDefinition, DesignPhase.Scoping, DesignPhase.Solution })
            Phases.Add(new PhaseStat(phase, PhaseName(phase), Sections.Where(s => s.Phase == phase).Sum(s => s.Minutes), Timebox[phase]));
    }

    public StoryDocument Document { get; }
    public List<DesignSection> Sections { get; } = new();
    public List<PhaseStat> Phases { get; } = new();
    public bool HasParts => Document.HasParts;

    public DesignSection? Find(DesignPartKind kind) => Sections.FirstOrDefault(s => s.Kind == kind);
    public PhaseStat Phase(DesignPhase phase) => Phases.First(p => p.Phase == phase);

    /// <summary>The sentences of the parts of one kind, or of the whole answer when it has no headings.</summary>
    public IEnumerable<Sentence> SentencesOf(DesignPartKind kind) =>
        HasParts ? Sections.Where(s => s.Kind == kind).SelectMany(s => s.Part.Sentences) : Document.Sentences;

    public static string Label(DesignPartKind kind) => kind switch
    {
        DesignPartKind.DeepDive => "Deep dive",
        _ => kind.ToString(),
    };

    public static string PhaseName(DesignPhase phase) => phase switch
    {
        DesignPhase.ProblemDefinition => "problem definition",
        DesignPhase.Scoping => "scoping",
        _ => "solution",
    };

    public static DesignPhase? PhaseOf(DesignPartKind kind) => kind switch
    {
        DesignPartKind.Customer or DesignPartKind.Problem or DesignPartKind.Constraints => DesignPhase.ProblemDefinition,
        DesignPartKind.Options => DesignPhase.Scoping,
        DesignPartKind.DeepDive or DesignPartKind.Risks or DesignPartKind.Pilot or DesignPartKind.Metrics => DesignPhase.Solution,
        _ => null,
    };

    /// <summary>The part a heading names. Aliases are listed in docs/design-answers.md.</summary>
    public static DesignPartKind KindOf(string heading)
    {
        var key = Part.Normalize(heading);
        if (key.StartsWith("the ", StringComparison.Ordinal)) key = key[4..];
        return key switch
        {
            "customer" or "customers" or "target customer" or "customer segment" or "segment" or "user" or "users" or "persona"
                or "who is the customer" or "who" or "audience" => DesignPartKind.Customer,
            "problem" or "problem cost" or "problem and cost" or "problem and its cost" or "cost of the problem" or "pain" or "pain point"
                or "pain points" or "pain and cost" or "cost" or "why it matters" or "opportunity" => DesignPartKind.Problem,
            "constraints" or "constraint" or "assumptions" or "constraints and assumptions" or "limits" or "limitations" => DesignPartKind.Constraints,
            "options" or "solutions" or "alternatives" or "approaches" or "ideas" or "options considered" or "solution options"
                or "options and trade offs" or "trade offs" or "tradeoffs" or "scoping" or "scope" => DesignPartKind.Options,
            "deep dive" or "deepdive" or "solution" or "chosen solution" or "recommendation" or "proposal" or "design" or "mvp"
                or "chosen option" or "first release" => DesignPartKind.DeepDive,
            "risks" or "risk" or "failure modes" or "what could go wrong" or "risks and mitigations" or "mitigations" => DesignPartKind.Risks,
            "pilot" or "launch" or "rollout" or "launch plan" or "rollout plan" or "pilot and rollback" or "launch and rollback"
                or "experiment" or "test plan" or "rollback" => DesignPartKind.Pilot,
            "metrics" or "metric" or "success metrics" or "measures" or "measurement" or "kpis" or "guardrails" or "metrics and guardrails"
                or "how we measure" or "success" => DesignPartKind.Metrics,
            _ => DesignPartKind.Other,
        };
    }
}
