using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;

namespace PmPrep.Core.Bank;

/// <summary>
/// The story bank, kept up to date one story at a time. Callers (the language server, the CLI)
/// hand in each story's cached <see cref="StoryAnalysis"/>; the index keeps per-story facts
/// (coverage cells, role statements, fingerprint) and the notable pairs (near-duplicates, role
/// conflicts), and when one story changes it recomputes only that story's facts and its
/// comparisons with the others. The bank rules then run over the cached results.
/// <para>
/// Comparisons are pruned by cheap signatures, so a bank costs about its stories' own size:
/// a pair is measured only when the two stories share a word-pair shingle (every duplicate test
/// needs one), found through an inverted index; role statements are compared only between stories
/// that share a project word, a role-statement word or a name (every conflict needs one). Up to
/// <see cref="DefaultPostingCap"/> stories per shingle or key this is exact: it finds every pair
/// the full comparison finds. Past it (a shingle that hundreds of stories share, as in a bank of
/// copies) only the first stories indexed under it are reached through it, the pair is measured
/// only if the shared count could still pass a test, and a story already known to be in the same
/// duplicate cluster is not measured again: clusters stay whole, and each story costs at most
/// the cap per shingle.
/// </para>
/// <para>Thread-safe: every member takes one lock. <see cref="Current"/> is cached until the next change.</para>
/// </summary>
public sealed class BankIndex
{
    /// <summary>Stories walked per shingle, figure or role key; beyond it the comparison is pruned (see the class summary).</summary>
    public const int DefaultPostingCap = 64;

    private sealed class Entry
    {
        public required int Id { get; init; }
        public required BankStory Story { get; init; }
        public required StoryFacts Facts { get; init; }
        /// <summary>One cell per principle (by <see cref="Principle.Order"/>), null where the story neither claims nor evidences it.</summary>
        public required CoverageCell?[] Cells { get; init; }
        /// <summary>Words and names any role conflict with another story must share (empty when the story states no role).</summary>
        public required string[] RoleKeys { get; init; }
        public string Path => Story.Path;
    }

    private readonly object _gate = new();
    private readonly int _cap;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    // Stories by small integer id (ids of removed stories are reused), so the hot loops index arrays.
    private readonly List<Entry?> _byId = new();
    private readonly Stack<int> _freeIds = new();
    // Notable pairs only (a duplicate or a role conflict), both directions: id -> other id -> pair.
    private readonly Dictionary<int, Dictionary<int, StoryPair>> _pairs = new();
    private readonly HashSet<int> _dirty = new();
    // Inverted indexes: shingle / figure / role key -> ids of the stories that have it, in the order they were indexed.
    private readonly Dictionary<ulong, List<int>> _postings = new();
    private readonly Dictionary<ulong, List<int>> _figures = new();
    private readonly Dictionary<string, List<int>> _roleKeys = new(StringComparer.Ordinal);
    private PmPrepSettings _settings;
    private BankAnalysis? _current;

    public BankIndex(PmPrepSettings? settings = null) : this(settings, DefaultPostingCap) { }

    /// <summary>For tests: a smaller <paramref name="postingCap"/> exercises the pruned path on a small bank.</summary>
    internal BankIndex(PmPrepSettings? settings, int postingCap)
    {
        _settings = settings ?? PmPrepSettings.Default;
        _cap = Math.Max(1, postingCap);
    }

    /// <summary>Settings for the bank rules (severities, rules turned off). Setting it re-runs only the rules.</summary>
    public PmPrepSettings Settings
    {
        get { lock (_gate) return _settings; }
        set { lock (_gate) { _settings = value ?? PmPrepSettings.Default; _current = null; } }
    }

    public int Count { get { lock (_gate) return _entries.Count; } }

    /// <summary>
    /// Pairs the last <see cref="Current"/> had to account for: each changed story with each other
    /// one, each pair of changed stories once (for tests and benchmarks). Most are settled by the
    /// indexes without being measured; <see cref="LastMeasured"/> counts those that were.
    /// </summary>
    public int LastComparisons { get; private set; }

