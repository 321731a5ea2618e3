using PmPrep.Core.Analysis;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Rules;

/// <summary>
/// team-as-actor: "my team", "the team", "engineering" is the subject of a key action and no
/// "I" appears in the sentence. Silent as soon as the candidate acts too
/// ("Engineering pushed back, so I absorbed QA").
/// </summary>
public sealed class TeamAsActor : SentenceRule
{
    public override string Id => "team-as-actor";

    protected override void CheckSentence(RuleContext ctx, Sentence s)
    {
        var clauses = ctx.Reading.Of(s);
        // The candidate acts in the sentence too ("Engineering pushed back, so I absorbed QA"): not hidden.
        foreach (var c in clauses) if (c.Actor == Actor.I && !c.SubjectShared && !c.Quoted) return;
        var words = s.Words;
        foreach (var c in clauses)
        {
            bool ourTeam = c.Actor == Actor.We && c.SubjectFirst >= 0 && c.SubjectEnd - c.SubjectFirst >= 2; // "our team built": we-language and team-as-actor
            if (c.Actor != Actor.Team && !ourTeam || c.SubjectShared || c.SubjectFirst < 0 || c.VerbAt < 0) continue;
            if (c.Quoted || c.Reported || c.Mood != Mood.Did || c.Voice == Voice.Passive || c.Negated) continue;
            if (WeLanguage.IsState(c, ctx.Lexicon)) continue;
            // "The carrier team resisted": a stance, the pushback a good story has; not the team doing the work.
            if (c.Lemma is { } l && (ctx.Lexicon.Set("stance-lemmas").Contains(l) || c.Particle is { } p && ctx.Lexicon.Set("stance-lemmas").Contains(l + " " + p))) continue;
            int i = c.SubjectFirst, v = c.VerbAt;
            var (start, stop) = RuleContext.WordSpan(s, i, v + 1);
            string actor = RuleContext.WordText(s, i, c.SubjectEnd);
            var fixes = new List<Fix>();
            // "My team launched X" -> "I [what I decided or did], and my team launched X"
            var first = words[i];
            string lowered = i == 0 && !IsProperNoun(first.Text) ? char.ToLowerInvariant(first.Text[0]) + first.Text[1..] : first.Text;
            var edit = s.Block.InBlockQuote ? null : RuleContext.Edit(s, first.Start, first.End, Templates.OwnPart + lowered);
            if (edit is not null) fixes.Add(new Fix(ctx.FixTitle(Id), new[] { edit }));
            ctx.Report(Id, start, stop, new Dictionary<string, string> { ["phrase"] = actor }, fixes, RuleContext.WordText(s, i, v + 1));
            return;
        }
    }

    private static bool IsProperNoun(string w) => w.Length > 1 && w.All(char.IsUpper); // "QA", "UX"
}
