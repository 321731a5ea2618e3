namespace PmPrep.Core.Rules;

/// <summary>
/// lp-claim-unsupported: a principle claimed in front matter with no evidence signal in the body.
/// Think Big backed only by a time horizon ("a 6-month roadmap") is told that Think Big is about leverage.
/// </summary>
public sealed class LpClaimUnsupported : Rule
{
    public override string Id => "lp-claim-unsupported";

    public override void Check(RuleContext ctx)
    {
        if (ctx.Document.Sentences.Count == 0) return;
        var evidenced = ctx.Signals.Where(s => s.Principle is not null).Select(s => s.Principle!).ToHashSet();
        var seen = new HashSet<string>();
        foreach (var (value, principle) in ctx.Claims)
        {
            if (principle is null || evidenced.Contains(principle) || !seen.Add(principle.Name)) continue;
            string advice;
            if (principle.Key == "think-big" && HasTimeHorizon(ctx))
                advice = "Think Big is about leverage and scale (10x, a platform, adoption by other teams, a market sized in numbers), not a long time horizon such as a multi-month roadmap.";
            else
                advice = $"Add the decision that shows it ({Lower(principle.Meaning)}), or claim a principle the story does show.";
            ctx.Report(Id, value.SourceStart, value.SourceEnd, new Dictionary<string, string> { ["lp"] = principle.Name, ["advice"] = advice }, null, principle.Name);
        }
    }

    private static bool HasTimeHorizon(RuleContext ctx)
    {
        var horizon = ctx.Lexicon["time-horizon"];
        return ctx.Document.Sentences.Any(s => horizon.Any(s.Words));
    }

    private static string Lower(string s) => s.Length > 0 && char.IsUpper(s[0]) && !(s.Length > 1 && char.IsUpper(s[1])) ? char.ToLowerInvariant(s[0]) + s[1..].TrimEnd('.') : s.TrimEnd('.');
}
