using PmPrep.Core.Analysis;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;
using PmPrep.Core.Rules;
using PmPrep.Core.Text;

namespace PmPrep.Core.Fixes;

/// <summary>
/// The "someone else did it" side of the ownership choices: a placeholder names the real actor
/// and, where the candidate does not act in the sentence yet, a second one adds their own part.
/// "We found that returns drove churn." -> "[who] found that returns drove churn, and I [what I did]."
/// "The decision was made to sunset the API." -> "[who] decided to sunset the API."
/// Never applied in bulk: only the author knows who acted (docs/rewrites.md).
/// </summary>
public static class Ownership
{
    public const string Who = "[who]";
    public const string OwnPart = ", and I [what I did]";

    /// <summary>
    /// we-language: replaces the flagged "we" with [who] and appends the candidate's own part
    /// unless "I" already acts in the sentence. Null for "let's" and "our team" (whose first-person
    /// rewrite, "my team", keeps the team as the actor), in block quotes, or where an edit cannot be made cleanly.
    /// </summary>
    public static IReadOnlyList<TextEdit>? NameThem(Sentence s, int weAt)
    {
        if (s.Block.InBlockQuote) return null;
        var words = s.Words;
        if (weAt < 0 || weAt >= words.Length) return null;
        var w = words[weAt];
        string lower = Words.Normalize(w.Lower);
        var edits = new List<TextEdit>();
        switch (lower)
        {
            case "we":
                if (RuleContext.Edit(s, w.Start, w.End, Who) is not { } e1) return null;
                edits.Add(e1);
                break;
            case "we've":
                if (RuleContext.Edit(s, w.Start, w.End, Who + " have") is not { } e2) return null;
                edits.Add(e2);
                break;
            default:
                // "Let's ship it"; "Our team built X": the rewrite to "My team" already keeps the team as the actor.
                return null;
        }
        if (!CandidateActs(s))
        {
            if (Templates.AppendClause(s, OwnPart) is not { } own) return null;
            if (own.Any(o => edits.Any(e => o.Start < e.End && e.Start < o.End))) return null;
            edits.AddRange(own);
        }
        return edits.Count == 0 ? null : edits;
    }

    /// <summary>
    /// passive-ownership: the same rewrite as <see cref="ActiveVoice"/> with [who] as the actor:
    /// "The feature was launched in March" -> "[who] launched the feature in March".
    /// </summary>
    public static IReadOnlyList<TextEdit>? NameThem(IReadOnlyList<TextEdit> mine)
    {
        if (mine.Count != 1 || !mine[0].NewText.StartsWith("I ", StringComparison.Ordinal)) return null;
        var e = mine[0];
        return new[] { new TextEdit(e.Start, e.Length, Who + e.NewText[1..]) };
    }

    /// <summary>True when the new text makes a decision ("I decided", "I made the call"): the title says "decided".</summary>
    public static bool IsDecision(string text)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (DecisionWords.Contains(word.ToLowerInvariant())) return true;
        return false;
    }

    private static readonly HashSet<string> DecisionWords = new(StringComparer.Ordinal)
    { "decided", "decide", "agreed", "determined", "chose", "opted", "vetoed", "decision", "call", "choice", "prioritized", "prioritised" };

    private static bool CandidateActs(Sentence s)
    {
        foreach (var w in s.Words)
            if (!w.InQuote && (w.Text == "I" || Words.Normalize(w.Lower) is "i'm" or "i've" or "i'd" or "i'll")) return true;
        return false;
    }

    /// <summary>Up to <paramref name="max"/> words from word <paramref name="from"/>, with "…" when the sentence goes on: for titles.</summary>
    public static string Preview(Sentence s, int from, int max = 4)
    {
        var words = s.Words;
        if (from >= words.Length) return "";
        int end = Math.Min(words.Length, from + max);
        return RuleContext.WordText(s, from, end) + (end < words.Length ? " …" : "");
    }
}
