using PmPrep.Core.Analysis;
using PmPrep.Core.PrFaq;

namespace PmPrep.Core.Tests;

/// <summary>PR/FAQ rules: positive and near-miss cases, and the reading of its parts and FAQ entries.</summary>
public class PrFaqRuleTests
{
    private const string Problem = "Until now, members waiting on a late order had to refresh the tracking page and guess.";
    private const string Solution = "Delivery Alerts tells you about a delay within minutes, with a new arrival window.";
    private const string External = "### Does it cost anything?\n\nNo. It is part of Prime.";
    private const string Internal = "**Legal said location data needed consent. How did we answer?** We show only a delay window, never the driver's position.\n\n**What did we give up?** We left out the live map: it needed every carrier to share scans.";

    internal static string Doc(string? problem = Problem, string solution = Solution, string? external = External, string? internalFaq = Internal) =>
        "# Prime members hear about late orders first\n\n## Press release\n\n### Customer\n\nPrime members who order every week.\n\n" +
        (problem is null ? "" : $"### Problem\n\n{problem}\n\n") +
        $"### Solution\n\n{solution}\n\n### Customer quote\n\n\"I stopped refreshing the page,\" said a member in Leeds.\n\n### How to start\n\nTurn on alerts in the app.\n\n" +
        (external is null ? "" : $"## External FAQ\n\n{external}\n\n") +
        (internalFaq is null ? "" : $"## Internal FAQ\n\n{internalFaq}\n");

    private static List<Diagnostic> Findings(string text, string rule) => PrFaqAnalyzer.Analyze(text).Diagnostics.Where(d => d.RuleId == rule).ToList();
    private static bool Fires(string text, string rule) => Findings(text, rule).Count > 0;

    [Fact]
    public void A_complete_prfaq_raises_nothing_and_its_parts_are_read()
    {
        var a = PrFaqAnalyzer.Analyze(Doc());
        Assert.Empty(a.Diagnostics);
        var p = a.PrFaq!;
        Assert.Contains(p.Sections, s => s.Kind == PrFaqPartKind.Quote && !s.InFaq);
        Assert.Contains(p.Sections, s => s.Kind == PrFaqPartKind.HowToStart);
        Assert.Equal(3, p.Entries.Count);
        Assert.Equal(1, p.Entries.Count(e => !e.Internal));
        Assert.Equal(2, p.Entries.Count(e => e.Internal));
        Assert.All(p.Entries, e => Assert.NotEmpty(e.Answer));
        Assert.DoesNotContain(p.PressRelease, s => s.Text.Contains("Legal"));
    }

    [Fact]
    public void NoCustomerProblem_fires_when_the_release_only_announces()
    {
        Assert.True(Fires(Doc(problem: null, solution: "Today Amazon launches Delivery Alerts, a new notification feature."), "prfaq-no-customer-problem"));
        Assert.True(Fires(Doc(problem: ""), "prfaq-no-customer-problem"));
        // Near miss: no Problem heading, but the release states the pain.
        Assert.False(Fires(Doc(problem: null, solution: "Members no longer have to refresh the page to learn an order is late."), "prfaq-no-customer-problem"));
    }

    [Fact]
    public void Jargon_fires_in_the_press_release_only()
    {
        var d = Findings(Doc(solution: "Alerts use a new carrier-scan API with low latency."), "prfaq-jargon");
        Assert.Single(d);
        Assert.Contains("\"API\"", d[0].Message);
        // Near miss: the same words in the internal FAQ.
        Assert.False(Fires(Doc(internalFaq: Internal + "\n\n**Why did engineering worry?** The carrier API has high latency, so we batch scans."), "prfaq-jargon"));
    }

    [Fact]
    public void NoInternalObjections_needs_an_objection_with_its_answer()
    {
        Assert.Contains("No internal FAQ", Findings(Doc(internalFaq: null), "prfaq-no-internal-objections").Single().Message);
        Assert.True(Fires(Doc(internalFaq: "**When will it launch?** In Q3, after we left out the live map."), "prfaq-no-internal-objections"));
        // An objection with no answer does not count.
        Assert.True(Fires(Doc(internalFaq: "**Legal said location data needed consent?**\n\n**When does it launch?** In Q3; we left out the map."), "prfaq-no-internal-objections"));
        Assert.False(Fires(Doc(), "prfaq-no-internal-objections"));
    }

    [Fact]
    public void NoTradeOff_needs_something_given_up_in_the_faq()
    {
        Assert.True(Fires(Doc(internalFaq: "**Legal said location data needed consent. How did we answer?** We show only a delay window."), "prfaq-no-trade-off"));
        Assert.False(Fires(Doc(), "prfaq-no-trade-off"));
        // A trade-off only in the press release does not count: the FAQ is where the debate is told.
        Assert.True(Fires(Doc(solution: Solution + " We chose speed rather than a live map.", internalFaq: "**Legal said location data needed consent. How did we answer?** We show only a delay window."), "prfaq-no-trade-off"));
    }
}
