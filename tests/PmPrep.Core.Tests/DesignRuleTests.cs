using PmPrep.Core.Analysis;
using PmPrep.Core.Design;
using PmPrep.Core.Practice;

namespace PmPrep.Core.Tests;

/// <summary>Design-answer rules: each fires on its positive case and stays silent on its near miss; parts and the timebox.</summary>
public class DesignRuleTests
{
    private const string Customer = "Prime members in Tier 2 cities who order 3+ times a month.";
    private const string Problem = "One order in 12 arrives late, and those members renew 6 points less often: about $48M a year in lost retention.";
    private const string Constraints = "Carrier APIs report location every 15 minutes at best, and warehouses cannot add a shift before Q3.";
    private const string Options = "- Option A: a live map tracker.\n- Option B: proactive delay alerts.\n- Option C: a delivery-window guarantee.\n\nI pick the alerts because they reach every late order in six weeks, against six months for the map.";
    private const string Deep = "The first release sends one alert when the predicted arrival slips past the promised window.";
    private const string Risks = "The delay model drifts in peak season; carriers push back on sharing scans; false positives train members to ignore alerts.";
    private const string Pilot = "I would pilot the alerts in two cities for six weeks, and roll back if contacts per 1,000 orders rise above 4.5 for three days.";
    private const string Metrics = "Success is late-order contacts per 1,000 orders; the counter-metric is alert opt-outs, which must not rise above 2%.";

    internal static string Answer(string? customer = Customer, string? problem = Problem, string? constraints = Constraints, string? options = Options,
        string? deep = Deep, string? risks = Risks, string? pilot = Pilot, string? metrics = Metrics, bool optionsFirst = false)
    {
        var sb = new System.Text.StringBuilder("---\nprompt: Reduce late deliveries\n---\n# Reduce late deliveries\n\n");
        void Part(string heading, string? body) { if (body is not null) sb.Append("## ").Append(heading).Append("\n\n").Append(body).Append("\n\n"); }
        if (optionsFirst) Part("Options", options);
        Part("Customer", customer);
        Part("Problem (cost)", problem);
        Part("Constraints", constraints);
        if (!optionsFirst) Part("Options", options);
        Part("Deep dive", deep);
        Part("Risks", risks);
        Part("Pilot", pilot);
        Part("Metrics", metrics);
        return sb.ToString();
    }

    private static StoryAnalysis Analyze(string text) => DesignAnalyzer.Analyze(text);
    private static List<Diagnostic> Findings(string text, string rule) => Analyze(text).Diagnostics.Where(d => d.RuleId == rule).ToList();
    private static bool Fires(string text, string rule) => Findings(text, rule).Count > 0;

    [Fact]
    public void A_complete_answer_raises_nothing()
    {
        var a = Analyze(Answer());
        Assert.Empty(a.Diagnostics);
        Assert.Equal(PracticeKind.Design, a.Kind);
        Assert.Empty(a.Signals); // no LP signals in a hypothetical answer
    }

    [Fact]
    public void Headings_and_aliases_name_the_eight_parts()
    {
        var d = Analyze(Answer()).Design!;
        Assert.Equal(new[] { DesignPartKind.Customer, DesignPartKind.Problem, DesignPartKind.Constraints, DesignPartKind.Options, DesignPartKind.DeepDive, DesignPartKind.Risks, DesignPartKind.Pilot, DesignPartKind.Metrics },
            d.Sections.Select(s => s.Kind));
        Assert.Equal(DesignPartKind.Problem, DesignAnswer.KindOf("Pain points"));
        Assert.Equal(DesignPartKind.Risks, DesignAnswer.KindOf("Failure modes"));
        Assert.Equal(DesignPartKind.Pilot, DesignAnswer.KindOf("Launch and rollback"));
        Assert.Equal(DesignPartKind.Metrics, DesignAnswer.KindOf("Success metrics"));
        Assert.Equal(DesignPartKind.DeepDive, DesignAnswer.KindOf("The solution"));
        Assert.Equal(DesignPartKind.Other, DesignAnswer.KindOf("Appendix"));
    }

