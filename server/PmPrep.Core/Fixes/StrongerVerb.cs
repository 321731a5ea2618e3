using PmPrep.Core.Analysis;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;
using PmPrep.Core.Rules;

namespace PmPrep.Core.Fixes;

/// <summary>
/// Stronger-verb actions for weak-ownership-verb, one per verb (owned, led, decided), each titled
/// so the author confirms it is true, and only where the result reads as English:
/// "I supported the migration to X" -> "I owned / led the migration to X";
/// "I contributed to the decision to X" -> "I decided to X"; "I helped decide X" -> "I decided X";
/// "I coordinated the three teams" -> "I led the three teams". None where the object is not a
/// plain noun phrase ("helped the team ship", "helped Priya", "worked with finance"), where the
/// object is a person that was helped ("supported the PM"), or for collaborated / worked with /
/// influenced / was part of, whose honest stronger form depends on what the author did: the hover guides instead.
/// </summary>
public static class StrongerVerb
{
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    { "the", "a", "an", "our", "my", "this", "that", "its", "their", "his", "her", "these", "those", "every", "all", "both", "each", "two", "three", "four", "several" };

    /// <summary>Words that end an object noun phrase and may follow it.</summary>
    private static readonly HashSet<string> Boundaries = new(StringComparer.Ordinal)
    {
        "to", "in", "on", "for", "with", "during", "by", "and", "or", "but", "so", "because", "while", "when", "that", "which", "who",
        "of", "from", "across", "at", "through", "after", "before", "until", "since", "as", "into", "over", "under", "between",
        "within", "without", "via", "per", "ahead", "end", "until", "despite", "given", "where",
    };

    private static readonly HashSet<string> People = new(StringComparer.Ordinal)
    {
        "team", "teams", "engineers", "engineer", "pm", "pms", "manager", "managers", "designer", "designers", "squad", "org", "people",
        "developers", "developer", "scientist", "scientists", "analyst", "analysts", "lead", "leads", "director", "vp", "intern", "interns",
        "colleague", "colleagues", "peers", "peer", "partners", "members", "staff", "group", "groups", "engineering", "sales", "legal",
        "finance", "marketing", "ops", "leadership", "boss", "ceo", "cto", "customer", "customers", "seller", "sellers", "users", "user",
        "me", "him", "them", "us", "owner", "owners", "stakeholders", "executives", "hire", "hires",
    };

