using System.Globalization;
using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>
/// context-too-long: the Context part takes more than twice its share of the story (the target
/// split is context 20 s, decision 90 s, impact and reflection 60 s, scaled to the story's length).
/// </summary>
public sealed class ContextTooLong : Rule
{
    public override string Id => "context-too-long";

    public override void Check(RuleContext ctx)
    {
        var doc = ctx.Document;
        if (!doc.HasReadableParts) return;
        var context = doc.FindPart(PartKind.Context);
        if (context is null || doc.Words == 0) return;
        var s = ctx.Settings;
        double seconds = context.Words / s.WordsPerMinute * 60;
        double total = doc.Words / s.WordsPerMinute * 60;
        double targetTotal = s.ContextSeconds + s.DecisionSeconds + s.ImpactReflectionSeconds;
        double share = s.ContextSeconds / targetTotal * total;
        if (seconds <= 2 * share || seconds <= s.ContextSeconds) return;
        var (start, end) = StoryAnchor.Heading(context);
        var inv = CultureInfo.InvariantCulture;
        ctx.Report(Id, start, end, new Dictionary<string, string>
        {
            ["seconds"] = seconds.ToString("0", inv),
            ["total"] = total.ToString("0", inv),
            ["percent"] = (seconds / total * 100).ToString("0", inv),
            ["target"] = share.ToString("0", inv),
        });
    }
}
