using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Rules;

/// <summary>
/// missing-because: the candidate's side (I, an implied I, we, the team, or nobody in a passive)
/// makes a decision in any form (decided, opted for, settled on, chose, moved X to Phase 2, turned
/// off, shelved) and no rationale stands in its clause's sentence, the next sentence, or a data
/// sentence just before it. Someone else's decision or agreement ("Legal signed off on the plan")
/// needs no because from the candidate; "cut" that reports a result ("cut hosting cost from $5.1M
/// to $3.1M") is not a decision.
/// </summary>
public sealed class MissingBecause : SentenceRule
{
    public override string Id => "missing-because";

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var clauses = ctx.Reading.Of(s);
        var decision = FindDecision(clauses, ctx.Lexicon);
        if (decision is null) return;
        if (HasRationale(s, clauses, ctx)) return;
        var words = s.Words;
        int from = decision.SubjectFirst >= 0 && !decision.SubjectShared ? decision.SubjectFirst : decision.VerbAt;
        if (decision.FiniteAt >= 0 && decision.FiniteAt < from) from = decision.FiniteAt;
        int to = decision.VerbAt + 1 + (decision.Particle is not null && decision.VerbAt + 1 < decision.End ? 1 : 0);
        var (start, stop) = RuleContext.WordSpan(s, from, to);
        string phrase = RuleContext.WordText(s, from, to);
        var fixes = new List<Fix>();
        if (!s.Block.InBlockQuote && Templates.AppendClause(s, Templates.BecauseChain) is { } edits)
            fixes.Add(new Fix(ctx.FixTitle(Id), edits));
        ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = phrase }, fixes, phrase);
    }

    /// <summary>The first decision clause of the candidate's side, or null.</summary>
    internal static Clause? FindDecision(Clause[] clauses, Lexicon lex)
    {
        foreach (var c in clauses)
            if (IsOwnSideDecision(c, lex)) return c;
        return null;
    }

    /// <summary>A decision reported as made, by I, an implied I, we, the team or nobody.</summary>
    internal static bool IsOwnSideDecision(Clause c, Lexicon lex) =>
        c.Actor is Actor.I or Actor.ImpliedI or Actor.We or Actor.Team or Actor.Nobody && IsDecision(c, lex);

    /// <summary>A decision clause of any actor, as a fact: not planned, quoted, reported or negated.</summary>
    internal static bool IsDecision(Clause c, Lexicon lex)
    {
        if (c.VerbAt < 0 || c.Quoted || c.Reported || c.Negated || c.Mood != Mood.Did) return false;
        if (!IsDecisionLemma(c, lex)) return false;
        // "cut cost from $5M to $3M", "dropped churn by 4 points": a result.
        if (c.Lemma is { } l && lex.Set("result-capable-decisions").Contains(l) && ReportsResult(c, lex)) return false;
        if (c.Lemma == "agree" && c.Actor is Actor.Other) return false;
        if (c.Voice == Voice.Passive && PassiveOwnership.IsEventOrResult(c, lex)) return false; // "some messages were delayed"
        return true;
    }

    /// <summary>The clause's verb (with its particle or next words) is a decision.</summary>
    internal static bool IsDecisionLemma(Clause c, Lexicon lex)
    {
        if (c.Lemma is null || c.VerbAt < 0) return false;
        var set = lex.Set("decision-lemmas");
        var words = c.Sentence.Words;
        if (set.Contains(c.Lemma) && c.Lemma is not ("make" or "go" or "turn" or "pull" or "call" or "roll" or "push" or "settle")) return true;
        if (c.Particle is not null && set.Contains(c.Lemma + " " + c.Particle)) return true;
        string next = c.VerbAt + 1 < c.End ? Words.Normalize(words[c.VerbAt + 1].Lower) : "";
        string next2 = c.VerbAt + 2 < c.End ? Words.Normalize(words[c.VerbAt + 2].Lower) : "";
        if (set.Contains(c.Lemma + " " + next)) return true;
        if (set.Contains(c.Lemma + " " + next + " " + next2)) return true;
        if (c.Voice == Voice.Passive && c.Lemma == "make" && c.SubjectFirst >= 0)
            for (int k = c.SubjectFirst; k < c.SubjectEnd; k++) if (words[k].Lower is "decision" or "call" or "choice") return true; // "the decision was made"
        // "Moved Slice 3 & 4 to Phase 2": pushing work out is a decision.
        if (c.Lemma is "move" or "push" or "punt" or "defer" or "bump" or "slip")
        {
            var targets = lex.Set("deferral-targets");
            for (int k = c.VerbAt + 1; k < c.End; k++)
            {
                if (words[k].Lower != "to" && words[k].Lower != "into") continue;
                for (int j = k + 1; j < c.End && j <= k + 3; j++)
                {
                    string w = Words.Normalize(words[j].Lower);
                    if (targets.Contains(w) || (j + 1 < c.End && targets.Contains(w + " " + Words.Normalize(words[j + 1].Lower)))) return true;
                }
            }
        }
        return false;
    }

    private static bool ReportsResult(Clause c, Lexicon lex)
    {
        var words = c.Sentence.Words;
        var results = lex["decision-objects-that-are-results"];
        for (int k = c.VerbAt + 1; k < Math.Min(c.End, c.VerbAt + 5); k++)
        {
            if (words[k].Lower == "from" || words[k].Kind == TokenKind.Number) return true;
            if (results.LongestAt(words, k) > 0) return true;
        }
        return false;
    }

    /// <summary>A rationale in the sentence (a because-type clause or marker), in the next sentence, or a data sentence just before.</summary>
    internal static bool HasRationale(Sentence s, Clause[] clauses, RuleContext ctx)
    {
        var rationale = ctx.Lexicon["rationale-markers"];
        foreach (var c in clauses) if (c.IsRationale || c.Link == Link.Despite || c.Link == Link.RatherThan) return true;
        if (rationale.Any(s.Words)) return true;
        if (s.Next is not null && (rationale.Any(s.Next.Words) || ctx.Reading.Of(s.Next).Any(c => c.IsRationale))) return true;
        // The data sentence just before: "Returns were up 30% in the pilot cities. I paused the rollout."
        var prev = s.Index > 0 ? ctx.Document.Sentences[s.Index - 1] : null;
        if (prev is not null && prev.Block == s.Block && IsDataSentence(prev, ctx)) return true;
        return false;
    }

    private static bool IsDataSentence(Sentence s, RuleContext ctx)
    {
        foreach (var w in s.Words) if (MetricWithoutContext.IsMeasure(w)) return true;
        return ctx.Lexicon["data-cues"].Any(s.Words) && s.Words.Length > 3;
    }
}
