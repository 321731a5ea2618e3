using PmPrep.Core.Catalog;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Rules;

/// <summary>
/// missing-stakeholder-tension: nothing in the story pushes back. Tension, read from clauses:
/// someone other than the candidate disagrees, resists, refuses, wants or asks for something else,
/// or is skeptical ("Legal objected", "my director wanted to ship in May", "finance wouldn't sign
/// off", "the team was skeptical"); anyone disagrees ("I pushed back", "I challenged the estimate");
/// a clash or constraint is named ("the trade-off", "pressure", "a tight deadline"); or the
/// candidate made a trade-off ("I chose X rather than Y", "despite", "at the cost of", "gave up",
/// "weighing the benefits and risks"). Not tension on its own: "however", "although", the word
/// "risk", "against", a customer's need, or a manager assigning work ("asked me to lead").
/// </summary>
public sealed class MissingStakeholderTension : Rule
{
    public override string Id => "missing-stakeholder-tension";

    public override void Check(RuleContext ctx)
    {
        var doc = ctx.Document;
        if (doc.Sentences.Count == 0) return;
        foreach (var s in doc.Sentences) if (HasTension(s, ctx.Reading.Of(s), ctx.Lexicon)) return;
        var (start, end) = StoryAnchor.Title(doc);
        ctx.Report(Id, start, end);
    }

    private static readonly HashSet<string> NoneBefore = new(StringComparer.Ordinal) { "no", "without", "zero", "any", "little", "minimal", "not" };

    internal static bool HasTension(Sentence s, Clause[] clauses, Lexicon lex)
    {
        var words = s.Words;
        foreach (var m in lex["tension-cues"].Matches(words))
            if (!words[m.Start].InQuote) return true;
        foreach (var m in lex["tension-nouns"].Matches(words))
        {
            if (words[m.Start].InQuote) continue;
            string prev = m.Start > 0 ? words[m.Start - 1].Lower : "";
            string prev2 = m.Start > 1 ? words[m.Start - 2].Lower : "";
            if (NoneBefore.Contains(prev) || NoneBefore.Contains(prev2) && prev is "real" or "major" or "much" or "significant") continue;
            return true;
        }
        foreach (var c in clauses)
        {
            if (c.Quoted) continue;
            if (IsTradeOff(c, clauses, lex)) return true;
            if (c.VerbAt < 0) continue;
            if (IsTensionClause(c, clauses, lex)) return true;
        }
        if (lex["tradeoff-phrases"].Matches(words).Any(m => !words[m.Start].InQuote) && clauses.Any(IsOwnSide)) return true;
        return false;
    }

    private static bool IsOwnSide(Clause c) => c.Actor is Actor.I or Actor.ImpliedI or Actor.We or Actor.Team;

    private static bool IsTensionClause(Clause c, Clause[] clauses, Lexicon lex)
    {
        bool hedged = c.Mood is Mood.Could or Mood.Conditional;
        bool someoneElse = c.Actor is Actor.Other or Actor.Team && !IsEndUser(c, lex);
        // Disagreement, whoever disagrees: "I pushed back", "Legal objected", "she challenged the estimate".
        if (!c.Negated && !hedged && c.Actor is not (Actor.Thing or Actor.Unknown) && LemmaIn(c, lex.Set("tension-lemmas"))) return true;
        if (someoneElse)
        {
            // Someone else wants or asks for something else: "my director wanted to ship in May".
            if (!c.Negated && LemmaIn(c, lex.Set("others-want-lemmas"))) return true;
            // A refusal: "Legal wouldn't sign off", "finance did not approve the budget".
            if (c.Negated && LemmaIn(c, lex.Set("refusal-lemmas"))) return true;
            // A stance: "the team was skeptical", "Legal had concerns".
            if (!c.Negated && c.Lemma is "be" or "seem" or "remain" or "become" or "feel" or "have" or "raise" or "voice" or "express" or "grow" or "stay" or "look")
            {
                var stance = lex.Set("others-stance-words");
                var words = c.Sentence.Words;
                for (int k = c.VerbAt + 1; k < c.End && k <= c.VerbAt + 4; k++) if (stance.Contains(Words.Normalize(words[k].Lower))) return true;
            }
        }
        return false;
    }

    /// <summary>A trade-off: the candidate's side decides X rather than (instead of) Y, or acts despite something.</summary>
    private static bool IsTradeOff(Clause c, Clause[] clauses, Lexicon lex)
    {
        if (c.Link == Link.RatherThan && c.Previous is { } p && IsOwnSide(p) && MissingBecause.IsDecision(p, lex)) return true;
        if (c.Link == Link.Despite)
        {
            var governing = c.Previous ?? (c.Index + 1 < clauses.Length ? clauses[c.Index + 1] : null);
            if (governing is not null && IsOwnSide(governing) && governing.IsFact && !governing.Negated && governing.VerbAt >= 0) return true;
        }
        return false;
    }

    private static bool IsEndUser(Clause c, Lexicon lex)
    {
        if (c.SubjectFirst < 0 || c.SubjectEnd <= c.SubjectFirst) return false;
        var users = lex.Set("end-users");
        var words = c.Sentence.Words;
        for (int k = c.SubjectFirst; k < c.SubjectEnd; k++) if (users.Contains(Words.Normalize(words[k].Lower))) return true;
        return false;
    }

    /// <summary>Aspect verbs whose gerund is the real verb ("kept asking for", "started pushing back").</summary>
    private static readonly HashSet<string> Aspect = new(StringComparer.Ordinal) { "keep", "continue", "start", "begin", "go", "end" };

    /// <summary>The clause's verb, with its particle or the next one or two words, is in the set.</summary>
    private static bool LemmaIn(Clause c, HashSet<string> set)
    {
        if (c.Lemma is null) return false;
        var words = c.Sentence.Words;
        string lemma = c.Lemma;
        int at = c.VerbAt;
        if (Aspect.Contains(lemma) && at + 1 < c.End && words[at + 1].Lower.EndsWith("ing", StringComparison.Ordinal)
            && WordNet.VerbLemma(words[at + 1].Lower) is { } g)
        {
            lemma = g;
            at++;
        }
        if (set.Contains(lemma)) return true;
        if (at == c.VerbAt && c.Particle is not null && set.Contains(lemma + " " + c.Particle)) return true;
        string next = at + 1 < c.End ? Words.Normalize(words[at + 1].Lower) : "";
        string next2 = at + 2 < c.End ? Words.Normalize(words[at + 2].Lower) : "";
        string next3 = at + 3 < c.End ? Words.Normalize(words[at + 3].Lower) : "";
        return next.Length > 0 && (set.Contains(lemma + " " + next) || set.Contains(lemma + " " + next + " " + next2)
            || set.Contains(lemma + " " + next + " " + next2 + " " + next3));
    }
}
