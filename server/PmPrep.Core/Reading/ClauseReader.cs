using PmPrep.Core.Catalog;
using PmPrep.Core.Model;

namespace PmPrep.Core.Reading;

/// <summary>
/// Splits a sentence into clauses and reads each one: who acts (<see cref="Actor"/>), the main
/// verb's lemma, voice, mood and negation, whether it is speech, and how it links to the clause
/// before it (because, despite, so that...). A shallow reader: one pass to find the boundaries,
/// one pass per clause, each bounded by the clause's length, so the whole is linear in the text.
/// Word classes come from <see cref="WordNet"/>; what counts as a team, a state verb or an
/// adjectival participle comes from lexicon.yaml.
/// </summary>
public static class ClauseReader
{
    [Flags]
    private enum Gap : byte { None = 0, Comma = 1, Semi = 2, Colon = 4, Dash = 8, Paren = 16, Quote = 32, Amp = 64 }

    public static Clause[] Read(Sentence s, Lexicon lex)
    {
        var words = s.Words;
        if (words.Length == 0) return Array.Empty<Clause>();
        var gaps = Gaps(s);
        var speech = Speech.Mask(s, lex, weReports: true);

        // 1. Boundaries.
        var opening = LinkAtStart(words, 0, out _);
        if (opening == Link.Complement && words.Length > 1 && IsFiniteVerbAt(words, 1, lex)) opening = Link.None; // "That meant a week's delay": a subject, not "that" + clause
        var starts = new List<(int At, Link Link)> { (0, opening) };
        int k = 1;
        bool hasVerb = IsFiniteVerbAt(words, 0, lex);
        while (k < words.Length)
        {
            var g = gaps[k];
            // An apposition before the verb ("The team, led by Ana, rebuilt the index"): not a clause of its own.
            if (!hasVerb && (g & Gap.Comma) != 0 && k + 1 < words.Length && words[k + 1].Lower == "by" && WordNet.VerbFormOf(words[k].Lower) is VerbForm.PastOrParticiple)
            {
                int close = -1;
                for (int j = k + 2; j < words.Length && j <= k + 8; j++) if ((gaps[j] & Gap.Comma) != 0) { close = j; break; }
                if (close > 0) { k = close; continue; }
            }
            string w = Words.Normalize(words[k].Lower);
            int linkEnd;
            Link link = LinkAtStart(words, k, out linkEnd);
            bool boundary = false;
            if ((g & (Gap.Semi | Gap.Colon | Gap.Dash | Gap.Paren)) != 0 && !IsTinyGap(words, k)) boundary = true;
            else if (speech[k] != speech[k - 1] && words[k].InQuote == words[k - 1].InQuote)
            {
                boundary = true; // "I told the team | we would freeze scope": reported speech starts (or ends)
                if (speech[k] && link == Link.None) link = Link.Complement;
            }
            else if (hasVerb && words[k - 1].InQuote && !words[k].InQuote && IsPersonalSubject(words[k]) && k + 1 < words.Length && IsFiniteVerbAt(words, k + 1, lex))
                boundary = true; // 'I called it "Project X." we should launch': a new subject after the quote closes
            else if (link != Link.None && StartsClauseWithLink(words, k, link, linkEnd, g, hasVerb, lex)) boundary = true;
            else if ((g & Gap.Comma) != 0 && (StartsSubject(words, k, lex) || (hasVerb && IsPastVerb(words, k, lex)))) boundary = true;
            else if ((g & Gap.Comma) != 0 && !hasVerb && LooksLikeMainClauseAhead(words, k, lex)) boundary = true; // "In Q3, the team launched"
            else if (!hasVerb && IsSubordinate(starts[^1].Link) && OpensWithGerund(words, starts[^1].At) && IsPersonalSubject(words[k]) && IsNounish(words[k - 1]) && !Grammar.Prepositions.Contains(words[k - 1].Lower))
                boundary = true; // "After presenting my fix to the team we were able to": the main clause starts without a comma
            if (boundary)
            {
                starts.Add((k, link));
                hasVerb = false;
            }
            if (IsFiniteVerbAt(words, k, lex)) hasVerb = true;
            k++;
        }

        // 2. Read each clause.
        var clauses = new List<Clause>(starts.Count);
        for (int c = 0; c < starts.Count; c++)
        {
            int first = starts[c].At, end = c + 1 < starts.Count ? starts[c + 1].At : words.Length;
            var clause = new Clause(s, first, end) { Link = starts[c].Link };
            ReadClause(clause, words, lex, speech);
            clauses.Add(clause);
        }

        // 3. A verbless piece ("In Q3", "After the review") joins the clause after it; a verbless
        // tail joins the one before, unless it carries a link of its own ("despite pressure from sales").
        for (int c = 0; c < clauses.Count && clauses.Count > 1; c++)
        {
            var cl = clauses[c];
            if (cl.VerbAt >= 0 || IsLinkWorthKeeping(cl.Link)) continue;
            if (c + 1 < clauses.Count)
            {
                var next = clauses[c + 1];
                next.First = cl.First;
                // "My manager and I wrote": the "and" joined two subjects, not two clauses.
                if (next.Link is Link.None or Link.And or Link.Or) next.Link = cl.Link;
                ReadClause(next, words, lex, speech);
            }
            else
            {
                var prev = clauses[c - 1];
                prev.End = cl.End;
                ReadClause(prev, words, lex, speech);
            }
            clauses.RemoveAt(c);
            c--;
        }

        // 4. Shared subjects: "I disagreed, showed him the data, and we agreed": the second clause is
        // mine. A subordinate clause with no subject ("after seeing the data, I paused") takes the
        // actor of the clause it hangs on.
        for (int c = 0; c < clauses.Count; c++)
        {
            var cl = clauses[c];
            cl.Index = c;
            cl.Previous = c > 0 ? clauses[c - 1] : null;
            if (cl.Actor != Actor.Unknown) continue;
            if (c > 0 && cl.Link is Link.And or Link.But or Link.Or or Link.Then or Link.None or Link.So)
            {
                var prev = clauses[c - 1];
                cl.Actor = prev.Actor == Actor.Nobody ? Actor.Unknown : prev.Actor;
                cl.SubjectShared = true;
                if (cl.Quoted == false && prev.Mood != Mood.Did && cl.Mood == Mood.Did && cl.Link is Link.And or Link.Or) cl.Mood = prev.Mood; // "we would pause and re-run"
            }
            else if (c + 1 < clauses.Count && cl.Link is not Link.Relative)
            {
                cl.Actor = clauses[c + 1].Actor is var a && a != Actor.Unknown ? a : cl.Actor;
                cl.SubjectShared = true;
            }
            // "I needed to cut alerts while improving detection": a subjectless "while/when + -ing"
            // tail belongs to the aim it hangs on; it is not a deed either.
            if (c > 0 && cl.Mood == Mood.Did && clauses[c - 1].Mood is not Mood.Did && cl.Link is Link.While or Link.When or Link.After or Link.Before
                && cl.VerbAt >= 0 && WordNet.VerbFormOf(words[cl.VerbAt].Lower) == VerbForm.Gerund && cl.FiniteAt == cl.VerbAt)
                cl.Mood = clauses[c - 1].Mood;
        }
        // A participle opening ("Frustrated by the delays, I ...") is not an implied-I bullet when a
        // later clause names its own subject.
        if (clauses.Count > 1 && clauses[0].Actor == Actor.ImpliedI && clauses[0].Link == Link.None)
        {
            var named = clauses.Skip(1).FirstOrDefault(x => !x.SubjectShared && x.Actor is not Actor.Unknown and not Actor.ImpliedI);
            if (named is not null && words[clauses[0].First].Lower is var f && WordNet.VerbFormOf(f) is VerbForm.Gerund or VerbForm.PastOrParticiple or VerbForm.Participle
                && (clauses[1].First - clauses[0].First) <= 8 && gapsHasComma(gaps, clauses[1].First))
            {
                clauses[0].Actor = named.Actor;
                clauses[0].SubjectShared = true;
            }
        }
        return clauses.ToArray();

        static bool gapsHasComma(Gap[] gaps, int at) => at < gaps.Length && (gaps[at] & Gap.Comma) != 0;
    }

