using PmPrep.Core.Analysis;

namespace PmPrep.Core.Tests;

using static TestUtil;

/// <summary>no-own-decision: a story whose decisions all belong to others or to nobody; the count by owner.</summary>
public class NoOwnDecisionTests
{
    [Fact]
    public void Fires_when_every_decision_is_someone_elses_and_counts_them_by_owner()
    {
        const string text = "# Launch\n\nThe steering committee decided to delay the launch. It was decided to cut the beta. "
                          + "The decision was made to freeze hiring. I wrote the plan for June.\n";
        var d = Findings(text, "no-own-decision").Single();
        Assert.StartsWith("3 decisions: 0 yours, 1 the steering committee's, 2 nobody's", d.Message);
        Assert.Equal("Launch", text[d.Start..d.End]);
        var count = Analyze(text).Decisions;
        Assert.Equal(3, count.Total);
        Assert.Equal(0, count.Yours);
        Assert.Equal("decisions: 0 of 3 yours", count.Lens);
    }

    [Fact]
    public void Names_people_teams_and_we()
    {
        const string text = "My director chose the cheaper vendor. Legal rejected the first draft. We decided to pause the rollout.\n";
        var count = Analyze(text).Decisions;
        Assert.Equal("3 decisions: 0 yours, 1 my director's, 1 Legal's, 1 the team's", count.Summary);
        Assert.True(Fires(text, "no-own-decision"));
    }

    [Fact]
    public void One_decision_of_mine_among_others_is_silent()
    {
        const string text = "The committee decided to delay the launch. It was decided to cut the beta. I decided to keep the pilot in two cities.\n";
        Assert.False(Fires(text, "no-own-decision"));
        var count = Analyze(text).Decisions;
        Assert.Equal(1, count.Yours);
        Assert.Equal("decisions: 1 of 3 yours", count.Lens);
    }

    [Fact]
    public void A_story_with_no_decisions_is_silent()
    {
        Assert.False(Fires("Sellers waited nine days for payouts. I read 300 tickets.\n", "no-own-decision"));
        Assert.Equal(0, Analyze("Sellers waited nine days for payouts.\n").Decisions.Total);
    }

    [Fact]
    public void Planned_quoted_and_negated_decisions_do_not_count()
    {
        // Someone else's plan, a quote and a refusal to decide are not decisions made.
        const string text = "The committee planned to delay the launch. My director said \"we decided to wait\". Legal did not decide anything.\n";
        Assert.Equal(0, Analyze(text).Decisions.Total);
        Assert.False(Fires(text, "no-own-decision"));
    }

    [Fact]
    public void An_implied_I_bullet_is_yours()
    {
        const string text = "- Decided to sunset the legacy API.\n- Leadership approved the budget.\n";
        Assert.False(Fires(text, "no-own-decision"));
        Assert.Equal(1, Analyze(text).Decisions.Yours);
    }
}
