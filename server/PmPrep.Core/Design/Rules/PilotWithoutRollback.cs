using PmPrep.Core.Rules;

namespace PmPrep.Core.Design.Rules;

/// <summary>
/// pilot-without-rollback: a pilot or launch (design_pilot) with no threshold that would stop or
/// reverse it: no sentence of the answer has both a rollback word (design_rollback: roll back,
/// kill, pause, "switch it off") and a number. Reported on the first pilot sentence, in the Pilot
/// part when there is one. An answer with no pilot is not judged here.
/// </summary>
public sealed class PilotWithoutRollback : DesignRule
{
    public override string Id => "pilot-without-rollback";

    public override void Check(RuleContext ctx, DesignAnswer d)
    {
        var candidates = d.HasParts && d.Find(DesignPartKind.Pilot) is not null ? d.SentencesOf(DesignPartKind.Pilot) : d.Document.Sentences;
        var pilot = candidates.FirstOrDefault(s => Cue(ctx, "design_pilot", s));
        if (pilot is null) return;
        if (d.Document.Sentences.Any(s => HasNumber(s) && Cue(ctx, "design_rollback", s))) return;
        string phrase = SolutionBeforeProblem.Phrase(pilot.Text);
        ctx.Report(Id, pilot.SourceStart, pilot.SourceEnd, new Dictionary<string, string> { ["phrase"] = phrase }, phrase: phrase);
    }
}