    private static bool IsSubordinate(Link l) => l is Link.AfterSeeing or Link.After or Link.Before or Link.When or Link.While or Link.Because or Link.Since
        or Link.Given or Link.Although or Link.Despite or Link.If or Link.Unless or Link.Considering or Link.RatherThan;

    /// <summary>"After presenting ...", "Instead of building ...": a link followed by a gerund phrase, which has no subject of its own.</summary>
    private static bool OpensWithGerund(Token[] words, int at)
    {
        LinkAtStart(words, at, out int end);
        return end < words.Length && WordNet.VerbFormOf(words[end].Lower) == VerbForm.Gerund;
    }

    private static bool IsPersonalSubject(Token t) => t.Text == "I" || Words.Normalize(t.Lower) is "we" or "he" or "she" or "they";

    private static bool IsLinkWorthKeeping(Link l) => l is Link.Because or Link.Since or Link.Given or Link.DueTo or Link.Despite
        or Link.Although or Link.RatherThan or Link.Considering or Link.AfterSeeing or Link.SoThat or Link.Purpose or Link.If or Link.Unless;

    /// <summary>A one-word aside between dashes or brackets is not a new clause ("the fix (v2) shipped").</summary>
    private static bool IsTinyGap(Token[] words, int k) => false;

    private static Gap[] Gaps(Sentence s)
    {
        var words = s.Words;
        var gaps = new Gap[words.Length + 1];
        int next = 0;
        foreach (var t in s.Tokens)
        {
            if (t.Kind != TokenKind.Punct)
            {
                if (next < words.Length && t.Start == words[next].Start) next++;
                continue;
            }
            if (next == 0) continue;
            Gap g = t.Text switch
            {
                "," => Gap.Comma,
                ";" => Gap.Semi,
                ":" => Gap.Colon,
                "\u2014" or "\u2013" or "--" => Gap.Dash,
                "(" or ")" or "[" or "]" => Gap.Paren,
                "\"" or "\u201C" or "\u201D" => Gap.Quote,
                "&" => Gap.Amp,
                "-" => Gap.Dash,
                _ => Gap.None,
            };
            gaps[next] |= g;
        }
        return gaps;
    }

