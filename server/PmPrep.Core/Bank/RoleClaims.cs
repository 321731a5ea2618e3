using PmPrep.Core.Model;

namespace PmPrep.Core.Bank;

/// <summary>How a story describes the candidate's part in a piece of work.</summary>
public enum RoleLevel { None, Lead, Support }

/// <summary>
/// One first-person statement of the candidate's role: "I led the migration of the web checkout".
/// <see cref="Object"/> holds the stems of the content words of what was led or supported;
/// <see cref="Names"/> the capitalised names in it ("Project Atlas"). Offsets are the sentence's
/// source range, where <c>role-inconsistency</c> reports.
/// </summary>
public sealed record RoleClaim(RoleLevel Level, string Phrase, IReadOnlySet<string> Object, IReadOnlyList<string> Names, int Start, int End);

/// <summary>Finds role statements in a story and reads the front matter's <c>role:</c>.</summary>
public static class RoleClaims
{
    // Verbs that state the candidate led the work, and those that state a supporting part.
    // Deliberately short: "ran" ("I ran the test") and "managed" ("I managed to") say nothing of role.
    private static readonly HashSet<string> LeadVerbs = new(StringComparer.Ordinal) { "led", "owned", "drove", "headed", "spearheaded", "co-led" };
    private static readonly HashSet<string> SupportVerbs = new(StringComparer.Ordinal) { "supported", "helped", "assisted", "contributed", "participated" };
    private static readonly HashSet<string> LeadNouns = new(StringComparer.Ordinal) { "lead", "owner", "driver", "head", "dri", "single-threaded" };
    private static readonly HashSet<string> SupportNouns = new(StringComparer.Ordinal) { "contributor", "member", "supporter", "helper", "participant", "assistant" };
    private static readonly HashSet<string> Adverbs = new(StringComparer.Ordinal)
    {
        "also", "then", "personally", "mainly", "mostly", "primarily", "largely", "actively", "directly", "initially", "later",
        "eventually", "effectively", "just", "only", "really", "jointly", "formally", "informally", "partly", "partially", "essentially",
    };
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal) { "not", "never", "didn't", "did", "wasn't", "hadn't", "couldn't", "wouldn't", "should", "would", "could", "might", "must", "will", "want", "wanted", "hoped", "tried" };
    private static readonly HashSet<string> ClauseBreaks = new(StringComparer.Ordinal) { "because", "since", "so", "and", "but", "while", "when", "which", "who", "after", "before", "until", "although", "though", "where" };
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal) { "with", "on", "in", "to", "out", "the", "a", "an", "of", "for", "my", "our" };

    /// <summary>Role statements in the prose, in order. Quoted speech, negations and hypotheticals are skipped.</summary>
    public static List<RoleClaim> Find(StoryDocument doc)
    {
        var claims = new List<RoleClaim>();
        foreach (var s in doc.Sentences)
        {
            var w = s.Words;
            for (int i = 0; i < w.Length; i++)
            {
                if (!w[i].Is("i") || w[i].InQuote) continue;
                int k = i + 1;
                while (k < w.Length && Adverbs.Contains(w[k].Lower)) k++;
                if (k >= w.Length || Negations.Contains(w[k].Lower)) continue;
                var (level, objStart) = VerbAt(w, k);
                if (level == RoleLevel.None) continue;
                // "I helped my director present the plan", "I supported Maria, who led it": helping a
                // person do something says nothing of the candidate's role in the work.
                if (level == RoleLevel.Support && HelpsAPerson(w, objStart)) continue;
                int objEnd = objStart;
                while (objEnd < w.Length && objEnd - objStart < 10 && !ClauseBreaks.Contains(w[objEnd].Lower) && !HasBreakBefore(s, w, objEnd)) objEnd++;
                var obj = new HashSet<string>(StringComparer.Ordinal);
                for (int j = objStart; j < objEnd; j++)
                    if (Fingerprint.ContentStem(w[j]) is { } stem && !GenericObjectWords.Contains(stem)) obj.Add(stem);
                if (obj.Count == 0) continue;
                var names = NamesIn(w, objStart, objEnd);
                int phraseEnd = Math.Max(PhraseEnd(w, objStart, objEnd), k + 1);
                string phrase = s.Block.Text.Substring(w[i].Start, w[phraseEnd - 1].End - w[i].Start);
                claims.Add(new RoleClaim(level, phrase, obj, names, s.SourceStart, s.SourceEnd));
                i = objEnd - 1;
            }
        }
        return claims;
    }

    /// <summary>The level a front-matter <c>role:</c> states: "lead PM", "owner" are Lead; "supporting PM", "contributor" Support; "senior PM" None.</summary>
    public static RoleLevel OfRoleValue(string? role)
    {
        if (string.IsNullOrWhiteSpace(role)) return RoleLevel.None;
        var words = Part.Normalize(role).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool lead = false, support = false;
        foreach (var word in words)
        {
            if (word is "lead" or "led" or "leading" or "owner" or "owned" or "owning" or "driver" or "head" or "dri" or "threaded") lead = true;
            if (word is "support" or "supporting" or "supported" or "contributor" or "contributing" or "member" or "assistant" or "assisting" or "helper" or "helping" or "participant" or "shadow") support = true;
        }
        return lead == support ? RoleLevel.None : lead ? RoleLevel.Lead : RoleLevel.Support;
    }

    // Words too general to tie a role to a piece of work ("I led the effort", "I helped the team").
    private static readonly HashSet<string> GenericObjectWords = new(StringComparer.Ordinal)
    {
        "effort", "work", "project", "program", "initiative", "thing", "part", "process", "piece", "people", "everyone", "other",
        "them", "it", "way", "rest", "whole",
    };

    private static (RoleLevel Level, int ObjectStart) VerbAt(Token[] w, int k)
    {
        string v = w[k].Lower;
        if (LeadVerbs.Contains(v)) return (RoleLevel.Lead, k + 1);
        if (SupportVerbs.Contains(v))
        {
            int o = k + 1;
            if (o < w.Length && w[o].Lower is "to" or "in" or "with" or "on") o++;
            return (RoleLevel.Support, o);
        }
        // "I took ownership of", "I took the lead on"
        if (v == "took" && k + 1 < w.Length)
        {
            int o = k + 1;
            if (w[o].Lower is "the") o++;
            if (o < w.Length && w[o].Lower is "ownership" or "lead" && o + 1 < w.Length && w[o + 1].Lower is "of" or "on" or "for") return (RoleLevel.Lead, o + 2);
            return (RoleLevel.None, 0);
        }
        if (v is "was" && k + 1 < w.Length)
        {
            int o = k + 1;
            // "I was involved in", "I was part of"
            if (w[o].Lower == "involved" && o + 1 < w.Length && w[o + 1].Lower is "in" or "with") return (RoleLevel.Support, o + 2);
            if (w[o].Lower == "part" && o + 1 < w.Length && w[o + 1].Lower == "of") return (RoleLevel.Support, o + 2);
            // "I was responsible for", "I was accountable for"
            if (w[o].Lower is "responsible" or "accountable" && o + 1 < w.Length && w[o + 1].Lower == "for") return (RoleLevel.Lead, o + 2);
            // "I was the (lead PM | owner | single-threaded owner) of/for/on", "I was a (contributor | member) of/on"
            if (w[o].Lower is "the" or "a" or "an")
            {
                int end = Math.Min(w.Length, o + 5);
                for (int j = o + 1; j < end; j++)
                {
                    string n = w[j].Lower;
                    RoleLevel level = LeadNouns.Contains(n) ? RoleLevel.Lead : SupportNouns.Contains(n) ? RoleLevel.Support : RoleLevel.None;
                    if (level == RoleLevel.None) continue;
                    int after = j + 1;
                    while (after < end + 2 && after < w.Length && w[after].Lower is "pm" or "pms" or "product" or "manager" or "engineer") after++;
                    if (after < w.Length && w[after].Lower is "of" or "for" or "on" or "in") return (level, after + 1);
                    return (RoleLevel.None, 0);
                }
            }
        }
        return (RoleLevel.None, 0);
    }

    // The phrase quoted in messages stops at the first preposition once the object has two content
    // words: "I led the migration of the web checkout" rather than "... to the company's new".
    private static readonly HashSet<string> PhraseStops = new(StringComparer.Ordinal) { "to", "for", "at", "from", "by", "during", "across", "into", "with", "in", "on", "over", "within", "using" };

    private static int PhraseEnd(Token[] w, int from, int to)
    {
        int content = 0;
        for (int j = from; j < to; j++)
        {
            if (content >= 2 && PhraseStops.Contains(w[j].Lower)) return j;
            if (Fingerprint.ContentStem(w[j]) is not null) content++;
        }
        return to;
    }

    private static readonly HashSet<string> People = new(StringComparer.Ordinal)
    {
        "him", "her", "them", "director", "manager", "boss", "vp", "svp", "ceo", "cto", "cfo", "colleague", "colleagues", "peer", "peers",
        "lead", "engineer", "engineers", "designer", "designers", "analyst", "pm", "pms", "team", "teams", "teammate", "teammates",
        "mentee", "report", "reports", "partner", "founder", "head", "owner",
    };

    private static bool HelpsAPerson(Token[] w, int at)
    {
        int j = at;
        if (j < w.Length && w[j].Lower is "my" or "our" or "the" or "a" or "another") j++;
        if (j < w.Length && w[j].Lower is "new" or "junior" or "senior" or "product" or "engineering" or "design" or "data" or "program") j++;
        // (A person's name, "I supported Maria, who led it", needs no rule: the clause ends at the comma.)
        return j < w.Length && People.Contains(w[j].Lower);
    }

    private static bool HasBreakBefore(Sentence s, Token[] w, int j)
    {
        // A comma, semicolon, colon, dash or bracket between word j-1 and word j ends the object.
        if (j == 0) return false;
        int from = w[j - 1].End, to = w[j].Start;
        for (int c = from; c < to; c++)
            if (s.Block.Text[c] is ',' or ';' or ':' or '(' or ')' or '\u2014' or '\u2013') return true;
        return false;
    }

    /// <summary>Capitalised runs inside the object ("Project Atlas", "Prime Now"), as written.</summary>
    private static List<string> NamesIn(Token[] w, int from, int to)
    {
        var names = new List<string>();
        int j = from;
        while (j < to)
        {
            if (w[j].IsCapitalized && w[j].Kind == TokenKind.Word && !w[j].Is("i"))
            {
                int start = j;
                while (j < to && w[j].IsCapitalized) j++;
                names.Add(string.Join(" ", w[start..j].Select(t => t.Text)));
            }
            else j++;
        }
        return names;
    }
}
