using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Model;
using PmPrep.Core.Text;

namespace PmPrep.Core.Rules;

/// <summary>lp-heading: a heading that is a Leadership Principle's name. Fixes rename it to a story part.</summary>
public sealed class LpHeading : Rule
{
    public override string Id => "lp-heading";

    private static readonly (PartKind Kind, string Name)[] PartNames =
        { (PartKind.Context, "Context"), (PartKind.Decision, "Decision"), (PartKind.Impact, "Impact"), (PartKind.Reflection, "Reflection") };

    public override void Check(RuleContext ctx)
    {
        var doc = ctx.Document;
        foreach (var h in doc.Headings)
        {
            if (h == doc.TitleHeading) continue;
            var p = PrincipleNames.Resolve(h.Text);
            if (p is null) continue;
            var fixes = new List<Fix>();
            bool contiguous = h.IsContiguous(0, h.Text.Length);
            if (contiguous)
            {
                var present = doc.Parts.Select(x => x.Kind).ToHashSet();
                var firstMissing = PartNames.FirstOrDefault(n => !present.Contains(n.Kind)).Name;
                foreach (var (_, name) in PartNames)
                    fixes.Add(new Fix(ctx.FixTitle(Id, new Dictionary<string, string> { ["part"] = name }),
                        new[] { new TextEdit(h.SourceStart, h.SourceEnd - h.SourceStart, name) }, FixKind.MeaningPreserving, Preferred: name == firstMissing));
            }
            ctx.Report(Id, h.SourceStart, h.SourceEnd, new Dictionary<string, string> { ["phrase"] = h.Text }, fixes, h.Text);
        }
    }
}
