namespace PmPrep.Core.Rules;

/// <summary>lp-count: the front matter claims fewer than 2 or more than 3 principles.</summary>
public sealed class LpCount : Rule
{
    public override string Id => "lp-count";

    public override void Check(RuleContext ctx)
    {
        var fm = ctx.Document.FrontMatter;
        if (fm is null || fm.Error is not null) return;
        int count = ctx.Claims.Count;
        if (count is >= 2 and <= 3) return;
        var (start, end) = fm.LpsKeySpan ?? (fm.SourceStart, fm.SourceStart + 3);
        ctx.Report(Id, start, end, new Dictionary<string, string> { ["count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }
}