    /// <summary>The link word(s) at word k, if any; <paramref name="end"/> is the word after them.</summary>
    private static Link LinkAtStart(Token[] words, int k, out int end)
    {
        string w = Words.Normalize(words[k].Lower);
        string n = k + 1 < words.Length ? Words.Normalize(words[k + 1].Lower) : "";
        string n2 = k + 2 < words.Length ? Words.Normalize(words[k + 2].Lower) : "";
        end = k + 1;
        switch (w)
        {
            case "because": if (n == "of") end = k + 2; return Link.Because;
            case "since": return Link.Since;
            case "given": if (n == "that") end = k + 2; return Link.Given;
            case "so": if (n == "that") { end = k + 2; return Link.SoThat; } if (n == "as" && n2 == "to") { end = k + 3; return Link.Purpose; } return Link.So;
            case "in": if (n == "order" && n2 == "to") { end = k + 3; return Link.Purpose; } return Link.None;
            case "due": if (n == "to") { end = k + 2; return Link.DueTo; } return Link.None;
            case "considering": return Link.Considering;
            // ", assuming the tests would suffice", ", believing the data was wrong": the belief behind the act.
            case "assuming":
            case "believing":
            case "knowing":
            case "figuring":
            case "reasoning":
            case "expecting":
            case "suspecting":
            case "judging":
                return Link.Considering;
            case "despite": return Link.Despite;
            case "although": case "though": case "whereas": return Link.Although;
            case "even": if (n is "though" or "if") { end = k + 2; return Link.Although; } return Link.None;
            case "rather": if (n == "than") { end = k + 2; return Link.RatherThan; } return Link.None;
            case "instead": if (n == "of") { end = k + 2; return Link.RatherThan; } return Link.None;
            case "which":
                if (n is "meant" or "means") return Link.WhichMeant;
                return Link.Relative;
            case "who": case "whom": case "where": return Link.Relative;
            case "that": return Link.Complement;
            case "after":
                if (n.EndsWith("ing", StringComparison.Ordinal) && WordNet.VerbFormOf(n) == VerbForm.Gerund) { end = k + 1; return Link.AfterSeeing; }
                return Link.After;
            case "before": return Link.Before;
            case "when": case "once": return Link.When;
            case "while": return Link.While;
            case "if": return Link.If;
            case "unless": return Link.Unless;
            case "and":
                if (n == "then") { end = k + 2; return Link.Then; }
                if (n == "so") { end = k + 2; return Link.So; }
                return Link.And;
            case "but": return Link.But;
            case "or": return Link.Or;
            case "yet": return Link.But;
            case "then": return Link.Then;
            case "to":
                if (n is "avoid" or "prevent" or "protect" or "reduce" or "keep" or "stop" or "free" or "hit" or "meet" or "save" or "make" or "ensure") return Link.None; // purpose kept inside the clause
                return Link.None;
            default: return Link.None;
        }
    }

    private static bool StartsClauseWithLink(Token[] words, int k, Link link, int linkEnd, Gap g, bool hasVerb, Lexicon lex)
    {
        int after = linkEnd;
        bool subjectNext = after < words.Length && StartsSubject(words, after, lex);
        switch (link)
        {
            case Link.Because:
            case Link.Although:
            case Link.Despite:
            case Link.RatherThan:
            case Link.SoThat:
            case Link.Purpose:
            case Link.Unless:
            case Link.WhichMeant:
            case Link.DueTo:
                return true;
            case Link.Considering:
                return Words.Normalize(words[k].Lower) == "considering" || (g & Gap.Comma) != 0 || k == 0;
            case Link.Since:
                // "since 2020", "since launch": a time, not a reason.
                if (after < words.Length && (words[after].Kind == TokenKind.Number || words[after].Lower is "then" or "launch" or "january" or "february" or "march" or "april" or "june" or "july" or "august" or "september" or "october" or "november" or "december" or "last" or "the")) return false;
                return true;
            case Link.Given:
                // "I was given the task": a participle after "be"/"have", not a link.
                if (k > 0 && (Grammar.Be.Contains(words[k - 1].Lower) || Grammar.Have.Contains(words[k - 1].Lower) || words[k - 1].Lower is "got" or "get")) return false;
                return (g & Gap.Comma) != 0 || k == 0 || hasVerb;
            case Link.So:
                return (g & Gap.Comma) != 0 || subjectNext;
            case Link.And:
            case Link.Or:
            case Link.Then:
            case Link.But:
                if (subjectNext) return true;
                if (link == Link.But && (g & Gap.Comma) != 0) return true;
                // Shared subject: "I wrote the spec and shipped it".
                return hasVerb && after < words.Length && IsPastVerb(words, after, lex) && !(k > 0 && Grammar.Determiners.Contains(words[k - 1].Lower));
            case Link.Relative:
                return true;
            case Link.Complement:
                // "decided that", "found that", "showed that": a complement; "a job that polled", "the feature that we built": a relative clause;
                // "switch that region off": a determiner.
                if (k == 0) return false;
                string prev = Words.Normalize(words[k - 1].Lower);
                if (Grammar.Determiners.Contains(prev) || Grammar.Prepositions.Contains(prev)) return false;
                if (WordNet.VerbLemma(prev) is { } pl && lex.Set("complement-verbs").Contains(pl)) return true;
                if (after < words.Length && IsFiniteVerbAt(words, after, lex) && IsNounish(words[k - 1])) return true; // relative: "a job that polled"
                return subjectNext && hasVerb && IsNounish(words[k - 1]) && !WordNet.IsVerb(prev);
            case Link.After:
            case Link.Before:
            case Link.When:
            case Link.While:
            case Link.If:
                return k == 0 || (g & Gap.Comma) != 0 || subjectNext || (after < words.Length && WordNet.VerbFormOf(words[after].Lower) == VerbForm.Gerund);
            case Link.AfterSeeing:
                return true;
            default:
                return false;
        }
    }

