using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>
/// we-language: "we", "our team" or "let's" as the doer of a key action. Silent for state and
/// context ("we were losing $48M a year"), for quotes and for reported clauses ("I told the team
/// we would freeze scope"). One finding per sentence; the fix rewrites the whole sentence.
/// </summary>
public sealed class WeLanguage : SentenceRule
{
    public override string Id => "we-language";

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var hit = Find(s, ctx.Lexicon);
        if (hit is null) return;
        var (first, end) = hit.Value;
        var (start, stop) = RuleContext.WordSpan(s, first, end);
        string phrase = RuleContext.WordText(s, first, end);
        // Two choices, never in fix-all: only the author knows whose call it was.
        var fixes = new List<Fix>();
        if (FirstPerson.Rewrite(s, ctx.Lexicon) is { } edits)
            fixes.Add(new Fix(ctx.FixTitle(Id), edits));
        if (Ownership.NameThem(s, first) is { } named)
            fixes.Add(new Fix(ctx.FixTitle(Id, Ownership.IsDecision(phrase) ? "other-decided" : "other-did"), named));
        ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = phrase }, fixes, phrase);
    }

    /// <summary>Word range [first, end) of the first "we + action verb" in the sentence, or null.</summary>
    internal static (int, int)? Find(Sentence s, Lexicon lex)
    {
        var words = s.Words;
        var speech = FirstPerson.SpeechMask(s, lex, weReports: false);
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (speech[i]) continue;
            string lower = FirstPerson.Normalize(w.Lower);
            int verbAt;
            switch (lower)
            {
                case "we":
                    verbAt = i + 1;
                    break;
                case "we've":
                    verbAt = i + 1; // "we've launched": an action; "we've been" is caught as state below
                    break;
                case "let's":
                    if (i + 1 < words.Length && words[i + 1].Kind == TokenKind.Word) return (i, i + 2);
                    continue;
                case "our":
                {
                    int actorEnd = lex["team-actors"].LongestAt(words, i);
                    if (actorEnd < 0) continue;
                    verbAt = actorEnd;
                    break;
                }
                default:
                    continue;
            }
            int v = SkipAdverbs(words, verbAt, lex);
            // "we kind of moved fast": a hedge between subject and verb is not the verb.
            for (int h = lex["hedges"].LongestAt(words, v); h > v; h = lex["hedges"].LongestAt(words, v))
                v = SkipAdverbs(words, h, lex);
            if (v >= words.Length) continue;
            if (words[v].Kind != TokenKind.Word) continue;
            if (lex["we-action-after-state"].LongestAt(words, v) > 0) return (i, v + 1);
            if (lex["we-state-verbs"].LongestAt(words, v) > 0) continue;
            if (words[v].Lower.EndsWith("ing", StringComparison.Ordinal)) continue;
            if (lower == "we've" && !LooksLikeParticiple(words[v].Lower)) continue;
            return (i, v + 1);
        }
        return null;
    }

    internal static int SkipAdverbs(Token[] words, int at, Lexicon lex)
    {
        int k = at;
        while (k < words.Length && lex["adverbs"].LongestAt(words, k) == k + 1) k++;
        return k;
    }

    private static bool LooksLikeParticiple(string w) => w.EndsWith("ed", StringComparison.Ordinal) || w is "built" or "made" or "cut" or "run" or "shipped" or "won" or "grown" or "chosen" or "taken" or "done";
}
