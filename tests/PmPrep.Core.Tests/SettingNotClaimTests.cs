namespace PmPrep.Core.Tests;

using static TestUtil;

/// <summary>
/// The setting of a story is not a claim about its result. Read against published stories outside
/// the scored corpus, the rules squiggled context sentences: a problem that was growing, a team that
/// had grown, a goal the candidate needed to reach, a platform built on a library, a budget cut
/// during a restructuring. Each case has a claim or act it must still catch beside it. Every sentence
/// is written for these tests.
/// </summary>
public class SettingNotClaimTests
{
    [Theory]
    [InlineData("The support backlog was growing faster than the team could answer it.")]
    [InlineData("The marketplace was facing increasing fraud attacks from new sellers.")]
    [InlineData("Sellers were seeing rising chargebacks on cross-border orders.")]
    [InlineData("By spring there was a surge in complaints about late refunds.")]
    [InlineData("I needed to sharply reduce onboarding time while improving activation for new hosts.")]
    [InlineData("I ran the review of incident impact and the remediation steps.")]
    [InlineData("Led the write-up of outage impact for the leadership review")]
    public void VagueOutcome_leaves_a_growing_problem_an_aim_and_a_topic_alone(string s) => Assert.False(Fires(s, "vague-outcome"), s);

    [Theory]
    [InlineData("Complaints about late refunds dropped significantly.")]
    [InlineData("The new flow greatly improved activation for new hosts.")]
    [InlineData("Adoption was growing fast by the end of the pilot.")]
    [InlineData("I rebuilt the triage queue, which led to big improvements in response time.")]
    [InlineData("We saw a significant increase in repeat bookings.")]
    public void VagueOutcome_still_flags_a_shrinking_problem_and_an_unmeasured_gain(string s) => Assert.True(Fires(s, "vague-outcome"), s);

    [Theory]
    [InlineData("Our design team had grown from 3 to 11 people in a year.")]
    [InlineData("The model assumed costs would stay flat as we scaled.")]
    [InlineData("Our user base grew quickly after the TV campaign.")]
    public void WeLanguage_leaves_growth_with_no_object_alone(string s) => Assert.False(Fires(s, "we-language"), s);

    [Theory]
    [InlineData("We grew revenue in the Midwest by opening two depots.")]
    [InlineData("We scaled the pilot to five cities.")]
    [InlineData("Our team changed the pricing page.")]
    public void WeLanguage_still_flags_growth_that_we_caused(string s) => Assert.True(Fires(s, "we-language"), s);

    [Theory]
    [InlineData("Urgent tickets were getting lost in the shared inbox.")]
    [InlineData("The whole pipeline was built on a single Postgres instance.")]
    [InlineData("The booking flow was centered around the calendar view.")]
    [InlineData("Our returns policy was cited as a reason to switch in three analyst notes.")]
    [InlineData("The app was recognized as the category's best new tool.")]
    public void PassiveOwnership_leaves_losses_foundations_and_recognition_alone(string s) => Assert.False(Fires(s, "passive-ownership"), s);

    [Theory]
    [InlineData("The new pipeline was built in two sprints.")]
    [InlineData("The approach was later adopted by default across the company.")]
    [InlineData("The refund rules were rewritten before the holidays.")]
    public void PassiveOwnership_still_flags_work_with_no_one_doing_it(string s) => Assert.True(Fires(s, "passive-ownership"), s);

    [Theory]
    [InlineData("Marketing spend was cut by 30% during the restructuring.")]
    [InlineData("Velocity rose 20% above previous levels.")]
    [InlineData("Ticket volume fell 18% after launch.")]
    public void MetricWithoutContext_takes_a_span_or_a_level_as_context(string s) => Assert.False(Fires(s, "metric-without-context"), s);

    [Theory]
    [InlineData("Defects fell by 60% as reviewers caught bugs during development.")]
    [InlineData("Marketing spend was cut by 30%.")]
    public void MetricWithoutContext_still_flags_a_span_that_belongs_to_something_else(string s) => Assert.True(Fires(s, "metric-without-context"), s);

    [Theory]
    [InlineData("This led to a 12% increase in repeat orders.")]
    [InlineData("It brought more users and a 10% increase in engagement.")]
    [InlineData("This translated to 400 more active sellers, contributing to a 9% lift in listings.")]
    public void MetricWithoutContext_reads_a_demonstrative_subject_and_does_not_take_more_users_for_a_segment(string s) => Assert.True(Fires(s, "metric-without-context"), s);

    [Theory]
    [InlineData("Listings rose 9% for first-time sellers.")]
    [InlineData("Engagement rose 10% among Android users.")]
    [InlineData("Engagement rose 10% for new users.")]
    public void MetricWithoutContext_takes_a_qualified_population_as_a_segment(string s) => Assert.False(Fires(s, "metric-without-context"), s);

    [Theory]
    [InlineData("The feedback from the pilot stores was overwhelmingly positive.")]
    [InlineData("Feedback was universally good.")]
    public void VagueOutcome_flags_feedback_praised_without_a_measure(string s) => Assert.True(Fires(s, "vague-outcome"), s);

    [Theory]
    [InlineData("As the analyst closest to the data, I was tasked with finding why refunds spiked.")]
    [InlineData("I was in charge of the Q3 pricing launch.")]
    public void WeakOwnershipVerb_leaves_an_assignment_and_being_in_charge_alone(string s) => Assert.False(Fires(s, "weak-ownership-verb"), s);

    [Theory]
    [InlineData("When we hit a data gap in week two, I called the carriers myself.")]
    [InlineData("After we lost the anchor client, I rebuilt the pipeline forecast.")]
    public void WeLanguage_leaves_a_we_time_frame_around_the_candidates_act_alone(string s) => Assert.False(Fires(s, "we-language"), s);

    [Theory]
    [InlineData("When we launched the beta, the team celebrated.")]
    [InlineData("We shipped the beta after I wrote the spec.")]
    public void WeLanguage_still_flags_we_acting_when_the_candidate_does_not(string s) => Assert.True(Fires(s, "we-language"), s);

    [Fact]
    public void MetricWithoutContext_flags_an_expansion_by_a_bare_percent() =>
        Assert.True(Fires("The client expanded their contract by 25%.", "metric-without-context"));
}
