namespace PmPrep.Core.Tests;

using static TestUtil;

/// <summary>Each sentence rule: the cases it must flag and the near misses it must leave alone.</summary>
public class SentenceRuleTests
{
    [Theory]
    [InlineData("We decided to delay the launch.")]
    [InlineData("In Q3, we shipped the new checkout.")]
    [InlineData("We also built a dashboard.")]
    [InlineData("Our team built a dashboard.")]
    [InlineData("We were able to launch early.")]
    [InlineData("We've launched the pilot in two cities.")]
    [InlineData("Let's ship it, I said, and we shipped it.")]
    public void WeLanguage_flags_we_as_the_doer(string s) => Assert.True(Fires(s, "we-language"), s);

    [Theory]
    [InlineData("We were losing $48M a year to late deliveries.")]
    [InlineData("I told the team we would freeze scope.")]
    [InlineData("Our customers were frustrated by returns.")]
    [InlineData("The director said \"we launch on Monday\" in the review.")]
    [InlineData("We had two weeks before peak season.")]
    [InlineData("I decided to wait because it would cost us the pilot.")]
    [InlineData("Sales wanted a date, so we knew the risk was real.")]
    [InlineData("I coached our newest PM.")]
    public void WeLanguage_leaves_context_quotes_and_reports_alone(string s) => Assert.False(Fires(s, "we-language"), s);

    [Theory]
    [InlineData("My team launched the engine.")]
    [InlineData("The team decided to rebuild checkout.")]
    [InlineData("Engineering built the new API.")]
    [InlineData("In March, the engineering team shipped the flow.")]
    public void TeamAsActor_flags_a_team_doing_the_key_action(string s) => Assert.True(Fires(s, "team-as-actor"), s);

    [Theory]
    [InlineData("Engineering pushed back, so I cut the scope.")]
    [InlineData("My team launched it after I rewrote the plan.")]
    [InlineData("The team was small.")]
    [InlineData("I asked the team to rebuild checkout.")]
    [InlineData("The engineering estimate was ten weeks.")]
    public void TeamAsActor_is_silent_when_I_act_or_the_team_does_not(string s) => Assert.False(Fires(s, "team-as-actor"), s);

    [Theory]
    [InlineData("I helped the team ship search.")]
    [InlineData("I mainly supported the migration.")]
    [InlineData("I was involved in the redesign.")]
    [InlineData("I was part of the pricing group.")]
    [InlineData("I worked with finance on the model.")]
    [InlineData("I participated in the review and contributed to the proposal.")]
    public void WeakOwnershipVerb_flags_weak_verbs_after_I(string s) => Assert.True(Fires(s, "weak-ownership-verb"), s);

    [Theory]
    [InlineData("I owned the onboarding redesign.")]
    [InlineData("Finance supported the plan.")]
    [InlineData("The tool helped sellers list faster.")]
    [InlineData("I rewrote the metric with the data scientist.")]
    [InlineData("She told me \"I helped a lot\" and laughed.")]
    public void WeakOwnershipVerb_leaves_strong_verbs_and_other_subjects_alone(string s) => Assert.False(Fires(s, "weak-ownership-verb"), s);

    [Fact]
    public void WeakOwnershipVerb_reports_each_weak_verb_once()
    {
        var d = Findings("I participated in the pricing review and contributed to the final proposal.", "weak-ownership-verb");
        Assert.Equal(2, d.Count);
    }

    [Theory]
    [InlineData("The decision was made to sunset the API.")]
    [InlineData("It was decided that the pilot would pause.")]
    [InlineData("The feature was launched in March.")]
    [InlineData("The budget was cut.")]
    public void PassiveOwnership_flags_agentless_passives(string s) => Assert.True(Fires(s, "passive-ownership"), s);

    [Theory]
    [InlineData("The launch was delayed by the carrier.")]
    [InlineData("I was chosen to lead the migration.")]
    [InlineData("I influenced the roadmap so that checkout was prioritized.")]
    [InlineData("She was promoted in March.")]
    [InlineData("The error rate was under 0.1%.")]
    public void PassiveOwnership_leaves_agents_and_first_person_alone(string s) => Assert.False(Fires(s, "passive-ownership"), s);

    [Theory]
    [InlineData("We improved retention by 15%.")]
    [InlineData("We saw a 22% lift.")]
    [InlineData("Satisfaction went up 12 points.")]
    [InlineData("I reduced costs by $2M.")]
    [InlineData("The change increased conversion by 3x.")]
    public void MetricWithoutContext_flags_bare_changes(string s) => Assert.True(Fires(s, "metric-without-context"), s);

