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
        var present = doc.Parts.Select(x => x.Kind).ToHashSet();
        // The k-th LP heading stands for the k-th missing part, in story order: fix-all renames
        // "## Customer Obsession" and "## Ownership" to Context and Decision, not both to Context.
        var missing = PartNames.Where(n => !present.Contains(n.Kind)).Select(n => n.Name).ToList();
        int lpHeadings = 0;
        foreach (var h in doc.Headings)
        {
            if (h == doc.TitleHeading) continue;
            var p = PrincipleNames.Resolve(h.Text);
            if (p is null) continue;
            string? its = lpHeadings < missing.Count ? missing[lpHeadings] : null;
            lpHeadings++;
            var fixes = new List<Fix>();
            bool contiguous = h.IsContiguous(0, h.Text.Length);
            if (contiguous)
            {
                foreach (var (_, name) in PartNames)
                    fixes.Add(new Fix(ctx.FixTitle(Id, new Dictionary<string, string> { ["part"] = name }),
                        new[] { new TextEdit(h.SourceStart, h.SourceEnd - h.SourceStart, name) }, FixKind.MeaningPreserving, Preferred: name == its));
            }
            ctx.Report(Id, h.SourceStart, h.SourceEnd, new Dictionary<string, string> { ["phrase"] = h.Text }, fixes, h.Text);
        }
    }
}
