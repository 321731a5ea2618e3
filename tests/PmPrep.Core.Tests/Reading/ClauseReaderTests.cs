using PmPrep.Core.Analysis;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Tests.Reading;

/// <summary>
/// The clause reader on sentences written for these tests: for one clause of each sentence, its
/// actor, main verb lemma, voice, mood, negation, speech and link. Flags (space-separated):
/// passive, agent, will, would, planned, could, conditional, neg, quoted, reported, attempted, shared
/// (the subject is not written in the clause), link=X, then=lemma, particle=x, clauses=N.
/// Voice, mood, negation, quoted and reported are checked both ways: a flag not listed must be off.
/// </summary>
public class ClauseReaderTests
{
    internal static Clause[] Read(string sentence)
    {
        var a = StoryAnalyzer.Analyze(sentence);
        Assert.Single(a.Document.Sentences);
        return a.Reading.Of(a.Document.Sentences[0]);
    }

    [Theory]
    // Actors: I, shared I, and a joint outcome.
    [InlineData("I disagreed, showed him the data, and we agreed to test.", 0, Actor.I, "disagree", "clauses=3")]
    [InlineData("I disagreed, showed him the data, and we agreed to test.", 1, Actor.I, "show", "shared")]
    [InlineData("I disagreed, showed him the data, and we agreed to test.", 2, Actor.We, "agree", "link=And then=test")]
    [InlineData("I rewrote the spec and shipped it in two weeks.", 1, Actor.I, "ship", "shared link=And")]
    [InlineData("My manager and I wrote the proposal.", 0, Actor.I, "write", "clauses=1 link=None")]
    // Teams, we, and "our team".
    [InlineData("My team of seven implemented the pricing page.", 0, Actor.Team, "implement", "")]
    [InlineData("Our team built the new importer.", 0, Actor.We, "build", "")]
    [InlineData("Design shipped the new icons.", 0, Actor.Team, "ship", "")]
    [InlineData("In March, the support team rolled out the macros.", 0, Actor.Team, "roll", "particle=out")]
    [InlineData("The team, led by Ana, rebuilt the search index.", 0, Actor.Team, "rebuild", "clauses=1")]
    [InlineData("We, as PMs, decided to delay the launch.", 0, Actor.We, "decide", "then=delay")]
    // Nobody: agentless passives and "it was agreed that".
    [InlineData("The rollout was completed two days early.", 0, Actor.Nobody, "complete", "passive")]
    [InlineData("The project was completed ahead of schedule.", 0, Actor.Nobody, "complete", "passive")]
    [InlineData("It was agreed that the pilot would stop.", 0, Actor.Nobody, "agree", "passive")]
    [InlineData("It was agreed that the pilot would stop.", 1, Actor.Thing, "stop", "would link=Complement")]
    [InlineData("It was felt that the risk was too high.", 0, Actor.Nobody, "feel", "passive")]
    [InlineData("The decision was made to pause hiring.", 0, Actor.Nobody, "make", "passive then=pause")]
    [InlineData("The pilot was approved.", 0, Actor.Nobody, "approve", "passive")]
    [InlineData("The tickets were closed within a day.", 0, Actor.Nobody, "close", "passive")]
    [InlineData("The launch was pushed to next quarter.", 0, Actor.Nobody, "push", "passive")]
    [InlineData("The feature was launched by the mobile team.", 0, Actor.Thing, "launch", "passive agent")]
    [InlineData("The new flow was adopted by three teams.", 0, Actor.Thing, "adopt", "passive agent")]
    [InlineData("The budget was cut by 20%.", 0, Actor.Nobody, "cut", "passive")]
    // Implied I: resume bullets, past and gerund.
    [InlineData("Helped improve search latency for mobile users.", 0, Actor.ImpliedI, "help", "shared")]
    [InlineData("Collaborated with design to test two flows.", 0, Actor.ImpliedI, "collaborate", "shared")]
    [InlineData("Working with finance to model the refund cost.", 0, Actor.ImpliedI, "work", "")]
    [InlineData("Teamed up with marketing to run a survey.", 0, Actor.ImpliedI, "team", "shared particle=up")]
    [InlineData("Moved the export feature to Phase 2.", 0, Actor.ImpliedI, "move", "shared")]
    [InlineData("Led a team of five to launch the app.", 0, Actor.ImpliedI, "lead", "shared")]
    [InlineData("Drove alignment across three orgs.", 0, Actor.ImpliedI, "drive", "shared")]
    // Mood: would, will, planned, could, conditional.
    [InlineData("We would roll back if the error rate passed 2%.", 0, Actor.We, "roll", "would particle=back")]
    [InlineData("We would roll back if the error rate passed 2%.", 1, Actor.Thing, "pass", "conditional link=If")]
    [InlineData("I will present the plan next week.", 0, Actor.I, "present", "will")]
    [InlineData("We might lose the account.", 0, Actor.We, "lose", "could")]
    [InlineData("I planned to launch in May.", 0, Actor.I, "plan", "planned then=launch")]
    [InlineData("I wanted to ship earlier.", 0, Actor.I, "want", "planned then=ship")]
    [InlineData("Our goal was to reach 5% conversion.", 0, Actor.Thing, "reach", "planned")]
    [InlineData("If churn rises, I will revisit the price.", 0, Actor.Thing, "rise", "conditional link=If")]
    [InlineData("If churn rises, I will revisit the price.", 1, Actor.I, "revisit", "will")]
    [InlineData("Unless legal approved, we could not launch.", 0, Actor.Other, "approve", "conditional link=Unless")]
    [InlineData("Unless legal approved, we could not launch.", 1, Actor.We, "launch", "could neg")]
    [InlineData("Had we known, we would have waited.", 0, Actor.We, "know", "conditional")]
    [InlineData("Had we known, we would have waited.", 1, Actor.We, "wait", "would")]
    // Pass-through verbs: the action is the infinitive.
    [InlineData("We were able to ship the beta in March.", 0, Actor.We, "ship", "")]
    [InlineData("I had to cut two features.", 0, Actor.I, "cut", "")]
    [InlineData("I managed to save the launch.", 0, Actor.I, "save", "")]
    [InlineData("I tried to convince the VP.", 0, Actor.I, "try", "attempted then=convince")]
    [InlineData("I decided to pause the rollout.", 0, Actor.I, "decide", "then=pause")]
    [InlineData("I decided not to launch.", 0, Actor.I, "decide", "then=launch")]
    // Negation.
    [InlineData("I didn't escalate the outage.", 0, Actor.I, "escalate", "neg")]
    [InlineData("I never agreed to the new date.", 0, Actor.I, "agree", "neg")]
    [InlineData("I wasn't able to ship on time.", 0, Actor.I, "ship", "neg")]
    [InlineData("I did not want to delay, but the data forced it.", 0, Actor.I, "want", "planned neg")]
    [InlineData("I did not want to delay, but the data forced it.", 1, Actor.Thing, "force", "link=But")]
    [InlineData("Not only did we cut cost, we also raised quality.", 0, Actor.We, "cut", "")]
    [InlineData("Not only did we cut cost, we also raised quality.", 1, Actor.We, "raise", "")]
    // Quoted and reported speech.
    [InlineData("I told the team we would freeze scope.", 0, Actor.I, "tell", "")]
    [InlineData("I told the team we would freeze scope.", 1, Actor.We, "freeze", "would reported")]
    [InlineData("She said, \"We ship on Friday.\"", 0, Actor.Other, "say", "")]
    [InlineData("She said, \"We ship on Friday.\"", 1, Actor.We, "ship", "quoted")]
    [InlineData("I convinced the VP that we should wait.", 1, Actor.We, "wait", "could link=Complement")]
    // Links: reasons, contrasts, consequences.
    [InlineData("After seeing the churn data, I paused the launch.", 0, Actor.I, "see", "shared link=AfterSeeing")]
    [InlineData("After seeing the churn data, I paused the launch.", 1, Actor.I, "pause", "")]
    [InlineData("After presenting the fix to the team we were able to unblock checkout.", 1, Actor.We, "unblock", "link=None")]
    [InlineData("I paused the launch because returns doubled.", 1, Actor.Unknown, "return", "link=Because")]
    [InlineData("Because the data was thin, I ran a survey.", 0, Actor.Thing, "be", "link=Because")]
    [InlineData("Because the data was thin, I ran a survey.", 1, Actor.I, "run", "")]
    [InlineData("I shipped the beta despite pushback from sales.", 1, Actor.Unknown, null, "link=Despite")]
    [InlineData("I chose a manual review rather than a new model.", 1, Actor.Unknown, null, "link=RatherThan")]
    [InlineData("Instead of building a new tool, I reused the old one.", 0, Actor.I, "build", "shared link=RatherThan")]
    [InlineData("Instead of building a new tool, I reused the old one.", 1, Actor.I, "reuse", "")]
    [InlineData("The vendor missed the deadline, which meant we lost a week.", 1, Actor.We, "lose", "link=WhichMeant")]
    [InlineData("I split the release so that support could train first.", 1, Actor.Team, "train", "could link=SoThat")]
    [InlineData("Although sales objected, I kept the price.", 0, Actor.Team, "object", "link=Although")]
    [InlineData("Given the risk, I delayed the migration.", 1, Actor.I, "delay", "")]
    [InlineData("Since the test failed, I stopped the rollout.", 0, Actor.Thing, "fail", "link=Since")]
    [InlineData("When the numbers came in, I called the VP.", 0, Actor.Thing, "come", "link=When")]
    [InlineData("Engineering pushed back, so I cut the scope.", 0, Actor.Team, "push", "particle=back")]
    [InlineData("Engineering pushed back, so I cut the scope.", 1, Actor.I, "cut", "link=So")]
    [InlineData("Finance approved the budget after I showed the model.", 1, Actor.I, "show", "link=After")]
    [InlineData("I led the migration while the team built the API.", 1, Actor.Team, "build", "link=While")]
    [InlineData("I froze the scope, assuming the vendor would deliver on time.", 1, Actor.Other, "deliver", "would link=Considering")]
    [InlineData("I kept assuming the best.", 0, Actor.I, "keep", "clauses=1")]
    // Someone else.
    [InlineData("Legal signed off on the plan.", 0, Actor.Other, "sign", "particle=off")]
    [InlineData("My director decided to cut the budget.", 0, Actor.Other, "decide", "then=cut")]
    [InlineData("The steering committee settled on the cheaper vendor.", 0, Actor.Other, "settle", "particle=on")]
    [InlineData("Priya rebuilt the dashboard.", 0, Actor.Other, "rebuild", "")]
    [InlineData("I pushed for a smaller launch, and my director agreed.", 1, Actor.Other, "agree", "link=And")]
    // States and claims.
    [InlineData("We were losing $2M a year to fraud.", 0, Actor.We, "lose", "")]
    [InlineData("We saw a significant increase in sign-ups.", 0, Actor.We, "see", "")]
    [InlineData("Adoption grew exponentially.", 0, Actor.Thing, "grow", "")]
    [InlineData("Revenue went up significantly.", 0, Actor.Thing, "go", "particle=up")]
    [InlineData("I was responsible for the roadmap.", 0, Actor.I, "be", "")]
    [InlineData("I opted for a phased launch.", 0, Actor.I, "opt", "")]
    [InlineData("I turned off the feature flag.", 0, Actor.I, "turn", "particle=off")]
    // A demonstrative subject, and "that" opening a sentence as one; a noun phrase stays one.
    [InlineData("This led to 300 more renewals.", 0, Actor.Thing, "lead", "clauses=1")]
    [InlineData("This saved us three weeks of review.", 0, Actor.Thing, "save", "clauses=1")]
    [InlineData("That meant a second week of delay.", 0, Actor.Thing, "mean", "clauses=1 link=None")]
    [InlineData("This translated text was wrong.", 0, Actor.Thing, "be", "clauses=1")]
    [InlineData("That she resigned surprised the board.", 0, Actor.Other, "resign", "link=Complement")]
    [InlineData("I think that was the wrong call.", 1, Actor.Thing, "be", "link=Complement")]
    [InlineData("I chose to name it \"Plan B.\" we should have kept it.", 1, Actor.We, "keep", "could")]
    // An aim's "while" tail is part of the aim; a deed's is a deed.
    [InlineData("I needed to sharply reduce wait times while improving accuracy.", 0, Actor.I, "need", "planned then=reduce")]
    [InlineData("I needed to sharply reduce wait times while improving accuracy.", 1, Actor.Unknown, "improve", "planned link=While")]
    [InlineData("I cut wait times while improving accuracy.", 1, Actor.Unknown, "improve", "link=While")]
    public void Reads_the_clause(string sentence, int index, Actor actor, string? lemma, string flags)
    {
        var clauses = Read(sentence);
        string all = string.Join(" / ", clauses.Select(c => c.ToString()));
        Assert.True(index < clauses.Length, $"only {clauses.Length} clauses: {all}");
        var c = clauses[index];
        var f = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Assert.True(actor == c.Actor, $"actor {c.Actor}, expected {actor}: {all}");
        Assert.True(lemma == c.Lemma, $"lemma {c.Lemma ?? "null"}, expected {lemma ?? "null"}: {all}");
        Assert.True(f.Contains("passive") == (c.Voice == Voice.Passive), $"voice {c.Voice}: {all}");
        if (c.Voice == Voice.Passive) Assert.True(f.Contains("agent") == c.HasAgent, $"agent {c.HasAgent}: {all}");
        var mood = f.Contains("would") ? Mood.Would : f.Contains("will") ? Mood.Will : f.Contains("planned") ? Mood.Planned
            : f.Contains("could") ? Mood.Could : f.Contains("conditional") ? Mood.Conditional : Mood.Did;
        Assert.True(mood == c.Mood, $"mood {c.Mood}, expected {mood}: {all}");
        Assert.True(f.Contains("neg") == c.Negated, $"negated {c.Negated}: {all}");
        Assert.True(f.Contains("quoted") == c.Quoted, $"quoted {c.Quoted}: {all}");
        Assert.True(f.Contains("reported") == c.Reported, $"reported {c.Reported}: {all}");
        Assert.True(f.Contains("attempted") == c.Attempted, $"attempted {c.Attempted}: {all}");
        if (f.Contains("shared")) Assert.True(c.SubjectShared, $"subject not shared: {all}");
        foreach (var x in f)
        {
            if (x.StartsWith("link=", StringComparison.Ordinal)) Assert.True(Enum.Parse<Link>(x[5..]) == c.Link, $"link {c.Link}, expected {x[5..]}: {all}");
            else if (x.StartsWith("then=", StringComparison.Ordinal)) Assert.True(x[5..] == c.Then, $"then {c.Then ?? "null"}, expected {x[5..]}: {all}");
            else if (x.StartsWith("particle=", StringComparison.Ordinal)) Assert.True(x[9..] == c.Particle, $"particle {c.Particle ?? "null"}, expected {x[9..]}: {all}");
            else if (x.StartsWith("clauses=", StringComparison.Ordinal)) Assert.True(int.Parse(x[8..]) == clauses.Length, $"{clauses.Length} clauses: {all}");
        }
    }

