using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;

namespace PmPrep.Core.Rules.Bank;

/// <summary>
/// lp-coverage-gap: no story gives evidence for a principle. A warning for the principles most
/// often asked and most often missing (Learn and Be Curious, Hire and Develop the Best, Bias for
/// Action), information for the rest.
/// </summary>
public sealed class LpCoverageGap : BankRule
{
    public override string Id => "lp-coverage-gap";

    private static readonly HashSet<string> Stressed = new(StringComparer.Ordinal) { "learn-and-be-curious", "hire-and-develop-the-best", "bias-for-action" };

    public override void Check(BankContext ctx)
    {
        if (ctx.Stories.Count == 0) return;
        foreach (var row in ctx.Coverage)
        {
            if (!row.IsGap) continue;
            ctx.Report(Id, new Dictionary<string, string> { ["lp"] = row.Principle.Name },
                severity: Stressed.Contains(row.Principle.Key) ? Severity.Warning : Severity.Information);
        }
    }
}
