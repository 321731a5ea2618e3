using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;

namespace PmPrep.Core.Tests;

/// <summary>Bank rules on small fixture banks: what they must report, and the near misses they must leave alone.</summary>
public class BankRuleTests
{
    internal static BankAnalysis Bank(params (string Path, string Text)[] stories) =>
        BankAnalyzer.Analyze(stories.Select(s => new BankStory(s.Path, StoryAnalyzer.Analyze(s.Text))).ToList());

    internal static List<Diagnostic> Findings(BankAnalysis bank, string rule) => bank.Diagnostics.Where(d => d.RuleId == rule).ToList();

    internal static string Story(string body, string? project = null, string? role = null, string title = "A story", string lps = "[Dive Deep]",
        string decision = "I decided to cut scope because the data showed 40% of errors came from one form.") =>
        "---\ntitle: " + title + "\nlps: " + lps + (project is null ? "" : "\nproject: " + project) + (role is null ? "" : "\nrole: " + role) +
        "\n---\n# " + title + "\n\n## Context\n\n" + body + "\n\n## Decision\n\n" + decision + "\n";

    internal static string ExamplesDir => Path.Combine(AppContext.BaseDirectory, "Examples");
    internal static string FixturesDir => Path.Combine(AppContext.BaseDirectory, "BankFixtures");

    internal static List<BankStory> Load(string dir) =>
        Directory.GetFiles(dir, "*.story.md").Order(StringComparer.Ordinal)
            .Select(f => new BankStory(Path.GetFileName(f), StoryAnalyzer.Analyze(File.ReadAllText(f)))).ToList();

    private static string At(BankAnalysis bank, Diagnostic d) =>
        bank.Stories.Single(s => s.Path == d.Path).Analysis.Document.Text[d.Start..d.End];

    // ------------------------------------------------------------------ role-inconsistency

    [Fact]
    public void RoleInconsistency_reports_the_examples_conflict_on_the_role_sentence_in_both_files()
    {
        var bank = BankAnalyzer.Analyze(Load(ExamplesDir));
        var found = Findings(bank, "role-inconsistency");
        Assert.Equal(2, found.Count);
        var led = found.Single(d => d.Path == "accessible-checkout.story.md");
        var supported = found.Single(d => d.Path == "weak-guest-checkout.story.md");
        Assert.StartsWith("In 2023 I led the migration of the web checkout", At(bank, led));
        Assert.StartsWith("I supported the migration of checkout", At(bank, supported));
        Assert.Equal(Severity.Warning, led.Severity);
        Assert.Contains("Checkout Migration", led.Message);
        Assert.Contains("\"I led the migration of the web checkout\" here but \"I supported the migration of checkout\" in weak-guest-checkout.story.md", led.Message);
        Assert.Contains("in accessible-checkout.story.md", supported.Message);
        Assert.True(led.HasRange);
        Assert.Equal(12, led.Range.Start.Line); // zero-based: the Context paragraph
    }

    [Fact]
    public void RoleInconsistency_fires_for_the_same_project_however_it_is_capitalised()
    {
        var bank = Bank(
            ("a.story.md", Story("I led the migration of checkout to the new platform.", project: "Checkout Migration")),
            ("b.story.md", Story("I mainly supported the checkout migration for mobile.", project: "checkout migration")));
        Assert.Equal(new[] { "a.story.md", "b.story.md" }, Findings(bank, "role-inconsistency").Select(d => d.Path));
    }

