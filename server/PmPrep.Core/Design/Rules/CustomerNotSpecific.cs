using PmPrep.Core.Rules;

namespace PmPrep.Core.Design.Rules;

/// <summary>
/// customer-not-specific: the Customer part names no segment, frequency or context
/// (design_customer_segment, design_customer_frequency, design_customer_context, or any number),
/// or there is no Customer part. Without headings it stays silent: it cannot tell which sentence
/// is meant to define the customer.
/// </summary>
public sealed class CustomerNotSpecific : DesignRule
{
    public override string Id => "customer-not-specific";

    public override void Check(RuleContext ctx, DesignAnswer d)
    {
        if (!d.HasParts) return;
        var sec = d.Find(DesignPartKind.Customer);
        if (sec is null) { ReportPart(ctx, d, null, "No Customer part says who the customer is"); return; }
        var sentences = sec.Part.Sentences;
        if (sentences.Count == 0) { ReportPart(ctx, d, sec, "The Customer part is empty"); return; }
        foreach (var s in sentences)
            if (HasNumber(s) || Cue(ctx, "design_customer_segment", s) || Cue(ctx, "design_customer_frequency", s) || Cue(ctx, "design_customer_context", s))
                return;
        ReportPart(ctx, d, sec, $"\"{SolutionBeforeProblem.Phrase(sentences[0].Text)}\" is not a specific customer");
    }
}
