using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.VisualStudio.Threading;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Practice;
using PmPrep.Core.Report;
using PmPrep.Server.IO;
using PmPrep.Server.Lsp.Protocol;
using PmPrep.Server.Workspace;
using Serilog;
using StreamJsonRpc;

namespace PmPrep.Server.Lsp;

// Workspace and bank: story discovery and indexing, watched files, workspace folders, the bank index and its diagnostics, coverage and report.
public sealed partial class LanguageServer
{
    // ================================================================== workspace

    private void StartIndexing(List<string> roots)
    {
        var previous = _indexing;
        _indexing = Task.Run(async () =>
        {
            await previous.ConfigureAwait(false);
            var sw = Stopwatch.StartNew();
            int n = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var root in roots)
                foreach (var path in StoryFiles.Discover(root))
                {
                    if (!seen.Add(SafeRead.IdentityKey(path))) continue;   // one file under two names (a link inside the folder) is one story
                    await IndexFileAsync(DocumentStore.FromPath(path), path).ConfigureAwait(false);
                    n++;
                }
            _log.Information("Indexed {Count} stories in {Ms} ms", n, sw.ElapsedMilliseconds);
            ScheduleBank();
        });
    }

    private async Task IndexFileAsync(string uri, string path)
    {
        await Task.Yield();
        try
        {
            if (!File.Exists(path) || !InWorkspace(path)) { _disk.TryRemove(uri, out _); SyncBank(uri); return; }
            // The same strict read as `pmprep check`: regular files only, one size limit, UTF-8 only, no NULs.
            var (text, error, _) = StoryFiles.ReadText(path);
            if (text is null) { _log.Warning("Skipping {Path}: {Reason}", path, error); _disk.TryRemove(uri, out _); SyncBank(uri); return; }
            var settings = _settings;
            var analysis = PracticeAnalyzer.Analyze(path, text, SettingsFor(settings, path));
            _disk[uri] = new DiskStory(uri, analysis, settings.Generation);
            SyncBank(uri);
        }
        catch (Exception ex)
        {
            // One bad file must not fault the indexing task: every bank request awaits it.
            _log.Warning("Could not index {Path}: {Reason}", path, ex.Message);
        }
    }

    /// <summary>
    /// Whether a path belongs to the bank: inside a workspace folder, also once symlinks are resolved.
    /// With no folders (a single file opened), every story is the bank.
    /// </summary>
    private bool InWorkspace(string path)
    {
        var roots = _rootList;
        return roots.Length == 0 || DirectoryWalk.IsInside(path, roots);
    }

    private void DidChangeWatchedFilesCore(DidChangeWatchedFilesParams p)
    {
        bool configChanged = false;
        foreach (var e in p.Changes ?? new())
        {
            var path = DocumentStore.LocalPath(e.Uri);
            if (path is null) continue;
            if (StoryFiles.IsConfig(path))
            {
                configChanged |= InWorkspace(path);
                continue;
            }
            if (!StoryFiles.IsStory(path)) continue;
            if (!InWorkspace(path)) { _log.Warning("Watched-file event for {Path}, outside the workspace folders: ignored", path); continue; }
            var uri = DocumentStore.Normalize(e.Uri);
            if (e.Type == 3)
            {
                _disk.TryRemove(uri, out _);
                SyncBank(uri);
                ScheduleBank();
            }
            else if (_store.Get(uri) is null)
            {
                _ = IndexFileAsync(uri, path).ContinueWith(_ => ScheduleBank(), TaskScheduler.Default);
            }
        }
        if (configChanged)
        {
            RecomputeSettings(reanalyze: true, force: true);
        }
    }

    private void DidChangeWorkspaceFoldersCore(DidChangeWorkspaceFoldersParams p)
    {
        foreach (var f in p.Event.Removed)
            if (DocumentStore.LocalPath(f.Uri) is { } path)
            {
                _roots.Remove(path);
                foreach (var key in _disk.Keys.Where(k => DocumentStore.LocalPath(k)?.StartsWith(path, StringComparison.Ordinal) == true).ToList())
                {
                    _disk.TryRemove(key, out _);
                    SyncBank(key);
                }
            }
        var added = p.Event.Added.Select(f => DocumentStore.LocalPath(f.Uri)).OfType<string>().ToList();
        _roots.AddRange(added);
        _rootList = _roots.ToArray();
        RecomputeSettings(reanalyze: true, force: true);   // the folders bound the `.pmprep.yaml` lookup
        StartIndexing(added);
        ScheduleBank();
    }

    // ================================================================== bank

    private void ScheduleBank()
    {
        if (Interlocked.Exchange(ref _bankScheduled, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            await Task.Delay(_options.BankDelay).ConfigureAwait(false);
            Interlocked.Exchange(ref _bankScheduled, 0);
            try { await RecomputeBankAsync().ConfigureAwait(false); }
            catch (Exception ex) { _log.Error(ex, "Bank analysis failed"); }
        });
    }

    /// <summary>
    /// Makes the bank's entry for one story match the server's state: the open document's latest
    /// analysis (keyed by the URI as the client spells it) while it is open, the file on disk's
    /// otherwise, none when neither exists. Unchanged analyses are no-ops in the index.
    /// </summary>
    private void SyncBank(string uri)
    {
        lock (_bankGate)
        {
            string? key = null;
            StoryAnalysis? analysis = null;
            if (_store.Get(uri) is { } doc && _latest.TryGetValue(uri, out var latest))
            {
                // An open document outside the workspace folders is analysed on its own, not banked.
                if (DocumentStore.LocalPath(uri) is not { } local || InWorkspace(local)) (key, analysis) = (doc.ClientUri, latest);
            }
            else if (_disk.TryGetValue(uri, out var disk)) (key, analysis) = (uri, disk.Analysis);
            if (_bankKeys.TryGetValue(uri, out var old) && old != key)
            {
                _bank.Remove(old);
                _bankKeys.Remove(uri);
            }
            if (key is null) return;
            _bank.Update(key, analysis!);
            _bankKeys[uri] = key;
        }
    }

    private async Task RecomputeBankAsync()
    {
        var bank = _bank.Current;
        var byUri = bank.Diagnostics.Where(d => d.Path is not null && d.HasRange)
            .GroupBy(d => DocumentStore.Normalize(d.Path!))
            .ToDictionary(g => g.Key, g => g.Select(ToLsp).ToList());
        foreach (var uri in _bankByUri.Keys.Concat(byUri.Keys).Distinct().ToList())
        {
            var now = byUri.TryGetValue(uri, out var l) ? l : new List<LspDiagnostic>();
            var before = _bankByUri.TryGetValue(uri, out var b) ? b : new List<LspDiagnostic>();
            if (now.Count == 0) _bankByUri.TryRemove(uri, out _); else _bankByUri[uri] = now;
            if (Same(now, before)) continue;
            if (_store.Get(uri) is { } doc && _published.TryGetValue(uri, out var pub) && pub.Seq == doc.Seq && _latest.TryGetValue(uri, out var a))
                await PublishAsync(doc.ClientUri, doc.Version, pub.Story, BankFor(uri, a)).ConfigureAwait(false);
        }
    }

    private static bool Same(List<LspDiagnostic> a, List<LspDiagnostic> b) =>
        a.Count == b.Count && a.Zip(b).All(x => x.First.Code == x.Second.Code && x.First.Message == x.Second.Message && x.First.Range == x.Second.Range
            && SameRelated(x.First.RelatedInformation, x.Second.RelatedInformation));

    private static bool SameRelated(List<DiagnosticRelatedInformation>? a, List<DiagnosticRelatedInformation>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.Zip(b!).All(x => x.First.Location.Uri == x.Second.Location.Uri && x.First.Location.Range == x.Second.Location.Range));

    private LspDiagnostic ToLsp(Diagnostic d) => new()
    {
        Range = d.Location is { } r ? Features.ToLsp(r) : new(new(0, 0), new(0, 0)),
        Severity = (int)d.Severity,
        Code = d.RuleId,
        CodeDescription = _docs.For(d.RuleId) is { } href ? new CodeDescription { Href = href } : null,
        Message = d.Format(DisplayPath),
        RelatedInformation = d.Related.Count == 0 ? null : d.Related.Select(x => new DiagnosticRelatedInformation
        {
            Location = new LspLocation { Uri = x.Path, Range = x.Range is { } rr ? Features.ToLsp(rr) : new(new(0, 0), new(0, 0)) },
            Message = x.Phrase is { } phrase ? $"\"{phrase}\" in {DisplayPath(x.Path)}" : DisplayPath(x.Path),
        }).ToList(),
    };

    /// <summary>
    /// How a story is named to the user: its path relative to the workspace folder that holds it
    /// (prefixed with the folder's name when there are several), else its local path, else the URI.
    /// </summary>
    internal string DisplayPath(string uri)
    {
        var path = DocumentStore.LocalPath(uri);
        if (path is null) return uri;
        var roots = _rootList;
        foreach (var root in roots.OrderByDescending(r => r.Length))
        {
            var rel = Path.GetRelativePath(root, path);
            if (rel == "." || rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel)) continue;
            rel = rel.Replace(Path.DirectorySeparatorChar, '/');
            return roots.Length > 1 ? Path.GetFileName(Path.TrimEndingDirectorySeparator(root)) + "/" + rel : rel;
        }
        return path;
    }

    /// <summary>
    /// The bank for a read request: waits (off the writer) for indexing and for the analyses of the
    /// documents open when the request arrived, then takes <see cref="BankIndex.Current"/> once.
    /// The synchronous part runs on the writer, in order behind earlier edits.
    /// </summary>
    private async Task<(BankAnalysis Bank, Dictionary<string, DocumentSnapshot> Open)> BankSnapshotAsync(string method, CancellationToken cancellationToken)
    {
        if (_init is null) throw new LocalRpcException($"pmprep/{method} before initialize") { ErrorCode = -32002 };
        var open = _store.Documents.Values.Select(d => Read(d.ClientUri)).ToList();
        var indexing = _indexing;
        await indexing.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_options.BeforeRead is { } hook) await hook(method, cancellationToken).ConfigureAwait(false);
        var meta = new Dictionary<string, DocumentSnapshot>(StringComparer.Ordinal);
        foreach (var (doc, task) in open)
        {
            // Each open document's analysis is in the bank (SyncBank) before its task completes.
            var a = await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (doc is not null && a is not null) meta[doc.ClientUri] = doc;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var bank = await Task.Run(() => _bank.Current, cancellationToken).ConfigureAwait(false);
        return (bank, meta);
    }

    // The last answers, reused while the bank (BankIndex.Current is the same object until a story
    // changes) and what else they show are unchanged: a client repeating a request costs nothing.
    private volatile Tuple<BankAnalysis, string, CoverageResult>? _lastCoverage;
    internal int ReportRenders, CoverageBuilds;   // for tests: how often the cache missed
    private volatile Tuple<BankAnalysis, PmPrepSettings, DocsLinks, string[], ReportResult>? _lastReport;

    public async Task<CoverageResult> CoverageAsync(JsonElement? p = null, CancellationToken cancellationToken = default)
    {
        var (bank, open) = await BankSnapshotAsync("coverage", cancellationToken).ConfigureAwait(false);
        string openKey = string.Join("\n", open.Values.OrderBy(d => d.ClientUri, StringComparer.Ordinal).Select(d => d.ClientUri + " " + d.Version)) + "\n" + string.Join("\n", _rootList);
        if (_lastCoverage is { } last && ReferenceEquals(last.Item1, bank) && last.Item2 == openKey) return last.Item3;
        Interlocked.Increment(ref CoverageBuilds);
        var result = Coverage.Build(bank, open, DisplayPath);
        _lastCoverage = Tuple.Create(bank, openKey, result);
        return result;
    }

    public async Task<ReportResult> ReportAsync(JsonElement? p = null, CancellationToken cancellationToken = default)
    {
        var (bank, _) = await BankSnapshotAsync("report", cancellationToken).ConfigureAwait(false);
        var settings = _bank.Settings;
        var docs = _docs;
        var roots = _rootList;
        if (_lastReport is { } last && ReferenceEquals(last.Item1, bank) && ReferenceEquals(last.Item2, settings) && ReferenceEquals(last.Item3, docs) && ReferenceEquals(last.Item4, roots))
            return last.Item5;
        Interlocked.Increment(ref ReportRenders);
        var html = ReportRenderer.Render(bank, new ReportOptions { DisplayPath = DisplayPath, Settings = settings });
        var result = new ReportResult { Html = html };
        _lastReport = Tuple.Create(bank, settings, docs, roots, result);
        return result;
    }
}
