namespace PmPrep.Core.Rules;

/// <summary>story-too-short: spoken length under the target minimum.</summary>
public sealed class StoryTooShort : Rule
{
    public override string Id => "story-too-short";

    public override void Check(RuleContext ctx)
    {
        if (ctx.Minutes >= ctx.Settings.MinMinutes) return;
        var (start, end) = StoryAnchor.Title(ctx.Document);
        ctx.Report(Id, start, end, LengthArgs.For(ctx));
    }
}
