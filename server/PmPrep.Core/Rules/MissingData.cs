using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>missing-data: the Decision part (headed, or inferred in a story with no headings) cites no data (a number, logs, a survey, an A/B test, research).</summary>
public sealed class MissingData : Rule
{
    public override string Id => "missing-data";

    public override void Check(RuleContext ctx)
    {
        var doc = ctx.Document;
        if (!doc.HasReadableParts) return;
        var decision = doc.FindPart(PartKind.Decision);
        if (decision is null || decision.Sentences.Count == 0) return;
        var cues = ctx.Lexicon["data-cues"];
        foreach (var s in decision.Sentences)
        {
            if (cues.Any(s.Words)) return;
            foreach (var w in s.Words) if (w.Kind == TokenKind.Number) return;
        }
        var (start, end) = StoryAnchor.Heading(decision);
        ctx.Report(Id, start, end);
    }
}
