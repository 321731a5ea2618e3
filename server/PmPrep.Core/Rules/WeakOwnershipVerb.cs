using PmPrep.Core.Analysis;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>
/// weak-ownership-verb: "I helped", "I supported", "I was involved in" and the like. Fixes offer
/// one stronger verb each (owned, led), only where the result still reads as English, titled so
/// the author confirms it is true.
/// </summary>
public sealed class WeakOwnershipVerb : SentenceRule
{
    public override string Id => "weak-ownership-verb";

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var words = s.Words;
        var weak = ctx.Lexicon["weak-ownership"];
        bool subjectI = false;
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.InQuote) continue;
            if (w.Text == "I") { subjectI = true; continue; }
            int iAt = -1;
            for (int k = i - 1; k >= 0 && k >= i - 3; k--) if (words[k].Text == "I") { iAt = k; break; }
            bool afterI = iAt >= 0 && WeLanguage.SkipAdverbs(words, iAt + 1, ctx.Lexicon) == i;
            bool coordinated = subjectI && i > 0 && words[i - 1].Lower == "and";
            if (!afterI && !coordinated) continue;
            int end = weak.LongestAt(words, i);
            if (end < 0) continue;
            string phrase = RuleContext.WordText(s, i, end);
            int from = afterI ? iAt : i;
            var (start, stop) = RuleContext.WordSpan(s, from, end);
            ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = RuleContext.WordText(s, from, end) },
                StrongerVerb.Offer(s, i, end, ctx), RuleContext.WordText(s, from, end));
            i = end - 1;
        }
    }
}
