using PmPrep.Core.Analysis;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Rules;

/// <summary>
/// metric-without-context: a number attached to a change ("improved retention by 15%", "a 22%
/// lift") in a sentence with no baseline, no timeframe and no segment. Any one of the three is
/// enough to stay silent: the rule flags only numbers that cannot be judged at all.
/// </summary>
public sealed class MetricWithoutContext : SentenceRule
{
    public override string Id => "metric-without-context";

    private const int After = 7, Before = 3;

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var words = s.Words;
        var changes = ctx.Lexicon["change-words"];
        for (int i = 0; i < words.Length; i++)
        {
            int end = changes.LongestAt(words, i);
            if (end < 0) continue;
            if (end < words.Length && words[end].Lower is "off" or "over" or "in" && words[i].Lower is "cut" or "cuts") continue; // "cut off at 2 pm"
            // The number must sit in the change's own clause, and the clause must claim a change:
            // "we would roll back if the error rate passed 2%" is a threshold, not a result.
            var clause = ctx.Reading.At(s, i);
            if (clause is null || clause.Quoted || clause.Mood != Reading.Mood.Did || IsThreshold(s, clause, ctx)) continue;
            int num = FindNumber(words, i, end, clause.First, clause.End);
            if (num < 0) continue;
            if (HasContext(s, ctx) || SpanFollows(words, Math.Max(num, end - 1), clause.End)) return;
            int from = Math.Min(i, num), to = Math.Max(end, num + 1);
            var (start, stop) = RuleContext.WordSpan(s, from, to);
            string phrase = RuleContext.WordText(s, from, to);
            var fixes = new List<Fix>();
            // After the unit that belongs to the number: "went up 12 points (from ...)", not "12 (from ...) points".
            int at = to;
            if (at < words.Length && at == num + 1 && Units.Contains(words[at].Lower) && !PunctBetween(s, at - 1, at))
            {
                at++;
                if (at < words.Length && words[at - 1].Lower is "percentage" or "basis" && words[at].Lower is "points" or "point") at++;
            }
            var edit = s.Block.InBlockQuote ? null : RuleContext.Edit(s, words[at - 1].End, words[at - 1].End, Templates.MetricContext);
            if (edit is not null) fixes.Add(new Fix(ctx.FixTitle(Id), new[] { edit }));
            ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = phrase }, fixes, phrase);
            return;
        }
    }

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "points", "point", "pts", "percent", "percentage", "pp", "bps", "basis", "users", "sessions", "customers", "sellers", "orders",
        "minutes", "seconds", "hours", "days", "weeks", "months", "ms", "dollars", "tickets", "contacts", "signups", "installs",
    };

    /// <summary>
    /// "cut by 40% during the restructuring": a span right after the change is its timeframe
    /// ("fell 75% as reviewers caught bugs during development" names the span of something else).
    /// </summary>
    private static bool SpanFollows(Token[] words, int at, int clauseEnd)
    {
        for (int k = at + 1; k < clauseEnd && k <= at + 3; k++)
            if (words[k].Lower == "during") return true;
        return false;
    }

    private static bool PunctBetween(Sentence s, int a, int b) => Punct.BetweenWords(s, a, b);

    private static int FindNumber(Token[] words, int changeAt, int changeEnd, int clauseFirst, int clauseEnd)
    {
        for (int k = changeAt; k < Math.Min(clauseEnd, changeEnd + After); k++)
            if (IsMeasure(words[k])) return k;
        for (int k = changeAt - 1; k >= Math.Max(clauseFirst, changeAt - Before); k--)
            if (IsMeasure(words[k])) return k;
        return -1;
    }

    /// <summary>A target, a threshold or a condition: "the goal was a 5% lift", "if the error rate passed 2%".</summary>
    private static bool IsThreshold(Sentence s, Reading.Clause c, RuleContext ctx)
    {
        if (c.Link is Reading.Link.If or Reading.Link.Unless or Reading.Link.Purpose or Reading.Link.SoThat) return true;
        var m = ctx.Lexicon["threshold-markers"];
        for (int k = c.First; k < c.End; k++) if (m.LongestAt(s.Words, k) > 0) return true;
        return false;
    }

    /// <summary>A number that measures something: not a bare year ("in 2023").</summary>
    internal static bool IsMeasure(Token t)
    {
        if (t.Kind != TokenKind.Number) return false;
        string x = t.Text;
        return !(x.Length == 4 && x.All(char.IsDigit) && (x.StartsWith("19", StringComparison.Ordinal) || x.StartsWith("20", StringComparison.Ordinal)));
    }

    internal static bool HasContext(Sentence s, RuleContext ctx) =>
        ctx.Lexicon["baseline-markers"].Any(s.Words) ||
        ctx.Lexicon["timeframe-markers"].Any(s.Words) ||
        ctx.Lexicon["segment-markers"].Any(s.Words);
}