    [Theory]
    // Two different projects that share words.
    [InlineData("Checkout Migration", "I led the migration of checkout.", "Checkout Redesign", "I supported the redesign of checkout.")]
    [InlineData("Checkout Migration", "I led the checkout migration.", "Payments Migration", "I supported the payments migration.")]
    [InlineData("Loyalty", "I led the loyalty launch.", "Loyalty Tiers", "I supported the loyalty launch.")]
    // Same project, roles that agree.
    [InlineData("Checkout Migration", "I led the migration of checkout.", "Checkout Migration", "I owned the checkout migration plan.")]
    [InlineData("Checkout Migration", "I helped the migration of checkout.", "Checkout Migration", "I supported the checkout migration.")]
    // Same project, different pieces of it.
    [InlineData("Checkout Migration", "I led the migration of checkout.", "Checkout Migration", "I supported the pricing analysis for finance.")]
    // Negations, hypotheticals and quoted speech are not role statements.
    [InlineData("Checkout Migration", "I led the migration of checkout.", "Checkout Migration", "I did not support the checkout migration at first.")]
    [InlineData("Checkout Migration", "I led the migration of checkout.", "Checkout Migration", "I should have supported the checkout migration earlier.")]
    [InlineData("Checkout Migration", "I led the migration of checkout.", "Checkout Migration", "My manager said \"I supported the checkout migration\" in her review.")]
    // Helping a person is not a role in the work.
    [InlineData("Checkout Migration", "I led the checkout migration.", "Checkout Migration", "I helped my director present the checkout migration plan.")]
    [InlineData("Checkout Migration", "I led the checkout migration.", "Checkout Migration", "I supported Maria, who ran the checkout migration.")]
    // No project on either side and no shared name: too weak to call the same work.
    [InlineData(null, "I led the migration of checkout.", null, "I supported the migration of checkout.")]
    // The same name on both sides, but different work under it.
    [InlineData(null, "I led the Atlas launch in Europe.", null, "I supported the Atlas pricing study.")]
    public void RoleInconsistency_near_misses_stay_silent(string? projectA, string a, string? projectB, string b)
    {
        var bank = Bank(("a.story.md", Story(a, project: projectA)), ("b.story.md", Story(b, project: projectB)));
        Assert.Empty(Findings(bank, "role-inconsistency"));
    }

    [Theory]
    [InlineData(null, "I led Project Atlas from kickoff.", null, "I helped with Project Atlas.")]
    [InlineData(null, "I led the Atlas migration.", null, "I was involved in the Atlas migration.")]
    [InlineData("Checkout Migration", "I owned the checkout migration end to end.", null, "I supported the Checkout Migration as a data analyst.")]
    [InlineData("Checkout Migration", "I was the lead PM for the checkout migration.", "Checkout Migration 2023", "I was part of the checkout migration.")]
    [InlineData("Project Atlas", "I took ownership of Atlas after the reorg.", null, "I contributed to Atlas as the pricing PM.")]
    public void RoleInconsistency_fires_on_the_same_named_work(string? projectA, string a, string? projectB, string b)
    {
        var bank = Bank(("a.story.md", Story(a, project: projectA)), ("b.story.md", Story(b, project: projectB)));
        var found = Findings(bank, "role-inconsistency");
        Assert.Equal(2, found.Count);
        Assert.StartsWith(a[..^1], At(bank, found.Single(d => d.Path == "a.story.md")));
        Assert.StartsWith(b[..^1], At(bank, found.Single(d => d.Path == "b.story.md")));
    }

    [Fact]
    public void RoleInconsistency_falls_back_to_the_role_value_when_no_sentence_states_the_role()
    {
        var bank = Bank(
            ("a.story.md", Story("Sellers waited nine days for payouts.", project: "Payouts", role: "owner")),
            ("b.story.md", Story("Finance flagged 300 late payouts.", project: "Payouts", role: "supporting PM")));
        var found = Findings(bank, "role-inconsistency");
        Assert.Equal(2, found.Count);
        Assert.Equal("owner", At(bank, found.Single(d => d.Path == "a.story.md")));
        Assert.Equal("supporting PM", At(bank, found.Single(d => d.Path == "b.story.md")));
        Assert.Contains("\"role: owner\" here but \"role: supporting PM\"", found[0].Message);

        // A neutral title says nothing about lead or support.
        Assert.Empty(Findings(Bank(
            ("a.story.md", Story("Sellers waited nine days.", project: "Payouts", role: "owner")),
            ("b.story.md", Story("Finance flagged 300 payouts.", project: "Payouts", role: "senior PM"))), "role-inconsistency"));
    }

    [Fact]
    public void RoleInconsistency_names_the_first_other_story_and_counts_the_rest()
    {
        var bank = Bank(
            ("a.story.md", Story("I led the checkout migration.", project: "Checkout Migration")),
            ("b.story.md", Story("I supported the checkout migration.", project: "Checkout Migration")),
            ("c.story.md", Story("I assisted the checkout migration.", project: "Checkout Migration")));
        var found = Findings(bank, "role-inconsistency");
        Assert.Equal(3, found.Count);
        Assert.Contains("b.story.md (and 1 other story)", found.Single(d => d.Path == "a.story.md").Message);
    }

    [Fact]
    public void RoleInconsistency_suppressed_in_one_story_is_silent_in_both()
    {
        var bank = Bank(
            ("a.story.md", Story("I led the checkout migration.", project: "Checkout Migration")),
            ("b.story.md", Story("<!-- pmprep-disable-next-line role-inconsistency -->\nI supported the checkout migration while still on payments.", project: "Checkout Migration")));
        Assert.Empty(Findings(bank, "role-inconsistency"));
    }

