using PmPrep.Core.Catalog;
using PmPrep.Core.Model;

namespace PmPrep.Core.Reading;

/// <summary>Which words of a sentence are speech (quoted or reported) rather than narration.</summary>
public static class Speech
{
    /// <summary>Reporting verbs that take a person before their "that" clause ("told the team that").</summary>
    private static readonly HashSet<string> PersonObjectVerbs = new(StringComparer.Ordinal)
    { "told", "tell", "assured", "warned", "promised", "reminded", "showed", "asked", "convinced", "emailed", "wrote", "explained" };

    /// <summary>
    /// For each word of a sentence, true when it belongs to speech rather than narration: quoted
    /// (straight, curly or single quotes), a reported clause after "I told the team" (and, with
    /// <paramref name="weReports"/>, after "we told the team"), or speech tagged after the fact
    /// ("Let's ship it, I said, ..."). First-person plural there is someone's words and stays.
    /// </summary>
    public static bool[] Mask(Sentence s, Lexicon lex, bool weReports)
    {
        var words = s.Words;
        var mask = new bool[words.Length];
        for (int i = 0; i < words.Length; i++) mask[i] = words[i].InQuote;
        MarkSingleQuotes(s, mask);
        var reporting = lex["reporting-verbs"];
        for (int i = 0; i + 1 < words.Length; i++)
        {
            bool speaker = words[i].Text == "I" || (weReports && Words.Normalize(words[i].Lower) == "we");
            if (!speaker || mask[i]) continue;
            int end = reporting.LongestAt(words, WordIndexAfterAdverbs(words, i + 1, lex));
            if (end < 0) continue;
            // "Let's ship it, I said, and we shipped it": what comes before ", I said" was said.
            if (i > 0 && PunctBetween(s, i - 1, i, ",") && TagEnds(s, end))
            {
                int from = 0;
                for (int k = i - 1; k > 0; k--) if (PunctBetween(s, k - 1, k, ":", ";")) { from = k; break; }
                for (int k = from; k < i; k++) mask[k] = true;
                continue;
            }
            // "I told the team we would freeze scope": the clause starts at the next "we"/"that".
            for (int k = end; k < words.Length; k++)
            {
                // ", and ..." / "; ..." ends the reporting clause before any reported one began.
                // So does a coordinated clause ("I wrote the spec and we launched"), and the reported
                // clause must start close to its verb ("I told the team we ...", "I said that ...").
                if (PunctBetween(s, k - 1, k, ";") || words[k].Lower is "and" or "but" or "so" or "then" or "while" || k - end > 5) break;
                string kw = Words.Normalize(words[k].Lower);
                // "that" opens the reported clause right after the verb ("I said that"), or after a person
                // ("I told the team that"); "I proposed a batch job that polled" is a relative clause.
                if (kw == "that" && k != end && !PersonObjectVerbs.Contains(Words.Normalize(words[end - 1].Lower))) continue;
                if (kw is "we" or "we'd" or "we'll" or "we're" or "we've" or "that" or "let's" or "our" or "us")
                {
                    for (int m = k; m < words.Length; m++) mask[m] = true;
                    break;
                }
            }
        }
        return mask;
    }

    /// <summary>True when the speech tag ends within a few words of its verb: ", I said," / ", I told the team."</summary>
    private static bool TagEnds(Sentence s, int afterVerb)
    {
        var words = s.Words;
        for (int k = afterVerb; k <= afterVerb + 3; k++)
        {
            if (k >= words.Length) return true;
            if (PunctBetween(s, k - 1, k, ",", ".", ";", ":")) return true;
            if (Words.Normalize(words[k].Lower) is "we" or "we'd" or "we'll" or "we're" or "we've" or "that" or "let's" or "our" or "us") return false;
        }
        return false;
    }

    private static int WordIndexAfterAdverbs(Token[] words, int at, Lexicon lex)
    {
        int k = at;
        while (k < words.Length && words[k].Lower is "then" or "also" or "finally" or "later" or "eventually" or "immediately" or "just" or "clearly") k++;
        return k;
    }

    /// <summary>True when one of the punctuation marks stands between words a and b.</summary>
    private static bool PunctBetween(Sentence s, int a, int b, params string[] marks) => Punct.BetweenWords(s, a, b, marks);

    /// <summary>Marks words between an opening single quote (after a space) and its closing one.</summary>
    private static void MarkSingleQuotes(Sentence s, bool[] mask)
    {
        var text = s.Block.Text;
        var words = s.Words;
        int open = -1, next = 0;
        foreach (var t in s.Tokens)
        {
            if (t.Kind != TokenKind.Punct || t.Text is not ("'" or "\u2018" or "\u2019")) continue;
            bool spaceBefore = t.Start == 0 || char.IsWhiteSpace(text[t.Start - 1]) || text[t.Start - 1] is '(' or '"' or '\u201C';
            bool letterAfter = t.End < text.Length && char.IsLetterOrDigit(text[t.End]);
            if (open < 0 && spaceBefore && letterAfter && t.Text is "'" or "\u2018") { open = t.End; continue; }
            if (open >= 0 && !letterAfter && t.Text is "'" or "\u2019")
            {
                while (next < words.Length && words[next].Start < open) next++;
                for (; next < words.Length && words[next].End <= t.Start; next++) mask[next] = true;
                open = -1;
            }
        }
    }
}
