namespace PmPrep.Core.Tests;

using static TestUtil;

/// <summary>missing-stakeholder-tension reads clauses: someone else pushing back or wanting something else, or the candidate's trade-off.</summary>
public class StakeholderTensionTests
{
    private const string Rule = "missing-stakeholder-tension";
    private const string Base = "Our sellers waited nine days for payouts. I cut the payout hold to two days. Payout time fell from nine days to two. ";

    [Theory]
    [InlineData("Finance objected to the change.")]
    [InlineData("My director wanted to keep the hold until Q3.")]
    [InlineData("Legal wouldn't sign off on the new terms.")]
    [InlineData("The risk team was skeptical about the fraud numbers.")]
    [InlineData("Finance had concerns about the cash float.")]
    [InlineData("I pushed back on the VP's date.")]
    [InlineData("I disagreed with my manager about the pilot size.")]
    [InlineData("I chose a two-city pilot rather than a national launch.")]
    [InlineData("Despite the VP's deadline, I kept the pilot to two cities.")]
    [InlineData("We launched at the cost of two weeks of roadmap work.")]
    [InlineData("After weighing the benefits and risks, I kept the pilot small.")]
    [InlineData("The tradeoff was a slower rollout for a safer one.")]
    [InlineData("The client kept asking for a new report format.")]
    [InlineData("We had a tight deadline from the payments team.")]
    public void Tension_silences_the_rule(string sentence) => Assert.False(Fires(Base + sentence + "\n", Rule));

    [Theory]
    [InlineData("However, the first week was slow.")]
    [InlineData("Although the pilot was small, it taught us a lot.")]
    [InlineData("The main risk was fraud on new accounts.")]
    [InlineData("I tested the flow against three questions.")]
    [InlineData("I relied on anecdotes rather than data at first.")]
    [InlineData("Bankers skipped those leads rather than deal with the friction.")]
    [InlineData("Customers wanted faster payouts.")]
    [InlineData("My manager asked me to lead the payouts project.")]
    [InlineData("There was no pushback from finance.")]
    [InlineData("I now pressure-test every idea before I build it.")]
    [InlineData("Legal said \"we disagree\" in a meeting I ran for training.")]
    public void Near_misses_are_not_tension(string sentence) => Assert.True(Fires(Base + sentence + "\n", Rule));
}
