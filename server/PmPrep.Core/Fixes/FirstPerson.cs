using PmPrep.Core.Catalog;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;
using PmPrep.Core.Rules;
using PmPrep.Core.Text;

namespace PmPrep.Core.Fixes;

/// <summary>
/// Rewrites a sentence's first-person plural as first-person singular, with agreement and
/// capitals: we -> I, us -> me, our -> my, ours -> mine, ourselves -> myself; we are / we're -> I am / I'm,
/// we were -> I was (but "if we were" -> "if I were"), we've / we'd / we'll -> I've / I'd / I'll,
/// "we all / both / each" -> I, "we ourselves" -> "I myself", let's -> let me, "were we" -> "was I".
/// It touches only the flagged sentence's own words: never quoted speech (straight, curly or
/// single quotes, a block quote), a reported clause ("I told the team we would ..."), speech tagged
/// after the fact ("Let's ship it, I said"), link text or code. "Our" stays before what belongs to
/// the company ("our customers"). When the sentence cannot be rewritten cleanly ("we worked
/// together", "both of us", markup inside a phrase) it returns no edits at all: no fix rather
/// than a wrong fix.
/// </summary>
public static class FirstPerson
{
    private static readonly string[][] Collective =
    {
        new[] { "together" }, new[] { "as", "a", "team" }, new[] { "as", "a", "group" }, new[] { "each", "other" },
        new[] { "one", "another" }, new[] { "between", "us" }, new[] { "among", "us" }, new[] { "amongst", "us" },
        new[] { "of", "us" }, new[] { "of", "ours" }, new[] { "jointly" }, new[] { "collectively" }, new[] { "with", "each" },
        new[] { "mutually" }, new[] { "unanimously" }, new[] { "between", "ourselves" }, new[] { "among", "ourselves" },
        new[] { "as", "two" }, new[] { "as", "partners" },
        new[] { "we", "two" }, new[] { "us", "two" },
    };

    /// <summary>Forms of "be" that follow "we" and change after "I".</summary>
    private static readonly Dictionary<string, string> Agreement = new(StringComparer.Ordinal)
    {
        ["are"] = "am", ["were"] = "was", ["aren't"] = "am not", ["weren't"] = "wasn't",
    };

