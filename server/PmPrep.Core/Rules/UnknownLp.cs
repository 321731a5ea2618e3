using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Text;

namespace PmPrep.Core.Rules;

/// <summary>unknown-lp: a front-matter principle that matches none of the 16. The fix replaces it with the nearest name.</summary>
public sealed class UnknownLp : Rule
{
    public override string Id => "unknown-lp";

    public override void Check(RuleContext ctx)
    {
        foreach (var (value, principle) in ctx.Claims)
        {
            if (principle is not null) continue;
            var nearest = PrincipleNames.Nearest(value.Value);
            var fixes = new List<Fix>();
            string suggestion = "";
            if (nearest is not null)
            {
                suggestion = $" Did you mean \"{nearest.Name}\"?";
                string replacement = nearest.Name.Contains(',') || nearest.Name.Contains(';') ? Quote(ctx, value, nearest.Name) : nearest.Name;
                fixes.Add(new Fix(ctx.FixTitle(Id, new Dictionary<string, string> { ["lp"] = nearest.Name }),
                    new[] { new TextEdit(value.SourceStart, value.SourceEnd - value.SourceStart, replacement) }, Preferred: true));
            }
            ctx.Report(Id, value.SourceStart, value.SourceEnd,
                new Dictionary<string, string> { ["phrase"] = value.Value, ["suggestion"] = suggestion }, fixes, value.Value);
        }
    }

    // A name with a comma or semicolon must be quoted inside a YAML flow list.
    private static string Quote(RuleContext ctx, Model.FrontMatterValue value, string name)
    {
        var text = ctx.Document.Text;
        bool alreadyQuoted = value.SourceStart > 0 && text[value.SourceStart - 1] is '"' or '\'';
        return alreadyQuoted ? name : "\"" + name + "\"";
    }
}
