using PmPrep.Core.Analysis;
using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>
/// missing-reflection: a story with parts but no Reflection part and no reflection cue ("looking
/// back", "I learned", "in retrospect", "this experience taught me", "Moving forward, I ...").
/// A story with no headings counts when its parts could be inferred (<see cref="PartInference"/>);
/// its fix then appends a reflection paragraph instead of a heading, so the story stays headless.
/// </summary>
public sealed class MissingReflection : Rule
{
    public override string Id => "missing-reflection";

    public override void Check(RuleContext ctx)
    {
        var doc = ctx.Document;
        if (!doc.HasReadableParts || doc.FindPart(PartKind.Reflection) is not null) return;
        foreach (var s in doc.Sentences) if (PartInference.IsReflection(s, ctx.Reading.Of(s), ctx.Lexicon)) return;
        var (start, end) = StoryAnchor.Title(doc);
        var edit = doc.HasParts
            ? StoryAnchor.AppendPart(doc, "Reflection", "[What I learned, and the specific thing I would do differently next time]")
            : StoryAnchor.AppendParagraph(doc, "Looking back, [what I learned, and the specific thing I would do differently next time].");
        ctx.Report(Id, start, end, null, new[] { new Fix(ctx.FixTitle(Id), new[] { edit }) });
    }
}
