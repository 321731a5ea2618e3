using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Rules;

/// <summary>
/// weak-ownership-verb: a clause where the candidate (I, or the implied I of a resume bullet)
/// helped, supported, collaborated, was involved, ensured, kept everyone aligned... Read by lemma, so
/// "Helped improve", "Collaborated with design" and "Working with sysadmins" count. Fixes offer one
/// stronger verb each, only where the result still reads as English, titled so the author confirms it.
/// </summary>
public sealed class WeakOwnershipVerb : SentenceRule
{
    public override string Id => "weak-ownership-verb";

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        foreach (var c in ctx.Reading.Of(s))
        {
            if (!c.ByCandidate || c.Quoted || c.Reported || c.VerbAt < 0 || c.Negated) continue;
            int end = Match(c, ctx.Lexicon);
            if (end < 0) continue;
            int from = c.Actor == Actor.I && !c.SubjectShared && c.SubjectFirst >= 0 ? c.SubjectFirst : c.VerbAt;
            if (c.FiniteAt >= 0 && c.FiniteAt < from) from = c.FiniteAt;
            var (start, stop) = RuleContext.WordSpan(s, from, end);
            string phrase = RuleContext.WordText(s, from, end);
            int verbFrom = c.FiniteAt >= 0 && c.FiniteAt < c.VerbAt && Grammar.Be.Contains(Words.Normalize(s.Words[c.FiniteAt].Lower)) ? c.FiniteAt : c.VerbAt;
            ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = phrase }, StrongerVerb.Offer(s, verbFrom, end, ctx), phrase);
        }
    }

    /// <summary>End (word index) of the weak phrase at the clause's verb, or -1.</summary>
    internal static int Match(Clause c, Lexicon lex)
    {
        var set = lex.Set("weak-ownership-lemmas");
        var words = c.Sentence.Words;
        int v = c.VerbAt;
        if (c.Lemma is null) return -1;
        // Longest first: "be part of", "keep everyone aligned", "work closely with".
        for (int extra = 3; extra >= 0; extra--)
        {
            if (v + extra >= c.End) continue;
            var key = c.Lemma;
            for (int k = 1; k <= extra; k++) key += " " + Words.Normalize(words[v + k].Lower);
            if (set.Contains(key)) return v + extra + 1;
        }
        return -1;
    }
}