    /// <summary>True when word k starts a subject that a finite verb soon follows: "we ...", "the team launched".</summary>
    private static bool StartsSubject(Token[] words, int k, Lexicon lex)
    {
        if (k >= words.Length) return false;
        string w = Words.Normalize(words[k].Lower);
        if (words[k].Text == "I" || w is "we" or "he" or "she" or "they" or "i'm" or "i've" or "i'd" or "i'll" or "we're" or "we've" or "we'd" or "we'll" or "let's" or "they're" or "she's" or "he's")
            return true;
        // A noun phrase of up to five words followed by a finite verb.
        int limit = Math.Min(words.Length, k + 6);
        for (int j = k + 1; j < limit; j++)
        {
            string x = Words.Normalize(words[j].Lower);
            if (Grammar.Coordinators.Contains(x) && x != "and") return false;
            if (IsFiniteVerbAt(words, j, lex) && !(j == k + 1 && Grammar.Determiners.Contains(w) && !Grammar.SubjectPronouns.Contains(w)))
                return !IsFiniteVerbAt(words, k, lex) && (Grammar.Determiners.Contains(w) || IsNounish(words[k]) || w is "it" or "this" or "there");
        }
        return false;
    }

    private static bool LooksLikeMainClauseAhead(Token[] words, int k, Lexicon lex) => StartsSubject(words, k, lex);

    private static bool IsNounish(Token t)
    {
        if (t.Kind == TokenKind.Number) return true;
        string w = t.Lower;
        if (Grammar.Prepositions.Contains(w) || Grammar.IsAuxiliary(w) || Grammar.Coordinators.Contains(w)) return false;
        var pos = WordNet.PosOf(w);
        return pos == Pos.None ? t.IsCapitalized : (pos & (Pos.Noun | Pos.Adjective)) != 0;
    }

    private static bool IsPastVerb(Token[] words, int k, Lexicon lex)
    {
        if (k >= words.Length || words[k].Kind != TokenKind.Word) return false;
        var form = WordNet.VerbFormOf(words[k].Lower);
        if (form is not (VerbForm.Past or VerbForm.PastOrParticiple)) return false;
        // "and improved retention" is a verb; "and aligned teams" could be an adjective: prefer the verb reading
        // unless the word is mostly an adjective and a noun follows.
        return !(WordNet.MostFrequent(words[k].Lower) == Pos.Adjective && k + 1 < words.Length && IsNounish(words[k + 1]) && WordNet.MostFrequent(words[k + 1].Lower) == Pos.Noun);
    }

    /// <summary>A word that can head a finite verb chain here: an auxiliary, a modal, or a past or present verb form after a subject.</summary>
    internal static bool IsFiniteVerbAt(Token[] words, int k, Lexicon lex)
    {
        var t = words[k];
        if (t.Kind != TokenKind.Word) return false;
        string w = Words.Normalize(t.Lower);
        if (Grammar.IsAuxiliary(w)) return !(w is "'s");
        if (Grammar.Determiners.Contains(w) || Grammar.Prepositions.Contains(w) || Grammar.Coordinators.Contains(w) || Grammar.SubjectPronouns.Contains(w)) return false;
        var form = WordNet.VerbFormOf(w);
        if (form == VerbForm.None) return false;
        // The word before, past any adverbs ("we also cut cost").
        int pk = k - 1;
        while (pk > 0 && (lex["adverbs"].LongestAt(words, pk) == pk + 1 || Words.IsLyAdverb(words[pk].Lower))) pk--;
        string prev = pk >= 0 ? Words.Normalize(words[pk].Lower) : "";
        if (form is VerbForm.Gerund) return false;
        // After a determiner, a possessive or a preposition it is a noun or an adjective: "the launch", "our completed work".
        string prev2 = pk > 0 ? Words.Normalize(words[pk - 1].Lower) : "";
        bool floating = prev is "both" or "each" or "all" && Grammar.SubjectPronouns.Contains(prev2); // "we both pushed"
        bool hedge = prev == "of" && prev2 is "kind" or "sort";                                        // "we kind of moved"
        if (prev == "let's") return form is VerbForm.Base;                                             // "let's run a test"
        if (k > 0 && prev is "this" or "that" or "these" or "those" && DemonstrativeSubject(words, pk, k, form, lex)) return true;
        if (k > 0 && !floating && !hedge && (Grammar.Determiners.Contains(prev) || prev.EndsWith("'s", StringComparison.Ordinal) || prev is "to" or "of" or "for" or "with" or "in" or "on" or "at")) return false;
        if (form is VerbForm.Past) return true;
        if (form is VerbForm.PastOrParticiple or VerbForm.Participle)
        {
            // "the data collected last week": still read as a verb; the clause reader checks the subject.
            return form == VerbForm.PastOrParticiple;
        }
        // Base and -s forms are verbs only right after a pronoun subject or a noun phrase that clearly ends ("customers want").
        if (k == 0) return false;
        if (prev is "i" or "we" or "they" or "you" or "he" or "she" or "it" or "who" or "which" or "that" || floating || hedge) return form is VerbForm.Base or VerbForm.ThirdPerson;
        // "version sets were updated": a plural noun before its verb.
        if (k + 1 < words.Length && (Grammar.IsAuxiliary(Words.Normalize(words[k + 1].Lower)) || WordNet.VerbFormOf(words[k + 1].Lower) is VerbForm.Past)) return false;
        return form == VerbForm.ThirdPerson && WordNet.MostFrequent(w) == Pos.Verb;
    }

