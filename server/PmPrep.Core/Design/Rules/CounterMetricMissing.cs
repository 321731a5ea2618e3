using PmPrep.Core.Rules;

namespace PmPrep.Core.Design.Rules;

/// <summary>
/// counter-metric-missing: no counter-metric or guardrail (design_counter_metric) anywhere in the
/// answer, while it has a Metrics part (reported on its heading), or, with headings, no Metrics
/// part at all (on the title), or, without headings, names a metric (design_metric).
/// </summary>
public sealed class CounterMetricMissing : DesignRule
{
    public override string Id => "counter-metric-missing";

    public override void Check(RuleContext ctx, DesignAnswer d)
    {
        if (AnyCue(ctx, "design_counter_metric", d.Document.Sentences)) return;
        if (!d.HasParts)
        {
            if (AnyCue(ctx, "design_metric", d.Document.Sentences)) ReportPart(ctx, d, null, "A metric with no counter-metric");
            return;
        }
        var sec = d.Find(DesignPartKind.Metrics);
        ReportPart(ctx, d, sec, sec is null ? "No Metrics part, and no counter-metric" : "The metrics have no counter-metric");
    }
}
