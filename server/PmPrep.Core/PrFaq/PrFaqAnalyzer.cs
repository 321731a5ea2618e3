using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Model;
using PmPrep.Core.Parsing;
using PmPrep.Core.Practice;
using PmPrep.Core.PrFaq.Rules;
using PmPrep.Core.Reading;
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
        var (doc, s, reading, diagnostics, prfaq) = PracticeRun.Run(text, settings, (d, _) => new PrFaqDocument(d), (ctx, m) =>
        {
            foreach (var rule in Rules)
                if (ctx.Settings.IsEnabled(rule.Id)) rule.Check(ctx, m);
        });
        return new StoryAnalysis(doc, s, reading, diagnostics, Array.Empty<LpSignal>(), Array.Empty<(FrontMatterValue, Principle?)>())
        {
            Kind = PracticeKind.PrFaq,
            PrFaq = prfaq,
        };
    }
}
