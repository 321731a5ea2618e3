using PmPrep.Core.Model;
using PmPrep.Core.Rules;

namespace PmPrep.Core.Design.Rules;

/// <summary>A rule over a design answer: its texts in Data/rules.yaml (scope design), its page in docs/rules/&lt;id&gt;.md.</summary>
public abstract class DesignRule
{
    public abstract string Id { get; }
    public abstract void Check(RuleContext ctx, DesignAnswer design);

    /// <summary>True when a sentence matches a phrase list of Data/practice.yaml (with any .pmprep.yaml additions).</summary>
    protected static bool Cue(RuleContext ctx, string list, Sentence s) => ctx.Lexicon[list].Any(s.Words);

    protected static bool AnyCue(RuleContext ctx, string list, IEnumerable<Sentence> sentences) => sentences.Any(s => Cue(ctx, list, s));

    protected static bool HasNumber(Sentence s) => s.Words.Any(w => w.Kind == TokenKind.Number);

    /// <summary>Where a finding about the answer as a whole lands: the title, else the first heading or line.</summary>
    protected static (int Start, int End) Anchor(DesignAnswer d) => StoryAnchor.Title(d.Document);

    protected static (int Start, int End) HeadingOf(DesignSection s) => StoryAnchor.Heading(s.Part);

    protected static (int Start, int End) Span(Sentence s) => (s.SourceStart, s.SourceEnd);

    /// <summary>
    /// Reports on a part that is missing or says nothing: on its heading when it is there, else on
    /// the answer's title ("no Constraints part").
    /// </summary>
    protected void ReportPart(RuleContext ctx, DesignAnswer d, DesignSection? section, string what)
    {
        var (start, end) = section is not null ? HeadingOf(section) : Anchor(d);
        ctx.Report(Id, start, end, new Dictionary<string, string> { ["what"] = what });
    }
}
