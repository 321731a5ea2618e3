using PmPrep.Core.Rules;

namespace PmPrep.Core.Design.Rules;

/// <summary>
/// problem-cost-missing: no number for what the problem costs: the Problem part (the whole
/// answer when it has no headings) holds no number, or there is no Problem part.
/// </summary>
public sealed class ProblemCostMissing : DesignRule
{
    public override string Id => "problem-cost-missing";

    public override void Check(RuleContext ctx, DesignAnswer d)
    {
        if (!d.HasParts)
        {
            if (!d.Document.Sentences.Any(HasNumber)) ReportPart(ctx, d, null, "No sentence puts a number on what the problem costs");
            return;
        }
        var sec = d.Find(DesignPartKind.Problem);
        if (sec is null) { ReportPart(ctx, d, null, "No Problem part says what the problem costs"); return; }
        if (!sec.Part.Sentences.Any(HasNumber)) ReportPart(ctx, d, sec, "The Problem part gives no number for what the problem costs");
    }
}