    /// <summary>Words after which a following all/both/each floats off the subject: "we were all", "we've both".</summary>
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "are", "were", "am", "was", "have", "had", "will", "would", "could", "can", "should", "might", "must", "may", "did", "do",
        "aren't", "weren't", "haven't", "hadn't", "won't", "wouldn't", "couldn't", "can't", "shouldn't", "didn't", "don't",
    };

    private static readonly HashSet<string> Quantifiers = new(StringComparer.Ordinal) { "all", "both", "each" };

    public static IReadOnlyList<TextEdit>? Rewrite(Sentence s, Lexicon lex)
    {
        if (s.Block.InBlockQuote) return null;
        var words = s.Words;
        if (HasCollective(words)) return null;
        var speech = Speech.Mask(s, lex, weReports: true);
        var edits = new List<TextEdit>();
        var shared = lex["shared-possessions"];
        for (int i = 0; i < words.Length; i++)
        {
            if (speech[i]) continue;
            var w = words[i];
            string lower = Words.Normalize(w.Lower);
            string? replacement = null;
            bool subject = false;
            switch (lower)
            {
                case "we":
                    // "We were losing $48M a year, so we cut the program": the first "we" is the company's
                    // situation, not the candidate's action; it stays, with its verb.
                    if (IsContext(words, i, lex)) { i = WeLanguageSkip(words, i + 1, lex); continue; }
                    // "We (the PMs) decided", "We, as PMs, decided": a plural apposition "I" cannot carry.
                    if (PunctAfter(s, i, "(", ",", "\u2014", "-")) return null;
                    replacement = "I"; subject = true; break;
                case "we're": replacement = "I'm"; subject = true; break;
                case "we've": replacement = "I've"; subject = true; break;
                case "we'd": replacement = "I'd"; subject = true; break;
                case "we'll": replacement = "I'll"; subject = true; break;
                case "us":
                    // "in the US" is a country, unless the whole sentence shouts.
                    if (w.Text == "US" && !Shouting(words)) continue;
                    replacement = Case(w.Text, "me");
                    break;
                case "our":
                    if (OwnedByTheCompany(s, words, i, shared)) continue;
                    replacement = Case(w.Text, "my");
                    break;
                case "ours": replacement = Case(w.Text, "mine"); break;
                case "ourselves": replacement = Case(w.Text, "myself"); break;
                case "let's": replacement = Case(w.Text, "let me"); break;
            }
            if (replacement is null) continue;
            if (w.Text.Contains('\u2019')) replacement = replacement.Replace('\'', '\u2019');
            if (!AddEdit(s, edits, w.Start, w.End, replacement)) return null;

            // "us all", "us both" -> "me"
            if (lower == "us" && i + 1 < words.Length && !speech[i + 1] && words[i + 1].Lower is "all" or "both")
            {
                if (!DropWord(s, edits, words, i + 1)) return null;
                i++;
                continue;
            }
            if (!subject) continue;

            // Inversion: "Not only were we" -> "Not only was I".
            if (lower == "we" && i > 0 && !speech[i - 1] && Agreement.TryGetValue(Words.Normalize(words[i - 1].Lower), out var inverted)
                && !(i > 1 && words[i - 2].Lower is "if" or "wish" or "though"))
            {
                if (!AddEdit(s, edits, words[i - 1].Start, words[i - 1].End, Case(words[i - 1].Text, Apostrophe(words[i - 1].Text, inverted)))) return null;
            }

            int j = i + 1;
            // "we ourselves" -> "I myself"
            if (j < words.Length && !speech[j] && words[j].Lower == "ourselves")
            {
                if (!AddEdit(s, edits, words[j].Start, words[j].End, Case(words[j].Text, "myself"))) return null;
                j++;
            }
            // "we all decided" -> "I decided"
            if (j < words.Length && !speech[j] && Quantifiers.Contains(words[j].Lower) && !FollowedByOf(words, j))
            {
                if (!DropWord(s, edits, words, j)) return null;
                j++;
            }
            if (lower != "we")
            {
                // "we've all agreed" -> "I've agreed"
                if (j < words.Length && !speech[j] && Quantifiers.Contains(words[j].Lower) && !FollowedByOf(words, j))
                {
                    if (!DropWord(s, edits, words, j)) return null;
                    j++;
                }
                i = j - 1;
                continue;
            }
            int k = j;
            while (k < words.Length && !Quantifiers.Contains(words[k].Lower) && lex["adverbs"].LongestAt(words, k) == k + 1) k++;
            if (k < words.Length && !speech[k])
            {
                string verb = Words.Normalize(words[k].Lower);
                bool subjunctive = verb is "were" && i > 0 && words[i - 1].Lower is "if" or "wish" or "though";
                if (!subjunctive && Agreement.TryGetValue(verb, out var agreed))
                {
                    if (!AddEdit(s, edits, words[k].Start, words[k].End, Case(words[k].Text, Apostrophe(words[k].Text, agreed)))) return null;
                }
                // "we were all aligned" -> "I was aligned"
                if (Auxiliaries.Contains(verb) && k + 1 < words.Length && !speech[k + 1] && Quantifiers.Contains(words[k + 1].Lower) && !FollowedByOf(words, k + 1))
                {
                    if (!DropWord(s, edits, words, k + 1)) return null;
                    k++;
                }
                i = Math.Max(i, k);
                // "We launched it and were thrilled" -> "I launched it and was thrilled"
                for (int m = k + 1; m + 1 < words.Length; m++)
                {
                    if (speech[m] || IsSubject(words[m])) break;
                    if (words[m].Lower is not ("and" or "but" or "or" or "yet" or "then")) continue;
                    int v = m + 1;
                    while (v < words.Length && lex["adverbs"].LongestAt(words, v) == v + 1) v++;
                    if (v < words.Length && !speech[v] && Agreement.TryGetValue(Words.Normalize(words[v].Lower), out var coordinated))
                    {
                        if (!AddEdit(s, edits, words[v].Start, words[v].End, Case(words[v].Text, Apostrophe(words[v].Text, coordinated)))) return null;
                        break;
                    }
                }
            }
        }
        if (edits.Count == 0) return null;
        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        return edits;
    }

    /// <summary>"our customers", "our biggest competitor", "our most loyal users": what "our" stays before.</summary>
    private static bool OwnedByTheCompany(Sentence s, Token[] words, int our, Patterns.PatternSet<string> shared)
    {
        for (int k = our + 1; k < words.Length && k <= our + 3; k++)
        {
            if (shared.LongestAt(words, k) > 0) return true;
            if (words[k].Lower is "for" or "with" or "to" or "in" or "of" or "on" or "at" or "and" or "or" or "but" or "from" or "by" or "team" or "plan") return false;
            if (Punct.BetweenWords(s, k - 1, k)) return false;
        }
        return false;
    }

    private static bool PunctAfter(Sentence s, int word, params string[] marks) =>
        Punct.Between(s, s.Words[word].End, word + 1 < s.Words.Length ? s.Words[word + 1].Start : s.End, marks.Contains);

    private static bool Shouting(Token[] words) =>
        words.Count(w => w.Text.Length > 1 && w.Text.All(c => !char.IsLetter(c) || char.IsUpper(c))) * 2 > words.Length;

    private static bool IsSubject(Token t) =>
        t.Text == "I" || Words.Normalize(t.Lower) is "we" or "we're" or "we've" or "we'd" or "we'll" or "they" or "he" or "she";

    private static readonly HashSet<string> Possession = new(StringComparer.Ordinal)
    {
        "no", "only", "just", "about", "less", "more", "fewer", "a", "an", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "several", "many", "few", "little", "limited", "zero",
    };

    /// <summary>
    /// "we were losing", "we had two weeks", "we needed a fix", "we lacked data": the situation, not an
    /// action. The rewrite keeps such a "we" (the rule never flags it), and rewrites the doer elsewhere.
    /// </summary>
    private static bool IsContext(Token[] words, int we, Lexicon lex)
    {
        int k = WeLanguageSkip(words, we + 1, lex);
        if (k >= words.Length) return false;
        if (lex["we-action-after-state"].LongestAt(words, k) > 0) return false;
        string v = Words.Normalize(words[k].Lower);
        string? next = k + 1 < words.Length ? words[k + 1].Lower : null;
        return v switch
        {
            "were" or "are" or "was" or "weren't" or "aren't" => next is not null && next.EndsWith("ing", StringComparison.Ordinal) && next is not "going",
            "had" or "have" => next is not null && (Possession.Contains(next) || words[k + 1].Kind == TokenKind.Number),
            "needed" or "lacked" or "faced" or "struggled" or "serve" or "sell" or "own" or "seemed" or "looked" => true,
            _ => false,
        };
    }

    private static int WeLanguageSkip(Token[] words, int at, Lexicon lex)
    {
        int k = at;
        while (k < words.Length && lex["adverbs"].LongestAt(words, k) == k + 1) k++;
        return k;
    }

    private static bool FollowedByOf(Token[] words, int at) => at + 1 < words.Length && words[at + 1].Lower == "of";

    /// <summary>Removes word <paramref name="at"/> with the space before it.</summary>
    private static bool DropWord(Sentence s, List<TextEdit> edits, Token[] words, int at)
    {
        int from = words[at - 1].End;
        var text = s.Block.Text;
        for (int p = from; p < words[at].Start; p++) if (!char.IsWhiteSpace(text[p])) return false;
        return AddEdit(s, edits, from, words[at].End, "");
    }

    private static bool HasCollective(Token[] words)
    {
        for (int i = 0; i < words.Length; i++)
            foreach (var seq in Collective)
            {
                if (i + seq.Length > words.Length) continue;
                bool ok = true;
                for (int k = 0; k < seq.Length && ok; k++) ok = Words.Normalize(words[i + k].Lower) == seq[k];
                if (ok) return true;
            }
        return false;
    }

    private static bool AddEdit(Sentence s, List<TextEdit> edits, int proseStart, int proseEnd, string text)
    {
        var e = RuleContext.Edit(s, proseStart, proseEnd, text);
        if (e is null) return false;
        // Edits are a word or two long and mostly in order: compare with the few that could overlap.
        for (int k = edits.Count - 1; k >= 0 && k >= edits.Count - 8; k--)
            if (edits[k].Start < e.End && e.Start < edits[k].End) return false;
        edits.Add(e);
        return true;
    }

    private static string Apostrophe(string original, string replacement) =>
        original.Contains('\u2019') ? replacement.Replace('\'', '\u2019') : replacement;

    /// <summary>Gives <paramref name="replacement"/> the capitalisation of <paramref name="original"/>.</summary>
    internal static string Case(string original, string replacement)
    {
        if (original.Length == 0 || replacement.Length == 0) return replacement;
        if (original.Length > 1 && original.All(c => !char.IsLetter(c) || char.IsUpper(c))) return replacement.ToUpperInvariant();
        if (char.IsUpper(original[0])) return char.ToUpperInvariant(replacement[0]) + replacement[1..];
        return replacement;
    }
}