    /// <summary>
    /// "This led to 500 more sign-ups", "That meant a week's delay", "This saved us a month": a
    /// demonstrative that opens the sentence (or follows "and", "but", "so") is the subject when the
    /// word after the verb starts its object or complement; "this translated text" is a noun phrase.
    /// </summary>
    private static bool DemonstrativeSubject(Token[] words, int at, int k, VerbForm form, Lexicon lex)
    {
        if (form is not (VerbForm.Past or VerbForm.PastOrParticiple or VerbForm.ThirdPerson)) return false;
        if (at > 0 && Words.Normalize(words[at - 1].Lower) is not ("and" or "but" or "so" or "which" or "then")) return false;
        if (k + 1 >= words.Length) return form != VerbForm.PastOrParticiple;
        var next = words[k + 1];
        string n = Words.Normalize(next.Lower);
        return next.Kind == TokenKind.Number || Grammar.Prepositions.Contains(n) || Grammar.Determiners.Contains(n)
               || n is "us" or "me" or "them" or "him" or "her" or "it" or "that" or "more" or "less" or "fewer"
               || lex["adverbs"].LongestAt(words, k + 1) > 0 || Words.IsLyAdverb(n);
    }

    private static bool ThatIsSubject(Token[] words, int verb, Lexicon lex)
    {
        string w = Words.Normalize(words[verb].Lower);
        if (Grammar.Be.Contains(w)) return true;
        return IsFiniteVerbAt(words, verb, lex) && WordNet.VerbFormOf(w) is VerbForm.Past or VerbForm.ThirdPerson;
    }

    private static void ReadClause(Clause c, Token[] words, Lexicon lex, bool[] speech)
    {
        c.Actor = Actor.Unknown; c.SubjectFirst = c.SubjectEnd = -1; c.SubjectShared = false;
        c.FiniteAt = c.VerbAt = c.ThenAt = -1; c.Lemma = c.Then = c.Particle = null;
        c.Voice = Voice.Active; c.HasAgent = false; c.Mood = Mood.Did; c.Past = false; c.Negated = false; c.Attempted = false;

        int first = c.First, end = c.End;
        int quoted = 0, reported = 0;
        for (int i = first; i < end; i++) { if (words[i].InQuote) quoted++; else if (speech[i]) reported++; }
        c.Quoted = quoted * 2 > end - first;
        c.Reported = !c.Quoted && reported * 2 > end - first;

        // Skip the link words, then leading adverbs.
        int at = first;
        if (c.Link != Link.None && LinkAtStart(words, first, out int linkEnd) != Link.None) at = linkEnd;
        // "I think that was wrong", "which meant that meant a delay": a "that" right before its verb is the subject.
        if (c.Link == Link.Complement && at == first + 1 && at < end && words[first].Lower == "that" && ThatIsSubject(words, at, lex)) at = first;
        if (c.Link == Link.None && at < end && Grammar.Coordinators.Contains(words[at].Lower)) at++;
        at = Words.SkipAdverbs(words, at, lex);
        if (at >= end) return;

        // Find the finite verb.
        int v = -1, asideAt = -1;
        for (int i = at; i < end; i++)
        {
            // An apposition between commas ("The team, led by Ana, rebuilt"): its participle is not the clause's verb.
            if (v < 0 && asideAt < 0 && i > at && Punct.BetweenWords(c.Sentence, i - 1, i, ",") && i + 1 < end && words[i + 1].Lower == "by"
                && WordNet.VerbFormOf(words[i].Lower) is VerbForm.PastOrParticiple)
            {
                int close = -1;
                for (int j = i + 2; j < end && j <= i + 8; j++) if (Punct.BetweenWords(c.Sentence, j - 1, j, ",")) { close = j; break; }
                if (close > 0) { asideAt = i; i = close - 1; continue; }
            }
            if (i == at && Grammar.SubjectPronouns.Contains(Words.Normalize(words[i].Lower)) && Grammar.IsAuxiliary(Words.Normalize(words[i].Lower)))
            {
                v = i; break; // "we're", "I've": subject and auxiliary in one word
            }
            if (IsFiniteVerbAt(words, i, lex) || (i == at && StartsWithVerb(words, i, c)))
            {
                v = i; break;
            }
        }
        // A clause that is only a gerund phrase ("after seeing the data", "Working with sysadmins").
        if (v < 0)
        {
            for (int i = at; i < end; i++)
                if (WordNet.VerbFormOf(words[i].Lower) == VerbForm.Gerund && !Grammar.Determiners.Contains(i > 0 ? words[i - 1].Lower : ""))
                {
                    c.VerbAt = c.FiniteAt = i;
                    c.Lemma = WordNet.VerbLemma(words[i].Lower);
                    if (i == at && c.First == 0 && c.Link == Link.None) c.Actor = Actor.ImpliedI;
                    ReadParticle(c, words, i, end);
                    return;
                }
            return;
        }
        c.FiniteAt = v;

        // The subject.
        string vw = Words.Normalize(words[v].Lower);
        // Inversion: "Not only were we able to ship it", "Had we known".
        if (Grammar.IsAuxiliary(vw) && v + 1 < end && (words[v + 1].Text == "I" || Words.Normalize(words[v + 1].Lower) is "we" or "they" or "he" or "she"))
        {
            c.SubjectFirst = v + 1; c.SubjectEnd = v + 2;
            c.Actor = ActorOfPronoun(Words.Normalize(words[v + 1].Lower) is "i" ? "i" : Words.Normalize(words[v + 1].Lower));
            ReadChain(c, words, v, end, lex, skip: v + 1);
            // "Had we known", "Were we to wait", "Should they refuse": a condition, not a question or a fact.
            if (v == at && vw is "had" or "were" or "should") c.Mood = Mood.Conditional;
            return;
        }
        if (v == at && Grammar.SubjectPronouns.Contains(vw))
        {
            c.SubjectFirst = v; c.SubjectEnd = v + 1;
            c.Actor = ActorOfPronoun(vw);
        }
        else if (v > at)
        {
            int subjEnd = asideAt > at ? asideAt : v;
            while (subjEnd > at + 1 && IsAdverb(words, subjEnd - 1, lex)) subjEnd--; // "BIE team successfully delivered"
            int subjStart = SubjectStart(c.Sentence, words, at, subjEnd);
            c.SubjectFirst = subjStart; c.SubjectEnd = subjEnd;
            c.Actor = ActorOfSubject(words, subjStart, subjEnd, lex);
        }
        else if (c.Link is Link.None && c.First == 0)
        {
            c.Actor = Actor.ImpliedI; // "Helped improve system performance."
            c.SubjectShared = true;
        }

        // The verb chain.
        ReadChain(c, words, v, end, lex);
        // "I never agreed", "we simply did not": a negation between the subject and the verb.
        for (int k = Math.Max(at, c.SubjectEnd); k < v; k++)
            if (words[k].Lower is "never" or "not" && !(k + 1 < end && words[k + 1].Lower == "only")) c.Negated = true;
        if (c.Link is Link.If or Link.Unless) c.Mood = Mood.Conditional;

        // Nobody: an agentless passive, and "it was decided/agreed/felt that".
        if (c.Voice == Voice.Passive && !c.HasAgent && c.Actor is not (Actor.I or Actor.We))
            c.Actor = Actor.Nobody;
    }

