using PmPrep.Core.Rules;

namespace PmPrep.Core.PrFaq.Rules;

/// <summary>
/// prfaq-no-trade-off: nothing in the FAQ says what was given up (prfaq_trade_off: trade-off,
/// "left out", "won't build", "instead of", deferred ...). Reported on the first FAQ heading, or
/// on the title when there is no FAQ.
/// </summary>
public sealed class PrFaqNoTradeOff : PrFaqRule
{
    public override string Id => "prfaq-no-trade-off";

    public override void Check(RuleContext ctx, PrFaqDocument p)
    {
        var faq = p.Sections.Where(s => s.InFaq).ToList();
        var sentences = faq.Count > 0 ? faq.SelectMany(s => s.Sentences) : p.Document.Sentences;
        if (sentences.Any(s => Cue(ctx, "prfaq_trade_off", s))) return;
        ReportAt(ctx, faq.Count > 0 ? HeadingOf(faq[0]) : Anchor(p), faq.Count > 0 ? "The FAQ never says what was given up" : "No FAQ, and nothing says what was given up");
    }
}
