using PmPrep.Core.Rules;

namespace PmPrep.Core.PrFaq.Rules;

/// <summary>
/// prfaq-jargon: an internal or technical term (prfaq_jargon: API, latency, GMV, KPI, leverage,
/// MVP ...) in the press release, where the reader is a customer. The FAQ may use them. Reported
/// on the term, once per sentence.
/// </summary>
public sealed class PrFaqJargon : PrFaqRule
{
    public override string Id => "prfaq-jargon";

    public override void Check(RuleContext ctx, PrFaqDocument p)
    {
        var set = ctx.Lexicon["prfaq_jargon"];
        foreach (var s in p.PressRelease)
        {
            var m = set.Matches(s.Words);
            if (m.Count == 0) continue;
            var first = m[0];
            var (start, end) = RuleContext.WordSpan(s, first.Start, first.End);
            string phrase = RuleContext.WordText(s, first.Start, first.End);
            ctx.Report(Id, start, end, new Dictionary<string, string> { ["phrase"] = phrase }, phrase: phrase);
        }
    }
}
