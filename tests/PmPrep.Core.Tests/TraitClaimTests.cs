namespace PmPrep.Core.Tests;

using PmPrep.Core.Reading;
using static TestUtil;

/// <summary>
/// A principle claimed as a trait is a name-drop: "I am curious to a fault" labels the candidate with
/// Learn and Be Curious instead of showing it. Read from the clause (a present-tense, affirmative
/// "be" whose subject is the candidate, "we" or a generic role), so a story about being curious, an
/// aside, someone else's trait and a negation stay silent. Every sentence is written for these tests.
/// </summary>
public class TraitClaimTests
{
    [Theory]
    [InlineData("I am curious to a fault, and it has served me well.", "curious")]
    [InlineData("I'm naturally curious, so I read every support ticket.", "curious")]
    [InlineData("A good PM is customer obsessed above everything else.", "customer obsessed")]
    [InlineData("Every great leader is frugal.", "frugal")]
    [InlineData("We are a customer-obsessed team.", "customer-obsessed")]
    [InlineData("I am very frugal with engineering time.", "frugal")]
    [InlineData("I am right a lot, which is why they trusted me.", "right a lot")]
    [InlineData("Product managers are obsessed with customers by nature.", "obsessed with customers")]
    public void A_principle_claimed_as_a_trait_is_a_name_drop(string s, string phrase)
    {
        var f = Assert.Single(Findings(s, "lp-name-drop"));
        Assert.Equal(phrase, s[f.Start..f.End]);
    }

    [Theory]
    [InlineData("I was curious why conversion dropped, so I pulled the logs.")]        // a story: past, with an object
    [InlineData("I am curious what the data will show next quarter.")]                 // curiosity about something
    [InlineData("I am curious to see whether the pilot holds.")]
    [InlineData("Customers were curious about the new checkout.")]                     // someone else
    [InlineData("My manager is customer obsessed.")]                                   // someone in particular
    [InlineData("I am not curious by nature, but I forced myself to dig in.")]         // negated
    [InlineData("I became curious about the drop and interviewed ten sellers.")]
    [InlineData("The budget is frugal this year.")]
    [InlineData("\"I am curious,\" she said.")]                                        // quoted
    [InlineData("I am the owner of the payments roadmap.")]                            // a role, not a principle's word
    [InlineData("Every customer is frugal.")]                                          // the people served, not a PM
    [InlineData("Any shopper is curious to a fault about free shipping.")]
    public void A_story_an_aside_or_someone_elses_trait_is_not(string s) => Assert.False(Fires(s, "lp-name-drop"), s);

    [Fact]
    public void The_reader_reads_a_contracted_be_as_the_main_verb()
    {
        var c = Reading.ClauseReaderTests.Read("I'm naturally curious.")[0];
        Assert.Equal(Actor.I, c.Actor);
        Assert.Equal("be", c.Lemma);
        Assert.False(c.Past);
    }

    [Fact]
    public void The_claim_is_no_evidence_but_the_act_after_it_still_is()
    {
        var a = Analyze("I'm naturally curious, so I read every support ticket from the launch week myself.");
        Assert.DoesNotContain(a.Signals, x => x.Principle?.Key == "learn-and-be-curious" && x.Text.Contains("curious", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(a.Signals, x => x.Text.StartsWith("I read every", StringComparison.Ordinal));
    }
}
