namespace PmPrep.Core.Catalog;

/// <summary>One evidence cue: a phrase pattern and why it counts.</summary>
public sealed record Cue(string Pattern, string Reason, bool Strong);

/// <summary>One of Amazon's 16 Leadership Principles, with its cues and follow-up questions.</summary>
public sealed class Principle
{
    public required string Name { get; init; }
    public required string Key { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
    public bool OneWord { get; init; }
    public required string Meaning { get; init; }
    public required IReadOnlyList<string> FollowUps { get; init; }
    public required IReadOnlyList<Cue> Cues { get; init; }
    /// <summary>
    /// What the candidate does that shows the principle, read from a clause: patterns that start at
    /// the candidate's verb, as its lemma ("listen", "take ownership|initiative", "analyze ... tickets|logs").
    /// </summary>
    public IReadOnlyList<Cue> Acts { get; init; } = Array.Empty<Cue>();
    public int Order { get; init; }
    public override string ToString() => Name;
}
