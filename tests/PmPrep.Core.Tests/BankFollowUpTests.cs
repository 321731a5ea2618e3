using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;

namespace PmPrep.Core.Tests;

/// <summary>Bar-raiser preparation: three likely follow-ups per story, chosen from its gaps.</summary>
public class BankFollowUpTests
{
    [Fact]
    public void Every_example_story_gets_three_distinct_questions_with_reasons()
    {
        var bank = BankAnalyzer.Analyze(BankRuleTests.Load(BankRuleTests.ExamplesDir));
        foreach (var s in bank.Stories)
        {
            var qs = bank.FollowUpsFor(s);
            Assert.Equal(3, qs.Count);
            Assert.Equal(3, qs.Select(q => q.Question).Distinct().Count());
            Assert.All(qs, q => Assert.False(string.IsNullOrWhiteSpace(q.Reason)));
        }
    }

    [Fact]
    public void Claimed_but_unevidenced_principles_come_first_then_the_findings()
    {
        var bank = BankAnalyzer.Analyze(BankRuleTests.Load(BankRuleTests.ExamplesDir));
        var guest = bank.Stories.Single(s => s.Path == "weak-guest-checkout.story.md");
        var qs = bank.FollowUpsFor(guest);
        Assert.Equal(new[] { "Bias for Action", "Deliver Results" }, qs.Take(2).Select(q => q.Principle?.Name));
        Assert.Equal(qs[0].Principle!.FollowUps[0], qs[0].Question);
        Assert.Contains("no sentence shows it", qs[0].Reason);
        // The bank's role conflict makes "were you the main driver?" the likeliest probe after those.
        Assert.Equal("role-inconsistency", qs[2].RuleId);
        Assert.Contains("single biggest contribution", qs[2].Question);
        Assert.Contains("I supported the migration of checkout", qs[2].Reason);
    }

    [Fact]
    public void Findings_map_to_the_general_probes()
    {
        var text = BankRuleTests.Story("We decided to drop the feature.", lps: "[Dive Deep]");
        var qs = BarRaiser.FollowUps(StoryAnalyzer.Analyze(text));
        Assert.Contains(qs, q => q.RuleId == "we-language" && q.Question.Contains("main driver"));
        Assert.Contains(qs, q => q.RuleId == "missing-because" && q.Question.StartsWith("Why did you make that call"));
    }

    [Fact]
    public void A_story_with_no_claims_and_no_findings_gets_general_probes()
    {
        var qs = BarRaiser.FollowUps(StoryAnalyzer.Analyze(""), null, 3);
        Assert.Equal(3, qs.Count);
        Assert.Equal(3, qs.Select(q => q.Question).Distinct().Count());
        Assert.Single(BarRaiser.FollowUps(StoryAnalyzer.Analyze(""), null, 1));
    }

    [Fact]
    public void A_strong_story_is_probed_on_its_thinnest_claimed_principle_first()
    {
        var bank = BankAnalyzer.Analyze(BankRuleTests.Load(BankRuleTests.ExamplesDir));
        var search = bank.Stories.Single(s => s.Path == "search-ranking-bot-traffic.story.md");
        var qs = bank.FollowUpsFor(search);
        var thinnest = search.Analysis.Evidence.Where(e => search.Analysis.ClaimedPrinciples.Contains(e.Principle)).OrderBy(e => e.Signals).First();
        Assert.Equal(thinnest.Principle, qs[0].Principle);
        Assert.All(qs, q => Assert.NotNull(q.Principle));
    }

    [Fact]
    public void Hover_markdown_numbers_the_questions_and_escapes_story_text()
    {
        var qs = new[]
        {
            new FollowUp("Were you the main driver?", "A verb that hides your ownership: \"I *helped* [link](x) <b>\"."),
            new FollowUp("Who disagreed, and what happened?", "No pushback anywhere."),
        };
        var md = BarRaiser.Markdown(qs);
        Assert.StartsWith("**A bar raiser will likely ask**\n\n1. Were you the main driver? *(", md);
        Assert.Contains("\n2. Who disagreed, and what happened? *(No pushback anywhere.)*", md);
        Assert.Contains("I \\*helped\\* \\[link\\]\\(x\\) \\<b\\>", md);
    }
}
