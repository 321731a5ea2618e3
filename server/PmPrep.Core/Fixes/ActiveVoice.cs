using PmPrep.Core.Catalog;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;
using PmPrep.Core.Rules;
using PmPrep.Core.Text;

namespace PmPrep.Core.Fixes;

/// <summary>
/// Rewrites the simple agentless passives in active voice with "I":
/// "The decision was made to X" -> "I decided to X"; "It was decided that X" -> "I decided that X";
/// "The feature was launched in March" -> "I launched the feature in March"; "It was paused" ->
/// "I paused it"; "The pilot was quickly rolled out" -> "I quickly rolled out the pilot".
/// Only "was/were + participle" with a short subject that starts the sentence and is a plain noun
/// phrase (a determiner first, no comma, no relative clause). Anything else gets no fix:
/// coordinated passives ("was designed and launched"), "was made to" with a person as subject,
/// approvals (someone else approves), markup inside the phrase, quotes and block quotes.
/// </summary>
public static class ActiveVoice
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["chosen"] = "chose", ["taken"] = "took", ["given"] = "gave", ["written"] = "wrote", ["driven"] = "drove",
        ["done"] = "did", ["begun"] = "began", ["shown"] = "showed", ["frozen"] = "froze", ["undertaken"] = "undertook",
        ["sunset"] = "sunset", ["made"] = "made", ["built"] = "built", ["cut"] = "cut",
        ["rebuilt"] = "rebuilt", ["set"] = "set", ["run"] = "ran", ["won"] = "won", ["rewritten"] = "rewrote", ["sold"] = "sold",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an", "this", "that", "these", "those" };

    /// <summary>Pronoun subjects and their object forms: "It was paused" -> "I paused it".</summary>
    private static readonly Dictionary<string, string> Pronouns = new(StringComparer.Ordinal)
    {
        ["it"] = "it", ["this"] = "this", ["that"] = "that", ["they"] = "them", ["these"] = "these", ["those"] = "those",
    };

    /// <summary>Someone else usually does these: "I approved the budget" would claim too much.</summary>
    private static readonly HashSet<string> NotTheCandidates = new(StringComparer.Ordinal) { "approved", "greenlit", "greenlighted" };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "out", "back", "off", "up", "down" };

    public static IReadOnlyList<TextEdit>? Rewrite(Sentence s, int auxAt, int partEnd, Lexicon lex)
    {
        var w = s.Words;
        if (w.Length == 0 || s.Block.InBlockQuote || auxAt < 1 || partEnd > w.Length) return null;
        for (int k = 0; k < partEnd; k++) if (w[k].InQuote) return null;
        // Only the plain past: "was/were [adverbs] <participle> [particle]".
        if (w[auxAt].Lower is not ("was" or "were")) return null;
        // "..., but in the end it was decided to launch in phases": "it" is a dummy subject anywhere.
        if (auxAt > 1 && w[auxAt - 1].Lower == "it" && partEnd == auxAt + 2 && w[auxAt + 1].Lower is "decided" or "agreed" or "determined"
            && partEnd < w.Length && w[partEnd].Lower is "that" or "to")
            return One(s, w[auxAt - 1].Start, w[partEnd - 1].End, "I " + w[auxAt + 1].Lower);
        // Nothing but words before the subject: no leading quote, bracket or list of clauses.
        foreach (var t in s.Tokens)
        {
            if (t.Start >= w[0].Start) break;
            if (!char.IsSurrogate(t.Text[0])) return null; // an emoji before the subject is fine
        }
        int partAt = Words.SkipAdverbs(w, auxAt + 1, lex);
        if (partAt >= partEnd) return null;
        string? particle = null;
        if (partEnd - partAt == 2 && Particles.Contains(w[partAt + 1].Lower)) particle = w[partAt + 1].Text;
        else if (partEnd - partAt != 1) return null;
        string participle = w[partAt].Lower;
        if (NotTheCandidates.Contains(participle)) return null;
        string adverbs = partAt > auxAt + 1 ? RuleContext.WordText(s, auxAt + 1, partAt) + " " : "";
        if (HasPunctuationBetween(s, 0, partEnd)) return null;
        if (CoordinatedPassive(s, partEnd, lex)) return null;
        bool followedByTo = partEnd < w.Length && w[partEnd].Lower == "to";

        // "The decision was made to X" / "A decision was made to X" -> "I decided to X"
        if (auxAt == 2 && w[0].Lower is "the" or "a" && w[1].Lower == "decision" && participle == "made")
            return One(s, w[0].Start, w[partEnd - 1].End, $"I {adverbs}decided");
        // "It was decided that X" / "It was agreed to X" -> "I decided that X"
        if (auxAt == 1 && w[0].Lower == "it" && participle is "decided" or "agreed" or "determined")
            return partEnd == w.Length || w[partEnd].Lower is "that" or "to" or "on" or "in" or "at" or "during" or "after"
                ? One(s, w[0].Start, w[partEnd - 1].End, $"I {adverbs}{participle}")
                : null;
        // "They were made to wait" -> no: "made" + "to" says someone was forced.
        if (participle == "made" && followedByTo && !(auxAt == 2 && w[1].Lower is "call" or "choice")) return null;
        // "The price was decided on in March": a prepositional verb; moving the subject strands "on".
        if (participle is "decided" or "agreed" or "settled" && partEnd < w.Length && w[partEnd].Lower is "on" or "upon" or "with") return null;
        string verb = Past(participle) + (particle is null ? "" : " " + particle);
        // "It was paused in March" -> "I paused it in March"
        if (auxAt == 1 && Pronouns.TryGetValue(w[0].Lower, out var obj))
        {
            if (w[0].Lower == "it" && followedByTo) return null; // "it was decided to ..." handled above; "it was planned to" is not a thing to move
            return One(s, w[0].Start, w[partEnd - 1].End, $"I {adverbs}{verb} {obj}");
        }
        // "The feature was launched in March" -> "I launched the feature in March"
        if (auxAt >= 2 && auxAt <= 5 && Determiners.Contains(w[0].Lower))
        {
            for (int k = 1; k < auxAt; k++)
                if (w[k].Lower is "that" or "which" or "who" or "whom" or "whose" or "i" or "we" or "and" or "or" || w[k].Kind == TokenKind.Number && k == auxAt - 1)
                    return null;
            string subject = s.Block.Text.Substring(w[0].Start, w[auxAt - 1].End - w[0].Start);
            if (!(w[0].Text.Length > 1 && w[0].Text.All(char.IsUpper)))
                subject = char.ToLowerInvariant(subject[0]) + subject[1..];
            return One(s, w[0].Start, w[partEnd - 1].End, $"I {adverbs}{verb} {subject}");
        }
        return null;
    }

    /// <summary>"was designed and launched", "was built, tested and shipped": more than one passive; no clean rewrite.</summary>
    private static bool CoordinatedPassive(Sentence s, int partEnd, Lexicon lex)
    {
        var w = s.Words;
        int k = partEnd;
        if (k < w.Length && w[k].Lower is "and" or "or" or "but" or "then" or "yet") k++;
        else if (!(k < w.Length && HasPunctuationBetween(s, k - 1, k + 1))) return false;
        k = Words.SkipAdverbs(w, k, lex);
        if (k >= w.Length) return false;
        string x = w[k].Lower;
        return x.EndsWith("ed", StringComparison.Ordinal) || Irregular.ContainsKey(x) || lex["passive-participles"].LongestAt(w, k) > 0
               || x is "was" or "were" or "got";
    }

    private static bool HasPunctuationBetween(Sentence s, int firstWord, int endWord)
    {
        int a = s.Words[firstWord].Start, b = s.Words[Math.Min(endWord, s.Words.Length) - 1].End;
        if (endWord >= s.Words.Length && endWord - 1 == firstWord) return false;
        return Punct.Between(s, a, b);
    }

    internal static string Past(string participle) => Irregular.TryGetValue(participle, out var p) ? p : participle;

    private static IReadOnlyList<TextEdit>? One(Sentence s, int proseStart, int proseEnd, string text)
    {
        var e = RuleContext.Edit(s, proseStart, proseEnd, text);
        return e is null ? null : new[] { e };
    }
}
