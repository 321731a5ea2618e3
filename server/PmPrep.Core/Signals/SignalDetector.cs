using PmPrep.Core.Catalog;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;
using PmPrep.Core.Rules;

namespace PmPrep.Core.Signals;

/// <summary>
/// Matches every principle's cues against every sentence, and keeps a match as evidence only where
/// the clause reader says the candidate did it: the cue's clause has the candidate as its actor (I,
/// or the implied I of a bullet), reports what was done (not would, will or planned, not negated),
/// stands outside quotes and reported speech, and the sentence does not name-drop a principle. Topic
/// words, scale stated as context, a metric's window, other people's acts ("Leadership wanted")
/// and a push the candidate lost are therefore not evidence.
/// </summary>
public static class SignalDetector
{
    public static List<LpSignal> Detect(StoryDocument doc, Lexicon lex, StoryReading reading)
    {
        var signals = new List<LpSignal>();
        foreach (var s in doc.Sentences)
        {
            var clauses = reading.Of(s);
            if (clauses.Length == 0) continue;
            bool nameDrop = LpNameDrop.NamesAPrinciple(s);
            // A principle claimed as a trait ("I'm naturally curious, so I read ..."): the claim is no evidence, the act after it may be.
            var trait = LpNameDrop.TraitClaim(s, clauses, lex);
            bool lostPush = PushWasLost(s, clauses, reading, lex);
            foreach (var m in lex.Cues.Matches(s.Words))
            {
                if (nameDrop) break;
                if (trait is var (ts, te) && m.Start < te && m.End > ts) continue;
                var clause = CueClause(clauses, m.Start, m.End);
                // Deliver Results is shown by the measured result itself ("returns fell from 12% to 7%"), whoever
                // the clause's subject is; every other principle needs the candidate's own act.
                // Think Big likewise by leverage that happened ("the gate was adopted by 12 teams"): its strong cues only.
                bool measured = (m.Tag.Principle.Key == "deliver-results" || m.Tag.Principle.Key == "think-big" && m.Tag.Cue.Strong)
                                && clause is not null && IsMeasuredResult(clause, m.Start);
                if (clause is null || !(IsEvidence(clause, m.Start) || measured)) continue;
                if (lostPush && m.Tag.Principle.Key == "have-backbone-disagree-and-commit") continue;
                var (start, end) = Span(s, m.Start, m.End);
                signals.Add(new LpSignal(m.Tag.Principle, m.Tag.Cue.Reason, m.Tag.Cue.Pattern, m.Tag.Cue.Strong, start, end, doc.RangeOf(start, end), doc.Text[start..end]));
            }
            // Acts: what the candidate did, matched from the verb's lemma ("took the initiative to research" -> take, research).
            if (!nameDrop)
                foreach (var c in clauses)
                {
                    if (!IsEvidence(c, c.VerbAt)) continue;
                    MatchActs(doc, s, c, c.VerbAt, c.Lemma, lex, signals);
                    if (c.ThenAt > c.VerbAt && c.Then is not null) MatchActs(doc, s, c, c.ThenAt, c.Then, lex, signals);
                }
            foreach (var m in lex.Ownership.Matches(s.Words))
            {
                if (s.Words[m.Start].InQuote) continue;
                var clause = CueClause(clauses, m.Start, m.End);
                if (clause is null || !IsEvidence(clause, m.Start)) continue;
                var (start, end) = Span(s, m.Start, m.End);
                signals.Add(new LpSignal(null, m.Tag.Reason, m.Tag.Pattern, true, start, end, doc.RangeOf(start, end), doc.Text[start..end]));
            }
        }
        // One signal per principle per place: overlapping cues of the same principle collapse.
        signals.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End != b.End ? b.End.CompareTo(a.End) : b.Strong.CompareTo(a.Strong));
        var result = new List<LpSignal>(signals.Count);
        foreach (var sig in signals)
        {
            bool dup = false;
            for (int k = result.Count - 1; k >= 0 && result[k].End > sig.Start; k--)
                if (result[k].Principle == sig.Principle && result[k].Start <= sig.Start && result[k].End >= sig.End) { dup = true; break; }
            if (!dup) result.Add(sig);
        }
        return result;
    }

    private static void MatchActs(StoryDocument doc, Sentence s, Clause c, int verbAt, string? lemma, Lexicon lex, List<LpSignal> signals)
    {
        if (lemma is null || verbAt < c.First || verbAt >= c.End) return;
        var words = s.Words;
        int n = Math.Min(c.End, verbAt + 12) - verbAt;
        var tokens = new Token[n];
        var v = words[verbAt];
        tokens[0] = new Token(v.Start, v.End, TokenKind.Word, lemma, false);
        for (int k = 1; k < n; k++) tokens[k] = words[verbAt + k];
        foreach (var m in lex.Acts.Matches(tokens))
        {
            if (m.Start != 0) continue;
            int end = verbAt + m.End;
            var (start, stop) = Span(s, verbAt, end);
            signals.Add(new LpSignal(m.Tag.Principle, m.Tag.Cue.Reason, m.Tag.Cue.Pattern, m.Tag.Cue.Strong, start, stop, doc.RangeOf(start, stop), doc.Text[start..stop]));
        }
    }

    /// <summary>The clause that holds most of words [start, end): a cue that starts with "I" belongs to its verb's clause.</summary>
    /// <summary>
    /// The clause a cue is judged in: its own, except that a cue which is itself the alternative
    /// turned down ("instead of hiring two agents", "rather than increasing capacity") belongs to the
    /// choice it was turned down for, the clause before. A cue inside that alternative ("instead of
    /// waiting for the full data" matched at "full data") stays in its own, subjectless clause, and
    /// is no act of the candidate's.
    /// </summary>
    private static Clause? CueClause(Clause[] clauses, int start, int end)
    {
        var clause = ClauseOf(clauses, start, end);
        return clause is { Link: Link.RatherThan, Previous: { } chosen } && start == clause.First ? chosen : clause;
    }

    private static Clause? ClauseOf(Clause[] clauses, int start, int end)
    {
        int probe = Math.Min(end - 1, start + 1);
        foreach (var c in clauses) if (c.Contains(probe)) return c;
        foreach (var c in clauses) if (c.Contains(start)) return c;
        return null;
    }

    /// <summary>The candidate did it: their clause, a fact, not negated, not speech.</summary>
    internal static bool IsEvidence(Clause c, int word) =>
        c.ByCandidate && c.Mood == Mood.Did && !c.Negated && !c.Quoted && !c.Reported && c.VerbAt >= 0 && !c.Sentence.Words[word].InQuote;

    private static bool IsMeasuredResult(Clause c, int word) =>
        c.Mood == Mood.Did && !c.Quoted && !c.Reported && c.Actor is Actor.Thing or Actor.Nobody or Actor.We or Actor.Team && !c.Sentence.Words[word].InQuote;

    /// <summary>"I pushed back, but the VP overruled me": a push the candidate lost shows no Backbone.</summary>
    private static bool PushWasLost(Sentence s, Clause[] clauses, StoryReading reading, Lexicon lex)
    {
        var lost = lex.Set("lost-push-lemmas");
        foreach (var c in clauses) if (c.Actor is Actor.Other or Actor.Nobody && c.Lemma is { } l && lost.Contains(l)) return true;
        if (s.Next is { } n) foreach (var c in reading.Of(n)) if (c.Actor is Actor.Other && c.Lemma is { } l && lost.Contains(l)) return true;
        return false;
    }

    internal static (int Start, int End) Span(Sentence s, int firstWord, int endWord) =>
        (s.Block.ToSource(s.Words[firstWord].Start), s.Block.ToSourceEnd(s.Words[endWord - 1].End));
}
