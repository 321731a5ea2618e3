using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>
/// lp-name-drop: a Leadership Principle named in the prose. Names of three or more words
/// ("Bias for Action") count in any case; two-word names that are also ordinary phrases ("dive
/// deep", "think big") only when capitalised; one-word names (Ownership, Frugality, Backbone) only
/// when used as the name ("my Ownership", "a Frugality example", "Ownership and Dive Deep").
/// </summary>
public sealed class LpNameDrop : SentenceRule
{
    public override string Id => "lp-name-drop";

    private static readonly HashSet<string> Minor = new(StringComparer.Ordinal) { "and", "for", "the", "to", "be", "a", "of", "on", "on", "bring", "are" };

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "this", "story", "example", "shows", "show", "showed", "demonstrates", "demonstrated", "demonstrate", "my", "i", "think",
        "the", "and", "were", "was", "is", "both", "important", "in", "project", "principle", "principles", "of", "a", "an", "how",
        "used", "also", "here", "really", "very", "strong", "great", "key", "it", "that", "as", "me", "clearly", "highlights",
        "illustrates", "reflects", "proves", "displays", "leadership", "lp", "lps", "showcases", "embodies", "exemplifies",
        "are", "for", "to", "be", "on", "bring", "we", "our", "ability", "skills", "skill", "strength", "strengths", "two", "these",
        "they", "all", "about", "what", "well",
    };

    private static readonly HashSet<string> Framing = new(StringComparer.Ordinal)
    {
        "shows", "show", "showed", "demonstrates", "demonstrated", "illustrates", "maps", "mapped", "reflects", "proves", "embodies",
        "my", "this", "highlights", "showcases", "displays", "exemplifies", "used", "applied", "example",
    };

    private sealed record Name(string[] Words, Principle Principle, bool AnyCase, bool OneWord);

    /// <summary>Names by their first word, longest first.</summary>
    private static readonly Lazy<Dictionary<string, List<Name>>> Names = new(() =>
    {
        var list = new List<Name>();
        foreach (var p in EngineData.Default.Principles)
            foreach (var n in p.Aliases.Append(p.Name).Distinct())
            {
                var words = PrincipleNames.Key(n).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0) continue;
                bool oneWord = words.Length == 1;
                // Lower case counts only for names no one writes by accident: the official names of
                // three or more words, and a few distinctive short forms. "hire and develop the team"
                // or "we were right a lot" are ordinary English.
                string key = PrincipleNames.Key(n);
                bool anyCase = (words.Length >= 3 && key == PrincipleNames.Key(p.Name))
                               || key is "customer obsession" or "disagree and commit" or "bias for action" or "bias to action" or "insist on the highest standards";
                list.Add(new Name(words, p, anyCase, oneWord));
            }
        list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        var index = new Dictionary<string, List<Name>>(StringComparer.Ordinal);
        foreach (var n in list)
        {
            if (!index.TryGetValue(n.Words[0], out var l)) index[n.Words[0]] = l = new();
            l.Add(n);
        }
        return index;
    });

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var words = s.Words;
        var hits = Hits(words);
        var drops = hits.Where(h => !h.Name.OneWord || IsUsedAsName(words, h.Start, hits)).ToList();
        // A principle claimed as a trait ("I am curious to a fault"): named, not shown. No fix: the
        // rest of the sentence may be the story.
        if (drops.Count == 0 && TraitClaim(s, ctx.Reading.Of(s), ctx.Lexicon) is var (ts, te))
        {
            var (tStart, tStop) = RuleContext.WordSpan(s, ts, te);
            string trait = RuleContext.WordText(s, ts, te);
            ctx.Report(Id, tStart, tStop, new Dictionary<string, string> { ["phrase"] = trait }, new List<Fix>(), trait);
            return;
        }
        // "leadership principle" itself.
        // "leadership principle" itself, when the story frames itself with it ("this shows the
        // leadership principle of ..."), not when it is the subject ("interviewers owned two leadership principles").
        for (int i = 0; i + 1 < words.Length; i++)
            if (words[i].Lower == "leadership" && words[i + 1].Lower is "principle" or "principles" && !words[i].InQuote
                && words.Skip(Math.Max(0, i - 4)).Take(i - Math.Max(0, i - 4)).Any(w => Framing.Contains(w.Lower)))
                drops.Add((i, i + 2, null!));
        if (drops.Count == 0) return;
        drops.Sort((a, b) => a.Start.CompareTo(b.Start));
        var first = drops[0];
        var (start, stop) = RuleContext.WordSpan(s, first.Start, first.End);
        string phrase = RuleContext.WordText(s, first.Start, first.End);
        var fixes = new List<Fix>();
        if (OnlyNamesPrinciples(words, hits.Concat(drops).ToList()) && DeleteSentence(s, ctx.Document.Text) is { } del)
            fixes.Add(new Fix(ctx.FixTitle(Id), new[] { del }, FixKind.MeaningPreserving, Preferred: true));
        ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = phrase }, fixes, phrase);
    }

    private static List<(int Start, int End, Name Name)> Hits(Token[] words)
    {
        var hits = new List<(int Start, int End, Name Name)>();
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i].InQuote) continue;
            if (!Names.Value.TryGetValue(Key(words[i]), out var candidates)) continue;
            foreach (var name in candidates)
            {
                if (!Matches(words, i, name.Words)) continue;
                int end = i + name.Words.Length;
                if (!name.AnyCase && !Capitalised(words, i, end)) continue;
                hits.Add((i, end, name));
                i = end - 1;
                break;
            }
        }
        return hits;
    }

    /// <summary>True when the sentence names a principle as this rule reads names: its LP cues are then no evidence.</summary>
    internal static bool NamesAPrinciple(Sentence s)
    {
        var hits = Hits(s.Words);
        return hits.Any(h => !h.Name.OneWord || IsUsedAsName(s.Words, h.Start, hits));
    }

    /// <summary>
    /// The words of a principle claimed as a trait, from the clause: a present-tense, affirmative
    /// "be" (or a participle after it, "are obsessed with customers") whose subject is the candidate, "we" or a generic role ("any good PM"), followed (past
    /// adverbs, "a"/"an", "very") by one of <c>lp-trait-claims</c> that is not curiosity about
    /// something ("curious why", "curious to see"). Null when there is none.
    /// </summary>
    internal static (int Start, int End)? TraitClaim(Sentence s, Reading.Clause[] clauses, Lexicon lex)
    {
        var words = s.Words;
        foreach (var c in clauses)
        {
            // "be" as the main verb ("I am curious"), or a participle read as a passive ("PMs are obsessed with customers").
            bool copula = c.Lemma == "be" && c.Voice == Reading.Voice.Active;
            if (!(copula || c.Voice == Reading.Voice.Passive) || c.VerbAt < 0 || c.Mood != Reading.Mood.Did
                || c.Past || c.Negated || c.Quoted || c.Reported || !GenericOrOwnSubject(c, words, lex)) continue;
            int k = copula ? c.VerbAt + 1 : c.VerbAt;
            while (true)
            {
                int next = Reading.Words.SkipAdverbs(words, k, lex);
                while (next < c.End && words[next].Lower is "a" or "an" or "very" or "so" or "quite" or "truly" or "deeply") next++;
                if (next == k) break;
                k = next;
            }
            int end = lex["lp-trait-claims"].LongestAt(words, k);
            if (end < 0 || end > c.End || words[k].InQuote) continue;
            if (end < words.Length && lex.Set("trait-objects").Contains(words[end].Lower)) continue;
            // "curious to see": an infinitive is curiosity about something; "curious to a fault" is the trait.
            if (end + 1 < words.Length && words[end].Lower == "to" && Reading.WordNet.IsVerb(words[end + 1].Lower)
                && words[end + 1].Lower is not ("a" or "an" or "the")) continue;
            return (k, end);
        }
        return null;
    }

    private static bool GenericOrOwnSubject(Reading.Clause c, Token[] words, Lexicon lex)
    {
        if (c.Actor is Reading.Actor.I or Reading.Actor.We) return true;
        // "any good PM", "every leader", "product managers": not "my manager", "the PMs" (someone in particular).
        if (c.SubjectFirst < 0 || words[c.SubjectFirst].Lower is "my" or "our" or "the" or "his" or "her" or "their" or "your" or "this" or "that") return false;
        var roles = lex["generic-role-subjects"];
        var others = lex["trait-other-subjects"];
        bool generic = false;
        for (int w = c.SubjectFirst; w < c.SubjectEnd; w++)
        {
            if (others.LongestAt(words, w) > w) return false; // "every customer is frugal": about customers
            generic |= roles.LongestAt(words, w) > w;
        }
        return generic;
    }

    private static bool Matches(Token[] words, int at, string[] name)
    {
        if (at + name.Length > words.Length) return false;
        for (int k = 0; k < name.Length; k++)
            if (Key(words[at + k]) != name[k]) return false;
        return true;
    }

    // Principle keys drop apostrophes ("earth's" -> "earths").
    private static string Key(Token t) => t.Lower.Contains('\'') ? t.Lower.Replace("'", "") : t.Lower;

    private static bool Capitalised(Token[] words, int start, int end)
    {
        for (int k = start; k < end; k++)
            if (!Minor.Contains(words[k].Lower) && !words[k].IsCapitalized) return false;
        return true;
    }

    /// <summary>A one-word name counts when capitalised mid-sentence and framed as the principle.</summary>
    private static bool IsUsedAsName(Token[] words, int at, List<(int Start, int End, Name Name)> hits)
    {
        if (!words[at].IsCapitalized) return false;
        bool otherName = hits.Any(h => h.Start != at && Math.Abs(h.Start - at) <= 3);
        if (otherName) return true;
        if (at > 0 && words[at - 1].Lower is "my" or "of" or "shows" or "show" or "showed" or "demonstrates" or "demonstrated" or "showcases" or "highlights" or "illustrates" or "reflects" or "proves" or "displays" or "used" or "applied" or "the" or "an" or "a" or "embodies")
            return at > 0 && (words[at - 1].Lower is not ("the" or "a" or "an") || (at + 1 < words.Length && words[at + 1].Lower is "principle" or "example" or "story" or "lp"));
        if (at + 1 < words.Length && words[at + 1].Lower is "principle" or "example" or "story" or "lp") return true;
        return false;
    }

    private static bool OnlyNamesPrinciples(Token[] words, List<(int Start, int End, Name Name)> hits)
    {
        for (int i = 0; i < words.Length; i++)
        {
            if (hits.Any(h => i >= h.Start && i < h.End)) continue;
            if (!Filler.Contains(words[i].Lower)) return false;
        }
        return true;
    }

    /// <summary>Deletes the sentence and the white space after it (or before it, at a paragraph's end).</summary>
    private static Text.TextEdit? DeleteSentence(Sentence s, string doc)
    {
        // The sentence is the whole one-line block: delete the line, with its list or quote marker,
        // rather than leave an empty "- " behind.
        if (s.Start == 0 && s.End == s.Block.Text.Length && s.Block.Kind == BlockKind.Paragraph && s.Block.IsContiguous(0, s.Block.Text.Length))
        {
            int from = s.Block.SourceStart, to = s.Block.AfterClosingMarkup(s.Block.SourceEnd);
            int lineStart = from == 0 ? 0 : doc.LastIndexOf('\n', from - 1) + 1;
            int lineEnd = doc.IndexOf('\n', to);
            lineEnd = lineEnd < 0 ? doc.Length : lineEnd + 1;
            bool markersBefore = doc.AsSpan(lineStart, from - lineStart).IndexOfAnyExcept(" \t>-*+_0123456789.)") < 0;
            bool blankAfter = doc.AsSpan(to, lineEnd - to).IndexOfAnyExcept(" \t\r\n") < 0;
            if (markersBefore && blankAfter && doc.IndexOf('\n', from, to - from) < 0)
                return new Text.TextEdit(lineStart, lineEnd - lineStart, "");
        }
        var text = s.Block.Text;
        int start = s.Start, end = s.End;
        int after = end;
        while (after < text.Length && text[after] == ' ') after++;
        if (after < text.Length) end = after;
        else
        {
            int before = start;
            while (before > 0 && text[before - 1] == ' ') before--;
            start = before;
        }
        return RuleContext.Edit(s, start, end, "");
    }
}
