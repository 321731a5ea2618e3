using PmPrep.Core.Model;
using PmPrep.Core.Rules;

namespace PmPrep.Core.Design.Rules;

/// <summary>
/// solution-before-problem: options or a feature come before the customer and the problem's cost
/// are defined. With headings: an Options, Deep dive or Pilot part placed before the Customer or
/// Problem part, or a feature proposed (design_solution) in a part that comes before both are
/// done. Without headings: a feature proposed before any sentence gives a number. Reported once.
/// </summary>
public sealed class SolutionBeforeProblem : DesignRule
{
    public override string Id => "solution-before-problem";

    public override void Check(RuleContext ctx, DesignAnswer d)
    {
        if (!d.HasParts)
        {
            var sentences = d.Document.Sentences;
            int firstNumber = sentences.FindIndex(HasNumber);
            int firstSolution = sentences.FindIndex(s => Cue(ctx, "design_solution", s));
            if (firstSolution >= 0 && firstNumber > firstSolution) Report(ctx, sentences[firstSolution], "the problem's cost");
            return;
        }
        int customer = d.Sections.FindIndex(s => s.Kind == DesignPartKind.Customer);
        int problem = d.Sections.FindIndex(s => s.Kind == DesignPartKind.Problem);
        if (customer < 0 || problem < 0) return; // customer-not-specific and problem-cost-missing say so
        int defined = Math.Max(customer, problem);
        string what = customer > problem ? "the customer" : "the problem's cost";
        int early = d.Sections.FindIndex(s => s.Kind is DesignPartKind.Options or DesignPartKind.DeepDive or DesignPartKind.Pilot);
        if (early >= 0 && early < defined)
        {
            var sec = d.Sections[early];
            if (early < customer && early < problem) what = "the customer and the problem's cost";
            var (start, end) = HeadingOf(sec);
            ctx.Report(Id, start, end, new Dictionary<string, string> { ["phrase"] = sec.Part.Name, ["what"] = what }, phrase: sec.Part.Name);
            return;
        }
        for (int i = 0; i < defined; i++)
            foreach (var s in d.Sections[i].Part.Sentences)
                if (Cue(ctx, "design_solution", s))
                {
                    Report(ctx, s, i < customer && i < problem ? "the customer and the problem's cost" : what);
                    return;
                }
    }

    private void Report(RuleContext ctx, Sentence s, string what)
    {
        string phrase = Phrase(s.Text);
        ctx.Report(Id, s.SourceStart, s.SourceEnd, new Dictionary<string, string> { ["phrase"] = phrase, ["what"] = what }, phrase: phrase);
    }

    internal static string Phrase(string text)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 80 ? text : text[..77].TrimEnd() + "...";
    }
}
