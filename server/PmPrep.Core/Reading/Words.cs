using PmPrep.Core.Catalog;
using PmPrep.Core.Model;

namespace PmPrep.Core.Reading;

/// <summary>Small word-level helpers shared by the reading layer, the rules and the fixes.</summary>
public static class Words
{
    /// <summary>A lower-case word with typographic apostrophes made straight.</summary>
    public static string Normalize(string lower) => lower.Replace('\u2019', '\'');

    /// <summary>Index of the first word at or after <paramref name="at"/> that is not one of the lexicon's adverbs.</summary>
    public static int SkipAdverbs(Token[] words, int at, Lexicon lex)
    {
        int k = at;
        var adverbs = lex["adverbs"];
        // The listed adverbs, and any "-ly" adverb WordNet knows ("to dramatically reduce").
        while (k < words.Length && (adverbs.LongestAt(words, k) == k + 1
               || words[k].Lower.Length > 4 && words[k].Lower.EndsWith("ly", StringComparison.Ordinal) && (WordNet.PosOf(words[k].Lower) & Pos.Adverb) != 0 && !WordNet.IsVerb(words[k].Lower))) k++;
        return k;
    }
}