    [Theory]
    [InlineData("lead PM", RoleLevel.Lead)]
    [InlineData("owner", RoleLevel.Lead)]
    [InlineData("single-threaded owner", RoleLevel.Lead)]
    [InlineData("supporting PM", RoleLevel.Support)]
    [InlineData("contributor", RoleLevel.Support)]
    [InlineData("senior PM", RoleLevel.None)]
    [InlineData("product manager", RoleLevel.None)]
    public void Role_values_are_read_as_lead_support_or_neither(string value, RoleLevel level) =>
        Assert.Equal(level, RoleClaims.OfRoleValue(value));

    // ------------------------------------------------------------------ duplicate-story

    [Fact]
    public void DuplicateStory_flags_retellings_and_leaves_different_anecdotes_alone()
    {
        var stories = Load(Path.Combine(FixturesDir, "duplicates")).Concat(Load(ExamplesDir)).ToList();
        var bank = BankAnalyzer.Analyze(stories);
        var found = Findings(bank, "duplicate-story");
        // One finding per story in a cluster, and the finding names every other member.
        Assert.Equal(found.Count, found.Select(d => d.Path).Distinct().Count());
        var clusters = new[]
        {
            // The original fixture is the example story itself, so the example joins the three retellings.
            new[] { "ranking-original.story.md", "ranking-retold-for-backbone.story.md", "ranking-reworded.story.md", "search-ranking-bot-traffic.story.md" },
            new[] { "accessible-checkout.story.md", "checkout-summary.story.md" },
            // Every sentence reworded, the same figures: caught by the shared-figures test.
            new[] { "returns-drop-off-pilot.story.md", "returns-loose-retelling.story.md" },
        };
        Assert.Equal(clusters.SelectMany(c => c).Order(StringComparer.Ordinal), found.Select(d => d.Path!).Order(StringComparer.Ordinal));
        foreach (var cluster in clusters)
            foreach (var member in cluster)
            {
                var d = found.Single(x => x.Path == member);
                foreach (var other in cluster.Where(o => o != member)) Assert.Contains(other, d.Message);
                Assert.DoesNotContain(member, d.Message);
                if (cluster.Length > 2) Assert.Contains($"{cluster.Length - 1} other stories (", d.Message);
            }
    }

    [Fact]
    public void DuplicateStory_threshold_has_margin_on_the_fixtures()
    {
        var stories = Load(Path.Combine(FixturesDir, "duplicates")).Concat(Load(ExamplesDir)).ToList();
        var facts = stories.ToDictionary(s => s.Path, s => StoryFacts.Of(s.Analysis));
        string[] anecdoteA = { "ranking-original.story.md", "ranking-retold-for-backbone.story.md", "ranking-reworded.story.md", "search-ranking-bot-traffic.story.md" };
        string[] anecdoteB = { "accessible-checkout.story.md", "checkout-summary.story.md" };
        string[] anecdoteC = { "returns-drop-off-pilot.story.md", "returns-loose-retelling.story.md" };
        double maxDifferent = 0, minSameJaccard = 1, maxDifferentFigureShare = 0;
        int maxDifferentShared = 0;
        foreach (var a in stories)
            foreach (var b in stories)
            {
                if (string.CompareOrdinal(a.Path, b.Path) >= 0) continue;
                double j = facts[a.Path].Fingerprint.Jaccard(facts[b.Path].Fingerprint);
                bool same = new[] { anecdoteA, anecdoteB, anecdoteC }.Any(g => g.Contains(a.Path) && g.Contains(b.Path));
                var m = StoryComparison.Measure(facts[a.Path], facts[b.Path]);
                Assert.True(same == StoryComparison.IsDuplicate(m), $"{a.Path} ~ {b.Path}: {m}");
                if (same && anecdoteA.Contains(a.Path)) minSameJaccard = Math.Min(minSameJaccard, j);
                if (!same)
                {
                    maxDifferent = Math.Max(maxDifferent, Math.Max(j, m.Overlap * StoryComparison.DuplicateThreshold / StoryComparison.ContainmentThreshold));
                    maxDifferentShared = Math.Max(maxDifferentShared, m.SharedFigures);
                    if (m.SharedFigures >= 3) maxDifferentFigureShare = Math.Max(maxDifferentFigureShare, m.FigureShare);
                }
            }
        Assert.True(maxDifferent * 2 <= StoryComparison.DuplicateThreshold, $"different anecdotes reach {maxDifferent:0.000}");
        Assert.True(minSameJaccard >= StoryComparison.DuplicateThreshold * 1.2, $"a retelling scores only {minSameJaccard:0.000}");
        // Different anecdotes share a few figures by chance (3 at most here), and then only a small part of them.
        Assert.True(maxDifferentShared < StoryComparison.MinSharedFigures, $"different anecdotes share {maxDifferentShared} figures");
        Assert.True(maxDifferentFigureShare * 2 <= StoryComparison.FigureShareThreshold, $"different anecdotes share {maxDifferentFigureShare:P0} of their figures");
    }

