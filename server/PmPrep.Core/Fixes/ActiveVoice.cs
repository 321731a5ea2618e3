using PmPrep.Core.Model;
using PmPrep.Core.Rules;
using PmPrep.Core.Text;

namespace PmPrep.Core.Fixes;

/// <summary>
/// Rewrites the simple agentless passives in active voice with "I":
/// "The decision was made to X" -> "I decided to X"; "It was decided that X" -> "I decided that X";
/// "The feature was launched in March" -> "I launched the feature in March". Anything else gets no fix.
/// </summary>
public static class ActiveVoice
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["chosen"] = "chose", ["taken"] = "took", ["given"] = "gave", ["written"] = "wrote", ["driven"] = "drove",
        ["done"] = "did", ["begun"] = "began", ["shown"] = "showed", ["frozen"] = "froze", ["undertaken"] = "undertook",
        ["sunset"] = "sunset", ["greenlit"] = "greenlit", ["made"] = "made", ["built"] = "built", ["cut"] = "cut",
        ["rebuilt"] = "rebuilt", ["set"] = "set", ["run"] = "ran", ["won"] = "won",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an", "this", "that", "these", "those" };

    public static IReadOnlyList<TextEdit>? Rewrite(Sentence s, int auxAt, int partEnd)
    {
        var w = s.Words;
        if (s.Words.Length == 0 || w[0].InQuote) return null;
        string aux = string.Join(" ", w[auxAt..partEnd].Select(t => t.Lower));
        // Only the plain past: "was/were <participle>", nothing between.
        if (!(w[auxAt].Lower is "was" or "were") || partEnd - auxAt > 3) return null;
        string participle = w[auxAt + 1].Lower;
        if (auxAt + 1 >= partEnd) return null;
        string? particle = partEnd - auxAt == 3 ? w[auxAt + 2].Lower : null;

        // "The decision was made to X" / "A decision was made to X"
        if (auxAt == 2 && w[0].Lower is "the" or "a" && w[1].Lower == "decision" && participle == "made")
            return One(s, w[0].Start, w[auxAt + 1].End, "I decided");
        // "It was decided that X" / "It was agreed to X"
        if (auxAt == 1 && w[0].Lower == "it" && participle is "decided" or "agreed" or "determined")
            return One(s, w[0].Start, w[auxAt + 1].End, "I " + participle);
        // "The feature was launched in March" -> "I launched the feature in March"
        if (auxAt >= 2 && auxAt <= 5 && Determiners.Contains(w[0].Lower) && !HasPunctuationBetween(s, 0, auxAt))
        {
            string subject = s.Block.Text.Substring(w[0].Start, w[auxAt - 1].End - w[0].Start);
            if (w[0].Text.Length > 0 && char.IsUpper(w[0].Text[0]) && !(w[0].Text.Length > 1 && w[0].Text.All(char.IsUpper)))
                subject = char.ToLowerInvariant(subject[0]) + subject[1..];
            string past = Past(participle);
            string verb = particle is null ? past : past + " " + particle;
            return One(s, w[0].Start, w[partEnd - 1].End, $"I {verb} {subject}");
        }
        return null;
    }

    private static bool HasPunctuationBetween(Sentence s, int firstWord, int endWord)
    {
        int a = s.Words[firstWord].Start, b = s.Words[endWord - 1].End;
        foreach (var t in s.Tokens) if (t.Kind == TokenKind.Punct && t.Start >= a && t.End <= b) return true;
        return false;
    }

    internal static string Past(string participle) => Irregular.TryGetValue(participle, out var p) ? p : participle;

    private static IReadOnlyList<TextEdit>? One(Sentence s, int proseStart, int proseEnd, string text)
    {
        var e = RuleContext.Edit(s, proseStart, proseEnd, text);
        return e is null ? null : new[] { e };
    }
}
