using System.Text;
using PmPrep.Core.Catalog;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;
using PmPrep.Core.Rules;

namespace PmPrep.Core.Analysis;

/// <summary>One decision clause of a story and whose it is ("yours", "the committee's", "nobody's").</summary>
public sealed record StoryDecision(Clause Clause, bool Yours, string Owner);

/// <summary>
/// The story's decisions counted by owner: the one count that no-own-decision's message and the
/// title code lens both show ("3 decisions: 0 yours, 1 the committee's, 2 nobody's").
/// </summary>
public sealed record DecisionCount(IReadOnlyList<StoryDecision> Decisions)
{
    public int Total => Decisions.Count;
    public int Yours => Decisions.Count(d => d.Yours);

    /// <summary>Owners other than the candidate, in order of first appearance, with their counts.</summary>
    public IReadOnlyList<(string Owner, int Count)> Others =>
        Decisions.Where(d => !d.Yours).GroupBy(d => d.Owner, StringComparer.OrdinalIgnoreCase).Select(g => (g.First().Owner, g.Count())).ToList();

    /// <summary>"3 decisions: 0 yours, 1 the committee's, 2 nobody's".</summary>
    public string Summary
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append(Total).Append(Total == 1 ? " decision: " : " decisions: ").Append(Yours).Append(" yours");
            foreach (var (owner, n) in Others) sb.Append(", ").Append(n).Append(' ').Append(owner);
            return sb.ToString();
        }
    }

    /// <summary>For the title code lens: "decisions: 1 of 3 yours".</summary>
    public string Lens => $"decisions: {Yours} of {Total} yours";

    public static readonly DecisionCount None = new(Array.Empty<StoryDecision>());
}

/// <summary>Finds a story's decision clauses (any actor) and names their owners.</summary>
public static class Decisions
{
    public static DecisionCount Count(StoryDocument doc, StoryReading reading, Lexicon lex)
    {
        var list = new List<StoryDecision>();
        var resultCapable = lex.Set("result-capable-decisions");
        foreach (var s in doc.Sentences)
            foreach (var c in reading.Of(s))
            {
                // Things do not decide ("traffic dropped"), and someone else's "cut" or "drop" is an
                // event ("small sellers' listings were dropping off page one"), not their call.
                if (c.Actor is Actor.Thing or Actor.Unknown) continue;
                if (c.Actor is Actor.Other or Actor.Team && c.Lemma is { } l && resultCapable.Contains(l)) continue;
                if (!MissingBecause.IsDecision(c, lex)) continue;
                bool yours = c.Actor is Actor.I or Actor.ImpliedI;
                list.Add(new StoryDecision(c, yours, yours ? "yours" : OwnerOf(c)));
            }
        return list.Count == 0 ? DecisionCount.None : new DecisionCount(list);
    }

    /// <summary>"the team's", "my director's", "Legal's", "nobody's".</summary>
    internal static string OwnerOf(Clause c)
    {
        switch (c.Actor)
        {
            case Actor.We: return "the team's";
            case Actor.Nobody: return "nobody's";
            case Actor.Team or Actor.Other:
                var subject = SubjectText(c);
                if (subject is null) return c.Actor == Actor.Team ? "the team's" : "someone else's";
                return Possessive(subject);
            default: return "someone else's";
        }
    }

    private static string? SubjectText(Clause c)
    {
        for (var k = c; k is not null; k = k.Previous)
        {
            if (k.SubjectFirst >= 0 && k.SubjectEnd > k.SubjectFirst && !k.SubjectShared)
            {
                var words = k.Sentence.Words;
                int first = k.SubjectFirst, end = Math.Min(k.SubjectEnd, first + 4);
                var text = k.Sentence.Block.Text.Substring(words[first].Start, words[end - 1].End - words[first].Start);
                // Lower-case a sentence-initial article or possessive ("The committee" -> "the committee"), keep names ("Legal").
                var firstWord = words[first].Lower;
                if (first == 0 && firstWord is "the" or "my" or "our" or "his" or "her" or "their" or "a" or "an" or "this" or "that")
                    text = char.ToLowerInvariant(text[0]) + text[1..];
                return text;
            }
            if (!k.SubjectShared) break;
        }
        return null;
    }

    internal static string Possessive(string subject) => subject.ToLowerInvariant() switch
    {
        "he" => "his",
        "she" => "hers",
        "they" => "theirs",
        "it" => "its",
        _ when subject.EndsWith("'s", StringComparison.Ordinal) || subject.EndsWith("\u2019s", StringComparison.Ordinal) => subject,
        _ when subject.EndsWith('s') && !subject.EndsWith("ss", StringComparison.Ordinal) => subject + "'",
        _ => subject + "'s",
    };
}
