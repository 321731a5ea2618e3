using PmPrep.Core.Rules;

namespace PmPrep.Core.Design.Rules;

/// <summary>
/// options-not-compared: two or more options are listed, but neither the Options part nor the
/// first two sentences of the Deep dive say why the chosen one wins (design_comparison: because,
/// trade-off, cheaper, reversible, "I chose" ...).
/// </summary>
public sealed class OptionsNotCompared : DesignRule
{
    public override string Id => "options-not-compared";

    public override void Check(RuleContext ctx, DesignAnswer d)
    {
        if (!d.HasParts) return;
        var sec = d.Find(DesignPartKind.Options);
        if (sec is null || SingleOption.Count(ctx, d.Document, sec.Part) < 2) return;
        var reasons = sec.Part.Sentences.AsEnumerable();
        if (d.Find(DesignPartKind.DeepDive) is { } deep) reasons = reasons.Concat(deep.Part.Sentences.Take(2));
        if (AnyCue(ctx, "design_comparison", reasons)) return;
        ReportPart(ctx, d, sec, "The options are listed but not compared");
    }
}