    [Fact]
    public void DuplicateStory_reports_on_both_titles_with_how_alike_they_are()
    {
        var dir = Path.Combine(FixturesDir, "duplicates");
        var bank = BankAnalyzer.Analyze(Load(dir).Where(s => s.Path is "ranking-original.story.md" or "ranking-retold-for-backbone.story.md").ToList());
        var found = Findings(bank, "duplicate-story");
        Assert.Equal(2, found.Count);
        Assert.All(found, d => Assert.Equal(Severity.Information, d.Severity));
        Assert.Equal("The ranking launch I held", At(bank, found.Single(d => d.Path == "ranking-original.story.md")));
        Assert.Equal("Standing up to my director on a launch date", At(bank, found.Single(d => d.Path == "ranking-retold-for-backbone.story.md")));
        Assert.Matches(@"tell mostly the same anecdote \((8\d|9\d)% alike\)", found[0].Message);
    }

    [Fact]
    public void DuplicateStory_ignores_stubs_and_shared_stock_phrases()
    {
        // Two short stories by one candidate that share stock phrases ("cut the flow", "because the data showed").
        var a = Story("Sellers abandoned onboarding at the tax step.", project: "Onboarding",
            decision: "I cut the flow from 11 steps to 4 for new sellers in two cities, because the data showed the tax step lost 30% of them.");
        var b = Story("Buyers abandoned refunds at the reason step.", project: "Refunds",
            decision: "I cut the refund flow from 6 steps to 2 for returning buyers in Spain, because the data showed the reason step lost 20% of them.");
        Assert.Empty(Findings(Bank(("a.story.md", a), ("b.story.md", b)), "duplicate-story"));
        // The same file twice under two names is the clearest duplicate.
        Assert.Equal(2, Findings(Bank(("a.story.md", a), ("copy.story.md", a)), "duplicate-story").Count);
        // Empty stories are never duplicates of each other.
        Assert.Empty(Findings(Bank(("a.story.md", ""), ("b.story.md", "")), "duplicate-story"));
    }

    [Fact]
    public void DuplicateStory_needs_wording_as_well_as_figures()
    {
        // Four shared figures, but nothing else in common: two different anecdotes with round numbers.
        var a = Story("Churn for new sellers was 31% and support cost $2M a year.", project: "Sellers",
            decision: "I capped onboarding calls at 15% of the queue and routed 1,400 tickets to self-serve guides, because sellers asked for answers at night.");
        var b = Story("Warehouse overtime rose 31% and cost $2M over the peak.", project: "Warehouse",
            decision: "I moved 15% of picking to the night shift and trained 1,400 temporary staff in two days, since the forecast showed a late surge.");
        Assert.Empty(Findings(Bank(("a.story.md", a), ("b.story.md", b)), "duplicate-story"));
        var m = StoryComparison.Measure(StoryFacts.Of(StoryAnalyzer.Analyze(a)), StoryFacts.Of(StoryAnalyzer.Analyze(b)));
        Assert.Equal(4, m.SharedFigures);
        Assert.True(m.Similarity < StoryComparison.FigureFloorSimilarity, m.ToString());
    }

    [Fact]
    public void DuplicateStory_suppressed_in_one_story_is_silent_in_both()
    {
        var dir = Path.Combine(FixturesDir, "duplicates");
        var original = File.ReadAllText(Path.Combine(dir, "ranking-original.story.md"));
        var retold = File.ReadAllText(Path.Combine(dir, "ranking-retold-for-backbone.story.md"));
        var bank = Bank(("a.story.md", "<!-- pmprep-disable-file duplicate-story -->\n" + original), ("b.story.md", retold));
        Assert.Empty(Findings(bank, "duplicate-story"));
    }

