using PmPrep.Core.Analysis;
using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>missing-section: the story uses headings but has no Decision or no Impact part. The fix inserts it.</summary>
public sealed class MissingSection : Rule
{
    public override string Id => "missing-section";

    public override void Check(RuleContext ctx)
    {
        var doc = ctx.Document;
        if (!doc.HasParts) return;
        var (start, end) = StoryAnchor.Title(doc);
        if (doc.FindPart(PartKind.Decision) is null)
        {
            // Insert before Impact or Reflection, else after everything.
            var next = doc.Parts.FirstOrDefault(p => p.Kind is PartKind.Impact or PartKind.Reflection);
            const string placeholder = "[What I decided, and the options I weighed] because [belief], given [data], despite [pressure from stakeholder].";
            var edit = next?.Heading is not null
                ? StoryAnchor.InsertPartBefore(doc, next.SourceStart, "Decision", placeholder)
                : StoryAnchor.AppendPart(doc, "Decision", placeholder);
            Report(ctx, start, end, "Decision", "what you decided and why", edit);
        }
        if (doc.FindPart(PartKind.Impact) is null)
        {
            var next = doc.Parts.FirstOrDefault(p => p.Kind is PartKind.Reflection);
            const string placeholder = "[The measured result], from [baseline] to [result] over [timeframe] for [segment].";
            var edit = next?.Heading is not null
                ? StoryAnchor.InsertPartBefore(doc, next.SourceStart, "Impact", placeholder)
                : StoryAnchor.AppendPart(doc, "Impact", placeholder);
            Report(ctx, start, end, "Impact", "the measured result", edit);
        }
    }

    private void Report(RuleContext ctx, int start, int end, string part, string what, Text.TextEdit edit)
    {
        var args = new Dictionary<string, string> { ["part"] = part, ["what"] = what };
        ctx.Report(Id, start, end, args, new[] { new Fix(ctx.FixTitle(Id, args), new[] { edit }) });
    }
}
