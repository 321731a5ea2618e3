using PmPrep.Core.Catalog;
using PmPrep.Core.Model;
using PmPrep.Core.Rules;
using PmPrep.Core.Text;

namespace PmPrep.Core.Fixes;

/// <summary>
/// Rewrites a sentence's first-person plural as first-person singular, with verb agreement
/// ("we were" -> "I was", "we're" -> "I'm", "us" -> "me", "our" -> "my", "ourselves" -> "myself").
/// It touches only the sentence's own words outside quotes and reported clauses, and returns no
/// edits at all when the sentence cannot be rewritten cleanly ("we agreed as a team",
/// "we worked together", "both of us").
/// </summary>
public static class FirstPerson
{
    private static readonly string[][] Collective =
    {
        new[] { "together" }, new[] { "as", "a", "team" }, new[] { "as", "a", "group" }, new[] { "each", "other" },
        new[] { "one", "another" }, new[] { "between", "us" }, new[] { "among", "us" }, new[] { "amongst", "us" },
        new[] { "of", "us" }, new[] { "we", "both" }, new[] { "we", "each" }, new[] { "jointly" }, new[] { "collectively" },
        new[] { "with", "each" }, new[] { "all", "agreed" }, new[] { "mutually" },
    };

    /// <summary>Words that follow "we" and take another form after "I".</summary>
    private static readonly Dictionary<string, string> Agreement = new(StringComparer.Ordinal)
    {
        ["are"] = "am", ["were"] = "was", ["aren't"] = "am not", ["weren't"] = "wasn't",
    };

    public static IReadOnlyList<TextEdit>? Rewrite(Sentence s, Lexicon lex)
    {
        var words = s.Words;
        if (HasCollective(words)) return null;
        int reportedFrom = ReportedClauseStart(s, lex);
        var edits = new List<TextEdit>();
        for (int i = 0; i < words.Length; i++)
        {
            if (i >= reportedFrom) break;
            var w = words[i];
            if (w.InQuote) continue;
            string? replacement = null;
            int replaceEnd = w.End;
            switch (Normalize(w.Lower))
            {
                case "we":
                {
                    replacement = "I";
                    // "we ourselves" -> "I myself"; "we all" -> "I"; agreement for the next verb.
                    int j = i + 1;
                    if (j < words.Length && words[j].Lower == "ourselves")
                    {
                        if (!AddEdit(s, edits, words[j].Start, words[j].End, Case(words[j].Text, "myself"))) return null;
                        i = j;
                        break;
                    }
                    if (j < words.Length && words[j].Lower == "all" && !words[j].InQuote)
                    {
                        // remove " all"
                        if (!AddEdit(s, edits, w.End, words[j].End, "")) return null;
                        j++;
                    }
                    int k = j;
                    while (k < words.Length && lex["adverbs"].LongestAt(words, k) == k + 1 && words[k].Lower is not ("all" or "both" or "each")) k++;
                    if (k < words.Length && Agreement.TryGetValue(Normalize(words[k].Lower), out var agreed))
                    {
                        if (!AddEdit(s, edits, words[k].Start, words[k].End, Case(words[k].Text, agreed))) return null;
                    }
                    break;
                }
                case "we're": replacement = "I'm"; break;
                case "we've": replacement = "I've"; break;
                case "we'd": replacement = "I'd"; break;
                case "we'll": replacement = "I'll"; break;
                case "us": replacement = Case(w.Text, "me"); break;
                case "our": replacement = Case(w.Text, "my"); break;
                case "ours": replacement = Case(w.Text, "mine"); break;
                case "ourselves": replacement = Case(w.Text, "myself"); break;
                case "let's": replacement = Case(w.Text, "let me"); break;
            }
            if (replacement is null) continue;
            if (w.Text.Contains('\u2019')) replacement = replacement.Replace('\'', '\u2019');
            if (!AddEdit(s, edits, w.Start, replaceEnd, replacement)) return null;
        }
        if (edits.Count == 0) return null;
        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        return edits;
    }

    /// <summary>
    /// Word index where a reported clause begins ("I told the team | we would ..."), or the
    /// sentence length when there is none. Plural forms from there on belong to what was said.
    /// </summary>
    public static int ReportedClauseStart(Sentence s, Lexicon lex)
    {
        var words = s.Words;
        for (int i = 0; i + 1 < words.Length; i++)
        {
            if (words[i].Text != "I") continue;
            int end = lex["reporting-verbs"].LongestAt(words, i + 1);
            if (end < 0) continue;
            // The clause starts at the next "we"/"our"/"us" after the reporting verb.
            for (int k = end; k < words.Length; k++)
                if (Normalize(words[k].Lower) is "we" or "we'd" or "we'll" or "we're" or "we've" or "that") return k;
        }
        return words.Length;
    }

    private static bool HasCollective(Token[] words)
    {
        for (int i = 0; i < words.Length; i++)
            foreach (var seq in Collective)
            {
                if (i + seq.Length > words.Length) continue;
                bool ok = true;
                for (int k = 0; k < seq.Length && ok; k++) ok = words[i + k].Lower == seq[k];
                if (ok) return true;
            }
        return false;
    }

    private static bool AddEdit(Sentence s, List<TextEdit> edits, int proseStart, int proseEnd, string text)
    {
        var e = RuleContext.Edit(s, proseStart, proseEnd, text);
        if (e is null) return false;
        edits.Add(e);
        return true;
    }

    internal static string Normalize(string lower) => lower.Replace('\u2019', '\'');

    /// <summary>Gives <paramref name="replacement"/> the capitalisation of <paramref name="original"/>.</summary>
    internal static string Case(string original, string replacement)
    {
        if (original.Length == 0 || replacement.Length == 0) return replacement;
        if (original.Length > 1 && original.All(c => !char.IsLetter(c) || char.IsUpper(c))) return replacement.ToUpperInvariant();
        if (char.IsUpper(original[0])) return char.ToUpperInvariant(replacement[0]) + replacement[1..];
        return replacement;
    }
}