    [Fact]
    public void The_timebox_sums_minutes_per_phase()
    {
        var d = Analyze(Answer()).Design!;
        var def = d.Phase(DesignPhase.ProblemDefinition);
        Assert.Equal(5, def.TargetMinutes);
        Assert.Equal(10, d.Phase(DesignPhase.Scoping).TargetMinutes);
        Assert.Equal(20, d.Phase(DesignPhase.Solution).TargetMinutes);
        int words = d.Sections.Where(s => s.Phase == DesignPhase.ProblemDefinition).Sum(s => s.Words);
        Assert.True(words > 40);
        Assert.Equal(words / 150.0, def.Minutes, 6);
        Assert.Equal(d.Sections.Single(s => s.Kind == DesignPartKind.Options).Minutes, d.Phase(DesignPhase.Scoping).Minutes, 6);
    }

    [Fact]
    public void SolutionBeforeProblem_fires_on_options_first_and_on_a_feature_in_the_customer_part()
    {
        var d = Findings(Answer(optionsFirst: true), "solution-before-problem").Single();
        Assert.Contains("\"Options\" comes before", d.Message);
        var feature = Findings(Answer(customer: "Let's add a live map tracker to the order page. " + Customer), "solution-before-problem").Single();
        Assert.Contains("Let's add a live map tracker", feature.Message);
        // Near misses: options after the problem; a tracker mentioned in the Options part.
        Assert.False(Fires(Answer(), "solution-before-problem"));
        Assert.False(Fires(Answer(options: "- Option A: I would build a live map tracker.\n- Option B: delay alerts, cheaper because no new scans are needed."), "solution-before-problem"));
        // Without headings: a feature before any number.
        Assert.True(Fires("I would build a map tracker. Late orders cost $48M a year.", "solution-before-problem"));
        Assert.False(Fires("Late orders cost $48M a year. I would build a map tracker.", "solution-before-problem"));
    }

    [Fact]
    public void CustomerNotSpecific_needs_a_segment_frequency_or_context()
    {
        Assert.Contains("\"Our customers are online shoppers.\"", Findings(Answer(customer: "Our customers are online shoppers."), "customer-not-specific").Single().Message);
        Assert.Contains("No Customer part", Findings(Answer(customer: null), "customer-not-specific").Single().Message);
        Assert.False(Fires(Answer(customer: "Parents who order diapers every week."), "customer-not-specific"));
        Assert.False(Fires(Answer(customer: "Shoppers checking an order on mobile while at work."), "customer-not-specific"));
    }

    [Fact]
    public void ProblemCostMissing_needs_a_number_in_the_problem()
    {
        Assert.True(Fires(Answer(problem: "Late deliveries frustrate customers and hurt trust."), "problem-cost-missing"));
        Assert.Contains("No Problem part", Findings(Answer(problem: null), "problem-cost-missing").Single().Message);
        Assert.False(Fires(Answer(problem: "Late deliveries cause 40,000 contacts a week."), "problem-cost-missing"));
    }

    [Fact]
    public void ConstraintsMissing_fires_without_a_part_or_a_named_constraint()
    {
        Assert.True(Fires(Answer(constraints: null), "constraints-missing"));
        Assert.True(Fires(Answer(constraints: ""), "constraints-missing"));
        // Near miss: no Constraints part, but a constraint is named elsewhere.
        Assert.False(Fires(Answer(constraints: null, deep: Deep + " Carrier latency limits us to 15-minute updates."), "constraints-missing"));
        Assert.False(Fires(Answer(), "constraints-missing"));
    }

    [Fact]
    public void SingleOption_and_OptionsNotCompared()
    {
        Assert.Contains("one option", Findings(Answer(options: "- A live map tracker."), "single-option").Single().Message);
        Assert.True(Fires(Answer(options: null), "single-option"));
        Assert.False(Fires(Answer(), "single-option"));
        // Two options in prose count as two.
        Assert.False(Fires(Answer(options: "Option A is a live map; option B is delay alerts, which I pick because they ship in six weeks."), "single-option"));

        const string listed = "- A live map tracker.\n- Proactive delay alerts.\n- A delivery-window guarantee.";
        Assert.True(Fires(Answer(options: listed, deep: "The alerts send one message per order."), "options-not-compared"));
        Assert.False(Fires(Answer(options: listed, deep: "I pick the alerts because they ship in six weeks."), "options-not-compared"));
        Assert.False(Fires(Answer(options: "- A live map tracker."), "options-not-compared")); // single-option's case, not this one
    }

