using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Model;
using PmPrep.Core.Parsing;
using PmPrep.Core.Reading;
using PmPrep.Core.Practice;
using PmPrep.Core.PrFaq.Rules;
using PmPrep.Core.Rules;
using PmPrep.Core.Signals;

namespace PmPrep.Core.PrFaq;

/// <summary>PR/FAQs (<c>*.prfaq.md</c>): the story parser, the PR/FAQ reading of its headings, and the PR/FAQ rules. Pure.</summary>
public static class PrFaqAnalyzer
{
    public static IReadOnlyList<PrFaqRule> Rules { get; } = new PrFaqRule[]
    {
        new PrFaqNoCustomerProblem(),
        new PrFaqJargon(),
        new PrFaqNoInternalObjections(),
        new PrFaqNoTradeOff(),
    };

    public static StoryAnalysis Analyze(string text, PmPrepSettings? settings = null)
    {
        settings ??= PmPrepSettings.Default;
        var lexicon = Lexicon.For(settings);
        var doc = StoryParser.Parse(text ?? string.Empty);
        var prfaq = new PrFaqDocument(doc);
        // The clause reading comes with every analysis (hovers and the drill read it); the rules here do not need it.
        var reading = StoryReading.Read(doc, lexicon);
        var diagnostics = new List<Diagnostic>();
        var ctx = new RuleContext(doc, settings, lexicon, reading, Array.Empty<LpSignal>(), Array.Empty<(FrontMatterValue, Principle?)>(), diagnostics);
        new FrontMatterInvalid().Check(ctx);
        if (doc.Words > 0)
            foreach (var rule in Rules)
                if (settings.IsEnabled(rule.Id)) rule.Check(ctx, prfaq);
        diagnostics.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.RuleId, b.RuleId));
        return new StoryAnalysis(doc, settings, reading, diagnostics, Array.Empty<LpSignal>(), Array.Empty<(FrontMatterValue, Principle?)>())
        {
            Kind = PracticeKind.PrFaq,
            PrFaq = prfaq,
        };
    }
}
