using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Drill;

namespace PmPrep.Core.Tests;

using static TestUtil;

/// <summary>The bar-raiser drill: questions chosen from what a story lacks or asserts, each quoting its sentence.</summary>
public class DrillTests
{
    private static IReadOnlyList<DrillQuestion> Drill(string text) => DrillSheet.For(StoryAnalyzer.Analyze(text));

    [Fact]
    public void Each_cue_gives_its_question_and_quotes_the_sentence()
    {
        var qs = Drill(Story(
            "I decided to cut the offline mode. I ran a two-week test with 5,000 sellers. I set the alert threshold at 4 contacts per 1,000 orders.",
            impact: "Payout complaints fell 30%."));
        var alt = qs.Single(q => q.Kind == DrillKind.DecisionWithoutAlternative);
        Assert.Equal("What else did you consider, and why not that?", alt.Question);
        Assert.Equal("I decided to cut the offline mode.", alt.Quote);
        Assert.Equal("Did it hold after the test?", qs.Single(q => q.Kind == DrillKind.ShortTestWindow).Question);
        Assert.StartsWith("I ran a two-week test", qs.Single(q => q.Kind == DrillKind.ShortTestWindow).Quote);
        Assert.Equal("How do you know it was your change?", qs.Single(q => q.Kind == DrillKind.ResultWithoutControl).Question);
        Assert.Equal("Payout complaints fell 30%.", qs.Single(q => q.Kind == DrillKind.ResultWithoutControl).Quote);
        Assert.Contains(qs, q => q.Kind == DrillKind.Threshold && q.Quote.StartsWith("I set the alert threshold", StringComparison.Ordinal));
        Assert.InRange(qs.Count, 3, 5);
        Assert.Equal(DrillKind.Scale, qs[^1].Kind);
        Assert.Equal("What would you do differently with 10x data?", qs[^1].Question);
        Assert.All(qs, q => Assert.False(string.IsNullOrWhiteSpace(q.Quote)));
    }

    [Fact]
    public void Near_misses_do_not_prompt()
    {
        // An alternative named; a result against a control; a long test; no number near a threshold word.
        var qs = Drill(Story(
            "I decided to cut the offline mode instead of the sync feature because only 2% of users opened it. I ran a twelve-week test with 5,000 sellers.",
            impact: "Payout complaints fell 30% against the holdout group over twelve weeks."));
        Assert.DoesNotContain(qs, q => q.Kind == DrillKind.DecisionWithoutAlternative);
        Assert.DoesNotContain(qs, q => q.Kind == DrillKind.ResultWithoutControl);
        Assert.DoesNotContain(qs, q => q.Kind == DrillKind.ShortTestWindow);
        Assert.DoesNotContain(qs, q => q.Kind == DrillKind.Threshold);
        Assert.InRange(qs.Count, 3, 5); // topped up from the general probes
        Assert.Equal(DrillKind.Scale, qs[^1].Kind);
    }

    [Fact]
    public void The_clause_reader_leaves_out_a_plan_and_someone_elses_decision()
    {
        var a = StoryAnalyzer.Analyze(Story("I wanted to cut the offline mode, but my VP decided to keep it."));
        // The phrase-based reader sees "I" and "cut" and asks; the clause reader sees a plan and the VP's call.
        Assert.Contains(DrillSheet.For(a, null, DetectorReader.Instance), q => q.Kind == DrillKind.DecisionWithoutAlternative);
        Assert.DoesNotContain(DrillSheet.For(a, null, ClauseDrillReader.Instance), q => q.Kind == DrillKind.DecisionWithoutAlternative);
        Assert.Same(ClauseDrillReader.Instance, DrillSheet.DefaultReader);
        // An agentless passive decision: nobody decided, so ask what the candidate did.
        var passive = DrillSheet.For(StoryAnalyzer.Analyze(Story("The decision was made to pause the launch because crash rates doubled.")));
        Assert.Contains(passive, q => q.Kind == DrillKind.TeamActor && q.Quote.StartsWith("The decision was made", StringComparison.Ordinal));
    }

    [Fact]
    public void A_team_actor_asks_what_you_did_yourself()
    {
        var qs = Drill(Story("My team launched a recommendation engine in six weeks because sellers asked for it."));
        var q = qs.Single(x => x.Kind == DrillKind.TeamActor);
        Assert.Equal("What exactly did you do yourself?", q.Question);
        Assert.StartsWith("My team launched", q.Quote);
    }

    [Fact]
    public void A_bank_conflict_prompts_the_main_driver_question()
    {
        const string a = "I was one of two PMs on the relaunch; the other PM owned the checkout API.";
        const string b = "In that relaunch I owned the checkout API, and I cut its scope to card payments first.";
        var bank = BankRuleTests.Bank(("a.story.md", BankRuleTests.Story(a, project: "Checkout relaunch")), ("b.story.md", BankRuleTests.Story(b, project: "Checkout relaunch")));
        var story = bank.Stories.Single(s => s.Path == "b.story.md");
        var qs = DrillSheet.For(story.Analysis, bank.DiagnosticsFor(story.Path));
        Assert.Contains(qs, q => q.Kind == DrillKind.RoleConflict && q.Quote.Contains("I owned the checkout API"));
    }

    [Fact]
    public void The_examples_each_get_three_to_five_questions_that_quote_their_story()
    {
        foreach (var s in BankRuleTests.Load(BankRuleTests.ExamplesDir))
        {
            var qs = DrillSheet.For(s.Analysis);
            Assert.InRange(qs.Count, 3, 5);
            Assert.Equal(qs.Count, qs.Select(q => q.Question).Distinct().Count());
            foreach (var q in qs)
            {
                var text = s.Analysis.Document.Text[q.Start..q.End];
                Assert.StartsWith(q.Quote.TrimEnd('.')[..Math.Min(20, q.Quote.Length - 1)], string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            }
        }
    }

    [Fact]
    public void The_sheet_is_plain_text_one_story_per_page()
    {
        var a = StoryAnalyzer.Analyze(Story("I decided to cut the offline mode."));
        var b = StoryAnalyzer.Analyze(Story("I chose the cheaper vendor."));
        var sw = new StringWriter();
        DrillSheet.WriteSheet(sw, new[] { ("a.story.md", a, DrillSheet.For(a)), ("b.story.md", b, DrillSheet.For(b)) });
        var pages = sw.ToString().Split('\f');
        Assert.Equal(2, pages.Length);
        Assert.Contains("Bar-raiser drill 1/2: Test", pages[0]);
        Assert.Contains("prompted by (line 13): \"I decided to cut the offline mode.\"", pages[0]);
        Assert.Contains("\"I chose the cheaper vendor.\"", pages[1]);
        Assert.DoesNotContain("\u001b", sw.ToString()); // no terminal colour codes
    }

    [Fact]
    public void The_markdown_block_escapes_story_text()
    {
        var md = DrillSheet.Markdown(Drill(Story("I decided to cut [the offline](http://x) mode.")));
        Assert.StartsWith("**A bar raiser will likely ask**\n\n1. ", md);
        Assert.DoesNotContain("](http", md);
    }
}
