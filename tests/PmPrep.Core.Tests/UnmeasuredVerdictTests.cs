namespace PmPrep.Core.Tests;

using static TestUtil;

/// <summary>
/// How a thing did, with no measure, is a vague outcome: "the pilot went well", "the new flow did not
/// do as well as we had hoped". Read from the clause (a thing as subject, perform/do/go/work/fare,
/// then a manner), so a person's or a team's performance, a conversation, a plan and a verdict that
/// the sentence or the next one measures stay silent. Every sentence is written for these tests.
/// </summary>
public class UnmeasuredVerdictTests
{
    [Theory]
    [InlineData("The new onboarding flow did not do as well as we had hoped.", "do as well")]
    [InlineData("The feature performed well with early adopters.", "performed well")]
    [InlineData("The redesign did better than expected.", "did better")]
    [InlineData("The campaign performed poorly in the first month.", "performed poorly")]
    [InlineData("The pilot went well.", "went well")]
    [InlineData("The test did not perform as well as I predicted.", "perform as well")]
    [InlineData("The new process worked well for the night shift.", "worked well")]
    public void A_verdict_with_no_measure_is_vague(string s, string phrase)
    {
        var f = Assert.Single(Findings(s, "vague-outcome"));
        Assert.Equal(phrase, s[f.Start..f.End]);
    }

    [Theory]
    [InlineData("The meeting with Legal went well.")]                                            // a conversation, not a result
    [InlineData("I did well in the interview loop.")]                                            // the candidate, not a result
    [InlineData("The beta did well, and adoption rose 12% in two weeks among new sellers.")]     // measured in the sentence
    [InlineData("The model performed well on the holdout set, with precision at 0.91 against 0.84 before.")]
    [InlineData("The pilot went well. Returns fell from 12% to 7% in six weeks for first-time buyers.")] // measured next
    [InlineData("I needed the checkout to perform well on slow networks.")]                      // an aim
    [InlineData("It did not work.")]
    [InlineData("The query did the join well before the cache warmed.")]
    public void A_measured_verdict_a_person_or_an_aim_is_not(string s) => Assert.False(Fires(s, "vague-outcome"), s);

    // The setting, not the result: a verdict the story turns, a progressive, the old product.
    [Theory]
    [InlineData("The first pilot went well at first, and then the second city stalled.")]
    [InlineData("The pilot did well enough that Legal approved a second city.")]
    [InlineData("Things were going well, so I moved the team to the next market.")]
    [InlineData("The old flow worked well for power users and confused new ones.")]
    [InlineData("The legacy tool worked well for a decade.")]
    [InlineData("The checkout worked well for power users but confused new ones.")]
    public void A_verdict_that_sets_the_scene_is_not(string s) => Assert.False(Fires(s, "vague-outcome"), s);

    [Fact]
    public void A_verdict_in_the_context_part_is_the_setting()
    {
        string story = "---\ntitle: T\n---\n# T\n## Context\nThe pilot went well.\n## Decision\nI paused it.\n";
        Assert.Empty(Findings(story, "vague-outcome"));
        Assert.NotEmpty(Findings(story.Replace("## Context\nThe pilot went well.\n## Decision\nI paused it.", "## Context\nI paused it.\n## Impact\nThe pilot went well."), "vague-outcome"));
    }

    [Theory]
    [InlineData("The launch did really well.")]
    [InlineData("It did better than planned.")]
    [InlineData("The flow did not do as well.")]
    public void The_reader_takes_do_before_a_manner_as_the_main_verb(string s)
    {
        var c = Reading.ClauseReaderTests.Read(s)[0];
        Assert.Equal("do", c.Lemma);
    }
}
