using PmPrep.Core.Analysis;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;
using PmPrep.Core.Rules;
using PmPrep.Core.Text;

namespace PmPrep.Core.Fixes;

/// <summary>
/// Removes a hedge so that the sentence stays grammatical: the space and commas around it go with
/// it (", I think," in the middle; ", maybe" at the end; "Hopefully, " at the start, where the next
/// word is capitalised), and "I think that we" loses its "that". No fix where removal would break
/// the sentence: "I think about", "I feel like a fraud", "somewhat of a", a hedge that is the whole
/// sentence, or a line break or markup inside the removed range.
/// "I tried to convince" -> "I convinced" is never removal: it is a separate action the author
/// must confirm, because it claims a success.
/// </summary>
public static class HedgeRemoval
{
    private static readonly HashSet<string> ClauseStarts = new(StringComparer.Ordinal)
    {
        "i", "we", "the", "a", "an", "our", "my", "it", "they", "he", "she", "this", "these", "those", "their", "his", "her",
        "we'd", "we'll", "we're", "we've", "i'd", "i'll", "i'm", "i've", "there", "no", "nobody", "everyone", "most", "some",
    };

    /// <summary>Hedges that frame what the author did or believed: dropping them keeps the claim.</summary>
    private static readonly HashSet<string> Epistemic = new(StringComparer.Ordinal) { "i think", "i guess", "i feel like" };

    /// <summary>
    /// Words that make a sentence a prediction, a hope, a hypothesis or an estimate: a hedge on it
    /// is part of the claim ("I think it will help" is not "It will help").
    /// </summary>
    private static readonly HashSet<string> Uncertain = new(StringComparer.Ordinal)
    {
        "will", "would", "might", "may", "could", "shall", "won't", "wouldn't", "couldn't", "mightn't", "gonna",
        "maybe", "perhaps", "hopefully", "probably", "possibly", "likely", "unlikely", "presumably", "supposedly",
        "hope", "hoped", "hoping", "expect", "expected", "expecting", "wish", "estimate", "estimated", "guess",
        "roughly", "approximately", "nearly", "almost", "somewhat", "if", "unless",
    };

    /// <summary>
    /// Whether removing hedge words [first, end) keeps what the sentence claims. Meaning-preserving:
    /// "I think / I guess / I feel like" in front of a statement of what was done or believed ("I
    /// think I should", "I think that was wrong"). A claim: every hedge on a prediction, a hope, a
    /// condition or an estimate (will, would, might, hopefully, about 20%), maybe, perhaps and
    /// hopefully themselves, and the degree words (kind of, sort of, somewhat, pretty much, more or
    /// less, to some extent): "went kind of well" is not "went well", and "I sort of owned the FAQ"
    /// is not "I owned the FAQ".
    /// </summary>
    public static FixKind KindOf(Sentence s, int first, int end)
    {
        var words = s.Words;
        string hedge = string.Join(" ", words[first..end].Select(w => Words.Normalize(w.Lower)));
        if (!Epistemic.Contains(hedge)) return FixKind.Claim;
        for (int i = 0; i < words.Length; i++)
        {
            if (i >= first && i < end) continue;
            var w = words[i];
            string lower = Words.Normalize(w.Lower);
            if (lower == "may" && i > 0 && w.Text == "May") continue; // the month
            if (Uncertain.Contains(lower)) return FixKind.Claim;
            if (lower.EndsWith("'ll", StringComparison.Ordinal) || lower.EndsWith("'d", StringComparison.Ordinal)) return FixKind.Claim;
            if (lower == "going" && i + 1 < words.Length && words[i + 1].Lower == "to") return FixKind.Claim;
            // "about 20%", "around $2M", "~30": an estimate.
            if (lower is "about" or "around" or "roughly" && i + 1 < words.Length && words[i + 1].Kind == TokenKind.Number) return FixKind.Claim;
            if (w.Kind == TokenKind.Number && w.Text.StartsWith('~')) return FixKind.Claim;
        }
        return FixKind.MeaningPreserving;
    }

    /// <summary>Edits that remove hedge words [first, end) of a sentence, or null when no clean removal exists.</summary>
    public static IReadOnlyList<TextEdit>? Remove(Sentence s, int first, int end)
    {
        if (s.Block.InBlockQuote) return null;
        var words = s.Words;
        var text = s.Block.Text;
        string hedge = string.Join(" ", words[first..end].Select(w => Words.Normalize(w.Lower)));
        string? next = end < words.Length ? words[end].Lower : null;
        switch (hedge)
        {
            case "i think" or "i guess" when next is "about" or "of" or "through" or "over" or "so" or "back" or "ahead" or "big" or "twice" or "differently" or "hard" or "not":
            case "i feel like" when next is null or "a" or "an" or "it" or "that" or "crying" or "giving":
            case "somewhat" when next is "of":
            case "maybe" or "perhaps" when first > 0 && words[first - 1].Lower is "a" or "the" or "big":
                return null;
        }
        int restFirst = end;
        int from = words[first].Start, to = words[end - 1].End;
        // "I think that we should" -> "We should"; but "I think that was wrong" -> "That was wrong".
        if (hedge is "i think" or "i guess" or "i feel like" && next == "that" && end + 1 < words.Length && ClauseStarts.Contains(Words.Normalize(words[end + 1].Lower)))
        {
            to = words[end].End;
            restFirst = end + 1;
        }
        // The sentence must keep words of its own.
        if (words.Length - (restFirst - first) < 2) return null;

        int before = from;
        while (before > 0 && text[before - 1] == ' ') before--;
        bool commaBefore = before > s.Start && text[before - 1] == ',';
        bool commaAfter = to < text.Length && text[to] == ',';
        bool atStart = first == 0; // after a leading emoji or bracket too: "(Maybe we" -> "(We"
        bool atEnd = restFirst >= words.Length;

        if (atEnd)
        {
            // "We shipped it, I think." -> "We shipped it."  /  "We shipped it maybe." -> "We shipped it."
            int cut = commaBefore ? before - 1 : before;
            if (cut == before && before == from) return null;
            return One(s, cut, to, "");
        }
        if (!atStart && commaBefore && commaAfter)
            return One(s, before - 1, to + 1, ""); // "The launch, I think, was late" -> "The launch was late"
        if (commaAfter) to++;
        int rest = to;
        while (rest < text.Length && text[rest] == ' ') rest++;
        if (rest == to && !commaAfter && rest < text.Length) return null; // not followed by a space: markup or a line break
        var edits = new List<TextEdit>();
        var removal = RuleContext.Edit(s, from, rest, "");
        if (removal is null) return null;
        edits.Add(removal);
        if (atStart)
        {
            var w = words[restFirst];
            // Capitalise the new first word, unless it is "iOS"-like.
            if (w.Start == rest && char.IsLower(w.Text[0]) && !w.Text.Skip(1).Any(char.IsUpper))
            {
                var cap = RuleContext.Edit(s, w.Start, w.Start + 1, char.ToUpperInvariant(w.Text[0]).ToString());
                if (cap is null) return null;
                edits.Add(cap);
            }
            else if (w.Start != rest) return null;
        }
        return edits;
    }

