using PmPrep.Core.Analysis;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Rules;

/// <summary>
/// filler-words: spoken filler from the lexicon list `fillers`, read in context so that only the
/// filler use fires. "um", "uh", "erm" always; "you know" only set off by commas or at the end
/// (not "you know that/what/how ..."); "like" only set off by a comma (", like," / "Like, ..." /
/// ", like 3 weeks"), never "like a ..." or the verb ("I like"); "I mean" only clause-initial and
/// followed by a comma; "so yeah" and ", yeah" only at the end of a sentence. "sort of", "kind of"
/// and "basically" are hedging's. The fix removes the filler and its commas (fix-all).
/// </summary>
public sealed class FillerWords : SentenceRule
{
    public override string Id => "filler-words";

    private static readonly HashSet<string> Sounds = new(StringComparer.Ordinal) { "um", "uh", "erm", "umm", "uhm", "er", "uhh", "ummm", "hmm" };

    /// <summary>Words after "you know" that make it a verb with an object ("you know what we found").</summary>
    private static readonly HashSet<string> KnowObjects = new(StringComparer.Ordinal)
    { "that", "what", "how", "why", "who", "whom", "when", "where", "whether", "if", "which", "the", "a", "an", "this", "it", "him", "her", "them", "me", "us", "about", "of", "your", "my", "our", "their" };

    /// <summary>Words before "like" that make it the verb ("I like", "would like", "don't like").</summary>
    private static readonly HashSet<string> LikeSubjects = new(StringComparer.Ordinal)
    { "i", "we", "you", "they", "he", "she", "would", "'d", "i'd", "we'd", "don't", "didn't", "do", "did", "to", "really", "people", "users", "customers", "not" };

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var words = s.Words;
        int lastEnd = -1;
        foreach (var m in ctx.Lexicon["fillers"].Matches(words))
        {
            if (m.Start < lastEnd) continue;
            if (words[m.Start].InQuote) continue;
            if (Filler(s, m.Start, m.End) is not { } span) continue;
            lastEnd = span.End;
            Report(ctx, s, span.First, span.End);
        }
    }

    /// <summary>The filler word range starting at a lexicon match, or null when the words are not filler here.</summary>
    internal static (int First, int End)? Filler(Sentence s, int first, int end)
    {
        var words = s.Words;
        string phrase = string.Join(" ", words[first..end].Select(w => Words.Normalize(w.Lower)));
        bool commaBefore = first == 0 ? false : Punct.BetweenWords(s, first - 1, first, ",", ";", "\u2014", "\u2013", "(");
        bool commaAfter = end < words.Length && Punct.BetweenWords(s, end - 1, end, ",", ";", "\u2014", "\u2013", ")");
        bool atEnd = end >= words.Length;
        bool atStart = first == 0;
        string next = end < words.Length ? Words.Normalize(words[end].Lower) : "";
        string prev = first > 0 ? Words.Normalize(words[first - 1].Lower) : "";
        switch (phrase)
        {
            case var p when Sounds.Contains(p):
                return (first, end);
            case "you know":
                if (commaAfter || atEnd) return (first, end);
                if (commaBefore && !KnowObjects.Contains(next)) return (first, end);
                return null;
            case "like":
                if (LikeSubjects.Contains(prev)) return null;
                if (commaAfter && (commaBefore || atStart || prev is "was" or "is" or "it's" or "just" or "and" or "but" or "so")) return (first, end);
                // ", like 3 weeks": an approximation said as filler.
                if (commaBefore && end < words.Length && words[end].Kind == TokenKind.Number) return (first, end);
                return null;
            case "kind of like":
                return commaAfter ? (first, end) : null;
            case "i mean":
                return (atStart || commaBefore) && commaAfter ? (first, end) : null;
            case "so yeah":
                return atEnd || OnlyFillerAfter(s, end) ? (first, end) : null;
            case "yeah":
                if (prev == "so" && atEnd) return (first - 1, end);
                return atEnd && commaBefore ? (first, end) : null;
        }
        return null;
    }

    private static bool OnlyFillerAfter(Sentence s, int from)
    {
        for (int k = from; k < s.Words.Length; k++) if (!Sounds.Contains(Words.Normalize(s.Words[k].Lower))) return false;
        return true;
    }

    /// <summary>
    /// Edits that remove the filler: ", like 3 weeks" loses the comma with the filler ("took 3 weeks");
    /// every other shape is the hedge removal's (commas on both sides, at the start, at the end).
    /// </summary>
    internal static IReadOnlyList<Text.TextEdit>? Removal(Sentence s, int first, int end)
    {
        var words = s.Words;
        if (s.Block.InBlockQuote) return null;
        bool commaBefore = first > 0 && Punct.BetweenWords(s, first - 1, first, ",");
        bool commaAfter = end < words.Length && Punct.BetweenWords(s, end - 1, end, ",");
        if (commaBefore && !commaAfter && end < words.Length)
        {
            var text = s.Block.Text;
            int comma = words[first].Start - 1;
            while (comma > words[first - 1].End && text[comma] != ',') comma--;
            if (text[comma] != ',') return null;
            return RuleContext.Edit(s, comma, words[end - 1].End, "") is { } e ? new[] { e } : null;
        }
        return HedgeRemoval.Remove(s, first, end);
    }

    private void Report(RuleContext ctx, Sentence s, int first, int end)
    {
        var (start, stop) = RuleContext.WordSpan(s, first, end);
        string phrase = RuleContext.WordText(s, first, end);
        var fixes = new List<Fix>();
        if (Removal(s, first, end) is { } edits)
            fixes.Add(new Fix(ctx.FixTitle(Id, new Dictionary<string, string> { ["phrase"] = phrase }), edits, FixKind.MeaningPreserving, Preferred: true));
        ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = phrase }, fixes, phrase);
    }
}
