using PmPrep.Core.Bank;

namespace PmPrep.Core.Rules.Bank;

/// <summary>bank-size: fewer than 8 stories in the bank (the target is 8-10).</summary>
public sealed class BankSize : BankRule
{
    public override string Id => "bank-size";

    public override void Check(BankContext ctx)
    {
        if (ctx.Stories.Count >= 8) return;
        ctx.Report(Id, new Dictionary<string, string> { ["count"] = ctx.Stories.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }
}
