using PmPrep.Core.Analysis;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>
/// passive-ownership: an agentless passive of a key action ("the decision was made to", "it was
/// decided", "the feature was launched"). Silent when an agent follows ("by the carrier") or
/// the subject is "I" ("I was chosen to lead").
/// </summary>
public sealed class PassiveOwnership : SentenceRule
{
    public override string Id => "passive-ownership";

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var hit = Find(s, ctx);
        if (hit is null) return;
        var (auxAt, partEnd) = hit.Value;
        int from = auxAt;
        // Include the subject when it is short and starts the sentence: "The decision was made".
        if (auxAt > 0 && auxAt <= 4) from = 0;
        var (start, stop) = RuleContext.WordSpan(s, from, partEnd);
        string phrase = RuleContext.WordText(s, from, partEnd);
        // Two choices, never in fix-all: "I decided to X" or "[who] decided to X".
        var fixes = new List<Fix>();
        if (ActiveVoice.Rewrite(s, auxAt, partEnd, ctx.Lexicon) is { } edits)
        {
            var args = new Dictionary<string, string> { ["text"] = edits[0].NewText };
            fixes.Add(new Fix(ctx.FixTitle(Id, args), edits));
            if (Ownership.NameThem(edits) is { } named)
                fixes.Add(new Fix(ctx.FixTitle(Id, Ownership.IsDecision(edits[0].NewText) ? "other-decided" : "other-did"), named));
        }
        ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = phrase }, fixes, phrase);
    }

    /// <summary>(index of the auxiliary, end of the participle) of the first agentless passive, or null.</summary>
    internal static (int, int)? Find(Sentence s, RuleContext ctx)
    {
        var words = s.Words;
        var aux = ctx.Lexicon["passive-aux"];
        var participles = ctx.Lexicon["passive-participles"];
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i].InQuote) continue;
            int auxEnd = aux.LongestAt(words, i);
            if (auxEnd < 0) continue;
            // "I influenced the roadmap so that checkout was prioritized": the candidate already acts.
            if (words.Take(i).Any(w => w.Text == "I" && !w.InQuote)) return null;
            int p = WeLanguage.SkipAdverbs(words, auxEnd, ctx.Lexicon);
            int partEnd = participles.LongestAt(words, p);
            if (partEnd < 0) continue;
            if (partEnd < words.Length && words[partEnd].Lower is "out" or "back" or "off" or "up" or "down") partEnd++;
            if (HasAgent(words, partEnd)) continue;
            // "Latency was cut to 200 ms", "costs were reduced from $5M to $3M": a metric's result, not a
            // hidden decision ("the budget was cut by 20%" is still someone's call).
            if (ReportsResult(words, partEnd) && i > 0 && ctx.Lexicon["metric-subjects"].LongestAt(words, i - 1) > 0) continue;
            // "Some messages were delayed", "orders were cut off": events, not hidden decisions.
            if (i > 0 && ctx.Lexicon["passive-event-subjects"].LongestAt(words, i - 1) > 0) continue;
            return (i, partEnd);
        }
        return null;
    }

    private static bool ReportsResult(Token[] words, int at)
    {
        for (int k = at; k < words.Length && k <= at + 2; k++)
            if (words[k].Kind == TokenKind.Number || words[k].Lower == "from" && k + 1 < words.Length && words[k + 1].Kind == TokenKind.Number)
                return true;
        return false;
    }

    private static bool HasAgent(Token[] words, int at)
    {
        for (int k = at; k < words.Length && k <= at + 3; k++)
        {
            if (words[k].Lower != "by") continue;
            if (k + 1 >= words.Length) return false;
            var next = words[k + 1];
            // "by 20%", "by two weeks", "by Q3", "by then": a measure or a time, not an agent.
            if (next.Kind == TokenKind.Number || next.Lower is "then" or "now" or "q1" or "q2" or "q3" or "q4" or "end" or "early" or "late" or "half" or "far" or "design" or "default" or "hand"
                || (next.Lower == "the" && k + 2 < words.Length && words[k + 2].Lower is "end" or "start" or "time" or "deadline" or "launch" or "next")
                || next.Lower is "one" or "two" or "three" or "four" or "five" or "half" or "a" && k + 2 < words.Length && words[k + 2].Lower is "week" or "weeks" or "day" or "days" or "month" or "months" or "quarter" or "third" or "factor")
                return false;
            return true;
        }
        return false;
    }
}
