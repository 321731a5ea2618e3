using PmPrep.Core.Model;
using PmPrep.Core.Text;

namespace PmPrep.Core.Tests;

using static TestUtil;

/// <summary>A story with no headings gets its parts inferred, so the part-based checks run on a pasted spoken answer.</summary>
public class HeadlessPartsTests
{
    private const string Context = "Our sellers in two cities waited nine days for their payouts. Support got hundreds of angry tickets a week about it. ";
    private const string Decision = "I decided to cut the payout hold to two days because the fraud rate on new sellers was under 0.1%. ";
    private const string Impact = "Payout time fell from nine days to two days within six weeks, and tickets dropped by 40%. ";
    private const string Reflection = "In retrospect, I would have brought finance in during the first week.";

    [Fact]
    public void Parts_are_inferred_from_decision_outcome_and_reflection()
    {
        var a = Analyze(Context + Decision + Impact + Reflection + "\n");
        Assert.True(a.Document.PartsInferred);
        Assert.False(a.Document.HasParts);
        Assert.Equal(new[] { PartKind.Context, PartKind.Decision, PartKind.Impact, PartKind.Reflection }, a.Document.Parts.Select(p => p.Kind));
        Assert.All(a.Document.Parts, p => Assert.True(p.Inferred));
        Assert.StartsWith("I decided", a.Document.FindPart(PartKind.Decision)!.Sentences[0].Text);
        Assert.StartsWith("Payout time fell", a.Document.FindPart(PartKind.Impact)!.Sentences[0].Text);
        Assert.StartsWith("In retrospect", a.Document.FindPart(PartKind.Reflection)!.Sentences[0].Text);
        Assert.Equal(a.Words, a.Document.Parts.Sum(p => p.Words));
        Assert.Equal(4, a.PartStats.Count);
    }

    [Fact]
    public void Missing_reflection_fires_on_a_headless_story_without_one_and_its_fix_keeps_it_headless()
    {
        string text = Context + Decision + Impact + "\n";
        var d = Findings(text, "missing-reflection").Single();
        string fixedText = TextEdit.Apply(text, d.Fixes[0].Edits);
        Assert.DoesNotContain("##", fixedText);
        Assert.False(Fires(fixedText, "missing-reflection"));
        Assert.False(Fires(fixedText, "missing-section"));
    }

    [Theory]
    [InlineData("In retrospect, I would have brought finance in during the first week.")]
    [InlineData("This experience taught me to ask finance first.")]
    [InlineData("Since then, every rollout I run starts with finance.")]
    [InlineData("Going forward, I involve finance before any payout change.")]
    [InlineData("Moving forward, I set the fraud bar with risk on day one.")]
    [InlineData("Also learned the value of a written rollback plan.")]
    [InlineData("The lesson was that the payout hold was a policy, not a law.")]
    [InlineData("I've learned to ask who owns a rule before I change it.")]
    [InlineData("I now write the rollback plan before the launch plan.")]
    public void Missing_reflection_is_silent_when_the_story_reflects(string reflection)
    {
        Assert.False(Fires(Context + Decision + Impact + reflection + "\n", "missing-reflection"));
    }

    [Fact]
    public void Moving_forward_inside_a_sentence_is_not_a_reflection()
    {
        Assert.True(Fires(Context + Decision + "I aligned with finance before moving forward. " + Impact + "\n", "missing-reflection"));
    }

    [Fact]
    public void Missing_section_stays_silent_on_a_headless_story()
    {
        Assert.False(Fires(Context + Decision + "\n", "missing-section"));
        Assert.False(Fires("Our sellers waited nine days. I read the tickets.\n", "missing-section"));
    }

    [Fact]
    public void Missing_data_reads_the_inferred_decision()
    {
        const string noData = "Our sellers in two cities waited a long time for their payouts. I decided to cut the payout hold because it felt right. "
                            + "Payouts got much faster afterwards. Looking back, I would have asked finance first.\n";
        var d = Findings(noData, "missing-data").Single();
        Assert.StartsWith("I decided", noData[d.Start..d.End]);
        Assert.False(Fires(Context + Decision + Impact + Reflection + "\n", "missing-data"));
    }

    [Fact]
    public void Context_too_long_reads_the_inferred_context()
    {
        string longContext = string.Concat(Enumerable.Repeat("Our sellers in two cities waited nine days for their payouts, and support heard about it daily. ", 12));
        Assert.True(Fires(longContext + Decision + Impact + Reflection + "\n", "context-too-long"));
        Assert.False(Fires(Context + Decision + Impact + Reflection + "\n", "context-too-long"));
    }

    [Fact]
    public void A_story_with_no_act_of_the_candidate_stays_one_part_and_silent()
    {
        const string text = "Our sellers waited nine days for payouts. The team shipped a fix in May. Looking back, it was a long spring.\n";
        var a = Analyze(text);
        Assert.False(a.Document.PartsInferred);
        Assert.Equal(PartKind.Whole, Assert.Single(a.Document.Parts).Kind);
        Assert.False(Fires(text, "missing-data"));
        Assert.False(Fires("Our sellers waited nine days for payouts. The team shipped a fix in May.\n", "missing-reflection"));
    }

    [Fact]
    public void Headed_stories_are_not_inferred()
    {
        var a = Analyze(Story("I decided to cut the hold because fraud was under 0.1%."));
        Assert.False(a.Document.PartsInferred);
        Assert.DoesNotContain(a.Document.Parts, p => p.Inferred);
    }
}
