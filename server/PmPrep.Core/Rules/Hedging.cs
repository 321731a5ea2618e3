using PmPrep.Core.Analysis;
using PmPrep.Core.Model;
using PmPrep.Core.Text;

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

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var words = s.Words;
        foreach (var m in ctx.Lexicon["hedges"].Matches(words))
        {
            if (words[m.Start].InQuote) continue;
            string first = words[m.Start].Lower;
            if ((first is "kind" or "sort") && m.Start > 0 && NounMarkers.Contains(words[m.Start - 1].Lower)) continue;
            if (m.Start > 0 && words[m.Start - 1].Lower is "because" or "since") continue;
            var (start, end) = RuleContext.WordSpan(s, m.Start, m.End);
            string phrase = RuleContext.WordText(s, m.Start, m.End);
            var fixes = new List<Fix>();
            bool tried = phrase.EndsWith(" to", StringComparison.OrdinalIgnoreCase) && first == "i";
            if (tried)
            {
                if (TriedToDid(s, m.Start, m.End) is { } did) fixes.Add(did);
            }
            else if (Remove(s, m.Start, m.End) is { } edit)
            {
                fixes.Add(new Fix(ctx.FixTitle(Id), new[] { edit }, Mechanical: true, Preferred: true));
            }
            ctx.Report(Id, start, end, new Dictionary<string, string> { ["phrase"] = phrase }, fixes, phrase);
        }
    }

    /// <summary>Removes words [first, end) with the space after them; at the sentence start the next word is capitalised.</summary>
    internal static TextEdit? Remove(Sentence s, int first, int end)
    {
        var words = s.Words;
        var text = s.Block.Text;
        int from = words[first].Start, to = words[end - 1].End;
        // "I think that X": drop "that" too.
        if (words[first].Lower is "i" && words[end - 1].Lower is "think" or "guess" && end < words.Length && words[end].Lower == "that")
            to = words[end].End;
        bool commaAfter = to < text.Length && text[to] == ',';
        // ", I think," in the middle: remove the pair of commas with it.
        int before = from;
        while (before > 0 && text[before - 1] == ' ') before--;
        bool commaBefore = before > 0 && text[before - 1] == ',';
        if (commaBefore && commaAfter)
            return RuleContext.Edit(s, before - 1, to + 1, "");
        if (commaAfter) to++;
        while (to < text.Length && text[to] == ' ') to++;
        bool atStart = first == 0 && (s.Tokens.Length == 0 || s.Tokens[0].Start == words[0].Start);
        if (to >= s.End || to >= text.Length)
        {
            // The hedge ends the sentence ("..., maybe."): remove it with the space before it.
            return RuleContext.Edit(s, before, words[end - 1].End, "");
        }
        if (atStart && char.IsLetter(text[to]) && char.IsLower(text[to]))
            return RuleContext.Edit(s, from, to + 1, char.ToUpperInvariant(text[to]).ToString());
        return RuleContext.Edit(s, from, to, "");
    }

    private static Fix? TriedToDid(Sentence s, int first, int end)
    {
        var words = s.Words;
        if (end >= words.Length || words[end].Kind != TokenKind.Word) return null;
        string verb = words[end].Lower;
        string past = PastTense(verb);
        // "I tried to convince" -> "I convinced": replace from the hedge's second word through the verb.
        var edit = RuleContext.Edit(s, words[first + 1].Start, words[end].End, past);
        if (edit is null) return null;
        return new Fix($"Say you did it: \"I {past}\" (only if you did)", new[] { edit });
    }

    private static readonly Dictionary<string, string> IrregularPast = new(StringComparer.Ordinal)
    {
        ["get"] = "got", ["make"] = "made", ["build"] = "built", ["take"] = "took", ["give"] = "gave", ["write"] = "wrote",
        ["drive"] = "drove", ["do"] = "did", ["begin"] = "began", ["show"] = "showed", ["bring"] = "brought", ["buy"] = "bought",
        ["sell"] = "sold", ["tell"] = "told", ["find"] = "found", ["keep"] = "kept", ["hold"] = "held", ["lead"] = "led",
        ["win"] = "won", ["set"] = "set", ["cut"] = "cut", ["run"] = "ran", ["go"] = "went", ["see"] = "saw", ["think"] = "thought",
        ["teach"] = "taught", ["catch"] = "caught", ["fight"] = "fought", ["meet"] = "met", ["send"] = "sent", ["spend"] = "spent",
        ["put"] = "put", ["say"] = "said", ["pay"] = "paid", ["lay"] = "laid", ["understand"] = "understood", ["rewrite"] = "rewrote",
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
