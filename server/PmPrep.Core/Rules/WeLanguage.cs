using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Rules;

/// <summary>
/// we-language: a clause whose actor is "we", "our team" or "let's" and whose verb is an action
/// the story reports as done. Silent for state and context ("we were losing $48M a year"), plans
/// ("we would"), quotes, reported clauses ("I told the team we would freeze scope"), and a joint
/// outcome after the candidate's own move ("I disagreed, showed him the data, and we agreed to
/// test"). One finding per sentence; the fix rewrites the whole sentence.
/// </summary>
public sealed class WeLanguage : SentenceRule
{
    public override string Id => "we-language";

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var hit = Find(ctx.Reading.Of(s), ctx.Lexicon);
        if (hit is null) return;
        var (first, end) = hit.Value;
        var (start, stop) = RuleContext.WordSpan(s, first, end);
        string phrase = RuleContext.WordText(s, first, end);
        // Two choices, never in fix-all: only the author knows whose call it was.
        var fixes = new List<Fix>();
        if (FirstPerson.Rewrite(s, ctx.Lexicon) is { } edits)
            fixes.Add(new Fix(ctx.FixTitle(Id), edits));
        if (Ownership.NameThem(s, first) is { } named)
            fixes.Add(new Fix(ctx.FixTitle(Id, Ownership.IsDecision(phrase) ? "other-decided" : "other-did"), named));
        ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = phrase }, fixes, phrase);
    }

    /// <summary>Word range [subject, verb end) of the first "we" action clause, or null.</summary>
    internal static (int, int)? Find(Clause[] clauses, Lexicon lex)
    {
        bool candidateActed = false;
        foreach (var c in clauses)
        {
            if (c.ByCandidate && c.IsFact && c.VerbAt >= 0 && !IsState(c, lex)) candidateActed = true;
            if (!IsWeAction(c, lex)) continue;
            // "..., which meant we lost a week", "because we had no data": a consequence or a reason, not the key action.
            if (c.IsRationale) continue;
            // "When we hit a wall on day 4, I made the call": a time frame around the candidate's own act.
            if (c.Link is Link.When or Link.While or Link.After or Link.Before && clauses.Any(x => !ReferenceEquals(x, c) && IsCandidateAct(x, lex)))
                continue;
            // "..., and we agreed to test": the joint outcome of the candidate's own move.
            if (candidateActed && IsJointOutcome(c, lex)) continue;
            var words = c.Sentence.Words;
            int from = c.SubjectFirst >= 0 ? c.SubjectFirst : FindWe(words, c.First, c.VerbAt);
            if (from < 0) continue;
            int to = c.VerbAt + 1;
            if (c.Particle is not null && to < c.End) to++;
            return (from, Math.Max(to, from + 1));
        }
        return null;
    }

    /// <summary>"we agreed", "we settled on": a joint outcome (by itself; the caller checks the candidate moved first).</summary>
    internal static bool IsJointOutcome(Clause c, Lexicon lex) => c.Actor == Actor.We && c.Lemma is { } l && lex.Set("joint-outcome-lemmas").Contains(l);

    /// <summary>The candidate acts as a fact in one of the clauses before <paramref name="c"/>.</summary>
    internal static bool CandidateActedBefore(Clause[] clauses, Clause c, Lexicon lex)
    {
        foreach (var x in clauses)
        {
            if (ReferenceEquals(x, c)) return false;
            if (IsCandidateAct(x, lex)) return true;
        }
        return false;
    }

    /// <summary>The candidate does something, as a fact: not a state, a plan or a negation.</summary>
    private static bool IsCandidateAct(Clause x, Lexicon lex) => x.ByCandidate && x.IsFact && x.VerbAt >= 0 && !x.Negated && !IsState(x, lex);

    /// <summary>A clause where "we" (or our team) acts and the story says it happened.</summary>
    internal static bool IsWeAction(Clause c, Lexicon lex)
    {
        if (c.Actor != Actor.We || c.SubjectShared || c.VerbAt < 0) return false;
        if (c.Quoted || c.Reported || c.Mood != Mood.Did || c.Voice == Voice.Passive) return false;
        if (IsState(c, lex)) return false;
        return true;
    }

    /// <summary>"we were", "we had", "we knew", "we were losing": state or context, not an act.</summary>
    internal static bool IsState(Clause c, Lexicon lex)
    {
        if (c.Lemma is null) return true;
        var words = c.Sentence.Words;
        // "we saw that customers churned": perception; "we saw a 22% lift": a claimed result.
        if (c.Lemma == "see" && c.VerbAt + 1 < c.End && words[c.VerbAt + 1].Lower is "that" or "how" or "what" or "why" or "no" or "little") return true;
        if (c.Lemma == "own" && c.Past) return false; // "we each owned a city": an act; "we own the platform": context
        if (lex.Set("we-state-lemmas").Contains(c.Lemma) || (c.Particle is not null && lex.Set("we-state-lemmas").Contains(c.Lemma + " " + c.Particle))) return true;
        if (IsGrowthWithoutObject(c, lex)) return true;
        // "we were losing", "we are seeing": progressive context.
        if (c.VerbAt > c.FiniteAt && c.FiniteAt >= 0 && Grammar.Be.Contains(Words.Normalize(words[c.FiniteAt].Lower)) && words[c.VerbAt].Lower.EndsWith("ing", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// "our team had grown from 4 to 9", "as we scaled": growing with no object is the setting, not
    /// an act ("we grew revenue 30%" has an object and stays an act; "scale" only in a time or reason frame).
    /// </summary>
    private static bool IsGrowthWithoutObject(Clause c, Lexicon lex)
    {
        if (c.Lemma is null || c.Particle is not null || !lex.Set("we-growth-lemmas").Contains(c.Lemma)) return false;
        var words = c.Sentence.Words;
        if (c.Lemma == "scale" && c.Link is not (Link.When or Link.While or Link.Since or Link.Because)
            && !(c.SubjectFirst > 0 && words[c.SubjectFirst - 1].Lower is "as" or "when" or "while"))
            return false;
        return c.VerbAt + 1 >= c.End || Words.Normalize(words[c.VerbAt + 1].Lower) is "from" or "to" or "by" or "in" or "into" or "over" or "during"
            or "since" or "past" or "beyond" or "quickly" or "fast" or "rapidly";
    }

    private static int FindWe(Token[] words, int from, int to)
    {
        for (int i = from; i < to && i < words.Length; i++)
            if (Words.Normalize(words[i].Lower) is "we" or "our" or "let's" or "we've" or "we'd") return i;
        return -1;
    }
}
