using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Design.Rules;
using PmPrep.Core.Model;
using PmPrep.Core.Parsing;
using PmPrep.Core.Practice;
using PmPrep.Core.Reading;
using PmPrep.Core.Rules;
using PmPrep.Core.Signals;

namespace PmPrep.Core.Design;

/// <summary>
/// Product-design answers (<c>*.design.md</c>): the same parser as stories, parts read by the
/// design headings (<see cref="DesignAnswer.KindOf"/>), and the design rules. No story rules and
/// no LP signals: a design answer is hypothetical ("I would pilot ..."), not a told past. Pure.
/// </summary>
public static class DesignAnalyzer
{
    /// <summary>The design rules in catalog order.</summary>
    public static IReadOnlyList<DesignRule> Rules { get; } = new DesignRule[]
    {
        new SolutionBeforeProblem(),
        new CustomerNotSpecific(),
        new ProblemCostMissing(),
        new ConstraintsMissing(),
        new SingleOption(),
        new OptionsNotCompared(),
        new FailureModesMissing(),
        new PilotWithoutRollback(),
        new CounterMetricMissing(),
    };

    public static StoryAnalysis Analyze(string text, PmPrepSettings? settings = null)
    {
        var (doc, s, reading, diagnostics, design) = PracticeRun.Run(text, settings, (d, st) => new DesignAnswer(d, st), (ctx, m) =>
        {
            foreach (var rule in Rules)
                if (ctx.Settings.IsEnabled(rule.Id)) rule.Check(ctx, m);
        });
        return new StoryAnalysis(doc, s, reading, diagnostics, Array.Empty<LpSignal>(), Array.Empty<(FrontMatterValue, Principle?)>())
        {
            Kind = PracticeKind.Design,
            Design = design,
        };
    }

    /// <summary>A new design answer: front matter and the eight parts, each with a prompt.</summary>
    public static string Template(string prompt = "Design a product to reduce late deliveries for Prime members") =>
        "---\n" +
        $"prompt: {prompt}\n" +
        "---\n" +
        $"# {prompt}\n\n" +
        "## Customer\n\n[Who exactly: the segment, how often they hit the problem, and in what context (e.g. Prime members in Tier 2 cities who order 3+ times a month).]\n\n" +
        "## Problem\n\n[What the problem costs, in numbers: customer minutes or dollars, and business units (contacts, churn, lost GMV).]\n\n" +
        "## Constraints\n\n[The system's and the business's limits: carrier API latency, warehouse staffing, legal, budget, deadline.]\n\n" +
        "## Options\n\n- [Option A]\n- [Option B]\n- [Option C]\n\n[Which one you take, and why, compared on customer impact, effort, risk and reversibility.]\n\n" +
        "## Deep dive\n\n[The chosen option in depth: the first release, and what you deliberately leave out.]\n\n" +
        "## Risks\n\n[How it fails: model drift, partner pushback, false positives, abuse; and the mitigation for each.]\n\n" +
        "## Pilot\n\n[Where and for how long, and the threshold that stops or reverses it (e.g. roll back if on-time delivery falls below 92% for two days).]\n\n" +
        "## Metrics\n\n[The primary metric, and a counter-metric that stops it being gamed.]\n";
}
