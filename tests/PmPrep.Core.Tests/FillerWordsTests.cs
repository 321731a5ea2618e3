using PmPrep.Core.Fixes;
using PmPrep.Core.Text;

namespace PmPrep.Core.Tests;

using static TestUtil;

/// <summary>filler-words: spoken filler fires in its filler use only; the fix removes it and its commas.</summary>
public class FillerWordsTests
{
    private static List<string> Phrases(string text) => Findings(text, "filler-words").Select(d => d.Phrase ?? "").ToList();

    [Theory]
    [InlineData("Um, I paused the rollout for two weeks.", "Um")]
    [InlineData("I paused the rollout, uh, for two weeks.", "uh")]
    [InlineData("We had erm three options on the table.", "erm")]
    [InlineData("The backlog was, you know, far too long for one team.", "you know")]
    [InlineData("The backlog was far too long for one team, you know.", "you know")]
    [InlineData("The carriers were, like, really slow to scan parcels.", "like")]
    [InlineData("Like, the carriers never scanned the parcels at the door.", "Like")]
    [InlineData("The migration took, like 3 weeks longer than planned.", "like")]
    [InlineData("I mean, the pilot was the only safe way to learn.", "I mean")]
    [InlineData("The pilot was, I mean, the only safe way to learn.", "I mean")]
    [InlineData("We shipped it on time and churn fell, so yeah.", "so yeah")]
    public void Flags_filler(string text, string phrase) => Assert.Contains(phrase, Phrases(text));

    [Theory]
    [InlineData("You know what the data showed: returns doubled in the pilot cities.")]
    [InlineData("I asked the sellers, you know how long a payout takes?")]
    [InlineData("The new flow looked like a checkout page from 2010.")]
    [InlineData("I like to read every ticket before I decide.")]
    [InlineData("Sellers would like faster payouts, so I cut the hold to two days.")]
    [InlineData("By the numbers I mean churn among first-year sellers.")]
    [InlineData("I mean to finish the migration by June.")]
    [InlineData("So yeah was the answer I gave the director in week one, and it cost me.")]
    [InlineData("The vendor said \"um, maybe next quarter\" and moved on.")]
    [InlineData("Tools like Jira and Linear track the work.")]
    public void Leaves_non_filler_alone(string text) => Assert.Empty(Phrases(text));

    [Fact]
    public void Sort_of_and_basically_are_hedging_not_filler()
    {
        const string text = "I basically sort of paused the launch for a week.";
        Assert.Empty(Phrases(text));
        Assert.True(Fires(text, "hedging"));
    }

    [Theory]
    [InlineData("Um, I paused the rollout for two weeks.", "I paused the rollout for two weeks.")]
    [InlineData("I paused the rollout, uh, for two weeks.", "I paused the rollout for two weeks.")]
    [InlineData("The backlog was, you know, far too long.", "The backlog was far too long.")]
    [InlineData("The backlog was far too long, you know.", "The backlog was far too long.")]
    [InlineData("I mean, the pilot was the only safe way.", "The pilot was the only safe way.")]
    [InlineData("The carriers were, like, really slow.", "The carriers were really slow.")]
    [InlineData("We shipped it on time and churn fell, so yeah.", "We shipped it on time and churn fell.")]
    [InlineData("The migration took, like 3 weeks longer than planned.", "The migration took 3 weeks longer than planned.")]
    public void Fix_removes_the_filler_and_keeps_the_sentence_grammatical(string before, string after)
    {
        var d = Findings(before, "filler-words").Single();
        var fix = Assert.Single(d.Fixes);
        Assert.True(fix.InFixAll, "the filler fix is meaning-preserving and goes into fix-all");
        Assert.Equal(after, TextEdit.Apply(before, fix.Edits));
    }

    [Fact]
    public void Fix_all_removes_every_filler()
    {
        const string text = "Um, I looked at the logs and, like, the churn was, you know, doubling.\n";
        string fixedText = FixAll.Apply(text, null, out int applied);
        Assert.Equal("I looked at the logs and the churn was doubling.\n", fixedText);
        Assert.True(applied >= 3);
        Assert.False(Fires(fixedText, "filler-words"));
    }

    [Fact]
    public void A_filler_that_is_the_whole_sentence_is_flagged_without_a_fix()
    {
        var d = Findings("So yeah.", "filler-words").Single();
        Assert.Empty(d.Fixes);
    }
}
