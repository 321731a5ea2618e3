using PmPrep.Core.Analysis;
using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>
/// missing-reflection: a story with parts but no Reflection part and no reflection cue ("looking
/// back", "I learned", "next time I would"). A story with no headings is one part, so this stays silent.
/// </summary>
public sealed class MissingReflection : Rule
{
    public override string Id => "missing-reflection";

    public override void Check(RuleContext ctx)
    {
        var doc = ctx.Document;
        if (!doc.HasParts || doc.FindPart(PartKind.Reflection) is not null) return;
        var cues = ctx.Lexicon["reflection-cues"];
        foreach (var s in doc.Sentences) if (cues.Any(s.Words)) return;
        var (start, end) = StoryAnchor.Title(doc);
        var edit = StoryAnchor.AppendPart(doc, "Reflection", "[What I learned, and the specific thing I would do differently next time]");
        ctx.Report(Id, start, end, null, new[] { new Fix(ctx.FixTitle(Id), new[] { edit }) });
    }
}