    /// <summary>
    /// Where the subject starts in [at, end): after a leading phrase ("As a result, we", "After
    /// presenting my fix to the team we", "Within a month, our team"): the last pronoun right before
    /// the verb, else the word after the last comma, else <paramref name="at"/>.
    /// </summary>
    private static int SubjectStart(Sentence s, Token[] words, int at, int end)
    {
        string fw = Words.Normalize(words[at].Lower);
        if (words[at].Text == "I" || fw is "we" or "he" or "she" or "they") return at; // "We, as PMs, decided"
        int last = end - 1;
        string lw = Words.Normalize(words[last].Lower);
        if (words[last].Text == "I" || lw is "we" or "he" or "she" or "they" or "you" or "it") return last;
        for (int k = end - 1; k > at; k--)
            if (Punct.BetweenWords(s, k - 1, k, ",")) return k;
        // "Within a month our team boosted", "(After) the review the team launched": two phrases with no comma;
        // the subject is the last one, from its determiner.
        bool lead = Grammar.Prepositions.Contains(words[at].Lower) && !(words[at].Lower is "like");
        int dets = 0;
        for (int k = at; k < end; k++) if (words[k].Lower is "my" or "our" or "the" or "their" or "his" or "her" or "a" or "an") dets++;
        if (lead || dets >= 2)
            for (int k = end - 1; k > at; k--)
                if (words[k].Lower is "my" or "our" or "the" or "their" or "his" or "her") return k;
        return at;
    }

    private static bool IsAdverb(Token[] words, int k, Lexicon lex) =>
        lex["adverbs"].LongestAt(words, k) == k + 1 || Words.IsLyAdverb(words[k].Lower);


    /// <summary>"Helped improve ...", "Collaborated with ...", "Moved Slice 3 to Phase 2": a clause that opens with a past verb.</summary>
    private static bool StartsWithVerb(Token[] words, int i, Clause c)
    {
        if (c.First != 0 || c.Link != Link.None && c.Link != Link.And) return false;
        var form = WordNet.VerbFormOf(words[i].Lower);
        if (form is not (VerbForm.Past or VerbForm.PastOrParticiple)) return false;
        return i + 1 >= words.Length || !Grammar.IsAuxiliary(words[i + 1].Lower); // "Based on the data" still counts; the reader fixes it later
    }

    private static Actor ActorOfPronoun(string w) => w switch
    {
        "i" or "i'm" or "i've" or "i'd" or "i'll" => Actor.I,
        "we" or "we're" or "we've" or "we'd" or "we'll" or "let's" => Actor.We,
        "he" or "she" or "they" or "he's" or "she's" or "they're" or "they've" or "you" or "you're" or "who" => Actor.Other,
        _ => Actor.Thing,
    };