    /// <summary>Pairs the last <see cref="Current"/> actually measured (shingle overlap or role statements).</summary>
    public long LastMeasured { get; private set; }

    public bool Contains(string path) { lock (_gate) return _entries.ContainsKey(path); }

    /// <summary>Adds or replaces one story. Passing the same analysis object again is a no-op.</summary>
    public void Update(string path, StoryAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(analysis);
        // Design answers and PR/FAQs are not stories: they never join the bank.
        if (analysis.Kind != Practice.PracticeKind.Story) { Remove(path); return; }
        lock (_gate)
        {
            int id;
            if (_entries.TryGetValue(path, out var old))
            {
                if (ReferenceEquals(old.Story.Analysis, analysis)) return;
                Unpost(old);
                id = old.Id;
            }
            else if (_freeIds.Count > 0) id = _freeIds.Pop();
            else { id = _byId.Count; _byId.Add(null); }
            var story = new BankStory(path, analysis);
            var facts = StoryFacts.Of(analysis);
            var entry = new Entry { Id = id, Story = story, Facts = facts, Cells = CellsOf(story), RoleKeys = RoleKeysOf(facts) };
            _entries[path] = entry;
            _byId[id] = entry;
            foreach (var sh in facts.Fingerprint.Shingles) Post(_postings, sh, id);
            foreach (var fig in facts.Fingerprint.Numbers) Post(_figures, fig, id);
            foreach (var key in entry.RoleKeys) Post(_roleKeys, key, id);
            _dirty.Add(id);
            _current = null;
        }
    }

    /// <summary>Removes a story (file deleted or closed outside the workspace). Returns false when it was not there.</summary>
    public bool Remove(string path)
    {
        lock (_gate)
        {
            if (!_entries.Remove(path, out var old)) return false;
            Unpost(old);
            DropPairs(old.Id);
            _dirty.Remove(old.Id);
            _byId[old.Id] = null;
            _freeIds.Push(old.Id);
            _current = null;
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear(); _byId.Clear(); _freeIds.Clear(); _pairs.Clear(); _dirty.Clear();
            _postings.Clear(); _figures.Clear(); _roleKeys.Clear(); _current = null;
        }
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

    private static void Post<TKey>(Dictionary<TKey, List<int>> index, TKey key, int id) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = new List<int>(2);
        list.Add(id);
    }