    [Theory]
    [InlineData("Retention rose from 31% to 38% over six weeks.")]
    [InlineData("Conversion rose 22% against the control group.")]
    [InlineData("Retention for first-time sellers improved by 15%.")]
    [InlineData("Retention improved by 15% in Q3.")]
    [InlineData("I cut hosting cost from $5.1M to $3.1M.")]
    [InlineData("We were losing $48M a year.")]
    [InlineData("I set a threshold of 0.5% before the pilot.")]
    [InlineData("Revenue improved a lot in 2023.")]
    public void MetricWithoutContext_is_silent_with_any_context(string s) => Assert.False(Fires(s, "metric-without-context"), s);

    [Theory]
    [InlineData("It was a big success.")]
    [InlineData("Everyone was happy with it.")]
    [InlineData("Results were great.")]
    [InlineData("The launch was really successful.")]
    [InlineData("We delivered on time.")]
    public void VagueOutcome_flags_unmeasured_outcomes(string s) => Assert.True(Fires(s, "vague-outcome"), s);

    [Theory]
    [InlineData("It was a success: contacts fell from 4.1 to 2.6 per 1,000 orders.")]
    [InlineData("I rewrote the success metric.")]
    [InlineData("Success meant a 2-point renewal lift.")]
    [InlineData("The customer said \"it was a big success\" but churned.")]
    public void VagueOutcome_is_silent_with_a_measure_or_a_non_outcome(string s) => Assert.False(Fires(s, "vague-outcome"), s);

    [Theory]
    [InlineData("I chose to cut the offline mode.")]
    [InlineData("We decided to delay the launch.")]
    [InlineData("The team decided to rebuild checkout.")]
    [InlineData("It was decided that the pilot would be paused.")]
    [InlineData("I escalated to the VP.")]
    public void MissingBecause_flags_decisions_without_reasons(string s) => Assert.True(Fires(s, "missing-because"), s);

    [Theory]
    [InlineData("I chose to cut the offline mode since only 2% of users opened it.")]
    [InlineData("Given the churn data, I paused the rollout.")]
    [InlineData("Crash rates doubled, so I paused the rollout.")]
    [InlineData("I cut hosting cost from $5.1M to $3.1M by consolidating clusters.")]
    [InlineData("I offered a written plan, and the director agreed.")]
    [InlineData("I paused the rollout. The crash rate was 4x our bar because of one SDK.")]
    public void MissingBecause_is_silent_with_a_reason_or_a_result(string s) => Assert.False(Fires(s, "missing-because"), s);

    [Fact]
    public void MissingBecause_reads_the_next_sentence_of_the_same_paragraph_only()
    {
        Assert.False(Fires("I paused the rollout. The reason was a 4x crash rate.", "missing-because"));
        Assert.True(Fires("I paused the rollout.\n\nThe reason was a 4x crash rate.", "missing-because"));
    }

    [Theory]
    [InlineData("This story demonstrates my Customer Obsession.")]
    [InlineData("I used Bias for Action to ship.")]
    [InlineData("Ownership and Dive Deep were both important.")]
    [InlineData("As a Frugality example, I reused the pipeline.")]
    [InlineData("It showed my bias for action.")]
    [InlineData("This maps to the leadership principle of trust.")]
    public void LpNameDrop_flags_named_principles(string s) => Assert.True(Fires(s, "lp-name-drop"), s);

    [Theory]
    [InlineData("I wanted to dive deep into the logs.")]
    [InlineData("Ownership of the API moved to my team.")]
    [InlineData("I escalated because customer safety outweighed speed.")]
    [InlineData("We had to think big about the market.")]
    [InlineData("I needed to earn trust with the carriers.")]
    public void LpNameDrop_leaves_ordinary_phrases_alone(string s) => Assert.False(Fires(s, "lp-name-drop"), s);

    [Theory]
    [InlineData("I think I pushed the team.")]
    [InlineData("I kind of pushed the team.")]
    [InlineData("I tried to convince legal.")]
    [InlineData("Hopefully the flow will reduce churn.")]
    [InlineData("Maybe I should have escalated.")]
    [InlineData("The plan was somewhat risky.")]
    public void Hedging_flags_hedges(string s) => Assert.True(Fires(s, "hedging"), s);

