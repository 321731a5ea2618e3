using CsCheck;
using PmPrep.Core.Analysis;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;
using PmPrep.Core.Text;

namespace PmPrep.Core.Tests;

/// <summary>
/// Issue 11: fixes never claim what the candidate did not do. Fix-all applies only
/// meaning-preserving fixes and never changes who acted; every finding can be silenced with a
/// comment that the Markdown preview does not show.
/// </summary>
public class FixKindTests
{
    // ---- the kinds ------------------------------------------------------------------------

    [Theory]
    [InlineData("we-language", "We decided to delay the launch.")]
    [InlineData("passive-ownership", "The decision was made to sunset the legacy API.")]
    [InlineData("weak-ownership-verb", "I supported the migration to the new billing system.")]
    [InlineData("team-as-actor", "My team launched the engine.")]
    [InlineData("hedging", "Hopefully it will also help retention.")]
    [InlineData("hedging", "The launch went kind of well.")]
    [InlineData("hedging", "I kind of pushed the team to launch.")]
    [InlineData("hedging", "I sort of owned the FAQ for support.")]
    [InlineData("hedging", "I tried to convince legal to approve it.")]
    [InlineData("missing-because", "I decided to delay the launch by two weeks.")]
    public void Ownership_choices_templates_and_hedges_on_hopes_are_claims(string rule, string text)
    {
        var d = TestUtil.Findings(text, rule);
        Assert.NotEmpty(d);
        Assert.All(d, x => Assert.NotEmpty(x.Fixes));
        Assert.All(d, x => Assert.All(x.Fixes, f => Assert.Equal(FixKind.Claim, f.Kind)));
        Assert.All(d, x => Assert.All(x.Fixes, f => Assert.False(f.Preferred, $"{rule}: \"{f.Title}\" is preferred")));
    }

    [Theory]
    [InlineData("hedging", "I think I should have pushed back earlier.")]
    [InlineData("hedging", "I guess I was wrong about the timeline.")]
    [InlineData("lp-name-drop", "I shipped it. This story demonstrates my Customer Obsession.")]
    public void Hedges_on_what_was_done_and_name_drop_deletions_keep_the_meaning(string rule, string text)
    {
        var d = Assert.Single(TestUtil.Findings(text, rule));
        Assert.Equal(FixKind.MeaningPreserving, Assert.Single(d.Fixes).Kind);
    }

    [Fact]
    public void Lp_heading_renames_keep_the_meaning_and_fix_all_renames_each_to_its_part()
    {
        var text = "# T\n\n## Customer Obsession\n\nSellers waited 9 days.\n\n## Ownership\n\nI shipped it because sellers asked.\n\n## Impact\n\nPayouts fell from 9 to 2 days over six weeks.\n";
        var d = TestUtil.Findings(text, "lp-heading");
        Assert.Equal(2, d.Count);
        Assert.All(d, x => Assert.All(x.Fixes, f => Assert.Equal(FixKind.MeaningPreserving, f.Kind)));
        var after = FixAll.Apply(text, null, out int n);
        Assert.Equal(2, n);
        Assert.Contains("## Context\n\nSellers", after);
        Assert.Contains("## Decision\n\nI shipped", after);
    }

    /// <summary>The issue's own examples, in one story: fix-all touches none of the claims.</summary>
    [Fact]
    public void Fix_all_leaves_every_claim_of_the_issue_story_alone()
    {
        var text = TestUtil.Story(
            "We found that late refunds drove churn. We were able to save the company millions. It was decided that the new vendor would take over support. " +
            "I supported the migration to the new billing system and we launched it in October.",
            impact: "Hopefully it will also help retention. The rollout went kind of well, which maybe also shows focus.",
            reflection: "Looking back, I would involve finance earlier.\n\nI think this really shows my Bias for Action.");
        var after = FixAll.Apply(text, null, out _);
        foreach (var kept in new[] { "We found that", "We were able to save", "It was decided that", "I supported the migration", "we launched it in October",
                     "Hopefully it will also help", "went kind of well", "which maybe also shows" })
            Assert.Contains(kept, after);
        Assert.DoesNotContain("I found", after);
        Assert.DoesNotContain("I launched", after);
        Assert.DoesNotContain("Bias for Action", after); // the name-drop sentence goes whole
        Assert.DoesNotContain("This really shows", after);
    }

