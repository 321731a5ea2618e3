using PmPrep.Core.Catalog;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Rules;

/// <summary>
/// vague-outcome: an outcome claimed with no number in its own clause (or its own conjunct:
/// "a 40% lift in sign-ups and a significant increase in retention" flags the second). Read from
/// clauses: an outcome verb ("adoption grew exponentially", "stakeholder confidence increased",
/// "reduced confusion"), an outcome noun that is claimed ("we saw a significant increase", "leading
/// to long-term improvements"), a vague amount ("saved the company millions", "lots of customers")
/// or a success phrase ("a big success", "results were great"). Plans, purposes ("to reduce
/// churn"), quotes and decisions ("lowered the price") are not claims.
/// </summary>
public sealed class VagueOutcome : SentenceRule
{
    public override string Id => "vague-outcome";

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var words = s.Words;
        var lex = ctx.Lexicon;
        var clauses = ctx.Reading.Of(s);
        IReadOnlyList<Patterns.PhraseMatch<string>>? phrases = null; // the success phrases, matched once per sentence
        foreach (var c in clauses)
        {
            if (c.Quoted || c.Reported || c.Mood is Mood.Will or Mood.Planned or Mood.Conditional or Mood.Could) continue;
            if (c.Link is Link.SoThat or Link.Purpose or Link.If or Link.Unless || c.IsRationale) continue; // "because they optimized for CTR": a reason, not a claim
            var hit = FindClaim(c, lex, phrases ??= lex["vague-outcomes"].Matches(words));
            if (hit is null) continue;
            var (from, to) = hit.Value;
            if (HasMeasure(words, Conjunct(s, c, from, to))) continue;
            // "It was a success: contacts fell from 4.1 to 2.6": the measure follows a colon or a dash.
            if (c.Index + 1 < clauses.Length && c.End < words.Length && Punct.BetweenWords(s, c.End - 1, c.End, ":", "\u2014", "\u2013")
                && HasMeasure(words, (clauses[c.Index + 1].First, clauses[c.Index + 1].End))) continue;
            var (start, end) = RuleContext.WordSpan(s, from, to);
            string phrase = RuleContext.WordText(s, from, to);
            ctx.Report(Id, start, end, new Dictionary<string, string> { ["phrase"] = phrase }, null, phrase);
            return;
        }
    }

    /// <summary>Word range of the first outcome claim in the clause, or null.</summary>
    internal static (int, int)? FindClaim(Clause c, Lexicon lex, IReadOnlyList<Patterns.PhraseMatch<string>> phrases)
    {
        var words = c.Sentence.Words;
        // A success phrase from the list: "a big success", "everyone was happy".
        foreach (var m in phrases)
            if (m.Start >= c.First && m.Start < c.End && !words[m.Start].InQuote) return (m.Start, Math.Min(m.End, c.End));
        if (Praise(c, lex) is { } praise) return praise;
        if (Performance(c, lex) is { } performance) return performance;
        var outcomes = lex.Set("outcome-lemmas");
        var nouns = lex.Set("outcome-nouns");
        var claims = lex.Set("outcome-claim-lemmas");
        var amounts = lex["vague-amounts"];
        // "led to improvements" claims; "led the review of breach impact" does not: "lead" and "result" claim only with their preposition.
        bool claimVerb = c.Lemma is { } cl && (claims.Contains(cl) || outcomes.Contains(cl))
                         && !(cl is "lead" or "result" && !(c.VerbAt >= 0 && c.VerbAt + 1 < c.End && words[c.VerbAt + 1].Lower is "to" or "in" or "into"));
        // A phrasal outcome verb: "revenue went up significantly", "costs went down".
        if (c.Lemma is { } pl && c.Particle is { } pp && outcomes.Contains(pl + " " + pp) && c.VerbAt >= 0 && c.VerbAt + 1 < c.End
            && !words[c.VerbAt].InQuote && (c.VerbAt == 0 || Words.Normalize(words[c.VerbAt - 1].Lower) is not ("to" or "the" or "a")))
            return (c.VerbAt, c.VerbAt + 2);
        for (int k = c.First; k < c.End; k++)
        {
            var t = words[k];
            if (t.Kind != TokenKind.Word || t.InQuote) continue;
            string w = Words.Normalize(t.Lower);
            string prev = k > 0 ? Words.Normalize(words[k - 1].Lower) : "";
            // An outcome verb: "grew", "improved", "is improving", and "helped improve".
            var form = WordNet.VerbFormOf(w);
            if (form != VerbForm.None && WordNet.VerbLemma(w) is { } lemma && outcomes.Contains(lemma) && prev is not ("to" or "the" or "a" or "an" or "our" or "my" or "this" or "that"))
            {
                bool finite = form is VerbForm.Past or VerbForm.PastOrParticiple or VerbForm.Gerund or VerbForm.ThirdPerson
                              || (form == VerbForm.Base && prev is "help" or "helped" or "helping" or "helps");
                if (finite && !(form == VerbForm.Gerund && Grammar.Prepositions.Contains(prev) && prev != "by") && !DecisionObject(words, k + 1, c.End, lex)
                    && !Worsening(c, k, lemma, lex) && !IsDropNotFall(c, k, lemma))
                    return (k, k + 1);
            }
            // A claimed outcome noun: "saw a significant increase", "leading to long-term improvements".
            if (nouns.Contains(w) && (claimVerb || IntensifiedBefore(words, k, c.First, amounts)) && !(k + 1 < c.End && words[k + 1].Lower is "in" && prev is "the" && !claimVerb)
                && !(lex.Set("rise-words").Contains(w) && k + 1 < c.End && words[k + 1].Lower is "in" or "of" && ProblemAhead(words, k + 2, c.End, lex)))
            {
                int from = k;
                while (from > c.First && words[from - 1].Kind == TokenKind.Word && !Grammar.Determiners.Contains(words[from - 1].Lower) && !Grammar.Prepositions.Contains(words[from - 1].Lower)
                       && WordNet.VerbFormOf(words[from - 1].Lower) is not (VerbForm.Past or VerbForm.PastOrParticiple) && from > k - 3) from--;
                return (from, k + 1);
            }
            // A vague amount in a claim: "saved the company millions", "lots of customers", "in saving the
            // company a great deal of money" (an outcome verb in any form up to four words before).
            if (claimVerb || (c.Lemma is { } l2 && l2 is "save" or "make" or "earn" or "win" or "help" or "reach" or "lose" or "bring") || OutcomeVerbBefore(words, k, c.First))
            {
                int end = amounts.LongestAt(words, k);
                if (end > 0 && end <= c.End && !IsMannerOfDecision(c)) return (k, end);
            }
            // A sized-up amount is a claim with any verb of a fact by the candidate's side: "we moved a meaningful number of accounts".
            if (c.IsFact && c.Actor is Actor.I or Actor.ImpliedI or Actor.We or Actor.Team && !c.Negated && k > c.VerbAt && c.VerbAt >= 0
                && !WeLanguage.IsState(c, lex) && !lex.Set("research-lemmas").Contains(c.Lemma!))
            {
                int end = lex["sized-amounts"].LongestAt(words, k);
                if (end > 0 && end <= c.End) return (k, end);
            }
        }
        return null;
    }

    /// <summary>
    /// "The pilot went well", "the feature performed well with early adopters", "the new flow did not
    /// do as well as we had hoped": how a thing did, with no measure in the sentence or the next one of
    /// its paragraph. A thing as the subject (not the candidate, a person or a team), not a
    /// conversation ("the meeting went well" is an event).
    /// </summary>
    private static (int, int)? Performance(Clause c, Lexicon lex)
    {
        if (c.Actor != Actor.Thing || c.Voice != Voice.Active || c.VerbAt < 0 || c.Lemma is not { } lemma || !lex.Set("performance-lemmas").Contains(lemma)) return null;
        var words = c.Sentence.Words;
        var s = c.Sentence;
        // The setting, not the result: the Context part, "things were going well" (a progressive), a
        // verdict the sentence turns ("worked well for power users but confused new ones", "went well
        // until week three", "at first"), and what the old product did ("the legacy tool").
        if (s.Part?.Kind == PartKind.Context || WordNet.VerbFormOf(words[c.VerbAt].Lower) == VerbForm.Gerund) return null;
        if (c.SubjectFirst < 0) return null;
        for (int k = c.SubjectFirst; k < c.SubjectEnd; k++)
        {
            string w = Words.Normalize(words[k].Lower);
            if (lex.Set("talk-events").Contains(w) || lex.Set("setting-subjects").Contains(w)) return null;
        }
        var manners = lex["performance-manners"];
        int at = c.VerbAt + 1;
        int end = manners.LongestAt(words, at);                // "performed poorly" ("poorly" is an adverb too)
        if (end < 0) end = manners.LongestAt(words, at = Words.SkipAdverbs(words, at, lex)); // "performed really well"
        if (end < 0 || end > c.End || words[at].InQuote) return null;
        if (lex["verdict-turns"].LongestAt(words, end) > end) return null;
        foreach (var t in words) if (t.Lower is "but" or "although" or "though" or "however" or "yet") return null;
        // How it did is often measured right after: "the pilot went well, and returns fell 12%", or in
        // the next sentence of the paragraph. Only an unmeasured verdict is vague.
        if (HasMeasure(words, (0, words.Length)) || s.Next is { } next && HasMeasure(next.Words, (0, next.Words.Length))) return null;
        return (c.VerbAt, end);
    }

    /// <summary>"The feedback from the pilot stores was overwhelmingly positive": praise with no measure, read from the clause.</summary>
    private static (int, int)? Praise(Clause c, Lexicon lex)
    {
        if (c.Lemma != "be" || c.Negated || c.SubjectFirst < 0 || c.VerbAt < 0) return null;
        var words = c.Sentence.Words;
        var subjects = lex.Set("praise-subjects");
        int noun = -1;
        for (int k = c.First; k < c.VerbAt; k++) // the whole subject: "the feedback from the pilot stores"
            if (subjects.Contains(Words.Normalize(words[k].Lower))) { noun = k; break; }
        if (noun < 0) return null;
        int at = Words.SkipAdverbs(words, c.VerbAt + 1, lex);
        return at < c.End && lex.Set("praise-adjectives").Contains(words[at].Lower) ? (noun, at + 1) : null;
    }

    /// <summary>
    /// A problem that grows is the situation, not a claimed result: "the technical debt was growing",
    /// "facing increasing fraud attacks", "a rise in complaints". A problem that shrinks is a claim.
    /// </summary>
    private static bool Worsening(Clause c, int k, string lemma, Lexicon lex)
    {
        if (!lex.Set("rise-words").Contains(lemma)) return false;
        var words = c.Sentence.Words;
        if (k == c.VerbAt && c.SubjectFirst >= 0 && c.SubjectEnd > c.SubjectFirst && !c.SubjectShared
            && lex.Set("problem-nouns").Contains(Words.Normalize(words[c.SubjectEnd - 1].Lower)))
            return true;
        // The -ing form in front of its noun is an adjective: "increasing attacks", "growing pressure".
        return WordNet.VerbFormOf(words[k].Lower) == VerbForm.Gerund && ProblemAhead(words, k + 1, c.End, lex);
    }

    /// <summary>"users who dropped off", "we dropped the Android app": a drop that is churn or a decision, not a metric falling.</summary>
    private static bool IsDropNotFall(Clause c, int k, string lemma)
    {
        if (lemma is not ("drop" or "dip")) return false;
        var words = c.Sentence.Words;
        return k + 1 < c.End && words[k + 1].Lower is "off" or "out" || k == c.VerbAt && c.Actor is not (Actor.Thing or Actor.Nobody);
    }

    /// <summary>A problem noun within the next three words, before any preposition: "sophisticated fraud attacks".</summary>
    private static bool ProblemAhead(Token[] words, int at, int end, Lexicon lex)
    {
        var problems = lex.Set("problem-nouns");
        for (int j = at; j < end && j < at + 4; j++)
        {
            string w = Words.Normalize(words[j].Lower);
            if (problems.Contains(w)) return true;
            if (words[j].Kind != TokenKind.Word || Grammar.Prepositions.Contains(w) || Grammar.Determiners.Contains(w)) return false;
        }
        return false;
    }

    private static bool OutcomeVerbBefore(Token[] words, int k, int first)
    {
        for (int j = Math.Max(first, k - 4); j < k; j++)
            if (WordNet.VerbFormOf(words[j].Lower) != VerbForm.None && WordNet.VerbLemma(words[j].Lower) is { } l && l is "save" or "earn" or "make" or "generate" or "cut" or "reduce" or "increase" or "grow" or "win")
                return true;
        return false;
    }

    private static bool IsMannerOfDecision(Clause c) => c.Lemma is "decide" or "choose";

    private static bool IntensifiedBefore(Token[] words, int k, int first, Patterns.PatternSet<string> amounts)
    {
        for (int j = Math.Max(first, k - 3); j < k; j++)
        {
            string w = words[j].Lower;
            if (w is "significant" or "substantial" or "meaningful" or "dramatic" or "huge" or "big" or "major" or "notable" or "considerable"
                or "marked" or "noticeable" or "massive" or "tremendous" or "great" or "long-term" or "real" or "strong" or "positive" or "measurable" or "solid" or "steady" or "better")
                return true;
        }
        return false;
    }

    /// <summary>"lowered the price", "reduced the scope": the object makes it a decision.</summary>
    private static bool DecisionObject(Token[] words, int at, int end, Lexicon lex)
    {
        var objects = lex.Set("decision-objects");
        for (int j = at; j < end && j <= at + 3; j++)
        {
            string w = Words.Normalize(words[j].Lower);
            if (objects.Contains(w)) return true;
            if (Grammar.Prepositions.Contains(w) && !Grammar.Determiners.Contains(w)) return false;
        }
        return false;
    }

    /// <summary>The conjunct around a claim: from the previous "and"/comma to the next, inside the clause.</summary>
    private static (int, int) Conjunct(Sentence s, Clause c, int from, int to)
    {
        var words = s.Words;
        int a = from, b = to;
        while (a > c.First && !IsConjunctBreak(s, a)) a--;
        while (b < c.End && !IsConjunctBreak(s, b)) b++;
        return (a, b);
    }

    private static bool IsConjunctBreak(Sentence s, int k) =>
        k > 0 && k < s.Words.Length && (s.Words[k].Lower is "and" or "but" or "while" || Punct.BetweenWords(s, k - 1, k, ",", ";"));

    private static bool HasMeasure(Token[] words, (int From, int To) range)
    {
        for (int k = range.From; k < range.To; k++)
        {
            if (MetricWithoutContext.IsMeasure(words[k])) return true;
            if (words[k].Text.Length > 1 && char.IsDigit(words[k].Text[0])) return true; // "2-point", "3x"
            if (words[k].Lower is "doubled" or "tripled" or "halved" or "quadrupled" or "twofold" or "threefold" or "tenfold" or "double" or "triple" or "twice") return true;
            if (Grammar.NumberWords.Contains(words[k].Lower) && words[k].Lower is not ("millions" or "thousands" or "billions" or "hundreds" or "dozens") && k + 1 < words.Length && !(words[k].Lower == "one" && words[k + 1].Lower is "of"))
                return true;
        }
        return false;
    }
}