    [Fact]
    public void Bank_rules_follow_settings()
    {
        var stories = Load(ExamplesDir);
        var off = PmPrepSettings.FromYaml("rules:\n  role-inconsistency: off\n  duplicate-story: error\n").Settings;
        var bank = BankAnalyzer.Analyze(stories, off);
        Assert.Empty(Findings(bank, "role-inconsistency"));
        var info = PmPrepSettings.FromYaml("rules:\n  role-inconsistency: information\n").Settings;
        Assert.All(Findings(BankAnalyzer.Analyze(stories, info), "role-inconsistency"), d => Assert.Equal(Severity.Information, d.Severity));
    }

    // ------------------------------------------------------------------ coverage

    [Fact]
    public void Coverage_cells_carry_evidence_count_strongest_signal_and_claims()
    {
        var bank = BankAnalyzer.Analyze(Load(ExamplesDir));
        Assert.Equal(16, bank.Coverage.Count);
        // The five strong stories show 15 principles in the candidate's own clauses; none shows Are
        // Right, A Lot (none claims it either: it used to be ticked by keywords such as "options").
        Assert.All(bank.Coverage.Where(r => r.Principle.Name != "Are Right, A Lot"), r => Assert.False(r.IsGap, r.Principle.Name));
        Assert.True(bank.Coverage.Single(r => r.Principle.Name == "Are Right, A Lot").IsGap);
        var guest = bank.Stories.Single(s => s.Path == "weak-guest-checkout.story.md");
        var bias = bank.Coverage.Single(r => r.Principle.Name == "Bias for Action");
        var cell = bias.Cells.Single(c => c.Story == guest);
        Assert.True(cell.Claimed);
        Assert.True(cell.ClaimedOnly);
        Assert.Contains(guest, bias.ClaimedOnlyBy);
        var search = bank.Stories.Single(s => s.Path == "search-ranking-bot-traffic.story.md");
        var dive = bank.Cell(bank.Coverage.Single(r => r.Principle.Name == "Dive Deep").Principle, search)!;
        Assert.True(dive.Signals >= 3);
        Assert.True(dive.Claimed);
        Assert.NotNull(dive.Strongest);
        Assert.Equal(dive.Signals, search.Analysis.Evidence.Single(e => e.Principle.Name == "Dive Deep").Signals);
    }

    [Fact]
    public void Coverage_gap_severity_is_stressed_for_the_three_commonest_gaps()
    {
        var bank = Bank(("a.story.md", Story("I read 300 support tickets from first-time sellers.")),
            ("b.story.md", Story("I read the refund logs for a week.")));
        var gaps = Findings(bank, "lp-coverage-gap");
        Assert.Equal(Severity.Warning, gaps.Single(d => d.Message.Contains("Bias for Action")).Severity);
        Assert.Equal(Severity.Information, gaps.Single(d => d.Message.Contains("Frugality")).Severity);
        Assert.Single(Findings(bank, "bank-size"));
    }

    [Fact]
    public void Bank_rules_do_not_run_on_a_bank_of_one()
    {
        var one = Bank(("a.story.md", Story("I read 300 support tickets from first-time sellers.")));
        Assert.False(one.RulesRan);
        Assert.Empty(one.Diagnostics);
        Assert.Equal(16, one.Coverage.Count);   // the matrix is still there
        var two = Bank(("a.story.md", Story("I read 300 support tickets from first-time sellers.")), ("b.story.md", Story("I read the refund logs.")));
        Assert.True(two.RulesRan);
        Assert.NotEmpty(Findings(two, "bank-size"));
    }

    [Fact]
    public void A_finding_about_the_whole_bank_has_no_path_and_no_place_and_one_in_a_story_has_both()
    {
        var bank = Bank(("a.story.md", Story("I read 300 support tickets from first-time sellers.")), ("b.story.md", Story("I read the refund logs.")));
        var size = Findings(bank, "bank-size").First();
        Assert.Null(size.Path);
        Assert.False(size.HasRange);
        Assert.Null(size.Location);
        var dup = Bank(("a.story.md", Story("I read 300 support tickets from first-time sellers and rebuilt the onboarding form for them.")),
            ("b.story.md", Story("I read 300 support tickets from first-time sellers and rebuilt the onboarding form for them.")));
        var inStory = Findings(dup, "duplicate-story");
        Assert.NotEmpty(inStory);
        Assert.All(inStory, d => { Assert.NotNull(d.Path); Assert.True(d.HasRange); Assert.NotNull(d.Location); Assert.NotEmpty(d.Related); });
    }
}
