using PmPrep.Core.Rules;

namespace PmPrep.Core.Design.Rules;

/// <summary>
/// failure-modes-missing: nothing says how the chosen solution fails: the Risks part is empty, or
/// there is none and no sentence names a failure mode (design_failure: risk, drift, pushback,
/// false positives, "could go wrong" ...).
/// </summary>
public sealed class FailureModesMissing : DesignRule
{
    public override string Id => "failure-modes-missing";

    public override void Check(RuleContext ctx, DesignAnswer d)
    {
        var sec = d.HasParts ? d.Find(DesignPartKind.Risks) : null;
        if (sec is not null)
        {
            if (sec.Part.Sentences.Count == 0) ReportPart(ctx, d, sec, "The Risks part is empty");
            return;
        }
        if (AnyCue(ctx, "design_failure", d.Document.Sentences)) return;
        ReportPart(ctx, d, null, d.HasParts ? "No Risks part, and no failure mode named" : "No failure mode named");
    }
}
