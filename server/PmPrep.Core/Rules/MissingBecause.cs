using PmPrep.Core.Analysis;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>
/// missing-because: a decision made by the candidate's side (I, we, the team, or hidden in a
/// passive) with no rationale in the sentence or the next one of the same paragraph. "Cut" that
/// reports a result ("cut hosting cost from $5.1M to $3.1M") is not a decision.
/// </summary>
public sealed class MissingBecause : SentenceRule
{
    public override string Id => "missing-because";

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var hit = FindDecision(s, ctx);
        if (hit is null) return;
        var rationale = ctx.Lexicon["rationale-markers"];
        if (rationale.Any(s.Words)) return;
        if (s.Next is not null && rationale.Any(s.Next.Words)) return;
        var (from, to) = hit.Value;
        var (start, stop) = RuleContext.WordSpan(s, from, to);
        string phrase = RuleContext.WordText(s, from, to);
        var fixes = new List<Fix>();
        if (!s.Block.InBlockQuote && Templates.AppendClause(s, Templates.BecauseChain) is { } edits)
            fixes.Add(new Fix(ctx.FixTitle(Id), edits));
        ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = phrase }, fixes, phrase);
    }

    /// <summary>Word range of the decision (with its subject), or null.</summary>
    internal static (int, int)? FindDecision(Sentence s, RuleContext ctx)
    {
        var words = s.Words;
        var decisions = ctx.Lexicon["decision-verbs"];
        var actors = ctx.Lexicon["team-actors"];
        var results = ctx.Lexicon["decision-objects-that-are-results"];
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i].InQuote) continue;
            int end = decisions.LongestAt(words, i);
            if (end < 0) continue;
            if (words[i].Lower is "cut" or "dropped" && ReportsResult(words, end, results)) continue;
            int subject = SubjectOf(words, i, ctx, actors);
            if (subject < 0) continue;
            return (subject, end);
        }
        // Passive decisions hide the decider but are decisions all the same.
        if (PassiveOwnership.Find(s, ctx) is { } p)
        {
            var (auxAt, partEnd) = p;
            bool decision = false;
            for (int k = 0; k < partEnd && !decision; k++)
                decision = k < auxAt ? words[k].Lower is "decision" or "call" : DecisionParticiples.Contains(words[k].Lower);
            if (decision) return (auxAt <= 4 ? 0 : auxAt, partEnd);
        }
        return null;
    }

    private static readonly HashSet<string> DecisionParticiples = new(StringComparer.Ordinal)
    {
        "decided", "agreed", "chosen", "killed", "paused", "delayed", "dropped", "prioritized", "prioritised", "cancelled",
        "canceled", "postponed", "scrapped", "escalated", "deprioritized", "deprioritised", "descoped", "determined",
    };

    private static int SubjectOf(Token[] words, int verb, RuleContext ctx, Patterns.PatternSet<string> actors)
    {
        int k = verb - 1;
        while (k >= 0 && ctx.Lexicon["adverbs"].LongestAt(words, k) == k + 1 && words[k].Lower is not ("all")) k--;
        if (k >= 0 && (words[k].Text == "I" || words[k].Lower is "we" or "we've" or "we\u2019ve")) return k;
        if (k >= 0 && words[k].Lower is "all" or "both" && k > 0 && words[k - 1].Lower == "we") return k - 1;
        for (int a = Math.Max(0, k - 3); a <= k; a++)
            if (actors.LongestAt(words, a) == k + 1) return a;
        return -1;
    }

    private static bool ReportsResult(Token[] words, int at, Patterns.PatternSet<string> results)
    {
        for (int k = at; k < Math.Min(words.Length, at + 4); k++)
        {
            if (words[k].Lower == "from" || words[k].Kind == TokenKind.Number) return true;
            if (results.LongestAt(words, k) > 0) return true;
        }
        return false;
    }
}
