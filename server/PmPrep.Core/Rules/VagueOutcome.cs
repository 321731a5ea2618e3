using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>
/// vague-outcome: an outcome claimed with no number ("a big success", "everyone was happy",
/// "results were great"). Silent when the sentence carries a measure.
/// </summary>
public sealed class VagueOutcome : SentenceRule
{
    public override string Id => "vague-outcome";

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        foreach (var w in s.Words) if (MetricWithoutContext.IsMeasure(w)) return;
        var matches = ctx.Lexicon["vague-outcomes"].Matches(s.Words);
        foreach (var m in matches)
        {
            if (s.Words[m.Start].InQuote) continue;
            var (start, end) = RuleContext.WordSpan(s, m.Start, m.End);
            string phrase = RuleContext.WordText(s, m.Start, m.End);
            ctx.Report(Id, start, end, new Dictionary<string, string> { ["phrase"] = phrase }, null, phrase);
            return;
        }
    }
}