    private static IReadOnlyList<TextEdit>? One(Sentence s, int from, int to, string text) =>
        RuleContext.Edit(s, from, to, text) is { } e ? new[] { e } : null;

    /// <summary>"I tried to convince legal" -> "I convinced legal": a separate action, titled so the author confirms it.</summary>
    public static Fix? TriedToDid(Sentence s, int first, int end, RuleContext ctx)
    {
        var words = s.Words;
        if (s.Block.InBlockQuote) return null;
        if (end >= words.Length || words[end].Kind != TokenKind.Word || words[end].InQuote) return null;
        string verb = Words.Normalize(words[end].Lower);
        if (verb.EndsWith("ly", StringComparison.Ordinal) || verb is "not" or "never" or "also" or "really" or "get" && end + 1 < words.Length && words[end + 1].Lower is "to")
            return null;
        if (!verb.All(char.IsLetter)) return null;
        string past = PastTense(verb);
        // Keep the author's capitals on the verb ("I tried to Ship It" stays theirs).
        if (char.IsUpper(words[end].Text[0])) return null;
        var edit = RuleContext.Edit(s, words[first + 1].Start, words[end].End, past);
        if (edit is null) return null;
        return new Fix(ctx.FixTitle("hedging", "tried", new Dictionary<string, string> { ["past"] = past }), new[] { edit });
    }

    private static readonly Dictionary<string, string> IrregularPast = new(StringComparer.Ordinal)
    {
        ["get"] = "got", ["make"] = "made", ["build"] = "built", ["take"] = "took", ["give"] = "gave", ["write"] = "wrote",
        ["drive"] = "drove", ["do"] = "did", ["begin"] = "began", ["show"] = "showed", ["bring"] = "brought", ["buy"] = "bought",
        ["sell"] = "sold", ["tell"] = "told", ["find"] = "found", ["keep"] = "kept", ["hold"] = "held", ["lead"] = "led",
        ["win"] = "won", ["set"] = "set", ["cut"] = "cut", ["run"] = "ran", ["go"] = "went", ["see"] = "saw", ["think"] = "thought",
        ["teach"] = "taught", ["catch"] = "caught", ["fight"] = "fought", ["meet"] = "met", ["send"] = "sent", ["spend"] = "spent",
        ["put"] = "put", ["say"] = "said", ["pay"] = "paid", ["lay"] = "laid", ["understand"] = "understood", ["rewrite"] = "rewrote",
        ["be"] = "was", ["have"] = "had", ["choose"] = "chose", ["speak"] = "spoke", ["grow"] = "grew", ["know"] = "knew",
        ["rise"] = "rose", ["stand"] = "stood", ["hire"] = "hired", ["seek"] = "sought", ["feel"] = "felt", ["leave"] = "left",
        ["lose"] = "lost", ["shut"] = "shut", ["split"] = "split", ["quit"] = "quit", ["sit"] = "sat", ["steal"] = "stole",
        ["open"] = "opened", ["edit"] = "edited", ["visit"] = "visited", ["limit"] = "limited", ["offer"] = "offered",
        ["commit"] = "committed", ["admit"] = "admitted", ["submit"] = "submitted", ["control"] = "controlled", ["refer"] = "referred",
        ["prefer"] = "preferred", ["occur"] = "occurred", ["transfer"] = "transferred", ["omit"] = "omitted", ["permit"] = "permitted",
        ["fix"] = "fixed", ["mix"] = "mixed", ["focus"] = "focused", ["unblock"] = "unblocked", ["rebuild"] = "rebuilt",
        ["forecast"] = "forecast", ["broadcast"] = "broadcast", ["overcome"] = "overcame", ["undo"] = "undid", ["upset"] = "upset",
    };


    internal static string PastTense(string verb)
    {
        if (IrregularPast.TryGetValue(verb, out var p)) return p;
        if (verb.EndsWith('e')) return verb + "d";
        if (verb.EndsWith('y') && verb.Length > 2 && !"aeiou".Contains(verb[^2])) return verb[..^1] + "ied";
        if (verb.Length >= 3 && verb.Length <= 4 && !"aeiouwxy".Contains(verb[^1]) && "aeiou".Contains(verb[^2]) && !"aeiou".Contains(verb[^3]))
            return verb + verb[^1] + "ed"; // stop -> stopped, plan -> planned
        return verb + "ed";
    }
}
