using PmPrep.Core.Analysis;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Rules;

/// <summary>
/// hedging: "I think", "kind of", "maybe", "hopefully", "I tried to"... Not "this kind of
/// customer" (a noun), and not "because I believed" (the because-chain). The fix removes the
/// hedge and keeps the sentence grammatical; "I tried to convince" is offered as "I convinced"
/// only as a separate, confirm-it-is-true action.
/// </summary>
public sealed class Hedging : SentenceRule
{
    public override string Id => "hedging";

    private static readonly HashSet<string> NounMarkers = new(StringComparer.Ordinal)
    { "a", "an", "the", "this", "that", "what", "any", "every", "some", "one", "same", "which", "each", "no", "these", "those", "of", "different", "new", "right", "wrong", "first", "other", "only", "that's" };

    /// <summary>
    /// "maybe 1,000 to 2,000 customers", "perhaps 20%", "maybe a dozen": an honest estimate of a
    /// number, not a hedge on what the candidate did or believed.
    /// </summary>
    internal static bool IsEstimate(Token[] words, int start, int end)
    {
        if (end - start != 1 || words[start].Lower is not ("maybe" or "perhaps")) return false;
        int k = end;
        while (k < words.Length && k < end + 2 && words[k].Lower is "about" or "around" or "roughly" or "only" or "just" or "another" or "a" or "an") k++;
        if (k >= words.Length) return false;
        var t = words[k];
        return t.Kind == TokenKind.Number || Grammar.NumberWords.Contains(t.Lower) || t.Lower is "half" or "dozen" or "dozens" or "third" or "quarter" or "twice" or "hundreds" or "thousands";
    }

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var words = s.Words;
        foreach (var m in ctx.Lexicon["hedges"].Matches(words))
        {
            if (words[m.Start].InQuote) continue;
            string first = words[m.Start].Lower;
            if ((first is "kind" or "sort") && m.Start > 0 && NounMarkers.Contains(words[m.Start - 1].Lower)) continue;
            if (m.Start > 0 && words[m.Start - 1].Lower is "because" or "since") continue;
            if (IsEstimate(words, m.Start, m.End)) continue;
            var (start, end) = RuleContext.WordSpan(s, m.Start, m.End);
            string phrase = RuleContext.WordText(s, m.Start, m.End);
            var fixes = new List<Fix>();
            bool tried = phrase.EndsWith(" to", StringComparison.OrdinalIgnoreCase) && first == "i";
            if (tried)
            {
                if (HedgeRemoval.TriedToDid(s, m.Start, m.End, ctx) is { } did) fixes.Add(did);
            }
            else if (HedgeRemoval.Remove(s, m.Start, m.End) is { } edits)
            {
                // Meaning-preserving only on a statement of what was done or believed; on a
                // prediction, a hope or an estimate dropping the hedge is the author's call.
                fixes.Add(HedgeRemoval.KindOf(s, m.Start, m.End) == FixKind.MeaningPreserving
                    ? new Fix(ctx.FixTitle(Id), edits, FixKind.MeaningPreserving, Preferred: true)
                    : new Fix(ctx.FixTitle(Id, "claim", new Dictionary<string, string> { ["phrase"] = phrase }), edits));
            }
            ctx.Report(Id, start, end, new Dictionary<string, string> { ["phrase"] = phrase }, fixes, phrase);
        }
    }
}
