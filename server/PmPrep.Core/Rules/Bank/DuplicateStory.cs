using System.Globalization;
using PmPrep.Core.Bank;

namespace PmPrep.Core.Rules.Bank;

/// <summary>
/// duplicate-story: two stories tell mostly the same anecdote. Similarity is the Jaccard index of
/// the stories' content-word pairs (<see cref="Fingerprint"/>), with a containment test for a short
/// story retold inside a long one; the thresholds and their justification are on
/// <see cref="StoryComparison"/> (with a third test on shared figures for loose retellings).
/// Reported on the title of both stories; the "% alike" in the message is
/// <see cref="PairMeasure.Likeness"/>.
/// </summary>
public sealed class DuplicateStory : BankRule
{
    public override string Id => "duplicate-story";

    public override void Check(BankContext ctx)
    {
        foreach (var pair in ctx.Pairs)
        {
            if (!pair.IsDuplicate) continue;
            string percent = Math.Round(pair.Measure.Likeness * 100).ToString(CultureInfo.InvariantCulture);
            var a = ctx.Facts(pair.A).TitleSpan; var b = ctx.Facts(pair.B).TitleSpan;
            // Suppressed in either story: the pair is settled, so both stay silent.
            if (ctx.IsSuppressed(Id, pair.A, a.Start) || ctx.IsSuppressed(Id, pair.B, b.Start)) continue;
            ctx.Report(Id, new Dictionary<string, string> { ["percent"] = percent }, pair.A, a.Start, a.End,
                related: new[] { new RelatedStory(pair.B.Path, pair.B.Analysis.Document.RangeOf(b.Start, b.End)) });
            ctx.Report(Id, new Dictionary<string, string> { ["percent"] = percent }, pair.B, b.Start, b.End,
                related: new[] { new RelatedStory(pair.A.Path, pair.A.Analysis.Document.RangeOf(a.Start, a.End)) });
        }
    }
}
