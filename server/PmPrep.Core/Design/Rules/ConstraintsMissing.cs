using PmPrep.Core.Rules;

namespace PmPrep.Core.Design.Rules;

/// <summary>
/// constraints-missing: no constraint of the system or the business: the Constraints part is
/// empty, or there is none and no sentence names a constraint (design_constraint: latency,
/// staffing, budget, legal, "can't", "must" ...).
/// </summary>
public sealed class ConstraintsMissing : DesignRule
{
    public override string Id => "constraints-missing";

    public override void Check(RuleContext ctx, DesignAnswer d)
    {
        var sec = d.HasParts ? d.Find(DesignPartKind.Constraints) : null;
        if (sec is not null)
        {
            if (sec.Part.Sentences.Count == 0) ReportPart(ctx, d, sec, "The Constraints part is empty");
            return;
        }
        if (AnyCue(ctx, "design_constraint", d.Document.Sentences)) return;
        ReportPart(ctx, d, null, d.HasParts ? "No Constraints part, and no constraint named" : "No constraint named");
    }
}
