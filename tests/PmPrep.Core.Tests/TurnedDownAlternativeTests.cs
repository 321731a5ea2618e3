namespace PmPrep.Core.Tests;

using static TestUtil;

/// <summary>
/// "I automated the checks instead of hiring two agents": the alternative turned down belongs to the
/// choice it was turned down for. A cue that is itself the alternative ("instead of hiring ...",
/// "rather than increasing capacity", "instead of waiting for ...") is read against the clause before
/// it, so it counts when the candidate made that choice and not when someone else did; a cue inside
/// an alternative is still no act of the candidate's. Every sentence is written for these tests.
/// </summary>
public class TurnedDownAlternativeTests
{
    private static bool Shows(string text, string key) =>
        Analyze(text).Signals.Any(s => s.Principle?.Key == key);

    [Theory]
    [InlineData("I automated the refund checks instead of hiring two more agents.")]
    [InlineData("I cut the queue by fixing the top ten causes rather than increasing our capacity to answer them.")]
    [InlineData("I moved the batch job to an existing cluster instead of buying new licenses.")]
    public void Turning_down_more_people_or_spend_is_frugality(string s) => Assert.True(Shows(s, "frugality"), s);

    [Theory]
    [InlineData("We automated the refund checks instead of hiring two more agents.")]        // we, not the candidate
    [InlineData("My director chose to freeze hiring rather than adding contractors.")]       // someone else's choice
    [InlineData("I would automate the checks instead of hiring more agents next time.")]     // not done
    [InlineData("I pushed to hire two engineers instead of adding contractors.")]             // more people either way
    public void Someone_elses_or_an_undone_choice_is_not(string s) => Assert.False(Shows(s, "frugality"), s);

    [Fact]
    public void Not_waiting_counts_for_the_choice_made()
    {
        Assert.True(Shows("I chose the smaller pilot instead of waiting for the full data.", "bias-for-action"));
        Assert.False(Shows("The committee chose the smaller pilot instead of waiting for the full data.", "bias-for-action"));
    }
}