    private static Actor ActorOfSubject(Token[] words, int from, int to, Lexicon lex)
    {
        for (int i = from; i < to; i++) if (words[i].Text == "I" && !words[i].InQuote) return Actor.I;
        string first = Words.Normalize(words[from].Lower);
        if (to - from == 1 && Grammar.SubjectPronouns.Contains(first)) return ActorOfPronoun(first);
        if (first is "we" or "let's") return Actor.We;
        // The head: the last word before "of", "with", "from", "at", "in" ("my team of seven").
        int head = to - 1;
        for (int i = from + 1; i < to; i++)
            if (words[i].Lower is "of" or "with" or "from" or "at" or "in" or "on" or "for" or "who" or "that" or "which") { head = i - 1; break; }
        string h = Words.Normalize(words[head].Lower);
        var teams = lex.Set("team-nouns");
        var others = lex.Set("other-actors");
        bool team = teams.Contains(h) || (head > from && teams.Contains(Words.Normalize(words[head - 1].Lower) + " " + h));
        if (team) return first == "our" ? Actor.We : Actor.Team;
        if (others.Contains(h)) return Actor.Other;
        // A person's name: "Priya", "Legal", "Finance" (capitalised, and WordNet does not know it as a common word).
        if (words[head].IsCapitalized && (head > 0 || WordNet.PosOf(h) == Pos.None) && (WordNet.PosOf(h) & (Pos.Verb | Pos.Adjective)) == 0 && !IsAcronymTopic(words[head]))
            return Actor.Other;
        if (first is "everyone" or "everybody" or "nobody" or "someone" or "somebody" or "people") return Actor.Other;
        return Actor.Thing;
    }

    private static bool IsAcronymTopic(Token t) => t.Text.Length > 1 && t.Text.All(ch => char.IsUpper(ch) || char.IsDigit(ch));

