namespace PmPrep.Core.Rules;

/// <summary>missing-stakeholder-tension: nothing in the story pushes back (no disagreement, trade-off or pressure).</summary>
public sealed class MissingStakeholderTension : Rule
{
    public override string Id => "missing-stakeholder-tension";

    public override void Check(RuleContext ctx)
    {
        var doc = ctx.Document;
        if (doc.Sentences.Count == 0) return;
        var cues = ctx.Lexicon["tension-cues"];
        foreach (var s in doc.Sentences) if (cues.Any(s.Words)) return;
        var (start, end) = StoryAnchor.Title(doc);
        ctx.Report(Id, start, end);
    }
}