    [Theory]
    [InlineData("This kind of customer churns fast.")]
    [InlineData("I paused it because I believed the data was wrong.")]
    [InlineData("The customers tried to pay twice.")]
    [InlineData("What sort of seller was it?")]
    public void Hedging_leaves_nouns_and_because_chains_alone(string s) => Assert.False(Fires(s, "hedging"), s);
}

public class NearMissRegressionTests
{
    [Fact]
    public void Leadership_principles_as_a_hiring_rubric_are_not_a_name_drop() =>
        Assert.False(TestUtil.Fires("I rewrote the rubric so that each interviewer owned two leadership principles.", "lp-name-drop"));

    [Fact]
    public void An_event_in_the_passive_is_not_a_hidden_decision()
    {
        Assert.False(TestUtil.Fires("Some messages were delayed during the switch.", "passive-ownership"));
        Assert.False(TestUtil.Fires("Some messages were delayed during the switch.", "missing-because"));
        Assert.True(TestUtil.Fires("The launch was delayed.", "passive-ownership"));
    }

    [Fact]
    public void US_the_country_is_not_us_the_pronoun() =>
        Assert.False(TestUtil.Fires("I launched the returns pilot in the US.", "we-language"));
}

/// <summary>Bugs found by reading the rules against the code (docs review), kept fixed.</summary>
public class ReviewRegressionTests
{
    [Fact]
    public void Team_actor_does_not_swallow_two_phrases() =>
        Assert.Equal("the team launched", TestUtil.Findings("After the review the team launched it.", "team-as-actor").Single().Phrase);

    [Theory]
    [InlineData("The pilot was launched by the end of Q3.")]
    [InlineData("The budget was cut by half.")]
    public void A_time_or_measure_after_by_is_not_an_agent(string s) => Assert.True(TestUtil.Fires(s, "passive-ownership"), s);

    [Fact]
    public void A_passive_that_reports_a_result_is_not_hiding_a_decider() =>
        Assert.False(TestUtil.Fires("Latency was cut to 200 ms.", "passive-ownership"));

    [Theory]
    [InlineData("I wanted to hire and develop the team.")]
    [InlineData("We were right a lot of the time.")]
    [InlineData("The success and scale of the launch surprised me.")]
    public void Ordinary_phrases_that_share_words_with_a_principle_are_not_name_drops(string s) =>
        Assert.False(TestUtil.Fires(s, "lp-name-drop"), s);

    [Fact]
    public void Reflection_cue_with_a_contraction_counts() =>
        Assert.False(TestUtil.Fires("# T\n\n## Decision\n\nI cut it.\n\n## Impact\n\nNext time I'd cut it sooner.\n", "missing-reflection"));

    [Fact]
    public void Unknown_lp_does_not_suggest_a_far_fetched_name()
    {
        var d = TestUtil.Findings("---\nlps: [Grit, Dive Deep]\n---\n# T\n\nI decided.", "unknown-lp").Single();
        Assert.Empty(d.Fixes);
    }

    [Fact]
    public void Two_unclosed_lists_still_quote_a_line()
    {
        var d = TestUtil.Findings("---\ntitle: [broken\nlps: [Dive Deep, Ownership\n---\n# T\n", "front-matter-invalid").Single();
        Assert.Matches("line [0-9]+", d.Message);
        Assert.DoesNotContain("current state of the object", d.Message);
    }

    [Fact]
    public void Cut_off_is_not_a_change() =>
        Assert.False(TestUtil.Fires("Orders were cut off at 2 pm.", "metric-without-context"));
}

public class ReportedClauseTests
{
    [Theory]
    [InlineData("I wrote the spec and we launched in March.")]
    [InlineData("I decided the order, and then we shipped it.")]
    public void A_coordinated_we_clause_is_narration_not_speech(string s) => Assert.True(TestUtil.Fires(s, "we-language"), s);

    [Theory]
    [InlineData("I told the team we would freeze scope.")]
    [InlineData("I told the director that we should wait.")]
    public void A_reported_we_clause_is_speech(string s) => Assert.False(TestUtil.Fires(s, "we-language"), s);
}

public class HedgeBetweenSubjectAndVerbTests
{
    [Fact]
    public void We_kind_of_moved_reports_the_verb_not_the_hedge()
    {
        var d = TestUtil.Findings("We kind of moved fast on the pilot.", "we-language").Single();
        Assert.Equal("We kind of moved", d.Phrase);
        Assert.Contains(TestUtil.Analyze("We kind of moved fast on the pilot.").Diagnostics, x => x.RuleId == "hedging");
    }
}
