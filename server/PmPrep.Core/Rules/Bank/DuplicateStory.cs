using System.Globalization;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;

namespace PmPrep.Core.Rules.Bank;

/// <summary>
/// duplicate-story: stories that tell mostly the same anecdote. Similarity is the Jaccard index of
/// the stories' content-word pairs (<see cref="Fingerprint"/>), with a containment test for a short
/// story retold inside a long one; the thresholds and their justification are on
/// <see cref="StoryComparison"/> (with a third test on shared figures for loose retellings).
/// Near-duplicate pairs are grouped into clusters (connected stories: A like B and B like C puts
/// A, B and C together), and each story of a cluster gets one finding, on its title, naming the
/// others (at most <see cref="MaxNamed"/>, then a count). The "% alike" is the story's highest
/// <see cref="PairMeasure.Likeness"/> with another member. A pair suppressed in either story is
/// settled and does not join them.
/// </summary>
public sealed class DuplicateStory : BankRule
{
    public override string Id => "duplicate-story";

    /// <summary>Other stories named in one finding; the rest are counted.</summary>
    public const int MaxNamed = Diagnostic.MaxNamed;

    /// <summary>Related stories carried by one finding.</summary>
    public const int MaxRelated = 20;

    public override void Check(BankContext ctx)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ctx.Stories.Count; i++) index[ctx.Stories[i].Path] = i;
        var sets = new UnionFind(ctx.Stories.Count);
        var best = new double[ctx.Stories.Count];
        var linked = new bool[ctx.Stories.Count];
        bool any = false;
        foreach (var pair in ctx.Pairs)
        {
            if (!pair.IsDuplicate || !index.TryGetValue(pair.A.Path, out int a) || !index.TryGetValue(pair.B.Path, out int b)) continue;
            // Suppressed in either story: the pair is settled, so both stay silent about it.
            if (ctx.IsSuppressed(Id, pair.A, ctx.Facts(pair.A).TitleSpan.Start) || ctx.IsSuppressed(Id, pair.B, ctx.Facts(pair.B).TitleSpan.Start)) continue;
            sets.Union(a, b);
            best[a] = Math.Max(best[a], pair.Measure.Likeness);
            best[b] = Math.Max(best[b], pair.Measure.Likeness);
            linked[a] = linked[b] = true;
            any = true;
        }
        if (!any) return;
        var members = new Dictionary<int, List<int>>();
        for (int i = 0; i < ctx.Stories.Count; i++)
        {
            if (!linked[i]) continue;
            int root = sets.Find(i);
            if (!members.TryGetValue(root, out var list)) members[root] = list = new List<int>();
            list.Add(i);
        }
        // Stories are in path order, so every member list is too, and so are the findings.
        for (int i = 0; i < ctx.Stories.Count; i++)
        {
            if (!members.TryGetValue(sets.Find(i), out var cluster) || cluster.Count < 2) continue;
            var story = ctx.Stories[i];
            var span = ctx.Facts(story).TitleSpan;
            string percent = Math.Round(best[i] * 100).ToString(CultureInfo.InvariantCulture);
            // Every other member is related (up to a cap: a bank of copies stays linear); the message names three and counts the rest.
            var related = cluster.Where(j => j != i).Take(MaxRelated).Select(j => ctx.Stories[j])
                .Select(o => new RelatedStory(o.Path, o.Analysis.Document.RangeOf(ctx.Facts(o).TitleSpan.Start, ctx.Facts(o).TitleSpan.End))).ToList();
            ctx.Report(Id, new Dictionary<string, string> { ["file"] = Others(ctx, cluster, i), ["percent"] = percent, ["others"] = (cluster.Count - 1).ToString(CultureInfo.InvariantCulture) }, story, span.Start, span.End, related: related);
        }
    }

    /// <summary>"b.story.md" for a pair; "4 other stories (a, b, c and 1 more)" for a cluster.</summary>
    internal static string Others(BankContext ctx, List<int> cluster, int self)
    {
        var others = cluster.Where(j => j != self).Select(j => ctx.Stories[j].Path).ToList();
        if (others.Count == 1) return others[0];
        var named = string.Join(", ", others.Take(MaxNamed));
        string rest = others.Count > MaxNamed ? $" and {others.Count - MaxNamed} more" : "";
        if (others.Count <= MaxNamed)
        {
            int last = named.LastIndexOf(", ", StringComparison.Ordinal);
            named = named[..last] + " and " + named[(last + 2)..];
        }
        return $"{others.Count} other stories ({named}{rest})";
    }
}
