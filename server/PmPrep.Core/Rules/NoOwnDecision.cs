namespace PmPrep.Core.Rules;

/// <summary>
/// no-own-decision: the story has decisions and none of them is the candidate's. Every decision
/// clause of any actor counts (<see cref="MissingBecause.IsDecision"/>); the count by owner comes
/// from <see cref="Analysis.Decisions"/>, the same one the title code lens shows.
/// </summary>
public sealed class NoOwnDecision : Rule
{
    public override string Id => "no-own-decision";

    public override void Check(RuleContext ctx)
    {
        var count = ctx.Decisions;
        if (count.Total == 0 || count.Yours > 0) return;
        var (start, end) = StoryAnchor.Title(ctx.Document);
        ctx.Report(Id, start, end, new Dictionary<string, string> { ["summary"] = count.Summary });
    }
}
