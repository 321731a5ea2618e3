using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;

namespace PmPrep.Core.Rules.Bank;

/// <summary>
/// fact-inconsistency: two stories about the same project (the same <c>project:</c>, compared as
/// <see cref="StoryComparison.SameProject"/> does for role-inconsistency) disagree on a fact: who
/// owned a named component ("the other PM owned the checkout API" vs "I owned the checkout API"),
/// the year of the same event, or a headline figure of the same claim. Reported on the sentence in
/// both files, each naming the other sentence and file. Stories without a <c>project:</c> are not
/// compared: without it, two "checkout" stories may well be about different work.
/// </summary>
public sealed class FactInconsistency : BankRule
{
    public override string Id => "fact-inconsistency";

    public override void Check(BankContext ctx)
    {
        var withProject = ctx.Stories.Select(s => (Story: s, Facts: ctx.Facts(s))).Where(x => x.Facts.ProjectKey is not null).ToList();
        var reported = new HashSet<(string, int)>();
        for (int i = 0; i < withProject.Count; i++)
            for (int j = i + 1; j < withProject.Count; j++)
            {
                var (a, fa) = withProject[i];
                var (b, fb) = withProject[j];
                if (!StoryComparison.SameProject(fa.ProjectWords, fb.ProjectWords)) continue;
                string project = fa.ProjectWords.Count <= fb.ProjectWords.Count ? fa.Project! : fb.Project!;
                var ca = FactClaims.Of(a.Analysis);
                var cb = FactClaims.Of(b.Analysis);
                foreach (var x in ca)
                    foreach (var y in cb)
                    {
                        if (!FactClaims.Conflict(x, y)) continue;
                        if (ctx.IsSuppressed(Id, a, x.Start) || ctx.IsSuppressed(Id, b, y.Start)) continue;
                        Report(ctx, reported, a, x, b, y, project);
                        Report(ctx, reported, b, y, a, x, project);
                    }
            }
    }

    private void Report(BankContext ctx, HashSet<(string, int)> reported, BankStory story, FactClaim mine, BankStory other, FactClaim theirs, string project)
    {
        if (!reported.Add((story.Path, mine.Start))) return;
        string fact = mine.Kind switch
        {
            FactKind.Owner => $"Who owned the {(mine.Component.Length <= theirs.Component.Length ? mine.Component : theirs.Component)}",
            FactKind.Year => $"The year ({string.Join(", ", mine.Values)} vs {string.Join(", ", theirs.Values)})",
            _ => $"A headline figure ({string.Join(", ", mine.Values)} vs {string.Join(", ", theirs.Values)})",
        };
        ctx.Report(Id, new Dictionary<string, string>
        {
            ["fact"] = fact,
            ["project"] = project,
            ["mine"] = mine.Sentence,
            ["theirs"] = theirs.Sentence,
        }, story, mine.Start, mine.End, phrase: mine.Sentence,
            // The other story is data ({file} is filled from it): LSP relatedInformation, SARIF relatedLocations, report links.
            related: new[] { new RelatedStory(other.Path, other.Analysis.Document.RangeOf(theirs.Start, theirs.End), theirs.Sentence) });
    }
}