    private static void Unpost<TKey>(Dictionary<TKey, List<int>> index, TKey key, int id) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) return;
        list.Remove(id);
        if (list.Count == 0) index.Remove(key);
    }

    private void Unpost(Entry e)
    {
        foreach (var sh in e.Facts.Fingerprint.Shingles) Unpost(_postings, sh, e.Id);
        foreach (var fig in e.Facts.Fingerprint.Numbers) Unpost(_figures, fig, e.Id);
        foreach (var key in e.RoleKeys) Unpost(_roleKeys, key, e.Id);
    }

    /// <summary>
    /// What a role conflict between two stories needs in common (see <see cref="StoryComparison.Conflict"/>):
    /// a project word (same project, or one story naming the other's project in a role statement),
    /// a word of both role statements' objects, or the same name in both. Empty for a story that
    /// states no role, which can conflict with nothing.
    /// </summary>
    internal static string[] RoleKeysOf(StoryFacts f)
    {
        if (!f.StatesRole) return Array.Empty<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in f.ProjectWords) keys.Add("w:" + w);
        foreach (var c in f.Claims)
        {
            foreach (var w in c.Object) keys.Add("w:" + w);
            foreach (var n in c.Names) keys.Add("n:" + n.ToUpperInvariant());
        }
        var arr = keys.ToArray();
        Array.Sort(arr, StringComparer.Ordinal);
        return arr;
    }

    // Scratch arrays for Compare, indexed by story id.
    private int[] _shared = Array.Empty<int>();
    private int[] _seen = Array.Empty<int>();
    private int[] _keys = Array.Empty<int>();
    private int _stamp;

    /// <summary>
    /// Compares each changed story with the others it could match: shared shingles and figures come
    /// from the inverted indexes (so stories with nothing in common cost nothing), role statements
    /// only between stories that share a role key. Pairs of two changed stories are compared once.
    /// </summary>
    private void Compare()
    {
        int comparisons = 0;
        long measured = 0;
        if (_dirty.Count > 0)
        {
            foreach (var d in _dirty) DropPairs(d);
            int k = _dirty.Count;
            comparisons = k * (_entries.Count - k) + k * (k - 1) / 2;
            if (_shared.Length < _byId.Count) { _shared = new int[_byId.Count]; _seen = new int[_byId.Count]; _stamp = 0; }
            // Clusters found so far, for the pruned path: a candidate already in the story's cluster is not measured.
            var clusters = new UnionFind(_byId.Count);
            foreach (var (id, mine) in _pairs)
                foreach (var (other, pair) in mine)
                    if (pair.IsDuplicate) clusters.Union(id, other);
            var order = _dirty.Select(id => _byId[id]!).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
            // rank[id]: the changed story's place in path order, -1 for an unchanged story; a pair of changed stories is compared by the earlier one.
            var rank = new int[_byId.Count];
            Array.Fill(rank, -1);
            for (int i = 0; i < order.Count; i++) rank[order[i].Id] = i;
            var touched = new List<int>();
            foreach (var a in order)
            {
                int d = a.Id, mine = rank[d];
                bool Skip(int other) => other == d || (uint)rank[other] < (uint)mine;

                // Duplicates: count shared shingles per other story through the postings.
                touched.Clear();
                int capped = 0;
                foreach (var sh in a.Facts.Fingerprint.Shingles)
                {
                    var list = _postings[sh];
                    int n = list.Count;
                    // A capped list is walked from both sides of a pair (only its first stories are
                    // reached, and a later story may be the one that reaches an earlier one).
                    bool cut = n > _cap;
                    if (cut) { capped++; n = _cap; }
                    for (int i = 0; i < n; i++)
                    {
                        int other = list[i];
                        if (cut ? other == d : Skip(other)) continue;
                        if (_shared[other]++ == 0) touched.Add(other);
                    }
                }
                if (capped > 0)
                {
                    // Pruned: the counts are lower bounds. Figures can bring in a loose retelling whose shared shingles were all capped.
                    foreach (var fig in a.Facts.Fingerprint.Numbers)
                    {
                        var list = _figures[fig];
                        for (int i = 0, n = Math.Min(list.Count, _cap); i < n; i++)
                        {
                            int other = list[i];
                            if (other == d || _shared[other] != 0) continue;
                            _shared[other] = -1; // marker: no shingle counted yet
                            touched.Add(other);
                        }
                    }
                    // Most shared first, so a story joins its cluster early and the rest of the cluster is skipped.
                    if (_keys.Length < touched.Count) _keys = new int[Math.Max(touched.Count, _keys.Length * 2)];
                    for (int i = 0; i < touched.Count; i++) _keys[i] = -_shared[touched[i]];
                    var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(touched);
                    _keys.AsSpan(0, touched.Count).Sort(span);
                }
                foreach (var other in touched)
                {
                    int shared = Math.Max(0, _shared[other]);
                    _shared[other] = 0;
                    var b = _byId[other]!;
                    PairMeasure m;
                    if (capped == 0)
                        m = StoryComparison.Measure(a.Facts.Fingerprint, b.Facts.Fingerprint, shared); // every shared shingle was counted
                    else
                    {
                        if (clusters.Find(d) == clusters.Find(other)) continue;
                        // Could it pass a test if every capped shingle were shared as well? If not, it cannot be a duplicate.
                        var fa = a.Facts.Fingerprint; var fb = b.Facts.Fingerprint;
                        int most = Math.Min(shared + capped, Math.Min(fa.Count, fb.Count));
                        if (!StoryComparison.CouldBeDuplicate(fa, fb, most)) continue;
                        m = StoryComparison.Measure(a.Facts.Fingerprint, b.Facts.Fingerprint, a.Facts.Fingerprint.Common(b.Facts.Fingerprint));
                    }
                    measured++;
                    if (!StoryComparison.IsDuplicate(m)) continue;
                    Record(a, b, m, true);
                    clusters.Union(d, other);
                }

                // Role conflicts: only with stories that share a role key.
                if (a.RoleKeys.Length == 0) continue;
                int stamp = ++_stamp;
                if (stamp == int.MaxValue) { Array.Clear(_seen); _stamp = stamp = 1; }
                touched.Clear();
                foreach (var key in a.RoleKeys)
                {
                    var list = _roleKeys[key];
                    bool cut = list.Count > _cap;
                    for (int i = 0, n = Math.Min(list.Count, _cap); i < n; i++)
                    {
                        int other = list[i];
                        if ((cut ? other == d : Skip(other)) || _seen[other] == stamp) continue;
                        _seen[other] = stamp;
                        touched.Add(other);
                    }
                }
                foreach (var other in touched)
                {
                    var b = _byId[other]!;
                    var (first, second) = string.CompareOrdinal(a.Path, b.Path) < 0 ? (a, b) : (b, a);
                    var existing = Pairs(first.Id).GetValueOrDefault(second.Id);
                    if (existing?.Conflict is not null) continue; // reached from both sides through a capped key
                    measured++;
                    if (StoryComparison.Conflict(first.Facts, second.Facts) is not { } conflict) continue;
                    Record(first, second, existing?.Measure ?? StoryComparison.Measure(first.Facts, second.Facts), existing?.IsDuplicate ?? false, conflict);
                }
            }
            _dirty.Clear();
        }
        LastComparisons = comparisons;
        LastMeasured = measured;
    }

    private void Record(Entry x, Entry y, PairMeasure measure, bool duplicate, RoleConflict? conflict = null)
    {
        var (first, second) = string.CompareOrdinal(x.Path, y.Path) < 0 ? (x, y) : (y, x);
        var pair = new StoryPair(first.Story, second.Story, measure, duplicate, conflict);
        Pairs(first.Id)[second.Id] = pair;
        Pairs(second.Id)[first.Id] = pair;
    }

    private Dictionary<int, StoryPair> Pairs(int id)
    {
        if (!_pairs.TryGetValue(id, out var d)) _pairs[id] = d = new Dictionary<int, StoryPair>();
        return d;
    }

    private void DropPairs(int id)
    {
        if (!_pairs.Remove(id, out var mine)) return;
        foreach (var other in mine.Keys)
            if (_pairs.TryGetValue(other, out var theirs)) theirs.Remove(id);
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
        foreach (var (id, mine) in _pairs)
            foreach (var (_, pair) in mine)
                if (ReferenceEquals(pair.A, _byId[id]!.Story)) pairs.Add(pair); // each pair is kept under both ids: take it once
        pairs.Sort((x, y) =>
        {
            int c = string.CompareOrdinal(x.A.Path, y.A.Path);
            return c != 0 ? c : string.CompareOrdinal(x.B.Path, y.B.Path);
        });
        var facts = ordered.ToDictionary(e => e.Story, e => e.Facts);
        var diagnostics = new List<Diagnostic>();
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

/// <summary>Disjoint sets over story ids (path halving, union by size).</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public UnionFind(int n)
    {
        _parent = new int[n];
        _size = new int[n];
        for (int i = 0; i < n; i++) { _parent[i] = i; _size[i] = 1; }
    }

    public int Find(int x)
    {
        while (_parent[x] != x) { _parent[x] = _parent[_parent[x]]; x = _parent[x]; }
        return x;
    }

    public void Union(int a, int b)
    {
        a = Find(a); b = Find(b);
        if (a == b) return;
        if (_size[a] < _size[b]) (a, b) = (b, a);
        _parent[b] = a;
        _size[a] += _size[b];
    }
}