    // ---- properties over generated stories ---------------------------------------------

    /// <summary>Every edit fix-all makes is an edit of a meaning-preserving fix of that analysis.</summary>
    [Fact]
    public void Fix_all_applies_only_meaning_preserving_fixes() =>
        FixPropertyTests.Docs.Sample(doc =>
        {
            var a = StoryAnalyzer.Analyze(doc.Text);
            var allowed = a.Diagnostics.SelectMany(d => d.Fixes).Where(f => f.Kind == FixKind.MeaningPreserving).SelectMany(f => f.Edits).ToHashSet();
            var claims = a.Diagnostics.SelectMany(d => d.Fixes).Where(f => f.Kind == FixKind.Claim).SelectMany(f => f.Edits).Where(e => !allowed.Contains(e)).ToHashSet();
            foreach (var e in FixAll.Edits(a))
            {
                Assert.Contains(e, allowed);
                Assert.DoesNotContain(e, claims);
            }
        }, iter: FixPropertyTests.Iterations, threads: 1, print: d => d.ToString());

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    { "i", "we", "us", "our", "ours", "me", "my", "mine", "myself", "ourselves", "they", "them", "he", "she", "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd", "we'll", "let's" };

    /// <summary>Who acts in each clause of a sentence, as the reading layer sees it (Reading/ClauseReader): actor, verb, voice.</summary>
    private static List<string> ClauseActors(StoryAnalysis a, Sentence s, out bool framed)
    {
        // "The launch, I think, was late": the reader may give the parenthetical frame's "I" to the clause.
        var w = s.Words;
        framed = Enumerable.Range(0, Math.Max(0, w.Length - 1)).Any(i => w[i].Text == "I" && !w[i].InQuote && w[i + 1].Lower is "think" or "guess" or "feel");
        var result = new List<string>();
        foreach (var c in a.Reading.Of(s))
        {
            if (c.VerbAt < 0) continue;
            // "I think / I guess / I feel (like)": the frame a meaning-preserving hedge removal takes away.
            if (c.Actor == Actor.I && c.Lemma is "think" or "guess" or "feel") { framed = true; continue; }
            result.Add($"{c.Actor} {c.Lemma} {c.Voice}");
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>Every first- or third-person pronoun of a sentence, outside an "I think" frame.</summary>
    private static List<string> PronounsOf(Sentence s)
    {
        var result = new List<string>();
        var w = s.Words;
        for (int i = 0; i < w.Length; i++)
        {
            string lower = Words.Normalize(w[i].Lower);
            if (!Pronouns.Contains(lower)) continue;
            if (lower == "i" && i + 1 < w.Length && w[i + 1].Lower is "think" or "guess" or "feel") continue;
            result.Add((w[i].InQuote ? "quoted " : "") + lower);
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>
    /// Fix-all never changes the grammatical actor of any clause. Sentence by sentence (those that
    /// only name a principle are deleted and skipped): the same pronouns, and the same clause actors
    /// with their verbs and voice as the reading layer reads them. Where fix-all took an "I think"
    /// frame away, the frame's clause may go: at most one clause whose actor was that "I" is lost
    /// (the frame itself, or a clause the reader gave the frame's "I"), and at most one is new (the
    /// framed clause, read on its own); the pronouns stay the same.
    /// </summary>
    [Fact]
    public void Fix_all_never_changes_who_acts() =>
        FixPropertyTests.Docs.Sample(doc =>
        {
            var a = StoryAnalyzer.Analyze(doc.Text);
            var after = FixAll.Apply(doc.Text, null, out _);
            var b = StoryAnalyzer.Analyze(after);
            var deleted = a.Diagnostics.Where(d => d.RuleId == "lp-name-drop" && d.Fixes.Any(f => f.InFixAll))
                .Select(d => a.Document.Sentences.First(s => s.SourceStart <= d.Start && d.Start < s.SourceEnd)).ToHashSet();
            var before = a.Document.Sentences.Where(s => !deleted.Contains(s)).ToList();
            var now = b.Document.Sentences;
            Assert.True(before.Count == now.Count, $"fix-all changed the sentences: {before.Count} -> {now.Count}\n--- after\n{after}");
            for (int i = 0; i < before.Count; i++)
            {
                string where = $"\"{before[i].Text}\" -> \"{now[i].Text}\"";
                var pb = PronounsOf(before[i]);
                var pa = PronounsOf(now[i]);
                Assert.True(pb.SequenceEqual(pa), $"fix-all changed the pronouns of {where}: [{string.Join(", ", pb)}] -> [{string.Join(", ", pa)}]");
                var cb = ClauseActors(a, before[i], out bool framed);
                var ca = ClauseActors(b, now[i], out _);
                var lost = Diff(cb, ca);
                var added = Diff(ca, cb);
                bool ok = framed
                    ? lost.Count <= 1 && lost.All(x => x.StartsWith("I ", StringComparison.Ordinal)) && added.Count <= 1
                    : lost.Count == 0 && added.Count == 0;
                Assert.True(ok,
                    $"fix-all changed who acts in {where}: lost [{string.Join(", ", lost)}] added [{string.Join(", ", added)}]");
            }
        }, iter: FixPropertyTests.Iterations, threads: 1, print: d => d.ToString());

    /// <summary>Multiset difference: the items of <paramref name="x"/> that <paramref name="y"/> has fewer of.</summary>
    private static List<string> Diff(List<string> x, List<string> y)
    {
        var left = y.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<string>();
        foreach (var v in x)
            if (left.TryGetValue(v, out int n) && n > 0) left[v] = n - 1;
            else result.Add(v);
        return result;
    }

    /// <summary>
    /// "Disable RULE for this line" silences that finding and no other line's; "in this file"
    /// silences the rule everywhere; neither changes what the Markdown preview shows.
    /// </summary>
    [Fact]
    public void Disable_comments_silence_the_finding_and_leave_the_preview_alone() =>
        FixPropertyTests.Docs.Sample(doc =>
        {
            var text = doc.Text;
            var a = StoryAnalyzer.Analyze(text);
            string visible = Suppress.Visible(text);
            foreach (var d in a.Diagnostics.Where(d => IsSentenceRule(d.RuleId)).Take(6))
            {
                var edit = Suppress.ForLine(a.Document, d.RuleId, d.Start);
                Assert.True(edit is not null, $"no disable-next-line for {d.RuleId} at line {d.Range.Start.Line}");
                var after = TextEdit.Apply(text, new[] { edit! });
                Assert.Equal(visible, Suppress.Visible(after));
                var b = StoryAnalyzer.Analyze(after);
                // Counted with the folded findings: silencing the shown finding may let one folded under it show.
                var all = a.Diagnostics.Concat(a.Folded).ToList();
                var allAfter = b.Diagnostics.Concat(b.Folded).ToList();
                int sameRuleBefore = all.Count(x => x.RuleId == d.RuleId && x.Range.Start.Line == d.Range.Start.Line);
                Assert.Equal(all.Count(x => x.RuleId == d.RuleId) - sameRuleBefore, allAfter.Count(x => x.RuleId == d.RuleId));
                Assert.Equal(all.Count(x => x.RuleId != d.RuleId && IsSentenceRule(x.RuleId)), allAfter.Count(x => x.RuleId != d.RuleId && IsSentenceRule(x.RuleId)));
            }
            foreach (var rule in a.Diagnostics.Select(d => d.RuleId).Distinct().Take(4))
            {
                var after = TextEdit.Apply(text, new[] { Suppress.ForFile(a.Document, rule) });
                Assert.Equal(visible, Suppress.Visible(after));
                Assert.DoesNotContain(StoryAnalyzer.Analyze(after).Diagnostics, x => x.RuleId == rule);
            }
        }, iter: 120, threads: 1, print: d => d.ToString());

    private static bool IsSentenceRule(string id) => Catalog.EngineData.Default.Rule(id).Scope == Catalog.RuleScope.Sentence;

    // ---- disable comments, by example ---------------------------------------------------

    [Theory]
    // A paragraph's first line: the comment on its own line above, same indentation.
    [InlineData("# T\n\nWe decided to ship.\n", "We decided", "# T\n\n<!-- pmprep-disable-next-line we-language -->\nWe decided to ship.\n")]
    [InlineData("# T\n\n   We decided to ship.\n", "We decided", "# T\n\n   <!-- pmprep-disable-next-line we-language -->\n   We decided to ship.\n")]
    // A paragraph that goes on from the line above: inline at the end of that line, so it is not split.
    [InlineData("# T\n\nSales were flat.\nWe decided to ship.\n", "We decided", "# T\n\nSales were flat. <!-- pmprep-disable-next-line we-language -->\nWe decided to ship.\n")]
    // ... before a hard break's trailing spaces.
    [InlineData("# T\n\nSales were flat.  \nWe decided to ship.\n", "We decided", "# T\n\nSales were flat. <!-- pmprep-disable-next-line we-language -->  \nWe decided to ship.\n")]
    // A list item: inside the list, at the item's content column, so the list stays one list.
    [InlineData("# T\n\n- Sales were flat.\n- We decided to ship.\n", "We decided", "# T\n\n- Sales were flat.\n  <!-- pmprep-disable-next-line we-language -->\n- We decided to ship.\n")]
    [InlineData("# T\n\n1. Sales were flat.\n\n2. We decided to ship.\n", "We decided", "# T\n\n1. Sales were flat.\n\n   <!-- pmprep-disable-next-line we-language -->\n2. We decided to ship.\n")]
    // A block quote keeps its marker.
    [InlineData("# T\n\n> Sales were flat.\n>\n> We decided to ship.\n", "We decided", "# T\n\n> Sales were flat.\n>\n> <!-- pmprep-disable-next-line we-language -->\n> We decided to ship.\n")]
    // CRLF documents get CRLF.
    [InlineData("# T\r\n\r\nWe decided to ship.\r\n", "We decided", "# T\r\n\r\n<!-- pmprep-disable-next-line we-language -->\r\nWe decided to ship.\r\n")]
    public void Disable_for_this_line_by_example(string text, string at, string expected)
    {
        const string rule = "we-language";
        var doc = Parsing.StoryParser.Parse(text);
        var edit = Suppress.ForLine(doc, rule, text.IndexOf(at, StringComparison.Ordinal));
        Assert.NotNull(edit);
        var after = TextEdit.Apply(text, new[] { edit! });
        Assert.Equal(expected, after);
        Assert.Equal(Suppress.Visible(text), Suppress.Visible(after));
    }

    [Fact]
    public void Disable_for_this_line_silences_only_that_line()
    {
        var text = "# T\n\nWe decided to ship.\n\nWe launched it in May.\n";
        var d = TestUtil.Findings(text, "we-language");
        Assert.Equal(2, d.Count);
        var after = TextEdit.Apply(text, new[] { Suppress.ForLine(Parsing.StoryParser.Parse(text), "we-language", d[1].Start)! });
        var left = Assert.Single(TestUtil.Findings(after, "we-language"));
        Assert.Equal("We decided", left.Phrase);
    }

    [Fact]
    public void No_disable_comment_inside_front_matter()
    {
        var text = "---\nlps: [Customer Centricity, Dive Deep]\n---\n# T\n\nI shipped it.\n";
        var d = Assert.Single(TestUtil.Findings(text, "unknown-lp"));
        Assert.Null(Suppress.ForLine(Parsing.StoryParser.Parse(text), "unknown-lp", d.Start));
        var after = TextEdit.Apply(text, new[] { Suppress.ForFile(Parsing.StoryParser.Parse(text), "unknown-lp") });
        Assert.Equal("---\nlps: [Customer Centricity, Dive Deep]\n---\n<!-- pmprep-disable-file unknown-lp -->\n# T\n\nI shipped it.\n", after);
        Assert.Empty(TestUtil.Findings(after, "unknown-lp"));
    }

    [Theory]
    [InlineData("# T\n\nWe decided to ship.\n", "<!-- pmprep-disable-file we-language -->\n# T\n\nWe decided to ship.\n")]
    [InlineData("---\ntitle: T\n---\r\n# T\n", "---\ntitle: T\n---\r\n<!-- pmprep-disable-file we-language -->\n# T\n")]
    // An existing disable-file comment at that spot takes one more rule.
    [InlineData("---\ntitle: T\n---\n<!-- pmprep-disable-file hedging -->\n# T\n", "---\ntitle: T\n---\n<!-- pmprep-disable-file hedging we-language -->\n# T\n")]
    public void Disable_in_this_file_goes_after_the_front_matter(string text, string expected)
    {
        var after = TextEdit.Apply(text, new[] { Suppress.ForFile(Parsing.StoryParser.Parse(text), "we-language") });
        Assert.Equal(expected, after);
    }
}
