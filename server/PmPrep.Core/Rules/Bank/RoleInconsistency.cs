using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;

namespace PmPrep.Core.Rules.Bank;

/// <summary>
/// role-inconsistency: two stories about the same project (same <c>project:</c>, or clearly the
/// same named work) describe the candidate's role with conflicting verbs ("I led the migration"
/// vs "I supported the migration"). Reported on the role sentence in both files (on the
/// <c>role:</c> value when only the front matter states the role). The comparison itself is
/// <see cref="StoryComparison.Conflict"/>, cached per pair by <see cref="BankIndex"/>.
/// </summary>
public sealed class RoleInconsistency : BankRule
{
    public override string Id => "role-inconsistency";

    public override void Check(BankContext ctx)
    {
        // One finding per place: a sentence that conflicts with several stories names the first and counts the rest.
        var byPlace = new Dictionary<(string Path, int Start), (BankStory Story, RoleMention Mine, RoleMention Theirs, string Work, List<RelatedStory> Others)>();
        foreach (var pair in ctx.Pairs)
        {
            if (pair.Conflict is not { } c) continue;
            // Suppressed on either side: the user has settled this pair (e.g. "I supported it while on another team").
            if (ctx.IsSuppressed(Id, pair.A, c.A.Start) || ctx.IsSuppressed(Id, pair.B, c.B.Start)) continue;
            Add(byPlace, pair.A, c.A, c.B, c.Work, new RelatedStory(pair.B.Path, pair.B.Analysis.Document.RangeOf(c.B.Start, c.B.End), c.B.Phrase));
            Add(byPlace, pair.B, c.B, c.A, c.Work, new RelatedStory(pair.A.Path, pair.A.Analysis.Document.RangeOf(c.A.Start, c.A.End), c.A.Phrase));
        }
        foreach (var (_, f) in byPlace.OrderBy(k => k.Key.Path, StringComparer.Ordinal).ThenBy(k => k.Key.Start))
        {
            ctx.Report(Id, new Dictionary<string, string>
            {
                ["project"] = f.Work,
                ["role"] = f.Mine.Phrase,
                ["other"] = f.Theirs.Phrase,
            }, f.Story, f.Mine.Start, f.Mine.End, phrase: f.Mine.Phrase, related: f.Others);
        }
    }

    private static void Add(Dictionary<(string, int), (BankStory, RoleMention, RoleMention, string, List<RelatedStory>)> byPlace,
        BankStory story, RoleMention mine, RoleMention theirs, string work, RelatedStory other)
    {
        var key = (story.Path, mine.Start);
        if (byPlace.TryGetValue(key, out var had)) had.Item5.Add(other);
        else byPlace[key] = (story, mine, theirs, work, new List<RelatedStory> { other });
    }
}
