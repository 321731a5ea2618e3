using PmPrep.Core.Analysis;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Rules;

/// <summary>
/// passive-ownership: a clause whose action has no actor: an agentless passive ("was completed",
/// "were updated", "the decision was made to"), "it was felt that", or a faceless body making the
/// call ("the committee settled on"). Silent when an agent follows ("by the carrier"), when the
/// candidate already acts in the sentence, for events ("some messages were delayed"), for a
/// metric's result ("latency was cut to 200 ms"), for states ("was based in", "was asked", "was built on
/// Postgres") and for recognition by others ("was cited as", "was recognized as").
/// </summary>
public sealed class PassiveOwnership : SentenceRule
{
    public override string Id => "passive-ownership";

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var c = Find(ctx.Reading.Of(s), ctx);
        if (c is null) return;
        var words = s.Words;
        int from = c.SubjectFirst >= 0 && c.FiniteAt - c.SubjectFirst <= 4 ? c.SubjectFirst : Math.Max(c.FiniteAt, c.First);
        int partEnd = c.VerbAt + 1 + (c.Particle is not null && c.VerbAt + 1 < c.End ? 1 : 0);
        var (start, stop) = RuleContext.WordSpan(s, from, partEnd);
        string phrase = RuleContext.WordText(s, from, partEnd);
        // Two choices, never in fix-all: "I decided to X" or "[who] decided to X".
        var fixes = new List<Fix>();
        if (c.Voice == Voice.Passive && c.FiniteAt >= 0 && ActiveVoice.Rewrite(s, AuxOf(c), partEnd, ctx.Lexicon) is { } edits)
        {
            var args = new Dictionary<string, string> { ["text"] = edits[0].NewText };
            fixes.Add(new Fix(ctx.FixTitle(Id, args), edits));
            if (Ownership.NameThem(edits) is { } named)
                fixes.Add(new Fix(ctx.FixTitle(Id, Ownership.IsDecision(edits[0].NewText) ? "other-decided" : "other-did"), named));
        }
        ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = phrase }, fixes, phrase);
    }

    /// <summary>The be-auxiliary right before the participle ("has been launched": "been").</summary>
    private static int AuxOf(Clause c)
    {
        var words = c.Sentence.Words;
        for (int k = c.VerbAt - 1; k >= c.FiniteAt; k--)
            if (Grammar.Be.Contains(Words.Normalize(words[k].Lower)) || words[k].Lower is "got" or "get") return k;
        return c.FiniteAt;
    }

    /// <summary>The first clause whose action hides its actor, or null.</summary>
    internal static Clause? Find(Clause[] clauses, RuleContext ctx)
    {
        var lex = ctx.Lexicon;
        foreach (var c in clauses)
        {
            // "I influenced the roadmap so that checkout was prioritized": the candidate already acts.
            if (c.Actor == Actor.I && !c.SubjectShared && c.VerbAt >= 0) return null;
            if (c.Quoted || c.Reported || c.VerbAt < 0 || c.Lemma is null) continue;
            if (c.Mood is not (Mood.Did)) continue;
            if (IsFaceless(c, lex)) return c;
            if (c.Voice != Voice.Passive || c.HasAgent || c.Actor != Actor.Nobody) continue;
            if (lex.Set("passive-exempt-lemmas").Contains(c.Lemma)) continue;
            if (IsEventOrResult(c, lex)) continue;
            if (IsSchedule(c) || IsFoundation(c)) continue;
            return c;
        }
        return null;
    }

    /// <summary>
    /// "Some messages were delayed", "orders were cut off": events, not hidden decisions; "latency was
    /// cut to 200 ms": a metric's result ("the budget was cut by 20%" is still someone's call).
    /// </summary>
    internal static bool IsEventOrResult(Clause c, Catalog.Lexicon lex)
    {
        var words = c.Sentence.Words;
        int subj = c.SubjectEnd - 1;
        if (subj < 0) return false;
        if (lex["passive-event-subjects"].LongestAt(words, subj) > 0) return true;
        return ReportsResult(words, c.VerbAt + 1, c.End) && lex["metric-subjects"].LongestAt(words, subj) > 0;
    }

    /// <summary>"its launch was set for Monday", "the review was scheduled for May": a date stated as context.</summary>
    private static bool IsSchedule(Clause c)
    {
        if (c.Lemma is not ("set" or "schedule" or "slate" or "plan" or "time" or "pencil")) return false;
        int next = c.VerbAt + 1 + (c.Particle is "in" ? 1 : 0);
        return next < c.End && c.Sentence.Words[next].Lower is "for" or "on" or "to";
    }

    /// <summary>"the platform was built on Postgres", "the plan was centred around returns": what a thing rests on, not who made it.</summary>
    private static bool IsFoundation(Clause c)
    {
        if (c.Lemma is not ("build" or "found" or "center" or "centre" or "ground" or "model" or "anchor" or "premise")) return false;
        int next = c.VerbAt + 1;
        return next < c.End && c.Sentence.Words[next].Lower is "on" or "upon" or "around";
    }

    /// <summary>"The committee settled on", "leadership decided": a body whose decision hides who decided.</summary>
    private static bool IsFaceless(Clause c, Catalog.Lexicon lex)
    {
        if (c.Actor != Actor.Other || c.SubjectShared || c.SubjectFirst < 0 || c.Voice != Voice.Active) return false;
        if (!MissingBecause.IsDecisionLemma(c, lex)) return false;
        var words = c.Sentence.Words;
        var faceless = lex.Set("faceless-deciders");
        for (int k = c.SubjectFirst; k < c.SubjectEnd; k++)
        {
            string w = Words.Normalize(words[k].Lower);
            if (faceless.Contains(w)) return true;
            if (k + 1 < c.SubjectEnd && faceless.Contains(w + " " + Words.Normalize(words[k + 1].Lower))) return true;
        }
        return false;
    }

    private static bool ReportsResult(Token[] words, int at, int end)
    {
        for (int k = at; k < end && k <= at + 2; k++)
            if (words[k].Kind == TokenKind.Number || words[k].Lower == "from" && k + 1 < end && words[k + 1].Kind == TokenKind.Number)
                return true;
        return false;
    }
}
