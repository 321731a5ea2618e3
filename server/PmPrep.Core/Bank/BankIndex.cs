using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;

namespace PmPrep.Core.Bank;

/// <summary>
/// The story bank, kept up to date one story at a time. Callers (the language server, the CLI)
/// hand in each story's cached <see cref="StoryAnalysis"/>; the index keeps per-story facts
/// (coverage cells, role statements, fingerprint) and the pairwise comparisons, and when one story
/// changes it recomputes only that story's facts and its comparisons with the others. The bank
/// rules then run over the cached results.
/// <para>Thread-safe: every member takes one lock. <see cref="Current"/> is cached until the next change.</para>
/// </summary>
public sealed class BankIndex
{
    private sealed class Entry
    {
        public required BankStory Story { get; init; }
        public required StoryFacts Facts { get; init; }
        /// <summary>One cell per principle (by <see cref="Principle.Order"/>), null where the story neither claims nor evidences it.</summary>
        public required CoverageCell?[] Cells { get; init; }
    }

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    // Notable pairs only (a duplicate or a role conflict), both directions: path -> other path -> pair.
    private readonly Dictionary<string, Dictionary<string, StoryPair>> _pairs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    // Inverted index of fingerprints: shingle -> stories that have it. Stories share few shingles,
    // so counting a story's overlap with every other story costs about its own shingle count.
    private readonly Dictionary<ulong, List<string>> _postings = new();
    private PmPrepSettings _settings;
    private BankAnalysis? _current;

    public BankIndex(PmPrepSettings? settings = null) { _settings = settings ?? PmPrepSettings.Default; }

    /// <summary>Settings for the bank rules (severities, rules turned off). Setting it re-runs only the rules.</summary>
    public PmPrepSettings Settings
    {
        get { lock (_gate) return _settings; }
        set { lock (_gate) { _settings = value ?? PmPrepSettings.Default; _current = null; } }
    }

    public int Count { get { lock (_gate) return _entries.Count; } }

    /// <summary>Number of pairwise comparisons the last <see cref="Current"/> had to make (for tests and benchmarks).</summary>
    public int LastComparisons { get; private set; }

    public bool Contains(string path) { lock (_gate) return _entries.ContainsKey(path); }

    /// <summary>Adds or replaces one story. Passing the same analysis object again is a no-op.</summary>
    public void Update(string path, StoryAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(analysis);
        lock (_gate)
        {
            if (_entries.TryGetValue(path, out var old))
            {
                if (ReferenceEquals(old.Story.Analysis, analysis)) return;
                Unpost(path, old.Facts);
            }
            var story = new BankStory(path, analysis);
            var facts = StoryFacts.Of(analysis);
            _entries[path] = new Entry { Story = story, Facts = facts, Cells = CellsOf(story) };
            foreach (var sh in facts.Fingerprint.Shingles)
            {
                if (!_postings.TryGetValue(sh, out var list)) _postings[sh] = list = new List<string>(2);
                list.Add(path);
            }
            _dirty.Add(path);
            _current = null;
        }
    }

    /// <summary>Removes a story (file deleted or closed outside the workspace). Returns false when it was not there.</summary>
    public bool Remove(string path)
    {
        lock (_gate)
        {
            if (!_entries.Remove(path, out var old)) return false;
            Unpost(path, old.Facts);
            DropPairs(path);
            _dirty.Remove(path);
            _current = null;
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate) { _entries.Clear(); _pairs.Clear(); _dirty.Clear(); _postings.Clear(); _current = null; }
    }

    /// <summary>The bank as it stands: coverage matrix and bank diagnostics. Recomputes what changed since the last call.</summary>
    public BankAnalysis Current
    {
        get
        {
            lock (_gate)
            {
                if (_current is not null) return _current;
                Compare();
                _current = Build();
                return _current;
            }
        }
    }

    private void Unpost(string path, StoryFacts facts)
    {
        foreach (var sh in facts.Fingerprint.Shingles)
            if (_postings.TryGetValue(sh, out var list))
            {
                list.Remove(path);
                if (list.Count == 0) _postings.Remove(sh);
            }
    }