    [Fact]
    public void FailureModesMissing_fires_without_risks()
    {
        Assert.True(Fires(Answer(risks: null), "failure-modes-missing"));
        Assert.True(Fires(Answer(risks: ""), "failure-modes-missing"));
        Assert.False(Fires(Answer(risks: null, deep: Deep + " The main risk is false positives in peak season."), "failure-modes-missing"));
        Assert.False(Fires(Answer(), "failure-modes-missing"));
    }

    [Fact]
    public void PilotWithoutRollback_needs_a_stop_word_and_a_number()
    {
        var d = Findings(Answer(pilot: "I would pilot the alerts in two cities for six weeks."), "pilot-without-rollback").Single();
        Assert.Contains("I would pilot the alerts", d.Message);
        // A rollback with no threshold is still no threshold.
        Assert.True(Fires(Answer(pilot: "I would pilot the alerts in two cities, and roll back if members complain."), "pilot-without-rollback"));
        Assert.False(Fires(Answer(pilot: "I would pilot in two cities and switch it off if opt-outs pass 2% in a week."), "pilot-without-rollback"));
        // No pilot at all: not this rule's business.
        Assert.False(Fires(Answer(pilot: null), "pilot-without-rollback"));
    }

    [Fact]
    public void CounterMetricMissing_fires_without_a_guardrail()
    {
        Assert.True(Fires(Answer(metrics: "Success is alert open rate."), "counter-metric-missing"));
        Assert.True(Fires(Answer(metrics: null), "counter-metric-missing"));
        Assert.False(Fires(Answer(metrics: "Success is alert open rate, with contacts per order as a guardrail."), "counter-metric-missing"));
    }

    [Fact]
    public void A_pmprep_yaml_can_add_phrases_to_the_design_lists_and_turn_rules_off()
    {
        var text = Answer(metrics: "Success is alert open rate; I also watch opt-outs weekly.");
        Assert.True(Fires(text, "counter-metric-missing"));
        var (s, problems) = Config.PmPrepSettings.FromYaml("phrases:\n  design_counter_metric: [\"watch opt-outs\"]\n");
        Assert.Empty(problems);
        Assert.DoesNotContain(DesignAnalyzer.Analyze(text, s).Diagnostics, d => d.RuleId == "counter-metric-missing");
        var (off, _) = Config.PmPrepSettings.FromYaml("rules:\n  counter-metric-missing: off\n");
        Assert.DoesNotContain(DesignAnalyzer.Analyze(text, off).Diagnostics, d => d.RuleId == "counter-metric-missing");
    }

    [Fact]
    public void A_new_template_is_an_answer_in_eight_parts_and_an_empty_file_is_not_judged()
    {
        var t = DesignAnalyzer.Analyze(DesignAnalyzer.Template());
        Assert.Equal(8, t.Design!.Sections.Count(s => s.Kind != DesignPartKind.Other));
        Assert.Empty(DesignAnalyzer.Analyze("").Diagnostics);
    }

    [Fact]
    public void The_file_name_picks_the_analyzer_and_a_disable_comment_works()
    {
        Assert.Equal(PracticeKind.Design, PracticeAnalyzer.Analyze("a/b.design.md", Answer()).Kind);
        Assert.Equal(PracticeKind.PrFaq, PracticeAnalyzer.Analyze("file:///x/b.PRFAQ.md", "# X").Kind);
        Assert.Equal(PracticeKind.Story, PracticeAnalyzer.Analyze("a/b.story.md", "# X").Kind);
        var text = "<!-- pmprep-disable-file counter-metric-missing -->\n" + Answer(metrics: "Success is alert open rate.");
        Assert.False(Fires(text, "counter-metric-missing"));
    }
}
