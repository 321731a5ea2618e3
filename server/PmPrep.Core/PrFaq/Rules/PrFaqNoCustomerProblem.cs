using PmPrep.Core.Rules;

namespace PmPrep.Core.PrFaq.Rules;

/// <summary>
/// prfaq-no-customer-problem: the press release never states the customer's problem: its Problem
/// part is empty, or it has none and no press-release sentence names a pain (prfaq_problem:
/// "struggle", "wait", "can't", "have to", "until now" ...).
/// </summary>
public sealed class PrFaqNoCustomerProblem : PrFaqRule
{
    public override string Id => "prfaq-no-customer-problem";

    public override void Check(RuleContext ctx, PrFaqDocument p)
    {
        var sec = p.Sections.FirstOrDefault(s => s.Kind == PrFaqPartKind.Problem && !s.InFaq);
        if (sec is not null)
        {
            if (sec.Sentences.Count == 0) ReportAt(ctx, HeadingOf(sec), "The Problem part is empty");
            return;
        }
        if (p.PressRelease.Any(s => Cue(ctx, "prfaq_problem", s))) return;
        ReportAt(ctx, Anchor(p), "The press release never says what problem the customer has");
    }
}