    [Theory]
    [InlineData("I paused the launch.")]
    [InlineData("Helped improve search latency.")]
    [InlineData("I disagreed, showed him the data, and we agreed to test.")]
    public void The_candidates_acts_are_facts_by_the_candidate(string sentence)
    {
        var clauses = Read(sentence);
        Assert.True(clauses[0].IsCandidateAct, clauses[0].ToString());
        Assert.All(clauses, c => Assert.Same(c.Sentence, clauses[0].Sentence));
        for (int i = 1; i < clauses.Length; i++)
        {
            Assert.Same(clauses[i - 1], clauses[i].Previous);
            Assert.Equal(i, clauses[i].Index);
            Assert.True(clauses[i].First >= clauses[i - 1].End, "clauses overlap");
        }
    }

    [Theory]
    [InlineData("I planned to launch in May.")]
    [InlineData("I didn't escalate the outage.")]
    [InlineData("I told the team we would freeze scope.")]
    [InlineData("She said, \"I ship on Friday.\"")]
    [InlineData("We shipped the beta.")]
    public void Plans_negations_speech_and_we_are_not_candidate_acts(string sentence)
    {
        var clauses = Read(sentence);
        Assert.DoesNotContain(clauses, c => c.IsCandidateAct && c.Lemma is "launch" or "escalate" or "freeze" or "ship" or "plan");
    }

    [Fact]
    public void Rationale_links_are_rationale_and_contrasts_are_not()
    {
        Assert.True(Read("I paused the launch because returns doubled.")[1].IsRationale);
        Assert.True(Read("I split the release so that support could train first.")[1].IsRationale);
        Assert.True(Read("The vendor missed the deadline, which meant we lost a week.")[1].IsRationale);
        Assert.False(Read("I shipped the beta despite pushback from sales.")[1].IsRationale);
        Assert.False(Read("Engineering pushed back, so I cut the scope.")[0].IsRationale);
    }
}