    private static void ReadChain(Clause c, Token[] words, int v, int end, Lexicon lex, int skip = -1)
    {
        int i = v;
        bool sawBe = false, first = true;
        string? lexical = null;
        int lexicalAt = -1;
        while (i < end)
        {
            if (i == skip) { i++; continue; }
            var t = words[i];
            string w = Words.Normalize(t.Lower);
            if (first && Grammar.SubjectPronouns.Contains(w) && w.Contains('\''))
            {
                // "we're", "I've", "we'd": pronoun + auxiliary in one word.
                string aux = w[(w.IndexOf('\''))..];
                if (aux is "'re" or "'m" or "'s") { sawBe = true; lexicalAt = i; } // "be" may be the main verb ("I'm curious")
                else if (aux == "'ve") { } // "we've shipped": a perfect, still a fact
                else if (aux == "'d") { c.Mood = Mood.Would; }
                else if (aux == "'ll") c.Mood = Mood.Will;
                c.Past = false;
                first = false; i++;
                continue;
            }
            if (Grammar.Negations.Contains(w) || Grammar.IsNegatedForm(w)) c.Negated = true;
            if (Grammar.Modals.TryGetValue(w, out var mood)) { if (c.Mood == Mood.Did) c.Mood = mood; if (w is "could" && first) c.Past = true; first = false; i++; continue; }
            if (Grammar.Be.Contains(w) || w is "get" or "got" or "gets" or "getting")
            {
                if (first) c.Past = w is "was" or "were" or "wasn't" or "weren't" or "got";
                sawBe = true; first = false;
                lexical ??= null;
                lexicalAt = i; // "be" may be the main verb ("the project was a success")
                i++;
                continue;
            }
            if (Grammar.Have.Contains(w))
            {
                if (first) c.Past = w is "had" or "hadn't";
                // "had to": an obligation that happened ("we had to cut scope").
                if (i + 1 < end && words[i + 1].Lower == "to") { lexical = "have"; lexicalAt = i; i++; break; }
                first = false; lexicalAt = i; i++;
                continue;
            }
            if (Grammar.Do.Contains(w) && w != "done")
            {
                if (first) c.Past = w is "did" or "didn't";
                first = false; i++;
                if (i == skip) i++; // "Not only did we cut cost": the inverted subject
                // "we did it": "do" as the main verb when no verb follows.
                if (i >= end || !(WordNet.IsVerb(words[i].Lower) || Grammar.Negations.Contains(words[i].Lower) || lex["adverbs"].LongestAt(words, i) == i + 1))
                { lexical = "do"; lexicalAt = i - 1; break; }
                // "it did well", "did really well", "did better than planned": "do" is the main verb
                // ("well" and "better" are verbs too in WordNet, "tears welled", "to better a record").
                int manner = Words.SkipAdverbs(words, i, lex);
                if (manner < end && Grammar.MannerOfDoing.Contains(words[manner].Lower)) { lexical = "do"; lexicalAt = i - 1; break; }
                continue;
            }
            if (lex["adverbs"].LongestAt(words, i) == i + 1 || w is "not" or "never" or "also" or "then" || IsAdverb(words, i, lex) && i + 1 < end) { i++; continue; }
            var form = WordNet.VerbFormOf(w);
            if (form == VerbForm.None || t.Kind != TokenKind.Word)
            {
                break; // "was a success", "was responsible": "be" is the main verb
            }
            // After "be" only a participle or a gerund continues the chain: "was part of" is "be" + a noun.
            if (sawBe && form is VerbForm.Base or VerbForm.ThirdPerson && !Grammar.BaseFormParticiples.Contains(w)) break;
            if (sawBe && form is VerbForm.Base && Grammar.BaseFormParticiples.Contains(w)) form = VerbForm.PastOrParticiple;
            if (sawBe && form is VerbForm.Participle or VerbForm.PastOrParticiple or VerbForm.Past)
            {
                if (IsAdjectival(w, lex)) { lexical = "be"; lexicalAt = i - 1; break; }
                c.Voice = Voice.Passive;
            }
            if (first) c.Past = form is VerbForm.Past or VerbForm.PastOrParticiple;
            lexical = WordNet.VerbLemma(w) ?? w;
            lexicalAt = i;
            i++;
            break;
        }
        if (lexical is null)
        {
            if (lexicalAt >= 0) { lexical = WordNet.VerbLemma(Words.Normalize(words[lexicalAt].Lower)) ?? "be"; }
            else { lexical = WordNet.VerbLemma(Words.Normalize(words[v].Lower)); lexicalAt = v; }
        }
        c.Lemma = lexical;
        c.VerbAt = lexicalAt;
        if (c.VerbAt >= 0) ReadParticle(c, words, c.VerbAt, end);

        // Catenatives: "decided to pause", "were able to ship", "planned to launch", "tried to convince".
        int after = Math.Max(c.VerbAt + 1 + (c.Particle is null ? 0 : 1), skip + 1);
        bool able = false;
        if (c.Lemma == "be" && after + 1 < end && words[after].Lower == "able" && words[after + 1].Lower == "to") { after += 1; able = true; }
        else if (c.Lemma == "be" && after + 1 < end && words[after].Lower == "going" && words[after + 1].Lower == "to") { after += 1; c.Mood = Mood.Will; }
        if (after + 2 < end && words[after].Lower is "not" or "never" && words[after + 1].Lower == "to" && c.Lemma != "be") after++; // "decided not to launch"
        if (after + 1 < end && words[after].Lower == "to")
        {
            int inf = Words.SkipAdverbs(words, after + 1, lex);
            if (inf < end && WordNet.IsVerb(words[inf].Lower) && WordNet.VerbFormOf(words[inf].Lower) is VerbForm.Base or VerbForm.None || inf < end && WordNet.VerbLemma(words[inf].Lower) == words[inf].Lower)
            {
                string infLemma = WordNet.VerbLemma(words[inf].Lower) ?? words[inf].Lower;
                var plan = lex.Set("plan-verbs");
                var through = lex.Set("pass-through-verbs");
                if (c.Lemma is not null && plan.Contains(c.Lemma)) { if (c.Mood == Mood.Did) c.Mood = Mood.Planned; c.Then = infLemma; c.ThenAt = inf; }
                else if (c.Lemma is "try" or "attempt") { c.Attempted = true; c.Then = infLemma; c.ThenAt = inf; }
                else if (c.Lemma is not null && (through.Contains(c.Lemma) || c.Lemma == "be"))
                {
                    // "were able to ship", "had to cut", "managed to ship": the action is the infinitive.
                    // "the goal was to reach 5%", "the plan was to launch": an aim, not an act.
                    if (c.Lemma == "be" && !able && c.Mood == Mood.Did && c.Voice == Voice.Active) c.Mood = Mood.Planned;
                    c.Lemma = infLemma; c.VerbAt = inf; c.Voice = Voice.Active; c.Particle = null;
                    ReadParticle(c, words, inf, end);
                }
                else { c.Then = infLemma; c.ThenAt = inf; }
            }
        }

        // The agent of a passive: "by" + a noun phrase that is not a measure or a time.
        if (c.Voice == Voice.Passive)
        {
            for (int k = c.VerbAt + 1; k < end && k <= c.VerbAt + 4; k++)
            {
                if (words[k].Lower != "by") continue;
                if (k + 1 >= end) break;
                var n = words[k + 1];
                // "adopted by three teams", "used by 40 sellers": a counted agent, not a measure.
                if ((n.Kind == TokenKind.Number || Grammar.NumberWords.Contains(n.Lower)) && k + 2 < end
                    && (lex.Set("team-nouns").Contains(Words.Normalize(words[k + 2].Lower)) || lex.Set("other-actors").Contains(Words.Normalize(words[k + 2].Lower))))
                { c.HasAgent = true; break; }
                if (n.Kind == TokenKind.Number || n.Lower is "then" or "now" or "q1" or "q2" or "q3" or "q4" or "end" or "early" or "late" or "half"
                    or "far" or "design" or "default" or "hand" or "mistake" or "accident" or "noon" or "midnight" || Grammar.NumberWords.Contains(n.Lower)
                    || n.Lower == "the" && k + 2 < end && words[k + 2].Lower is "end" or "start" or "time" or "deadline" or "launch" or "next" or "same")
                    break;
                c.HasAgent = true;
                break;
            }
        }
    }

    /// <summary>"signed off", "rolled out", "settled on", "pushed back".</summary>
    private static void ReadParticle(Clause c, Token[] words, int verbAt, int end)
    {
        if (verbAt + 1 >= end) return;
        string p = words[verbAt + 1].Lower;
        string lemma = WordNet.VerbLemma(words[verbAt].Lower) ?? words[verbAt].Lower;
        if (p is "off" or "out" or "up" or "back" or "down" or "together" or "away" or "forward"
            || p == "on" && lemma is "settle" or "decide" or "sign" or "agree" or "follow" or "move" or "pass" or "take" or "land" or "converge" or "go")
            c.Particle = p;
    }

    /// <summary>"was excited", "was responsible", "was involved": a state, not a passive.</summary>
    private static bool IsAdjectival(string participle, Lexicon lex)
    {
        if (lex.Set("adjectival-participles").Contains(participle)) return true;
        int adj = WordNet.Frequency(participle, Pos.Adjective);
        int verb = WordNet.Frequency(participle, Pos.Verb);
        return adj > 0 && adj > 2 * verb;
    }
}
