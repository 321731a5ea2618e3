using PmPrep.Core.Model;
using PmPrep.Core.Rules;

namespace PmPrep.Core.PrFaq.Rules;

/// <summary>A rule over a PR/FAQ: its texts in Data/rules.yaml (scope prfaq), its page in docs/rules/&lt;id&gt;.md.</summary>
public abstract class PrFaqRule
{
    public abstract string Id { get; }
    public abstract void Check(RuleContext ctx, PrFaqDocument prfaq);

    protected static bool Cue(RuleContext ctx, string list, Sentence s) => ctx.Lexicon[list].Any(s.Words);

    protected void ReportAt(RuleContext ctx, (int Start, int End) at, string what) =>
        ctx.Report(Id, at.Start, at.End, new Dictionary<string, string> { ["what"] = what });

    protected static (int Start, int End) Anchor(PrFaqDocument p) => StoryAnchor.Title(p.Document);
    protected static (int Start, int End) HeadingOf(PrFaqSection s) => (s.Heading.SourceStart, s.Heading.SourceEnd);
}