    /// <summary>
    /// Compares each changed story with every other story: shared shingles come from the inverted
    /// index (so stories with nothing in common cost nothing), role conflicts are checked only
    /// between stories that state a role at all. Pairs of two changed stories are compared once.
    /// </summary>
    private void Compare()
    {
        int comparisons = 0;
        if (_dirty.Count > 0)
        {
            foreach (var d in _dirty) DropPairs(d);
            // Each changed story against each unchanged one, and each pair of changed stories once.
            int k = _dirty.Count;
            comparisons = k * (_entries.Count - k) + k * (k - 1) / 2;
            var withRoles = _entries.Values.Where(e => e.Facts.StatesRole).ToList();
            var common = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var d in _dirty)
            {
                var a = _entries[d];
                bool Skip(string other) => other == d || (_dirty.Contains(other) && string.CompareOrdinal(other, d) < 0);

                common.Clear();
                foreach (var sh in a.Facts.Fingerprint.Shingles)
                    if (_postings.TryGetValue(sh, out var list))
                        foreach (var other in list)
                            if (!Skip(other)) common[other] = common.GetValueOrDefault(other) + 1;
                foreach (var (other, shared) in common)
                {
                    var b = _entries[other];
                    var m = StoryComparison.Measure(a.Facts.Fingerprint, b.Facts.Fingerprint, shared);
                    if (!StoryComparison.IsDuplicate(m)) continue;
                    Record(a, b, m, true);
                }

                if (!a.Facts.StatesRole) continue;
                foreach (var b in withRoles)
                {
                    if (Skip(b.Story.Path)) continue;
                    var (first, second) = string.CompareOrdinal(d, b.Story.Path) < 0 ? (a, b) : (b, a);
                    if (StoryComparison.Conflict(first.Facts, second.Facts) is not { } conflict) continue;
                    var existing = Pairs(first.Story.Path).GetValueOrDefault(second.Story.Path);
                    Record(first, second, existing?.Measure ?? StoryComparison.Measure(first.Facts, second.Facts), existing?.IsDuplicate ?? false, conflict);
                }
            }
            _dirty.Clear();
        }
        LastComparisons = comparisons;
    }

    private void Record(Entry x, Entry y, PairMeasure measure, bool duplicate, RoleConflict? conflict = null)
    {
        var (first, second) = string.CompareOrdinal(x.Story.Path, y.Story.Path) < 0 ? (x, y) : (y, x);
        var pair = new StoryPair(first.Story, second.Story, measure, duplicate, conflict);
        Pairs(first.Story.Path)[second.Story.Path] = pair;
        Pairs(second.Story.Path)[first.Story.Path] = pair;
    }

    private Dictionary<string, StoryPair> Pairs(string path)
    {
        if (!_pairs.TryGetValue(path, out var d)) _pairs[path] = d = new Dictionary<string, StoryPair>(StringComparer.Ordinal);
        return d;
    }

    private void DropPairs(string path)
    {
        if (!_pairs.Remove(path, out var mine)) return;
        foreach (var other in mine.Keys)
            if (_pairs.TryGetValue(other, out var theirs)) theirs.Remove(path);
    }

    private BankAnalysis Build()
    {
        var ordered = _entries.Values.OrderBy(e => e.Story.Path, StringComparer.Ordinal).ToList();
        var stories = ordered.Select(e => e.Story).ToList();
        var principles = EngineData.Default.Principles;
        var coverage = new List<CoverageRow>(principles.Count);
        foreach (var p in principles)
        {
            var cells = new List<CoverageCell>();
            foreach (var e in ordered)
                if (p.Order < e.Cells.Length && e.Cells[p.Order] is { } c) cells.Add(c);
            coverage.Add(new CoverageRow(p, cells));
        }
        var pairs = new List<StoryPair>();
        foreach (var (path, mine) in _pairs)
            foreach (var (other, pair) in mine)
                if (string.CompareOrdinal(path, other) < 0) pairs.Add(pair);
        pairs.Sort((x, y) =>
        {
            int c = string.CompareOrdinal(x.A.Path, y.A.Path);
            return c != 0 ? c : string.CompareOrdinal(x.B.Path, y.B.Path);
        });
        var facts = ordered.ToDictionary(e => e.Story, e => e.Facts);
        var diagnostics = new List<BankDiagnostic>();
        var ctx = new BankContext(stories, coverage, _settings, diagnostics, pairs, facts);
        // A bank of one is not a bank: its "gaps" are only what one story does not cover.
        if (stories.Count >= BankAnalyzer.MinStories)
            foreach (var rule in BankAnalyzer.Rules)
                if (_settings.IsEnabled(rule.Id)) rule.Check(ctx);
        return new BankAnalysis(stories, coverage, diagnostics, pairs);
    }

    internal static CoverageCell?[] CellsOf(BankStory story)
    {
        var principles = EngineData.Default.Principles;
        var cells = new CoverageCell?[principles.Count];
        var claimed = story.Analysis.ClaimedPrinciples.ToHashSet();
        foreach (var p in principles)
        {
            var ev = story.Analysis.Evidence.FirstOrDefault(e => e.Principle == p);
            bool isClaimed = claimed.Contains(p);
            if (ev is null && !isClaimed) continue;
            if (p.Order < cells.Length) cells[p.Order] = new CoverageCell(story, ev?.Signals ?? 0, isClaimed, ev?.Strongest);
        }
        return cells;
    }
}