    public static List<Fix> Offer(Sentence s, int verb, int end, RuleContext ctx)
    {
        var words = s.Words;
        var fixes = new List<Fix>();
        if (s.Block.InBlockQuote) return fixes;
        string lead = string.Join(" ", words[verb..end].Select(w => w.Lower));
        if (lead is "collaborated" or "worked with" or "influenced" or "was part of") return fixes;
        int objectAt = end;
        // "helped decide the pricing" -> "decided the pricing"
        if (lead is "helped" && objectAt < words.Length && words[objectAt].Lower is "decide")
        {
            AddFix(s, fixes, verb, objectAt + 1, "decided", Title(ctx, "decided", Ownership.Preview(s, objectAt + 1)));
            return fixes;
        }
        // "helped ship the redesign" -> "owned the redesign" / "shipped the redesign": the bare verb is the work.
        if (lead is "helped" && objectAt + 1 < words.Length && HelpedVerbs.TryGetValue(words[objectAt].Lower, out var did)
            && Determiners.Contains(words[objectAt + 1].Lower) && NounPhraseEnd(s, objectAt + 1) is int helpedEnd and > 0
            && !words[(objectAt + 1)..helpedEnd].Any(w => People.Contains(w.Lower)))
        {
            string helped = RuleContext.WordText(s, objectAt + 1, helpedEnd);
            AddFix(s, fixes, verb, objectAt + 1, "owned", Title(ctx, "owned", helped));
            AddFix(s, fixes, verb, objectAt + 1, did, ctx.FixTitle("weak-ownership-verb", "did",
                new Dictionary<string, string> { ["verb"] = words[objectAt].Lower, ["past"] = did, ["object"] = helped }));
            return fixes;
        }
        // Swallow the preposition these verbs take before their object.
        if (objectAt < words.Length && lead switch
        {
            "helped" or "assisted" => words[objectAt].Lower == "with",
            "was involved" or "participated" => words[objectAt].Lower == "in",
            "contributed" => words[objectAt].Lower == "to",
            _ => false,
        })
            objectAt++;
        // "helped the team ship", "helped the migration succeed": without "with", what follows "helped" is who or what was helped.
        if (lead is "helped" or "assisted" && objectAt == end) return fixes;
        if (objectAt >= words.Length || words[objectAt].InQuote) return fixes;
        var obj = words[objectAt];
        bool possessive = obj.Lower.EndsWith("'s", StringComparison.Ordinal) || obj.Lower.EndsWith("\u2019s", StringComparison.Ordinal);
        if (!Determiners.Contains(obj.Lower) && !possessive) return fixes; // "helped Priya", "supported finance": the hover guides

        // The noun phrase: the determiner and up to four words before a boundary or punctuation.
        int npEnd = objectAt + 1;
        while (npEnd < words.Length && npEnd - objectAt < 6 && !Boundaries.Contains(words[npEnd].Lower) && !PunctBefore(s, npEnd)
               && words[npEnd].Lower is not ("the" or "a" or "an" or "this" or "these" or "those" or "my" or "our" or "their"))
            npEnd++;
        bool clean = npEnd >= words.Length || Boundaries.Contains(words[npEnd].Lower) || PunctBefore(s, npEnd);
        if (!clean) return fixes; // "helped the team ship the ranking": no verb swap reads right
        bool person = words[objectAt..npEnd].Any(w => People.Contains(w.Lower));

        // "supported the decision to X" -> "decided to X"
        if (obj.Lower is "the" or "a" && npEnd == objectAt + 2 && words[objectAt + 1].Lower == "decision"
            && (npEnd >= words.Length || words[npEnd].Lower is "to" or "that" or "on" or "whether" || PunctBefore(s, npEnd)))
        {
            AddFix(s, fixes, verb, objectAt, "owned", Title(ctx, "owned", RuleContext.WordText(s, objectAt, npEnd)));
            AddFix(s, fixes, verb, npEnd, "decided", Title(ctx, "decided", Ownership.Preview(s, npEnd)));
            return fixes;
        }
        if (person && lead is "helped" or "assisted" or "supported") return fixes; // "supported the PM": led them? Only the author knows.
        string np = RuleContext.WordText(s, objectAt, npEnd);
        if (!person) AddFix(s, fixes, verb, objectAt, "owned", Title(ctx, "owned", np));
        AddFix(s, fixes, verb, objectAt, "led", Title(ctx, "led", np));
        return fixes;
    }

    private static readonly Dictionary<string, string> HelpedVerbs = new(StringComparer.Ordinal)
    {
        ["ship"] = "shipped", ["launch"] = "launched", ["build"] = "built", ["design"] = "designed", ["deliver"] = "delivered",
        ["migrate"] = "migrated", ["run"] = "ran", ["write"] = "wrote", ["plan"] = "planned", ["redesign"] = "redesigned",
    };

    /// <summary>End of a plain noun phrase that starts at <paramref name="at"/> (a determiner and up to five words), or -1.</summary>
    private static int NounPhraseEnd(Sentence s, int at)
    {
        var words = s.Words;
        int npEnd = at + 1;
        while (npEnd < words.Length && npEnd - at < 6 && !Boundaries.Contains(words[npEnd].Lower) && !PunctBefore(s, npEnd)
               && words[npEnd].Lower is not ("the" or "a" or "an" or "this" or "these" or "those" or "my" or "our" or "their"))
            npEnd++;
        bool clean = npEnd >= words.Length || Boundaries.Contains(words[npEnd].Lower) || PunctBefore(s, npEnd);
        return clean ? npEnd : -1;
    }

    /// <summary>"If you owned it: I owned the migration": the title asks the author to confirm the claim (rules.yaml).</summary>
    private static string Title(RuleContext ctx, string verb, string obj) =>
        ctx.FixTitle("weak-ownership-verb", verb, new Dictionary<string, string> { ["object"] = obj });

    private static void AddFix(Sentence s, List<Fix> fixes, int verb, int objectAt, string strong, string title)
    {
        var edit = RuleContext.Edit(s, s.Words[verb].Start, s.Words[objectAt - 1].End, strong);
        if (edit is not null) fixes.Add(new Fix(title, new[] { edit }));
    }

    private static bool PunctBefore(Sentence s, int wordIndex) => Punct.BetweenWords(s, wordIndex - 1, wordIndex);
}
