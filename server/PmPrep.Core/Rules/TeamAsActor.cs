using PmPrep.Core.Analysis;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Rules;

/// <summary>
/// team-as-actor: "my team", "the team", "engineering" is the subject of a key action and no
/// "I" appears in the sentence. Silent as soon as the candidate acts too
/// ("Engineering pushed back, so I absorbed QA").
/// </summary>
public sealed class TeamAsActor : SentenceRule
{
    public override string Id => "team-as-actor";

    private static readonly HashSet<string> Joiners = new(StringComparer.Ordinal) { "and", "but", "so", "then", "when", "after", "once", "finally", "eventually", "later", "meanwhile", "soon" };

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var words = s.Words;
        foreach (var w in words)
            if (!w.InQuote && (w.Text == "I" || w.Lower is "i'm" or "i've" or "i'd" or "i'll" or "i\u2019m" or "i\u2019ve")) return;

        var actors = ctx.Lexicon["team-actors"];
        var verbs = ctx.Lexicon["key-action-verbs"];
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i].InQuote) continue;
            if (i > 0 && !IsClauseStart(s, i)) continue;
            int end = actors.LongestAt(words, i);
            if (end < 0) continue;
            // "After the review the team launched": a determiner inside means two phrases, not one actor.
            if (words.Skip(i + 1).Take(end - i - 1).Any(w => w.Lower is "the" or "a" or "an" or "my" or "our" or "this" or "that")) continue;
            int v = Words.SkipAdverbs(words, end, ctx.Lexicon);
            if (v >= words.Length || verbs.LongestAt(words, v) < 0) continue;

            var (start, stop) = RuleContext.WordSpan(s, i, v + 1);
            string actor = RuleContext.WordText(s, i, end);
            var fixes = new List<Fix>();
            // "My team launched X" -> "I [what I decided or did], and my team launched X"
            var first = words[i];
            string lowered = i == 0 && !IsProperNoun(first.Text) ? char.ToLowerInvariant(first.Text[0]) + first.Text[1..] : first.Text;
            var edit = s.Block.InBlockQuote ? null : RuleContext.Edit(s, first.Start, first.End, Templates.OwnPart + lowered);
            if (edit is not null) fixes.Add(new Fix(ctx.FixTitle(Id), new[] { edit }));
            ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = actor }, fixes, RuleContext.WordText(s, i, v + 1));
            return;
        }
    }

    private static bool IsClauseStart(Sentence s, int wordIndex)
    {
        var prev = s.Words[wordIndex - 1];
        if (Joiners.Contains(prev.Lower)) return true;
        // A comma or semicolon right before: "In Q3, the team launched ..." Tokens are in text
        // order, so look only at those between the two words (a scan of the whole sentence per
        // word made a long sentence, such as a pasted table row, quadratic).
        var tokens = s.Tokens;
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Start < prev.End) lo = mid + 1; else hi = mid;
        }
        int wordStart = s.Words[wordIndex].Start;
        for (int k = lo; k < tokens.Length && tokens[k].Start < wordStart; k++)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Punct && t.End <= wordStart && t.Text is "," or ";" or ":")
                return true;
        }
        return false;
    }

    private static bool IsProperNoun(string w) => w.Length > 1 && w.All(char.IsUpper); // "QA", "UX"
}
