using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;

namespace PmPrep.Core.Tests;

using static BankRuleTests;

/// <summary>fact-inconsistency: two tellings of one project that disagree on an owner, a year or a figure; and the near misses.</summary>
public class FactInconsistencyTests
{
    private const string OnePm = "I was one of two PMs on the relaunch; the other PM owned the checkout API. I owned the returns flow and wrote its spec.";
    private const string IOwned = "In that relaunch I owned the checkout API, and I cut its scope to card payments first.";

    private static string At(BankAnalysis bank, Diagnostic d) =>
        bank.Stories.Single(s => s.Path == d.Path).Analysis.Document.Text[d.Start..d.End];

    [Fact]
    public void The_two_checkout_tellings_raise_it_in_both_files_on_both_sentences()
    {
        var bank = Bank(("a.story.md", Story(OnePm, project: "Checkout relaunch")), ("b.story.md", Story(IOwned, project: "Checkout relaunch")));
        var found = Findings(bank, "fact-inconsistency");
        Assert.Equal(2, found.Count);
        var a = found.Single(d => d.Path == "a.story.md");
        var b = found.Single(d => d.Path == "b.story.md");
        Assert.Equal(Severity.Warning, a.Severity);
        Assert.Contains("the other PM owned the checkout API", At(bank, a));
        Assert.Contains("I owned the checkout API", At(bank, b));
        Assert.Contains("Who owned the checkout API in Checkout relaunch", a.Message);
        Assert.Contains("in b.story.md", a.Message);
        Assert.Contains("in a.story.md", b.Message);
        Assert.Contains("\"In that relaunch I owned the checkout API", a.Message); // names the other sentence
        Assert.True(a.HasRange);
        // The other story travels as data, not only inside the message.
        Assert.Equal("b.story.md", Assert.Single(a.Related).Path);
        Assert.Equal("a.story.md", Assert.Single(b.Related).Path);
        Assert.NotNull(a.Related[0].Range);
    }

    [Fact]
    public void Near_misses_stay_silent()
    {
        // Same owner in both; different components; different projects; no project at all.
        Assert.Empty(Findings(Bank(("a.story.md", Story(OnePm, project: "Checkout relaunch")),
            ("b.story.md", Story("Maria owned the checkout API while I owned returns.", project: "Checkout relaunch"))), "fact-inconsistency"));
        Assert.Empty(Findings(Bank(("a.story.md", Story(OnePm, project: "Checkout relaunch")),
            ("b.story.md", Story("I owned the search ranking API for the relaunch.", project: "Checkout relaunch"))), "fact-inconsistency"));
        Assert.Empty(Findings(Bank(("a.story.md", Story(OnePm, project: "Checkout relaunch")),
            ("b.story.md", Story(IOwned, project: "Seller payouts"))), "fact-inconsistency"));
        Assert.Empty(Findings(Bank(("a.story.md", Story(OnePm)), ("b.story.md", Story(IOwned))), "fact-inconsistency"));
        // A negation is no claim: "I never owned the checkout API".
        Assert.Empty(Findings(Bank(("a.story.md", Story(OnePm, project: "Checkout relaunch")),
            ("b.story.md", Story("I never owned the checkout API, but I wrote its launch plan.", project: "Checkout relaunch"))), "fact-inconsistency"));
    }

    [Fact]
    public void Years_and_headline_figures_of_the_same_event_must_agree()
    {
        var years = Bank(("a.story.md", Story("We launched the checkout redesign in 2021 after a long beta.", project: "Checkout relaunch")),
            ("b.story.md", Story("I launched the checkout redesign in 2022 with two engineers.", project: "Checkout relaunch")));
        var y = Findings(years, "fact-inconsistency");
        Assert.Equal(2, y.Count);
        Assert.Contains("The year (2021 vs 2022)", y.Single(d => d.Path == "a.story.md").Message);

        var figures = Bank(("a.story.md", Story("Checkout conversion for mobile guests rose 12% over six weeks.", project: "Checkout relaunch")),
            ("b.story.md", Story("Checkout conversion for mobile guests rose 9% over six weeks.", project: "Checkout relaunch")));
        Assert.Equal(2, Findings(figures, "fact-inconsistency").Count);

        // Near misses: the same year; a different event in another year; the same figure; a figure of another claim.
        Assert.Empty(Findings(Bank(("a.story.md", Story("We launched the checkout redesign in 2021 after a long beta.", project: "Checkout relaunch")),
            ("b.story.md", Story("I launched the checkout redesign in 2021 with two engineers.", project: "Checkout relaunch"))), "fact-inconsistency"));
        Assert.Empty(Findings(Bank(("a.story.md", Story("We launched the checkout redesign in 2021 after a long beta.", project: "Checkout relaunch")),
            ("b.story.md", Story("In 2022 I hired two engineers for the payments team.", project: "Checkout relaunch"))), "fact-inconsistency"));
        Assert.Empty(Findings(Bank(("a.story.md", Story("Checkout conversion for mobile guests rose 12% over six weeks.", project: "Checkout relaunch")),
            ("b.story.md", Story("Support contacts about refunds fell 9% in the same quarter.", project: "Checkout relaunch"))), "fact-inconsistency"));
    }

    [Fact]
    public void A_disable_comment_on_either_side_settles_the_pair()
    {
        var bank = Bank(("a.story.md", Story("<!-- pmprep-disable-next-line fact-inconsistency -->\n" + OnePm, project: "Checkout relaunch")),
            ("b.story.md", Story(IOwned, project: "Checkout relaunch")));
        Assert.Empty(Findings(bank, "fact-inconsistency"));
    }

    [Fact]
    public void The_examples_raise_no_false_fact_conflict()
    {
        var bank = BankAnalyzer.Analyze(Load(ExamplesDir));
        Assert.All(Findings(bank, "fact-inconsistency"), d => Assert.Fail($"{d.Path}: {d.Message}"));
    }
}
