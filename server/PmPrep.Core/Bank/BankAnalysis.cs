using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Text;

namespace PmPrep.Core.Bank;

/// <summary>One story of the bank: where it lives (a path or URI, as the caller names it) and its analysis.</summary>
public sealed record BankStory(string Path, StoryAnalysis Analysis);

/// <summary>
/// One cell of the LP x story matrix: how many evidence signals the story gives for the principle,
/// whether its front matter claims it, and the strongest signal (for hovers and the report).
/// </summary>
public sealed record CoverageCell(BankStory Story, int Signals, bool Claimed, Signals.LpSignal? Strongest)
{
    public bool Evidenced => Signals > 0;
    /// <summary>Claimed in front matter with no evidence in the body.</summary>
    public bool ClaimedOnly => Claimed && Signals == 0;
}

/// <summary>One principle's row: the stories that give evidence for it, and those that only claim it.</summary>
public sealed record CoverageRow(Principle Principle, IReadOnlyList<CoverageCell> Cells)
{
    public IEnumerable<BankStory> EvidencedBy => Cells.Where(c => c.Signals > 0).Select(c => c.Story);
    /// <summary>Stories that claim the principle in front matter but give no evidence for it.</summary>
    public IEnumerable<BankStory> ClaimedOnlyBy => Cells.Where(c => c.Claimed && c.Signals == 0).Select(c => c.Story);
    public bool IsGap => !Cells.Any(c => c.Signals > 0);
    /// <summary>Signals for the principle across the bank.</summary>
    public int TotalSignals => Cells.Sum(c => c.Signals);
}

public sealed class BankAnalysis
{
    internal BankAnalysis(IReadOnlyList<BankStory> stories, IReadOnlyList<CoverageRow> coverage, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<StoryPair>? pairs = null)
    {
        Stories = stories; Coverage = coverage; Diagnostics = diagnostics; Pairs = pairs ?? Array.Empty<StoryPair>();
    }

    /// <summary>The stories, ordered by path (ordinal).</summary>
    public IReadOnlyList<BankStory> Stories { get; }
    /// <summary>One row per principle, in the official order.</summary>
    public IReadOnlyList<CoverageRow> Coverage { get; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    /// <summary>Pairs of stories that are near-duplicates or tell conflicting roles.</summary>
    public IReadOnlyList<StoryPair> Pairs { get; }

    /// <summary>
    /// Stories that tell the same anecdote, grouped as <c>duplicate-story</c> reports them: stories
    /// joined by near-duplicate pairs, counting only stories that carry a <c>duplicate-story</c>
    /// finding (so a suppressed story stays out). Each cluster and the list are in path order.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<BankStory>> DuplicateClusters => _clusters ??= ClustersOf();

    private IReadOnlyList<IReadOnlyList<BankStory>>? _clusters;

    private IReadOnlyList<IReadOnlyList<BankStory>> ClustersOf()
    {
        var reported = Diagnostics.Where(d => d.RuleId == "duplicate-story" && d.Path is not null).Select(d => d.Path!).ToHashSet(StringComparer.Ordinal);
        if (reported.Count == 0) return Array.Empty<IReadOnlyList<BankStory>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Stories.Count; i++) index[Stories[i].Path] = i;
        var sets = new UnionFind(Stories.Count);
        foreach (var p in Pairs)
            if (p.IsDuplicate && reported.Contains(p.A.Path) && reported.Contains(p.B.Path) && index.TryGetValue(p.A.Path, out int a) && index.TryGetValue(p.B.Path, out int b))
                sets.Union(a, b);
        var groups = new Dictionary<int, List<BankStory>>();
        var order = new List<List<BankStory>>();
        for (int i = 0; i < Stories.Count; i++)
        {
            if (!reported.Contains(Stories[i].Path)) continue;
            int root = sets.Find(i);
            if (!groups.TryGetValue(root, out var g)) { groups[root] = g = new List<BankStory>(); order.Add(g); }
            g.Add(Stories[i]);
        }
        return order.Where(g => g.Count > 1).ToList();
    }

    /// <summary>True when the bank rules ran (the bank has at least <see cref="BankAnalyzer.MinStories"/> stories).</summary>
    public bool RulesRan => Stories.Count >= BankAnalyzer.MinStories;

    /// <summary>The same bank with only the findings <paramref name="keep"/> accepts (the CLI shows those about the files it was asked to check).</summary>
    public BankAnalysis WithDiagnostics(Func<Diagnostic, bool> keep) => new(Stories, Coverage, Diagnostics.Where(keep).ToList(), Pairs);

