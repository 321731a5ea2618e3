using PmPrep.Core.Catalog;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;
using PmPrep.Core.Rules;

namespace PmPrep.Core.Analysis;

/// <summary>
/// Parts for a story with no headings (a spoken answer pasted as one block), inferred from what the
/// sentences say: the candidate's first decision, or first act with a lemma from `action-lemmas`
/// ("I analyzed", "I proposed"; not "I was managing", "I noticed"), starts Decision; the first outcome after it (a claimed result, or a change with a
/// number) starts Impact; the first reflection cue after the Decision starts Reflection; what comes
/// before the Decision is Context. Parts split at sentence boundaries. With no decision or action
/// of the candidate's, the story stays one part. Inferred parts carry <see cref="Part.Inferred"/>.
/// </summary>
public static class PartInference
{
    internal static void Infer(StoryDocument doc, StoryReading reading, Lexicon lex)
    {
        if (doc.HasParts || doc.Parts.Count != 1 || doc.Parts[0].Kind != PartKind.Whole) return;
        var sentences = doc.Sentences;
        if (sentences.Count < 2) return;
        int decision = FirstDecision(doc, reading, lex);
        if (decision < 0) return;
        int reflection = -1;
        for (int i = decision + 1; i < sentences.Count && reflection < 0; i++)
            if (IsReflection(sentences[i], reading.Of(sentences[i]), lex)) reflection = i;
        int stop = reflection >= 0 ? reflection : sentences.Count;
        int impact = -1;
        for (int i = decision + 1; i < stop && impact < 0; i++)
            if (IsOutcome(sentences[i], reading.Of(sentences[i]), lex)) impact = i;

        var whole = doc.Parts[0];
        var parts = new List<Part>();
        void Add(PartKind kind, int from, int to)
        {
            if (from < 0 || to <= from) return;
            int start = parts.Count == 0 ? whole.SourceStart : sentences[from].SourceStart;
            var p = new Part(kind, kind + " (inferred)", null, start) { Inferred = true };
            if (parts.Count > 0) parts[^1].SourceEnd = start;
            for (int i = from; i < to; i++)
            {
                var s = sentences[i];
                s.Part = p;
                p.Sentences.Add(s);
                foreach (var t in s.Tokens) if (t.IsWordLike) p.Words++;
            }
            parts.Add(p);
        }
        int decisionEnd = impact >= 0 ? impact : stop;
        Add(PartKind.Context, 0, decision);
        Add(PartKind.Decision, decision, decisionEnd);
        if (impact >= 0) Add(PartKind.Impact, impact, stop);
        if (reflection >= 0) Add(PartKind.Reflection, reflection, sentences.Count);
        parts[^1].SourceEnd = whole.SourceEnd;
        doc.Parts.Clear();
        doc.Parts.AddRange(parts);
        doc.PartsInferred = true;
    }

    private static int FirstDecision(StoryDocument doc, StoryReading reading, Lexicon lex)
    {
        var actions = lex.Set("action-lemmas");
        var decisions = lex.Set("decision-lemmas");
        for (int i = 0; i < doc.Sentences.Count; i++)
        {
            var s = doc.Sentences[i];
            foreach (var c in reading.Of(s))
            {
                if (!c.ByCandidate) continue;
                if (MissingBecause.IsDecision(c, lex)) return i;
                if (!c.IsCandidateAct || c.Voice == Voice.Passive || c.Lemma is null) continue;
                // "I had to make the decision to postpone", "I made the call".
                if (c.Then is { } then && decisions.Contains(then)) return i;
                if (c.Lemma == "make" && c.VerbAt + 3 < s.Words.Length + 1 && MakesDecision(s, c)) return i;
                if (actions.Contains(c.Lemma)) return i;
            }
        }
        return -1;
    }

    private static bool MakesDecision(Sentence s, Clause c)
    {
        for (int k = c.VerbAt + 1; k < c.End && k <= c.VerbAt + 3; k++)
            if (s.Words[k].Lower is "decision" or "call" or "choice") return true;
        return false;
    }

    /// <summary>A claimed outcome: an outcome verb or noun, or a change with a number.</summary>
    internal static bool IsOutcome(Sentence s, Clause[] clauses, Lexicon lex)
    {
        IReadOnlyList<Patterns.PhraseMatch<string>>? phrases = null;
        foreach (var c in clauses)
        {
            if (c.Quoted || c.Mood is not (Mood.Did)) continue;
            if (VagueOutcome.FindClaim(c, lex, phrases ??= lex["vague-outcomes"].Matches(s.Words)) is not null) return true;
        }
        bool measure = false;
        foreach (var w in s.Words) if (MetricWithoutContext.IsMeasure(w)) { measure = true; break; }
        return measure && lex["change-words"].Any(s.Words);
    }

    /// <summary>
    /// A reflection: a cue from `reflection-cues` ("looking back", "in retrospect", "this experience
    /// taught me"), a sentence that opens with "going forward" / "moving forward" / "from then on",
    /// or the candidate learning ("I learned", "Also learned the importance of ...").
    /// </summary>
    public static bool IsReflection(Sentence s, Clause[] clauses, Lexicon lex)
    {
        if (lex["reflection-cues"].Any(s.Words)) return true;
        var openers = lex["reflection-openers"];
        if (s.Words.Length > 0 && openers.LongestAt(s.Words, 0) > 0) return true;
        foreach (var c in clauses)
            if (c.ByCandidate && c.Lemma == "learn" && c.IsFact && !c.Negated) return true;
        return false;
    }
}
