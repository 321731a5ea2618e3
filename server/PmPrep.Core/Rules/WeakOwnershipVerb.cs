using PmPrep.Core.Analysis;
using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>
/// weak-ownership-verb: "I helped", "I supported", "I was involved in" and the like. Fixes offer
/// one stronger verb each (owned, led), only where the result still reads as English, titled so
/// the author confirms it is true.
/// </summary>
public sealed class WeakOwnershipVerb : SentenceRule
{
    public override string Id => "weak-ownership-verb";

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    { "the", "a", "an", "our", "my", "this", "that", "its", "their", "his", "her", "these", "those", "every", "all", "both", "each" };

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var words = s.Words;
        var weak = ctx.Lexicon["weak-ownership"];
        bool subjectI = false;
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.InQuote) continue;
            if (w.Text == "I") { subjectI = true; continue; }
            int iAt = -1;
            for (int k = i - 1; k >= 0 && k >= i - 3; k--) if (words[k].Text == "I") { iAt = k; break; }
            bool afterI = iAt >= 0 && WeLanguage.SkipAdverbs(words, iAt + 1, ctx.Lexicon) == i;
            bool coordinated = subjectI && i > 0 && words[i - 1].Lower == "and";
            if (!afterI && !coordinated) continue;
            int end = weak.LongestAt(words, i);
            if (end < 0) continue;
            string phrase = RuleContext.WordText(s, i, end);
            int from = afterI ? iAt : i;
            var (start, stop) = RuleContext.WordSpan(s, from, end);
            ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = RuleContext.WordText(s, from, end) },
                StrongerVerbs(s, i, end), RuleContext.WordText(s, from, end));
            i = end - 1;
        }
    }

    /// <summary>"supported the migration" -> "led the migration" / "owned the migration".</summary>
    private static List<Fix> StrongerVerbs(Sentence s, int verb, int end)
    {
        var words = s.Words;
        var fixes = new List<Fix>();
        string lead = string.Join(" ", words[verb..end].Select(w => w.Lower));
        int objectAt = end;
        // Swallow the preposition these verbs take before their object.
        if (objectAt < words.Length && lead switch
            {
                "helped" or "assisted" => words[objectAt].Lower == "with",
                "was involved" or "participated" => words[objectAt].Lower == "in",
                "contributed" => words[objectAt].Lower == "to",
                _ => false,
            })
            objectAt++;
        if (lead is "collaborated" or "worked with" or "influenced" or "was part of") return fixes;
        if (objectAt >= words.Length) return fixes;
        var obj = words[objectAt];
        bool objectIsNounPhrase = Determiners.Contains(obj.Lower) || obj.Lower.EndsWith("'s", StringComparison.Ordinal);
        if (!objectIsNounPhrase) return fixes; // "helped the team ship": the hover guides instead
        foreach (var strong in new[] { "owned", "led" })
        {
            var edit = RuleContext.Edit(s, words[verb].Start, words[objectAt - 1].End, strong);
            if (edit is null) break;
            string was = RuleContext.WordText(s, verb, objectAt);
            fixes.Add(new Fix($"Replace \"{was}\" with \"{strong}\" (only if you {(strong == "owned" ? "owned it" : "led it")})", new[] { edit }));
        }
        return fixes;
    }
}
