using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Model;
using PmPrep.Core.Parsing;
using PmPrep.Core.Reading;
using PmPrep.Core.Rules;
using PmPrep.Core.Signals;

namespace PmPrep.Core.Practice;

/// <summary>
/// What design answers and PR/FAQs share: parse, read the clauses, check the front matter, run the
/// file kind's own rules (not on an empty file, such as a template just created) and sort the
/// findings. Each analyzer builds its model and its <see cref="StoryAnalysis"/> from the result.
/// </summary>
internal static class PracticeRun
{
    public static (StoryDocument Doc, PmPrepSettings Settings, StoryReading Reading, List<Diagnostic> Diagnostics, TModel Model) Run<TModel>(
        string? text, PmPrepSettings? settings, Func<StoryDocument, PmPrepSettings, TModel> model, Action<RuleContext, TModel> rules)
    {
        settings ??= PmPrepSettings.Default;
        var lexicon = Lexicon.For(settings);
        var doc = StoryParser.Parse(text ?? string.Empty);
        var m = model(doc, settings);
        // The clause reading comes with every analysis (hovers and the drill read it); the rules here do not need it.
        var reading = StoryReading.Read(doc, lexicon);
        var diagnostics = new List<Diagnostic>();
        var ctx = new RuleContext(doc, settings, lexicon, reading, Array.Empty<LpSignal>(), Array.Empty<(FrontMatterValue, Principle?)>(), diagnostics);
        new FrontMatterInvalid().Check(ctx);
        if (doc.Words > 0) rules(ctx, m);
        diagnostics.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.RuleId, b.RuleId));
        return (doc, settings, reading, diagnostics, m);
    }
}