    /// <summary>The bank findings located in one story.</summary>
    public IEnumerable<Diagnostic> DiagnosticsFor(string path) => Diagnostics.Where(d => d.Path == path);

    /// <summary>The cell for a principle and a story, or null when the story neither claims nor evidences it.</summary>
    public CoverageCell? Cell(Principle principle, BankStory story) =>
        Coverage.FirstOrDefault(r => r.Principle == principle)?.Cells.FirstOrDefault(c => ReferenceEquals(c.Story, story) || c.Story.Path == story.Path);

    /// <summary>The three questions a bar raiser is most likely to ask about a story, given its gaps and the bank's findings on it.</summary>
    public IReadOnlyList<FollowUp> FollowUpsFor(BankStory story, int count = 3) =>
        BarRaiser.FollowUps(story.Analysis, DiagnosticsFor(story.Path), count);
}

/// <summary>Context for the bank rules: the stories, their coverage, settings, and a sink.</summary>
public sealed class BankContext
{
    private readonly List<Diagnostic> _sink;

    private readonly IReadOnlyDictionary<BankStory, StoryFacts> _facts;

    internal BankContext(IReadOnlyList<BankStory> stories, IReadOnlyList<CoverageRow> coverage, PmPrepSettings settings, List<Diagnostic> sink,
        IReadOnlyList<StoryPair> pairs, IReadOnlyDictionary<BankStory, StoryFacts> facts)
    {
        Stories = stories; Coverage = coverage; Settings = settings; _sink = sink; Pairs = pairs; _facts = facts;
    }

    public IReadOnlyList<BankStory> Stories { get; }
    public IReadOnlyList<CoverageRow> Coverage { get; }
    public PmPrepSettings Settings { get; }
    /// <summary>Near-duplicate and role-conflicting pairs, from the index's cache.</summary>
    public IReadOnlyList<StoryPair> Pairs { get; }

    public StoryFacts Facts(BankStory story) => _facts.TryGetValue(story, out var f) ? f : StoryFacts.Of(story.Analysis);

    /// <summary>
    /// Bank findings kept per story: past this, further findings in the same story are dropped
    /// (the rules already group a story's conflicts and duplicates, so only a story that conflicts
    /// on many sentences gets here). Keeps the output linear in the bank's size.
    /// </summary>
    public const int MaxFindingsPerStory = 20;

    private readonly Dictionary<string, int> _perStory = new(StringComparer.Ordinal);

    public void Report(string ruleId, IReadOnlyDictionary<string, string>? args, BankStory? story = null, int start = 0, int end = 0, Severity? severity = null, string? phrase = null,
        IReadOnlyList<RelatedStory>? related = null)
    {
        if (!Settings.IsEnabled(ruleId)) return;
        if (story is not null)
        {
            int had = _perStory.GetValueOrDefault(story.Path);
            if (had >= MaxFindingsPerStory) return;
            _perStory[story.Path] = had + 1;
        }
        var info = EngineData.Default.Rule(ruleId);
        TextRange range = default;
        if (story is not null)
        {
            range = story.Analysis.Document.RangeOf(start, end);
            if (IsSuppressed(ruleId, story, start)) return;
        }
        var sev = Settings.RuleSeverities.TryGetValue(ruleId, out var s) && s is { } set ? set : severity ?? info.DefaultSeverity;
        related ??= Array.Empty<RelatedStory>();
        var allArgs = args;
        if (related.Count > 0)
            allArgs = new Dictionary<string, string>(args ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["file"] = Diagnostic.FileArg(related, p => p, Diagnostic.TotalOthers(args, related.Count)) };
        _sink.Add(new Diagnostic(ruleId, sev, Rules.RuleContext.Fill(info.Message, allArgs), start, end, range)
        {
            Path = story?.Path, HasRange = story is not null, Phrase = phrase, Related = related, Args = args,
        });
    }

    /// <summary>True when an inline comment in the story turns the rule off at that offset.</summary>
    public bool IsSuppressed(string ruleId, BankStory story, int start)
    {
        var doc = story.Analysis.Document;
        return doc.Suppressions.IsSuppressed(ruleId, doc.RangeOf(start, start).Start.Line);
    }
}

/// <summary>A rule over the whole story bank.</summary>
public abstract class BankRule
{
    public abstract string Id { get; }
    public abstract void Check(BankContext ctx);
}
