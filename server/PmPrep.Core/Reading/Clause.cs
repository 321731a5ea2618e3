using PmPrep.Core.Model;

namespace PmPrep.Core.Reading;

/// <summary>Who does what a clause says.</summary>
public enum Actor : byte
{
    /// <summary>No subject could be found and none is implied.</summary>
    Unknown,
    /// <summary>"I", "my manager and I".</summary>
    I,
    /// <summary>A resume bullet that starts with a verb: "Helped improve ...", "Collaborated with design ...".</summary>
    ImpliedI,
    /// <summary>"we", "our team", "let's".</summary>
    We,
    /// <summary>A team the candidate belongs to or leads: "my team", "the team", "engineering", "the BIE team".</summary>
    Team,
    /// <summary>Someone else: "my director", "Legal", "the steering committee", "she", "the customer".</summary>
    Other,
    /// <summary>Nobody: an agentless passive ("the decision was made"), "it was agreed that".</summary>
    Nobody,
    /// <summary>A thing or a state, not an agent: "the project", "adoption", "it", "there".</summary>
    Thing,
}

public enum Voice : byte { Active, Passive }

/// <summary>Whether the clause reports what happened or something else.</summary>
public enum Mood : byte
{
    /// <summary>What was done or is the case: "I paused", "we launched", "I have shipped".</summary>
    Did,
    /// <summary>"will", "going to".</summary>
    Will,
    /// <summary>"would", "'d".</summary>
    Would,
    /// <summary>"planned to", "wanted to", "hoped to", "aimed to", "intended to".</summary>
    Planned,
    /// <summary>"could", "might", "may", "should", "can", "must".</summary>
    Could,
    /// <summary>Inside an "if" or "unless" clause.</summary>
    Conditional,
}

/// <summary>How a clause attaches to the clause before it.</summary>
public enum Link : byte
{
    None, And, But, Or, So, Then,
    Because, Since, Given, SoThat, Purpose, DueTo, AfterSeeing, Considering, WhichMeant,
    Despite, Although, RatherThan,
    After, Before, When, While, If, Unless,
    Relative, Complement,
}

/// <summary>
/// One clause of a sentence: a word range with its actor, main verb, voice, mood and negation,
/// whether it is speech, and how it links to the clause before it. Built by <see cref="ClauseReader"/>.
/// </summary>
public sealed class Clause
{
    internal Clause(Sentence sentence, int first, int end) { Sentence = sentence; First = first; End = end; }

    public Sentence Sentence { get; }
    /// <summary>Word range [First, End) in <see cref="Sentence.Words"/>.</summary>
    public int First { get; internal set; }
    public int End { get; internal set; }
    public int Index { get; internal set; }

    public Actor Actor { get; internal set; }
    /// <summary>Word range of the subject, or -1 when it is implied or shared with the clause before.</summary>
    public int SubjectFirst { get; internal set; } = -1;
    public int SubjectEnd { get; internal set; } = -1;
    /// <summary>True when the subject is not written in this clause (shared with the clause before, or an implied I).</summary>
    public bool SubjectShared { get; internal set; }

    /// <summary>The first verb of the chain (an auxiliary or the main verb), or -1.</summary>
    public int FiniteAt { get; internal set; } = -1;
    /// <summary>The main (lexical) verb, or -1.</summary>
    public int VerbAt { get; internal set; } = -1;
    /// <summary>Lemma of the main verb ("decided" -> "decide"), or null.</summary>
    public string? Lemma { get; internal set; }
    /// <summary>A verb particle after the main verb ("signed off", "rolled out", "settled on"), or null.</summary>
    public string? Particle { get; internal set; }
    /// <summary>The infinitive the main verb governs ("decided to pause" -> "pause"), or null.</summary>
    public string? Then { get; internal set; }
    public int ThenAt { get; internal set; } = -1;

    public Voice Voice { get; internal set; }
    /// <summary>A passive with its agent written out ("approved by the VP").</summary>
    public bool HasAgent { get; internal set; }
    public Mood Mood { get; internal set; }
    public bool Past { get; internal set; }
    public bool Negated { get; internal set; }
    /// <summary>"tried to", "attempted to": an attempt, not an outcome.</summary>
    public bool Attempted { get; internal set; }
    /// <summary>Inside quotation marks.</summary>
    public bool Quoted { get; internal set; }
    /// <summary>Reported speech or thought: "I told the team [we would freeze scope]".</summary>
    public bool Reported { get; internal set; }

    public Link Link { get; internal set; }
    /// <summary>The clause this one attaches to (the one before it in the sentence), or null.</summary>
    public Clause? Previous { get; internal set; }

    /// <summary>The candidate acts: "I ..." or an implied I.</summary>
    public bool ByCandidate => Actor is Actor.I or Actor.ImpliedI;
    /// <summary>Reports what was done (not planned, hoped, conditional), outside speech.</summary>
    public bool IsFact => Mood == Mood.Did && !Quoted && !Reported;
    /// <summary>The candidate did it: by the candidate, a fact, not negated.</summary>
    public bool IsCandidateAct => ByCandidate && IsFact && !Negated && VerbAt >= 0;
    public bool IsRationale => Link is Link.Because or Link.Since or Link.Given or Link.SoThat or Link.Purpose or Link.DueTo
        or Link.AfterSeeing or Link.Considering or Link.WhichMeant;

    /// <summary>True when word index <paramref name="w"/> lies in the clause.</summary>
    public bool Contains(int w) => w >= First && w < End;

    public string Text
    {
        get
        {
            if (End <= First) return string.Empty;
            var words = Sentence.Words;
            return Sentence.Block.Text.Substring(words[First].Start, words[End - 1].End - words[First].Start);
        }
    }

    public override string ToString() => $"[{Actor} {Lemma ?? "-"} {Voice} {Mood}{(Negated ? " neg" : "")}{(Quoted ? " quoted" : "")}{(Reported ? " reported" : "")} {Link}] {Text}";
}
